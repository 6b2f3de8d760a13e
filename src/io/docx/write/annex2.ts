/**
 * 附件2 护航新型工业化网络安全成效突出地区申报表 as a Word document in the notice's own layout: the cover (申报单位,
 * 申报日期, 编制单位), 填表须知, 一、申报单位基本情况 (the header table, with 重点任务完成情况 as the notice's
 * fill-in-the-blank paragraphs in its last row), 二、护航行动推进情况及成效 with its headings and guidance, and
 * 附件：相关证明材料 (the attached name lists as tables, when given).
 *
 * Which blank is which indicator comes from the indicator definitions (src/core/indicatorDefs.ts): the notice's
 * sentences below name each blank by its key only, the unit after it is the definition's unit, and the keys must run
 * in the definitions' order, section and item (checked when this module loads). An empty blank is an underlined run
 * of no-break spaces, as the notice's "____": our reader (readAnnex2.ts) reads it as not filled (null, never 0); a
 * value is written in that underlined run, as a clerk types it in.
 */
import { parseDateText } from "../../../core/dates";
import {
  INDICATOR_DEF_BY_KEY,
  INDICATOR_DEFS,
  INDICATOR_HEADER_LABELS,
} from "../../../core/indicatorDefs";
import type {
  IndicatorHeaderKey,
  IndicatorKey,
  IndicatorValues,
  SubmissionMeta,
} from "../../../core/model";
import { bureauName, type PrefectureName } from "../../../core/vocabulary";
import { ANNEX2_TITLE, REGION_DIRECTIONS } from "../../../sheets/indicators";
import {
  SIZE,
  cell,
  lineBreak,
  para,
  text,
  type Block,
  type Inline,
  type Paragraph,
  type RunProps,
  type Table,
  type TableRow,
} from "./model";
import { packDocx, TEXT_WIDTH } from "./package";

export interface Annex2DocxOptions {
  /** The prefecture filling the form: its bureau is the 申报单位 unless header.unitName says otherwise. */
  prefecture?: PrefectureName | null;
  /** The indicators; a key absent or null is a blank left empty. Percentages 0–100, as the readers give them. */
  values?: IndicatorValues["values"];
  /** 申报单位名称, 负责人, 职务, 联系人 姓名 / 部门及职务 / 联系电话 / 邮箱地址, the two 是/否 answers, 申报方向. */
  header?: IndicatorValues["header"];
  /** Attached name lists (请附名单), written as tables after 附件：相关证明材料. */
  lists?: IndicatorValues["lists"];
  /** 申报日期: ISO (2024-12-15) or as written (2024年12月15日); blank when absent. */
  date?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The notice's text

type TaskLine =
  | { kind: "section"; section: "安全管理成效" | "服务赋能成效"; text: string }
  | { kind: "item"; item: number; text: string };

/** 重点任务完成情况 as the notice words it; {key} is a blank, followed by its indicator's unit. */
const TASKS: readonly TaskLine[] = [
  { kind: "section", section: "安全管理成效", text: "一、安全管理成效" },
  {
    kind: "item",
    item: 1,
    text:
      "1.三级工业互联网企业{tier3}（请附名单），二级工业互联网企业{tier2}，一级工业互联网企业{tier1}。" +
      "工业互联网安全分类分级包含自主定级、定级核查、分级防护、符合性评测、安全整改等环节，" +
      "其中完成符合性评测的企业{conformity}，完成“五步走”全环节工作的企业{fiveSteps}",
  },
  {
    kind: "item",
    item: 2,
    text: "2.车联网网络安全防护定级备案企业{vehicleFiled}（请附名单），完成防护、评测等工作的企业{vehicleProtected}",
  },
  {
    kind: "item",
    item: 3,
    text: "3.组织{icsPilots}企业开展工业控制系统网络安全评估试点，发现企业安全风险{icsRisksFound}，整改{icsRisksFixed}",
  },
  {
    kind: "item",
    item: 4,
    text:
      "4.开展工业领域网络安全风险通报{noticeIssues}，通报风险隐患数量{noticeHazards}、完成整改{noticeHazardsFixed}，" +
      "组织相关单位发现、验证、修复工控产品漏洞{icsVulns}",
  },
  {
    kind: "item",
    item: 5,
    text: "5.开展{trainings}网络安全政策宣贯培训，覆盖{trainingEnterprises}相关企业，其中{trainingKeyPct}为重点行业规上企业",
  },
  { kind: "section", section: "服务赋能成效", text: "二、服务赋能成效" },
  {
    kind: "item",
    item: 1,
    text:
      "1.开展网络安全监测服务试点，组织{monitorTelecoms}基础电信企业，监测服务{monitorIndustrial}重点工业企业、" +
      "{monitorVehicle}车联网企业（请附名单）",
  },
  {
    kind: "item",
    item: 2,
    text: "2.开展网络安全保险服务试点，形成{insurancePlans}网络安全保险服务方案（请附名单）",
  },
  {
    kind: "item",
    item: 3,
    text: "3.组织开展网络安全体检评估试点，完成{platformAssessed}工业互联网平台企业安全评估（请附名单）",
  },
  {
    kind: "item",
    item: 4,
    text: "4.持续实施安全“深度行”品牌行动，覆盖{deepCities}地市的{deepEnterprises}工业企业",
  },
  {
    kind: "item",
    item: 5,
    text: "5.开展“铸网—2024”实网攻防演练，覆盖{drillIndustrial}工业互联网企业、{drillVehicle}车联网企业",
  },
  {
    kind: "item",
    item: 6,
    text: "6.举办工业领域网络安全相关赛事，选拔培养{talents}工业领域网络安全专业人才",
  },
];

const BLANK_RE = /\{(\w+)\}/g;

/** Each task line's blanks, in order; throws when they disagree with the indicator definitions. */
export const TASK_BLANKS: readonly IndicatorKey[] = (() => {
  const keys: IndicatorKey[] = [];
  let section: "安全管理成效" | "服务赋能成效" | null = null;
  for (const line of TASKS) {
    if (line.kind === "section") {
      section = line.section;
      continue;
    }
    for (const m of line.text.matchAll(BLANK_RE)) {
      const def = INDICATOR_DEF_BY_KEY[m[1] as IndicatorKey];
      if (!def || def.section !== section || def.item !== line.item)
        throw new Error(
          `内部错误：附件2 模板的填空“${m[1]}”与指标定义（${section} 第 ${line.item} 项）不符`
        );
      keys.push(def.key);
    }
  }
  if (keys.join() !== INDICATOR_DEFS.map((d) => d.key).join())
    throw new Error("内部错误：附件2 模板的填空与指标定义的顺序不一致");
  return keys;
})();

const NOTES = [
  "一、申报单位应仔细阅读成效突出地区遴选工作有关说明，如实、详细地填写每一部分内容。",
  "二、除另有说明外，申报表单位基本信息部分不得空缺，申报书要求提供证明材料的，请在申报书附件处进行补充。",
  "三、纸质版申报材料要求盖章处，须加盖公章，复印无效，申报材料（含附件）需加盖骑缝章。",
  "四、电子版材料内容、格式、附件应与纸质版材料一致。",
  "五、申报单位对提供参评的全部资料的真实性负责。",
];

/** 二、护航行动推进情况及成效: its opening paragraph (each direction's name in bold) and its five headings. */
const PROGRESS_INTRO: ReadonlyArray<readonly [string, boolean]> = [
  ["总体成效突出地区方向", true],
  ["，重点梳理介绍护航行动四方面、十四项重点任务全部工作开展情况及成效。", false],
  ["安全管理成效突出地区方向", true],
  [
    "，重点介绍“新型工业化网络安全重点保障”、“建立适应新型工业化的制度机制”两方面、七项任务开展情况及成效。",
    false,
  ],
  ["服务赋能成效突出地区方向", true],
  [
    "，重点介绍“创新开展新型工业化网络安全服务赋能”和“着力提高新型工业化网络安全支撑水平”两方面、七项任务开展情况及成效。",
    false,
  ],
];

/** Each heading and its guidance; a guidance paragraph's lead (before the first 。) in bold when it is a sub-heading. */
const PROGRESS: ReadonlyArray<{
  heading: string;
  guidance: ReadonlyArray<readonly [string, string]>;
}> = [
  {
    heading: "（一）工业领域网络安全工作基础",
    guidance: [
      [
        "",
        "简述属地工业领域网络安全政策文件制定发布、分类分级管理工作实施、技术监测手段建设服务、人才选拔培养等工作基础。",
      ],
    ],
  },
  {
    heading: "（二）护航行动重点任务开展情况",
    guidance: [
      [
        "1.“新型工业化网络安全重点保障”有关工作情况。",
        "包括推进制造业重点产业链企业网络安全风险防范工作情况；实施工业互联网安全分类分级管理，推动企业落实自主定级、分级防护、符合性评测、安全整改等全环节工作情况；开展车联网安全防护管理，推动车联网服务平台企业开展定级备案、防护评测等工作情况；组织实施工业控制系统网络安全评估试点等工作情况。覆盖属地产业链重点企业、行业龙头企业等，建立完善工业领域网络安全重点企业清单情况。",
      ],
      [
        "2.“建立适应新型工业化的制度机制”有关工作情况。",
        "包括属地工业领域网络安全风险通报、工控产品漏洞治理等机制建设情况，通报风险隐患数量、频次、方式、涉及企业以及闭环处置等情况；属地工业领域网络安全宣贯培训情况，覆盖企业数量或人次、覆盖本地区规上企业占比等。",
      ],
      [
        "3.“创新开展新型工业化网络安全服务赋能”有关工作情况。",
        "包括网络安全监测服务试点、保险服务试点、体检评估试点等开展情况，服务方式、覆盖企业、帮助企业发现风险、消除隐患、提升防护水平等情况；工业领域网络安全典型应用示范培育等情况。",
      ],
      [
        "4.“着力提高新型工业化网络安全支撑水平”有关工作情况。",
        "包括“深度行”品牌行动、“铸网—2024”演练、网络安全赛事等活动开展情况，活动参与企业规模、组织方式、支撑提升企业安全意识技能、选拔培养安全人才等情况。",
      ],
    ],
  },
  {
    heading: "（三）总体成效",
    guidance: [
      [
        "",
        "总结深化安全管理服务、指导企业防护能力提升等方面的总体成效，包括服务企业数量、发现消除风险隐患数量、形成的典型案例等；梳理护航行动对促进本地区制造业数字化转型、高质量发展的支撑服务作用。",
      ],
    ],
  },
  {
    heading: "（四）工作举措和创新做法",
    guidance: [
      [
        "",
        "推进护航行动的做法举措和特色亮点，包括相关政策文件制定或发布、工作机制建设、考核激励措施、资金项目支持等。需补充相关文件、案例或数据等证明材料进行说明。",
      ],
    ],
  },
  { heading: "（五）其他需补充说明的事项", guidance: [] },
];

const EDITORS = "湖南省工业和信息化厅、湖南省通信管理局编制";
const SEAL_NOTE = "（加盖单位公章）";
const NAME_PROMPT = "（请填写全称）";

// ---------------------------------------------------------------------------------------------------------------
// Blanks and ticks

const TABLE_TEXT = { style: "TableText" } as const;
const LABEL = { style: "TableText", align: "center" } as const;
const NBSP = "\u00a0";
/** A blank of the task paragraphs: as wide as five characters. */
const BLANK_WIDTH = 10;

/** A number as a clerk writes it: plain digits, no grouping, no exponent. */
export function formatNumber(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

/**
 * An underlined blank: no-break spaces when empty (one stretch of underline, as "____"); when filled, the value with a
 * plain space either side inside the underline, where a line may break (LibreOffice splits a number glued to its
 * neighbours by no-break spaces across two lines).
 */
function blank(value: string, width: number, props: RunProps = {}): Inline {
  const v = value.trim();
  if (v === "") return text(NBSP.repeat(width), { ...props, underline: true });
  return text(` ${v} `, { ...props, underline: true });
}

const BOX_OFF = "☐";
const BOX_ON = "☑";
const GAP = "\u3000";

/** "☐是　　☐否" with the chosen options ticked. */
function ticks(options: readonly string[], chosen: readonly string[]): Inline[] {
  const out: Inline[] = [];
  options.forEach((o, i) => {
    if (i > 0) out.push(text(GAP + GAP));
    out.push(...tick(o, chosen.includes(o)));
  });
  return out;
}

function tick(option: string, on: boolean): Inline[] {
  return [text(on ? BOX_ON : BOX_OFF, { font: "symbol" }), text(option)];
}

function yesNo(answer: string | undefined): Inline[] {
  const a = (answer ?? "").trim();
  if (a === "" || a === "是" || a === "否") return ticks(["是", "否"], a === "" ? [] : [a]);
  return [text(a)];
}

/** 申报方向: one option a line (the three do not fit on one), the chosen ones ticked. */
function directions(answer: string | undefined): Paragraph[] {
  const a = (answer ?? "").trim();
  const chosen = REGION_DIRECTIONS.filter(
    (d) => a.includes(d) || a.includes(d.replace(/地区$/, ""))
  );
  if (a !== "" && chosen.length === 0) return [para(a, TABLE_TEXT)];
  return REGION_DIRECTIONS.map((d) => para(tick(d, chosen.includes(d)), TABLE_TEXT));
}

// ---------------------------------------------------------------------------------------------------------------
// Layout

const labelCell = (label: string, opts: Parameters<typeof cell>[1] = {}) =>
  cell([para(label, LABEL)], { vAlign: "center", ...opts });
const valueCell = (value: string | undefined, opts: Parameters<typeof cell>[1] = {}) =>
  cell([para(value ?? "", TABLE_TEXT)], { vAlign: "center", ...opts });

/** The header table's four grid columns (twips): label (8 characters of 小四 fit: 重点任务完成情况), value or sub-label, label, value. */
const COLUMNS = (() => {
  const first = [2126, 2268, 2410];
  return [...first, TEXT_WIDTH - first.reduce((a, b) => a + b, 0)];
})();

function taskParagraph(line: TaskLine, values: IndicatorValues["values"]): Paragraph {
  if (line.kind === "section") return para([text(line.text, { bold: true })], TABLE_TEXT);
  const runs: Inline[] = [];
  let last = 0;
  for (const m of line.text.matchAll(BLANK_RE)) {
    const key = m[1] as IndicatorKey;
    runs.push(text(line.text.slice(last, m.index)));
    const v = values[key];
    runs.push(
      blank(typeof v === "number" && Number.isFinite(v) ? formatNumber(v) : "", BLANK_WIDTH)
    );
    runs.push(text(INDICATOR_DEF_BY_KEY[key].unit));
    last = m.index! + m[0].length;
  }
  if (last < line.text.length) runs.push(text(line.text.slice(last)));
  return para(runs, { ...TABLE_TEXT, align: "both" });
}

function headerTable(header: IndicatorValues["header"], values: IndicatorValues["values"]): Table {
  const L = INDICATOR_HEADER_LABELS;
  const h = (k: IndicatorHeaderKey) => header[k];
  const rows: TableRow[] = [
    {
      minHeightPt: 30,
      cells: [
        labelCell(L.unitName),
        h("unitName")
          ? valueCell(h("unitName"), { span: 3 })
          : cell([para(NAME_PROMPT, TABLE_TEXT)], { span: 3, vAlign: "center" }),
      ],
    },
    {
      minHeightPt: 30,
      cells: [
        labelCell(L.leader),
        valueCell(h("leader")),
        labelCell(L.leaderTitle),
        valueCell(h("leaderTitle")),
      ],
    },
    ...(
      [
        ["contactName", "姓名"],
        ["contactDept", L.contactDept],
        ["contactPhone", L.contactPhone],
        ["contactEmail", L.contactEmail],
      ] as const
    ).map(([key, label], i): TableRow => ({
      minHeightPt: 30,
      cells: [
        i === 0 ? labelCell("联系人", { vMerge: "restart" }) : cell([], { vMerge: "continue" }),
        labelCell(label),
        valueCell(h(key), { span: 2 }),
      ],
    })),
    {
      minHeightPt: 30,
      cells: [
        labelCell(L.classifiedManagement),
        cell([para(yesNo(h("classifiedManagement")), LABEL)], { vAlign: "center" }),
        labelCell(L.keyEnterpriseList),
        cell([para(yesNo(h("keyEnterpriseList")), LABEL)], { vAlign: "center" }),
      ],
    },
    {
      minHeightPt: 30,
      cells: [
        labelCell(L.regionDirection),
        cell(directions(h("regionDirection")), { span: 3, vAlign: "center" }),
      ],
    },
    {
      cells: [
        cell(
          [para("重点任务完成情况", LABEL), para("（结合实际，根据申报方向填报对应内容）", LABEL)],
          { vAlign: "center" }
        ),
        cell(
          TASKS.map((line) => taskParagraph(line, values)),
          { span: 3 }
        ),
      ],
    },
  ];
  return { kind: "table", columns: COLUMNS, rows };
}

/** The cover's 申报日期: the date's year, month and day each in its underlined blank. */
function dateRuns(date: string | undefined): Inline[] {
  const given = (date ?? "").trim();
  const iso = given === "" ? null : parseDateText(given);
  if (given !== "" && !iso) return [blank(given, 16)];
  const [y, m, d] = iso ? iso.split("-").map((s) => String(Number(s))) : ["", "", ""];
  return [blank(y, 8), text("年"), blank(m, 4), text("月"), blank(d, 4), text("日")];
}

function cover(unit: string, date: string | undefined): Block[] {
  const line = { leftChars: 2, linePt: 40, afterPt: 12 } as const;
  return [
    para([text("附件2", { font: "heading" })], { align: "left" }),
    para(
      [
        text("护航新型工业化网络安全成效突出地区", { font: "title", sizePt: SIZE.二号 }),
        lineBreak,
        text("申报表", { font: "title", sizePt: SIZE.二号 }),
      ],
      {
        align: "center",
        beforePt: 110,
        afterPt: 100,
        linePt: 40,
      }
    ),
    para([text("申 报 单 位："), blank(unit, 22), text(SEAL_NOTE)], line),
    para([text("申 报 日 期："), ...dateRuns(date)], line),
    para(EDITORS, { align: "center", beforePt: 150 }),
  ];
}

function notes(): Block[] {
  return [
    para([text("填 表 须 知", { font: "heading", sizePt: SIZE.二号 })], {
      align: "center",
      pageBreakBefore: true,
      afterPt: 24,
      linePt: 40,
    }),
    ...NOTES.map((n) => para(n, { firstLineChars: 2 })),
  ];
}

function progress(): Block[] {
  const out: Block[] = [
    para("二、护航行动推进情况及成效", { style: "Heading1", beforePt: 14 }),
    para(
      PROGRESS_INTRO.map(([t, bold]) => text(t, { bold })),
      { firstLineChars: 2 }
    ),
  ];
  for (const part of PROGRESS) {
    out.push(para(part.heading, { style: "Heading2" }));
    for (const [lead, rest] of part.guidance)
      out.push(
        para(lead ? [text(lead, { bold: true }), text(rest)] : [text(rest)], { firstLineChars: 2 })
      );
    if (part.guidance.length === 0) out.push(para([], { firstLineChars: 2 }));
  }
  return out;
}

/** A list's title: its indicator's label without the unit ("三级工业互联网企业名单"). */
function listTitle(key: IndicatorKey): string {
  return `${INDICATOR_DEF_BY_KEY[key].label.replace(/（[^（）]*）$/, "")}名单`;
}

function attachments(lists: IndicatorValues["lists"]): Block[] {
  const out: Block[] = [para([text("附件：相关证明材料", { font: "heading" })], { beforePt: 14 })];
  for (const def of INDICATOR_DEFS) {
    const names = (lists[def.key] ?? []).map((n) => n.trim()).filter((n) => n !== "");
    if (names.length === 0) continue;
    out.push(
      para([text(listTitle(def.key), { bold: true })], {
        align: "center",
        beforePt: 12,
        keepNext: true,
      })
    );
    out.push({
      kind: "table",
      columns: [1134, TEXT_WIDTH - 1134],
      rows: [
        {
          cells: [
            labelCell("序号"),
            labelCell(def.key === "insurancePlans" ? "单位名称" : "企业名称"),
          ],
        },
        ...names.map((n, i) => ({
          cells: [labelCell(String(i + 1)), valueCell(n)],
        })),
      ],
    });
  }
  return out;
}

/** The 附件2 Word document: blank as the notice's template, or filled with what is given. */
export function writeAnnex2Docx(options: Annex2DocxOptions = {}): Uint8Array {
  const header: IndicatorValues["header"] = { ...options.header };
  const prefecture = options.prefecture ?? null;
  if (!header.unitName && prefecture) header.unitName = bureauName(prefecture);
  const values = options.values ?? {};
  const iso = options.date ? parseDateText(options.date) : null;
  const blocks: Block[] = [
    ...cover(header.unitName ?? "", options.date),
    ...notes(),
    para("一、申报单位基本情况", { style: "Heading1", pageBreakBefore: true, afterPt: 6 }),
    headerTable(header, values),
    ...progress(),
    ...attachments(options.lists ?? {}),
  ];
  return packDocx({
    blocks,
    title: ANNEX2_TITLE,
    creator: header.unitName || "护航汇总",
    ...(iso ? { created: `${iso}T00:00:00Z` } : {}),
  });
}

/**
 * A prefecture's 附件2 from what the taskpane holds: its indicators (values, header answers, name lists) and its
 * submission meta (推荐单位 → 申报单位名称, 日期 → 申报日期, 联系人 and 手机 where the header has none).
 */
export function annex2DocxForPrefecture(
  prefecture: PrefectureName | null,
  indicators: IndicatorValues | null,
  meta: Partial<SubmissionMeta> = {}
): Uint8Array {
  const header: IndicatorValues["header"] = { ...indicators?.header };
  if (!header.unitName && meta.recommender) header.unitName = meta.recommender;
  if (!header.contactName && meta.contact) header.contactName = meta.contact;
  if (!header.contactPhone && meta.phone) header.contactPhone = meta.phone;
  return writeAnnex2Docx({
    prefecture,
    values: indicators?.values ?? {},
    header,
    lists: indicators?.lists ?? {},
    ...(meta.date ? { date: meta.date } : {}),
  });
}
