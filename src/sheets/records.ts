/**
 * The record sheets: 明细 (a prefecture's every field, and the province file's detail with 评审得分) and 全省汇总 (the
 * Excel host's province sheet). One column registry: header, width, look, the cell written for a record, and how a
 * read cell goes back into the record. The .xlsx writer and the Excel host both render from it; the workbook reader
 * recognises our sheets by these headers and reads every field back, so what the tool wrote reads back as itself.
 *
 * Hidden columns carry what the official layout has no place for: the enterprise identity the live flags group by,
 * the source columns (to locate findings after a round trip), the form's remaining facts, the case key the
 * 推荐汇总表 rows are paired by, and a fingerprint of the cells as written (to tell which sheet a clerk edited); their
 * encodings are in ./hiddenColumns.ts.
 */
import { enterpriseIdentities } from "../core/duplicates";
import type { Finding } from "../core/findings";
import { flagsOfIdentities, usccProblem } from "../core/formulas";
import { caseKey } from "../core/identity";
import { findingsByRecord } from "../core/recordRow";
import type { CaseRecord, FormFacts } from "../core/model";
import { displayTimestamp, parseDateLoose } from "../core/dates";
import { cleanMultiline, cleanText, parseLooseNumber } from "../core/text";
import { normalizeUscc } from "../core/uscc";
import {
  CATEGORIES,
  DIRECTIONS,
  LEVELS,
  parseCategory,
  parseLevel,
  parsePrefecture,
} from "../core/vocabulary";
import { parseDirection } from "../core/directionText";
import { summaryCellOf } from "./annex3";
import {
  decodeFormExtra,
  decodeSourceColumns,
  encodeFingerprint,
  encodeFormExtra,
  encodeSourceColumns,
  officialFields,
} from "./hiddenColumns";
import type { ColumnLayout, PrintSpec } from "./layout";
import { printSpec } from "./layout";

export const DETAIL_SHEET = "明细";
export const PROVINCE_SHEET = "全省汇总";
/** Written when a record has no prefecture; reads back as null. */
export const UNKNOWN_PREFECTURE = "未识别";

/** What a row needs besides its record: its place, its findings and the values computed over all rows. */
export interface RowContext {
  /** 1-based position in the sheet's body. */
  seq: number;
  findings: readonly Finding[];
  /** When the sheet was written (ISO). */
  writtenAt: string;
  /** The enterprise identity the rules computed (core/duplicates enterpriseIdentities): the flags group by it. */
  identity: string;
  /** The case key (core/identity caseKey) the record had when written. */
  key: string;
  /** Problems of the credit code ('' when fine), and the live flags' values as of writing. */
  usccProblem: string;
  multiDirection: string;
  crossRegion: string;
}

/** A record being read back, field by field. */
export type RecordDraft = CaseRecord & { formExtra: Partial<FormFacts> | null; formSeen: boolean };

export type RecordColumnId =
  | "seq"
  | "prefecture"
  | "order"
  | "caseName"
  | "enterprise"
  | "uscc"
  | "category"
  | "direction"
  | "level"
  | "summary"
  | "contact"
  | "phone"
  | "date"
  | "address"
  | "founded"
  | "capital"
  | "nature"
  | "fax"
  | "email"
  | "intro"
  | "sourceFile"
  | "sourceSheet"
  | "sourceRow"
  | "writtenAt"
  | "problems"
  | "score"
  | "usccCheck"
  | "multiDirection"
  | "crossRegion"
  | "identity"
  | "sourceColumns"
  | "formExtra"
  | "key"
  | "written";

export type CellValue = string | number | null;

/**
 * A cell as read: its text cleaned (one line), its text as stored, its number when it holds one. The reader hands
 * every cell of a sheet over in the same object: a read keeps the values, never the object.
 */
export interface ReadCell {
  text: string;
  raw: string;
  num: number | null;
}

export interface RecordColumn extends ColumnLayout {
  id: RecordColumnId;
  /** The cell of a record. */
  write(r: CaseRecord, ctx: RowContext): CellValue;
  /** Put a read cell back into the record (absent: the column is derived, never read). */
  read?(cell: ReadCell, into: RecordDraft): void;
  /**
   * With the add-in, the column is a HUHANG formula over other columns (the Excel host writes it; the file keeps the
   * value as of writing, for recipients without the add-in).
   */
  live?: "usccCheck" | "multiDirection" | "crossRegion";
}

const formText = (pick: (f: FormFacts) => string) => (r: CaseRecord) =>
  r.form ? pick(r.form) || null : null;
/** A form fact with a column of its own; the form itself comes back only with its hidden facts (formExtra). */
const setForm = (field: keyof FormFacts) => (cell: ReadCell, into: RecordDraft) => {
  (into.formExtra ??= {})[field] = cell.text as never;
};

const textOrNull = (s: string | null | undefined): string | null => (s ? s : null);

const CATEGORY_LIST = {
  kind: "list" as const,
  items: CATEGORIES,
  title: "企业类别",
  prompt: "请选择企业类别（八类之一）。",
};
const DIRECTION_LIST = {
  kind: "list" as const,
  items: DIRECTIONS.map((d) => d.name),
  title: "申报方向",
  prompt: "每家企业只能申报 1 个方向。",
};
const LEVEL_LIST = {
  kind: "list" as const,
  items: LEVELS,
  title: "网络安全级别",
  prompt: "分类分级方向填三级/二级/一级，车联网方向填五级至一级；其他方向留空。",
};

/** Every record column, in 明细 order. */
export const RECORD_COLUMNS: readonly RecordColumn[] = [
  { id: "seq", header: "序号", width: 6, look: "number", write: (_r, c) => c.seq },
  {
    id: "prefecture",
    header: "所属市州",
    width: 12,
    look: "text",
    write: (r) => r.prefecture ?? UNKNOWN_PREFECTURE,
    read: ({ text: t }, d) => void (d.prefecture = parsePrefecture(t)),
  },
  {
    id: "order",
    header: "推荐顺序",
    width: 8,
    look: "number",
    write: (r) => r.order,
    read: ({ text: t, num: n }, d) => {
      const v = n ?? parseLooseNumber(t);
      if (v !== null && Number.isInteger(v) && v > 0) d.order = v;
    },
  },
  {
    id: "caseName",
    header: "案例名称",
    width: 28,
    look: "text",
    write: (r) => textOrNull(r.caseName),
    read: ({ text: t }, d) => void (d.caseName = t),
  },
  {
    id: "enterprise",
    header: "企业名称",
    width: 26,
    look: "text",
    write: (r) => textOrNull(r.enterprise),
    read: ({ text: t }, d) => void (d.enterprise = t),
  },
  {
    id: "uscc",
    header: "统一社会信用代码",
    width: 21,
    look: "text",
    write: (r) => textOrNull(r.uscc),
    read: ({ text: t, num: n }, d) =>
      void (d.uscc = n !== null ? normalizeUscc(n) : normalizeUscc(t)),
  },
  {
    id: "category",
    header: "企业类别",
    width: 16,
    look: "text",
    rule: CATEGORY_LIST,
    write: (r) => textOrNull(r.category ?? r.categoryRaw),
    read: ({ text: t }, d) => {
      d.category = parseCategory(t);
      d.categoryRaw = t;
    },
  },
  {
    id: "direction",
    header: "申报方向",
    width: 24,
    look: "text",
    rule: DIRECTION_LIST,
    write: (r) => textOrNull(r.direction ?? r.directionRaw),
    read: ({ text: t }, d) => {
      d.direction = parseDirection(t);
      d.directionRaw = t;
    },
  },
  {
    id: "level",
    header: "网络安全级别",
    width: 9,
    look: "text",
    rule: LEVEL_LIST,
    write: (r) => textOrNull(r.level ?? r.levelRaw),
    read: ({ text: t, num: n }, d) => {
      d.level = n !== null ? parseLevel(n) : parseLevel(t);
      d.levelRaw = t;
    },
  },
  {
    id: "summary",
    header: "简述",
    width: 40,
    look: "text",
    write: (r) => textOrNull(r.summary),
    read: ({ text: t }, d) => void (d.summary = t),
  },
  {
    id: "contact",
    header: "联系人",
    width: 10,
    look: "text",
    write: (r) => textOrNull(r.contact),
    read: ({ text: t }, d) => void (d.contact = t),
  },
  {
    id: "phone",
    header: "联系方式",
    width: 15,
    look: "text",
    write: (r) => textOrNull(r.phone),
    read: ({ text: t, num: n }, d) => void (d.phone = n !== null ? String(n) : t),
  },
  {
    id: "date",
    header: "申报日期",
    width: 11,
    look: "text",
    write: (r) => r.date,
    read: ({ text: t }, d) => void (d.date = parseDateLoose(t)),
  },
  {
    id: "address",
    header: "单位地址",
    width: 24,
    look: "text",
    write: formText((f) => f.address),
    read: setForm("address"),
  },
  {
    id: "founded",
    header: "成立时间",
    width: 11,
    look: "text",
    write: formText((f) => f.founded),
    read: setForm("founded"),
  },
  {
    id: "capital",
    header: "注册资本（万元）",
    width: 10,
    look: "text",
    write: formText((f) => f.capitalRaw),
    read: setForm("capitalRaw"),
  },
  {
    id: "nature",
    header: "单位性质",
    width: 12,
    look: "text",
    write: formText((f) => f.nature),
    read: setForm("nature"),
  },
  {
    id: "fax",
    header: "传真",
    width: 14,
    look: "text",
    write: formText((f) => f.fax),
    read: setForm("fax"),
  },
  {
    id: "email",
    header: "电子邮箱",
    width: 20,
    look: "text",
    write: formText((f) => f.email),
    read: setForm("email"),
  },
  {
    id: "intro",
    header: "申报单位简介",
    width: 30,
    look: "plain",
    write: formText((f) => f.intro),
    read: (c, d) => setForm("intro")({ ...c, text: cleanMultiline(c.raw) }, d),
  },
  {
    id: "sourceFile",
    header: "来源文件",
    width: 24,
    look: "text",
    write: (r) => textOrNull(r.source.file),
    read: ({ text: t }, d) => void (d.source = { ...d.source, file: t }),
  },
  {
    id: "sourceSheet",
    header: "来源工作表",
    width: 12,
    look: "text",
    write: (r) => r.source.sheet,
    read: ({ text: t }, d) => void (d.source = { ...d.source, sheet: t || null }),
  },
  {
    id: "sourceRow",
    header: "来源行",
    width: 7,
    look: "number",
    write: (r) => r.source.row,
    read: ({ text: t, num: n }, d) => {
      const v = n ?? parseLooseNumber(t);
      d.source = { ...d.source, row: v !== null && Number.isInteger(v) && v > 0 ? v : null };
    },
  },
  {
    id: "writtenAt",
    header: "导入时间",
    width: 17,
    look: "plain",
    write: (_r, c) => (c.writtenAt ? displayTimestamp(c.writtenAt) : null),
  },
  {
    id: "problems",
    header: "问题",
    width: 46,
    look: "text",
    write: (_r, c) =>
      c.findings.length ? c.findings.map((f) => `【${f.code}】${f.message}`).join("\n") : null,
  },
  {
    id: "score",
    header: "评审得分",
    width: 9,
    look: "input",
    rule: {
      kind: "number",
      whole: false,
      min: 0,
      // a warning, not a refusal: the reader also takes numbers typed as text and says what it could not read
      strict: false,
      title: "评审得分",
      prompt: "专家评审后在本列填写得分（数字），再导入本工作簿即可按得分排序。",
      error: "请填写不小于0的数字，如 88.5。",
    },
    write: (r) => r.score,
    // read by the reader itself: a score that is not a number is a located finding, not a silent blank
  },
  {
    id: "usccCheck",
    header: "信用代码检查",
    width: 22,
    look: "text",
    live: "usccCheck",
    write: (_r, c) => c.usccProblem || null,
  },
  {
    id: "multiDirection",
    header: "多方向提示",
    width: 22,
    look: "text",
    live: "multiDirection",
    write: (_r, c) => c.multiDirection || null,
  },
  {
    id: "crossRegion",
    header: "多地推荐提示",
    width: 22,
    look: "text",
    live: "crossRegion",
    write: (_r, c) => c.crossRegion || null,
  },
  {
    id: "identity",
    header: "企业标识",
    width: 10,
    look: "plain",
    hidden: true,
    write: (_r, c) => c.identity || null,
  },
  {
    id: "sourceColumns",
    header: "来源列",
    width: 10,
    look: "plain",
    hidden: true,
    write: (r) => encodeSourceColumns(r.columns) || null,
    read: ({ text: t }, d) => void (d.columns = decodeSourceColumns(t)),
  },
  {
    id: "formExtra",
    header: "申报表信息",
    width: 10,
    look: "plain",
    hidden: true,
    write: (r) => (r.form ? encodeFormExtra(r.form) : null),
    read: ({ text: t }, d) => {
      const extra = decodeFormExtra(t);
      if (!extra) return;
      d.formSeen = true;
      d.formExtra = { ...extra, ...d.formExtra };
    },
  },
  {
    id: "key",
    header: "案例标识",
    width: 10,
    look: "plain",
    hidden: true,
    write: (_r, c) => c.key,
  },
  {
    id: "written",
    header: "写出校验",
    width: 10,
    look: "plain",
    hidden: true,
    write: (r) => encodeFingerprint(officialFields(r)),
  },
];

const BY_ID = new Map(RECORD_COLUMNS.map((c) => [c.id, c]));
export function recordColumn(id: RecordColumnId): RecordColumn {
  return BY_ID.get(id)!;
}

const pick = (ids: readonly RecordColumnId[]) => ids.map(recordColumn);

/** 明细: every column. The province file's 明细 is the same sheet (its 评审得分 is what the experts fill). */
export const DETAIL_COLUMNS: readonly RecordColumn[] = RECORD_COLUMNS;

/** 全省汇总 (Excel host, province): the same record with the province's flags next to the score. */
export const PROVINCE_COLUMNS: readonly RecordColumn[] = pick([
  "seq",
  "prefecture",
  "order",
  "caseName",
  "enterprise",
  "uscc",
  "category",
  "direction",
  "level",
  "summary",
  "contact",
  "phone",
  "date",
  "address",
  "founded",
  "capital",
  "nature",
  "fax",
  "email",
  "intro",
  "sourceFile",
  "sourceSheet",
  "sourceRow",
  "writtenAt",
  "problems",
  "score",
  "crossRegion",
  "multiDirection",
  "usccCheck",
  "identity",
  "sourceColumns",
  "formExtra",
  "key",
  "written",
]);

export interface RecordSheetSpec {
  name: string;
  columns: readonly RecordColumn[];
  headerRow: 1;
  print: PrintSpec;
}

export const DETAIL_SPEC: RecordSheetSpec = {
  name: DETAIL_SHEET,
  columns: DETAIL_COLUMNS,
  headerRow: 1,
  print: printSpec("landscape", [1, 1]),
};
export const PROVINCE_SPEC: RecordSheetSpec = {
  name: PROVINCE_SHEET,
  columns: PROVINCE_COLUMNS,
  headerRow: 1,
  print: printSpec("landscape", [1, 1]),
};

/**
 * Whether a header row is one of our record sheets: the case key column and most of the visible headers are there
 * (a clerk may delete or move columns; a row of a foreign table that merely names 案例名称 is not ours).
 */
export function recognizeRecordHeader(headers: readonly string[]): boolean {
  const set = new Set(headers.map((h) => cleanText(h)));
  const known = RECORD_COLUMNS.filter((c) => set.has(c.header)).length;
  return set.has(recordColumn("key").header) ? known >= 6 : known >= 14;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing: the rows' context, and what a record looks like once written

/** A row's fill: light red with an error finding, light yellow with only warnings (see layout.ts FILL). */
export function rowFill(findings: readonly Finding[]): "error" | "warning" | null {
  if (findings.some((f) => f.severity === "error")) return "error";
  return findings.length > 0 ? "warning" : null;
}

/** 评审得分 typed as text ("88.5", "８８．５", "88.5分"): the number, or null when it is none. */
export function scoreFromText(text: string): number | null {
  return parseLooseNumber(text.replace(/分$/, ""));
}

/**
 * The key each row is written with, in the hidden columns of both 推荐汇总表 and 明细: the case key, made unique
 * within the sheet (a case listed twice — an R3 — gets "¦2" on its second row) so every row finds its pair.
 */
export function writtenKeys(records: readonly CaseRecord[]): string[] {
  const seen = new Map<string, number>();
  return records.map((r) => {
    const k = caseKey(r);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k}¦${n}`;
  });
}

/**
 * The context of every row: its findings, the enterprise identity the rules use (so the live flags group rows as
 * R2/R3 do), its case key, the credit-code problem and the flags as of writing. Linear in the number of rows.
 */
export function rowContexts(
  records: readonly CaseRecord[],
  findings: readonly Finding[],
  writtenAt: string,
  /** writtenKeys(records), when the caller has them already (the 推荐汇总表 of the same workbook does). */
  keys: readonly string[] = writtenKeys(records)
): RowContext[] {
  if (records.length === 0) return [];
  const own = findingsByRecord(records, findings);
  const identities = enterpriseIdentities(records);
  // what MULTIDIRECTION / CROSSREGION give over the identity column (the live formulas), keyed without normalising
  // the identities again
  const flags = flagsOfIdentities(
    identities,
    records.map((r) => r.direction ?? ""),
    records.map((r) => r.prefecture ?? "")
  );
  const multi = flags.multiDirection;
  const cross = flags.crossRegion;
  return records.map((r, i) => ({
    seq: i + 1,
    findings: own[i],
    writtenAt,
    identity: identities[i],
    key: keys[i],
    usccProblem: usccProblem(r.uscc),
    multiDirection: multi[i][0],
    crossRegion: cross[i][0],
  }));
}

/**
 * A record as the tool writes it, so as it reads back: enumerated fields in their canonical names, the 附件3 cell
 * "方向名称：简述" rebuilt from the direction and the 简述 (./annex3.ts). A record read from our own workbook equals
 * asWritten(the record written).
 */
export function asWritten(r: CaseRecord): CaseRecord {
  return {
    ...r,
    categoryRaw: r.category ?? r.categoryRaw,
    directionRaw: r.direction ?? r.directionRaw,
    levelRaw: r.level ?? r.levelRaw,
    summaryCell: summaryCellOf(r),
  };
}
