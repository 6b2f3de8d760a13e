/**
 * The `huhang` commands. Each returns its exit code: 0 when the output was written (with or without findings),
 * 1 when no output could be written, 2 on bad usage (thrown as UsageError and handled in main).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { chineseDate } from "../core/dates";
import { errorMessage } from "../core/errors";
import { mergeSubmissions, type MergeResult } from "../core/merge";
import { describeExportPlan, planExport } from "../core/ordering";
import { checkAll } from "../core/rules";
import { describeLocation } from "../core/findings";
import { defaultSettings, type CampaignSettings } from "../core/settings";
import {
  bureauName,
  parsePrefecture,
  PROVINCE_BUREAU,
  type PrefectureName,
} from "../core/vocabulary";
import { readProvinceWorkbook } from "../io/xlsx/readProvince";
import { writeRecommendationList } from "../io/xlsx/exportList";
import { writeAnnex2Docx } from "../io/docx/write/annex2";
import { writeTemplate } from "../io/xlsx/template";
import {
  writePrefectureWorkbookPieces,
  writeProvinceWorkbookPieces,
} from "../io/xlsx/writeProvince";
import { carryScores } from "../core/scores";
import type { CaseRecord } from "../core/model";
import { intOption, stringOption, UsageError, type OptionSpecs, type ParsedArgs } from "./args";
import { writeDemoInputs } from "./demo/demoFiles";
import { expandInputs, makesLargeRollUp, readExpanded } from "./inputs";
import { expectLargeOutput } from "./nodeCodec";
import { jsonReport, textSummary } from "./report";
import { writeFileAtomic } from "./writeFile";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Today's date (ISO), injectable for tests. */
  today: () => string;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: OptionSpecs;
  example: string;
  run(args: ParsedArgs, io: Io): Promise<number>;
}

const HELP_OPTION: OptionSpecs = { help: { type: "boolean", help: "显示本命令的帮助" } };
const JSON_OPTION: OptionSpecs = {
  json: { type: "boolean", help: "在标准输出打印一个 JSON 对象（供脚本使用）" },
};
const READ_OPTIONS: OptionSpecs = {
  year: {
    type: "string",
    value: "<年度>",
    help: "遴选年度（默认 2024；截止日期为当年 12 月 25 日）",
  },
  prefecture: {
    type: "string",
    value: "<市州>",
    help: "本市州：Word 申报表列入该市州；工作簿仍按其自身的推荐单位读取",
  },
};
const FOOTER_OPTIONS: OptionSpecs = {
  date: { type: "string", value: "<日期>", help: "推荐汇总表的“日期”（默认今天），如 2024-12-20" },
  contact: { type: "string", value: "<姓名>", help: "推荐汇总表表尾的“联系人”" },
  phone: { type: "string", value: "<电话>", help: "推荐汇总表表尾的“手机/座机”" },
};

function settingsFrom(args: ParsedArgs): CampaignSettings {
  return defaultSettings(intOption(args, "year", 2020, 2100) ?? 2024);
}

function prefectureFrom(args: ParsedArgs): PrefectureName | undefined {
  const p = stringOption(args, "prefecture");
  if (p === undefined) return undefined;
  const name = parsePrefecture(p);
  if (!name) throw new UsageError(`--prefecture “${p}”不是湖南省的市州（如 长沙市、湘西州）`);
  return name;
}

/** The 日期 line: --date as given (a date in any form a clerk writes it), else today. */
function dateFrom(args: ParsedArgs, io: Io): string {
  const given = stringOption(args, "date");
  if (given === undefined) return chineseDate(io.today());
  const iso = /^\d{4}-\d{1,2}-\d{1,2}$/.test(given) ? given : null;
  return iso ? chineseDate(iso) : given;
}

async function readAndMerge(
  inputs: string[],
  args: ParsedArgs,
  io: Io,
  writes = false
): Promise<MergeResult> {
  if (inputs.length === 0) throw new UsageError("请给出要读取的文件或文件夹");
  const expanded = await expandInputs(inputs);
  for (const m of expanded.missing) io.err(`找不到：${m}`);
  if (writes && makesLargeRollUp(expanded.files)) expectLargeOutput();
  const settings = settingsFrom(args);
  const prefecture = prefectureFrom(args);
  const { submissions, skipped } = await readExpanded(expanded, {
    settings,
    ...(prefecture ? { prefecture } : {}),
    onProgress: (done, total, file) => {
      if (total >= 20 && file) io.err(`读取 ${done + 1}/${total}：${file}`);
    },
  });
  // a package folder's other files are its attachments (counted in the summary), not skipped
  if (skipped.length > 0) {
    io.err(`已跳过 ${skipped.length} 个不是申报材料的文件（如 ${path.basename(skipped[0])}）`);
  }
  return mergeSubmissions(submissions, settings);
}

function printResult(result: MergeResult, output: string | null, args: ParsedArgs, io: Io): void {
  if (args.options.json) io.out(JSON.stringify(jsonReport(result, output), null, 2));
  else io.out(textSummary(result, output));
}

/**
 * The scores already entered in a workbook we wrote (the previous roll-up at --out, or --scores): null when there is
 * no such file; a file that is not one of ours is said, and nothing is carried from it.
 */
async function previousScores(file: string, io: Io): Promise<CaseRecord[] | null> {
  let data: Uint8Array;
  try {
    data = new Uint8Array(await fs.readFile(file));
  } catch {
    return null;
  }
  const { records, findings } = await readProvinceWorkbook(data, path.basename(file));
  const problem = findings.find((f) => f.code === "FILE" && f.severity === "error");
  if (problem) {
    io.err(`未从“${file}”带入评审得分：${problem.message}`);
    return null;
  }
  return records;
}

async function merge(args: ParsedArgs, io: Io): Promise<number> {
  const out = stringOption(args, "out");
  if (!out) throw new UsageError("merge 需要 --out <输出文件.xlsx>");
  let result = await readAndMerge(args.positional, args, io, true);
  const prefecture = prefectureFrom(args);
  const meta = prefecture ? result.meta[prefecture] : undefined;
  if (result.inputs.every((i) => i.status === "rejected")) {
    printResult(result, null, args, io);
    io.err("没有可读取的输入文件，未写出汇总表。");
    return 1;
  }
  const previous = await previousScores(stringOption(args, "scores") ?? out, io);
  if (previous) {
    const { records, carry } = carryScores(result.records, previous);
    result = { ...result, records, scoreCarry: carry };
  }
  const footer = {
    date: dateFrom(args, io),
    contact: stringOption(args, "contact") ?? meta?.contact ?? "",
    phone: stringOption(args, "phone") ?? meta?.phone ?? "",
  };
  const generatedAt = `${io.today()}T00:00:00Z`;
  // the package's pieces go to the file as they are: it is never held twice (20 MB at 14 × 5,000 rows)
  const bytes = prefecture
    ? await writePrefectureWorkbookPieces(
        {
          prefecture,
          meta: { recommender: bureauName(prefecture), ...footer },
          records: result.records,
          findings: result.findings,
          indicators: result.indicators[prefecture] ?? null,
        },
        generatedAt
      )
    : await writeProvinceWorkbookPieces(result, {
        recommender: PROVINCE_BUREAU,
        ...footer,
        generatedAt,
      });
  await writeFileAtomic(out, bytes);
  printResult(result, out, args, io);
  return 0;
}

async function check(args: ParsedArgs, io: Io): Promise<number> {
  const result = await readAndMerge(args.positional, args, io);
  printResult(result, null, args, io);
  return result.inputs.length > 0 && result.inputs.every((i) => i.status === "rejected") ? 1 : 0;
}

async function demo(args: ParsedArgs, io: Io): Promise<number> {
  const dir = stringOption(args, "out") ?? "demo-output";
  const inputDir = path.join(dir, "市州报送");
  const files = await writeDemoInputs(inputDir);
  io.err(`已生成示例输入 ${files.length} 个（张家界市未报送）：${inputDir}`);
  const merged = {
    ...args,
    positional: [inputDir],
    options: { ...args.options, out: path.join(dir, "湖南省推荐汇总表.xlsx") },
  };
  return merge(merged, io);
}

async function exportList(args: ParsedArgs, io: Io): Promise<number> {
  const [input, ...rest] = args.positional;
  const out = stringOption(args, "out");
  if (!input || rest.length > 0) throw new UsageError("export 需要且只需要一个省级汇总表文件");
  if (!out) throw new UsageError("export 需要 --out <推荐名单.xlsx>");
  const top = intOption(args, "top", 1, 100000);
  let data: Uint8Array;
  try {
    data = new Uint8Array(await fs.readFile(input));
  } catch (e) {
    io.err(`无法打开文件 ${input}：${errorMessage(e)}`);
    return 1;
  }
  const { records, findings } = await readProvinceWorkbook(data, path.basename(input));
  for (const f of findings) io.err(`[${f.code}] ${describeLocation(f)}：${f.message}`);
  if (records.length === 0) {
    io.err("省级汇总表“明细”中没有可导出的案例，未写出推荐名单。");
    return 1;
  }
  const plan = planExport(records, checkAll(records, {}, settingsFrom(args)), {
    top,
    excludeErrors: args.options["exclude-errors"] === true,
  });
  for (const line of describeExportPlan(plan)) io.out(line);
  const bytes = await writeRecommendationList(plan.exported, {
    recommender: PROVINCE_BUREAU,
    date: dateFrom(args, io),
    contact: stringOption(args, "contact") ?? "",
    phone: stringOption(args, "phone") ?? "",
    generatedAt: `${io.today()}T00:00:00Z`,
  });
  await writeFileAtomic(out, bytes);
  const scored = records.filter((r) => r.score !== null).length;
  io.out(`已按评审得分排序导出 ${plan.exported.length} 条（其中 ${scored} 条有评分）：${out}`);
  return 0;
}

async function template(args: ParsedArgs, io: Io): Promise<number> {
  const [kind, ...rest] = args.positional;
  if ((kind !== "annex2" && kind !== "annex3") || rest.length > 0)
    throw new UsageError("template 需要 annex2 或 annex3");
  const out = stringOption(args, "out");
  if (!out) throw new UsageError("template 需要 --out <文件.xlsx|文件.docx>");
  const ext = path.extname(out).toLowerCase();
  if (ext === ".docx" && kind === "annex2") {
    await writeFileAtomic(out, writeAnnex2Docx());
    io.out(`已写出附件2 成效突出地区申报表 Word 模板（通知原格式）：${out}`);
    return 0;
  }
  if (ext !== ".xlsx")
    throw new UsageError(
      kind === "annex2"
        ? `--out “${out}”：附件2 模板可写出 .docx（通知原格式的 Word 申报表）或 .xlsx（指标表）`
        : `--out “${out}”：附件3 模板只能写出 .xlsx`
    );
  await writeFileAtomic(out, await writeTemplate(kind));
  io.out(
    `已写出${kind === "annex2" ? "附件2 成效突出地区指标表" : "附件3 推荐汇总表"}模板：${out}`
  );
  return 0;
}

export const COMMANDS: readonly Command[] = [
  {
    name: "merge",
    usage: "merge <文件|文件夹>... --out <汇总表.xlsx>",
    summary:
      "读取各市州推荐汇总表（.xlsx）和企业申报表（.docx），检查规则，写出汇总工作簿（推荐汇总表、明细、地区指标、问题清单）。",
    options: {
      out: {
        type: "string",
        value: "<汇总表.xlsx>",
        help: "写出的汇总工作簿；已存在时，其中“明细”已填的评审得分带入同一案例",
      },
      scores: {
        type: "string",
        value: "<汇总表.xlsx>",
        help: "从另一份本工具写出的汇总表带入评审得分（默认取 --out 本身）",
      },
      ...READ_OPTIONS,
      ...FOOTER_OPTIONS,
      ...JSON_OPTION,
      ...HELP_OPTION,
    },
    example:
      "huhang merge 申报表/ --prefecture 长沙市 --contact 张敏 --phone 0731-88888888 --out 长沙市推荐汇总表.xlsx",
    run: merge,
  },
  {
    name: "check",
    usage: "check <文件|文件夹>...",
    summary: "只读取和检查，列出每个问题的文件、工作表、行、列，不写任何文件。",
    options: { ...READ_OPTIONS, ...JSON_OPTION, ...HELP_OPTION },
    example: "huhang check 市州报送/ --json",
    run: check,
  },
  {
    name: "export",
    usage: "export <省级汇总表.xlsx> --out <推荐名单.xlsx>",
    summary:
      "按“明细”中专家填写的评审得分从高到低导出推荐名单（附件3 格式）；同分及未评分的按申报方向、市州、市州推荐顺序排列。",
    options: {
      out: { type: "string", value: "<推荐名单.xlsx>", help: "写出的推荐名单" },
      top: { type: "string", value: "<N>", help: "只导出前 N 个案例" },
      "exclude-errors": {
        type: "boolean",
        help: "有错误问题（R2、R3 等）的案例不导出，由其后的案例依次补上",
      },
      ...FOOTER_OPTIONS,
      ...HELP_OPTION,
    },
    example: "huhang export 湖南省推荐汇总表.xlsx --top 20 --out 推荐名单.xlsx",
    run: exportList,
  },
  {
    name: "template",
    usage: "template annex2|annex3 --out <文件.xlsx|文件.docx>",
    summary:
      "写出空白的附件2 或附件3 模板：.xlsx 为带下拉选项的工作表；附件2 写 .docx 时为通知原格式的 Word 申报表。",
    options: {
      out: {
        type: "string",
        value: "<文件.xlsx|文件.docx>",
        help: "写出的模板，按扩展名决定格式（.docx 仅附件2）",
      },
      ...HELP_OPTION,
    },
    example: "huhang template annex2 --out 附件2申报表.docx",
    run: template,
  },
  {
    name: "demo",
    usage: "demo [--out <文件夹>]",
    summary: "生成 13 个市州的示例推荐汇总表（含故意设置的问题，张家界市未报）并合并。",
    options: {
      out: {
        type: "string",
        value: "<文件夹>",
        help: "示例输入和合并结果的文件夹（默认 demo-output）",
      },
      ...HELP_OPTION,
    },
    example: "huhang demo --out demo-output",
    run: demo,
  },
];
