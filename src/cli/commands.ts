/**
 * The `huhang` commands. Each returns its exit code: 0 when the output was written (with or without findings),
 * 1 when no output could be written, 2 on bad usage (thrown as UsageError and handled in main).
 */
import { errorMessage } from "../core/errors";
import { promises as fs } from "node:fs";
import path from "node:path";
import { chineseDate } from "../core/dates";
import { mergeSubmissions, type MergeResult } from "../core/merge";
import { orderForExport } from "../core/ordering";
import { defaultSettings, type CampaignSettings } from "../core/settings";
import {
  bureauName,
  parsePrefecture,
  PROVINCE_BUREAU,
  type PrefectureName,
} from "../core/vocabulary";
import { readProvinceWorkbook } from "../io/xlsx/readProvince";
import { writeRecommendationList } from "../io/xlsx/exportList";
import { writeTemplate } from "../io/xlsx/template";
import { writeProvinceWorkbook } from "../io/xlsx/writeProvince";
import { intOption, stringOption, UsageError, type ParsedArgs } from "./args";
import { writeDemoInputs } from "./demo/demoFiles";
import { expandInputs, readInputs } from "./inputs";
import { jsonReport, textSummary } from "./report";
import { writeFileAtomic } from "./writeFile";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Today's date (ISO), injectable for tests. */
  today: () => string;
}

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

async function readAndMerge(inputs: string[], args: ParsedArgs, io: Io): Promise<MergeResult> {
  if (inputs.length === 0) throw new UsageError("请给出要读取的文件或文件夹");
  const { files, missing } = await expandInputs(inputs);
  for (const m of missing) io.err(`找不到：${m}`);
  const settings = settingsFrom(args);
  const prefecture = prefectureFrom(args);
  const submissions = await readInputs(files, {
    settings,
    ...(prefecture ? { prefecture } : {}),
    onProgress: (done, total, file) => {
      if (total >= 20 && file) io.err(`读取 ${done + 1}/${total}：${file}`);
    },
  });
  return mergeSubmissions(submissions, settings);
}

function printResult(result: MergeResult, output: string | null, args: ParsedArgs, io: Io): void {
  if (args.options.json) io.out(JSON.stringify(jsonReport(result, output), null, 2));
  else io.out(textSummary(result, output));
}

export async function mergeCommand(args: ParsedArgs, io: Io): Promise<number> {
  const out = stringOption(args, "out");
  if (!out) throw new UsageError("merge 需要 --out <输出文件.xlsx>");
  const result = await readAndMerge(args.positional, args, io);
  const prefecture = prefectureFrom(args);
  const meta = prefecture ? result.meta[prefecture] : undefined;
  if (result.inputs.every((i) => i.status === "rejected")) {
    printResult(result, null, args, io);
    io.err("没有可读取的输入文件，未写出汇总表。");
    return 1;
  }
  const bytes = await writeProvinceWorkbook(result, {
    recommender: prefecture ? bureauName(prefecture) : PROVINCE_BUREAU,
    date: chineseDate(io.today()),
    contact: meta?.contact ?? "",
    phone: meta?.phone ?? "",
    generatedAt: `${io.today()}T00:00:00Z`,
  });
  await writeFileAtomic(out, bytes);
  printResult(result, out, args, io);
  return 0;
}

export async function checkCommand(args: ParsedArgs, io: Io): Promise<number> {
  const result = await readAndMerge(args.positional, args, io);
  printResult(result, null, args, io);
  return result.inputs.length > 0 && result.inputs.every((i) => i.status === "rejected") ? 1 : 0;
}

export async function demoCommand(args: ParsedArgs, io: Io): Promise<number> {
  const dir = stringOption(args, "out") ?? "demo-output";
  const inputDir = path.join(dir, "市州报送");
  const files = await writeDemoInputs(inputDir);
  io.err(`已生成示例输入 ${files.length} 个（张家界市未报送）：${inputDir}`);
  const merged = {
    ...args,
    positional: [inputDir],
    options: { ...args.options, out: path.join(dir, "湖南省推荐汇总表.xlsx") },
  };
  return mergeCommand(merged, io);
}

export async function exportCommand(args: ParsedArgs, io: Io): Promise<number> {
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
  for (const f of findings) io.err(`[${f.code}] ${f.message}`);
  if (records.length === 0) {
    io.err("省级汇总表“明细”中没有可导出的案例，未写出推荐名单。");
    return 1;
  }
  const ordered = orderForExport(records, top);
  const bytes = await writeRecommendationList(ordered, {
    recommender: PROVINCE_BUREAU,
    date: chineseDate(io.today()),
    generatedAt: `${io.today()}T00:00:00Z`,
  });
  await writeFileAtomic(out, bytes);
  const scored = records.filter((r) => r.score !== null).length;
  io.out(`已按评审得分排序导出 ${ordered.length} 条（其中 ${scored} 条有评分）：${out}`);
  return 0;
}

export async function templateCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [kind, ...rest] = args.positional;
  if ((kind !== "annex2" && kind !== "annex3") || rest.length > 0)
    throw new UsageError("template 需要 annex2 或 annex3");
  const out = stringOption(args, "out");
  if (!out) throw new UsageError("template 需要 --out <文件.xlsx>");
  await writeFileAtomic(out, await writeTemplate(kind));
  io.out(
    `已写出${kind === "annex2" ? "附件2 成效突出地区指标表" : "附件3 推荐汇总表"}模板：${out}`
  );
  return 0;
}
