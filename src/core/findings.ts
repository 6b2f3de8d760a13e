/**
 * Findings: every problem the tool reports, with its code (SPEC.md "Finding codes"), severity and location.
 * Messages are Chinese sentences a clerk can act on.
 */
import type { Finding, Location } from "./schemas";

export type { Finding, Location } from "./schemas";

export const FINDING_CODES = [
  "R1",
  "R2",
  "R3",
  "R4",
  "R5",
  "R6",
  "R7",
  "ID",
  "REQ",
  "IND",
  "FILE",
  "MAT",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = "error" | "warning";

/** What each code means, in Chinese, for reports and the UI legend. */
export const FINDING_TITLES: Record<FindingCode, string> = {
  R1: "联合体或多家企业共同申报",
  R2: "同一企业申报多个方向",
  R3: "同一案例重复推荐",
  R4: "申报日期或工作年度不在本年度遴选范围",
  R5: "案例申报方向和简述超过100字",
  R6: "推荐数量超过名额",
  R7: "企业类别与申报方向不符或网络安全级别填写有误",
  ID: "统一社会信用代码有误",
  REQ: "必填项为空或无法识别",
  IND: "地区指标前后不一致",
  FILE: "文件无法读取",
  MAT: "报送材料前后不一致",
};

export const DEFAULT_SEVERITY: Record<FindingCode, Severity> = {
  R1: "error",
  R2: "error",
  R3: "error",
  R4: "warning",
  R5: "error",
  R6: "warning",
  R7: "error",
  ID: "error",
  REQ: "error",
  IND: "error",
  FILE: "error",
  MAT: "error",
};

export function finding(
  code: FindingCode,
  where: Partial<Location> & { file: string },
  message: string,
  extra: { severity?: Severity; enterprise?: string | null; prefecture?: string | null } = {}
): Finding {
  return {
    code,
    severity: extra.severity ?? DEFAULT_SEVERITY[code],
    file: where.file,
    sheet: where.sheet ?? null,
    row: where.row ?? null,
    column: where.column ?? null,
    enterprise: extra.enterprise ?? null,
    prefecture: extra.prefecture ?? null,
    message,
  };
}

/** The part of a Word 附件2 whose rows are paragraphs (the rows of the other Word parts are table rows). */
export const WORD_TEXT_PART = "重点任务完成情况";

/**
 * "文件 a.xlsx，工作表 推荐汇总表，第 5 行，C 列" — the location as a clerk reads it; a Word document has parts (封面,
 * 申报表, 推荐汇总表, 重点任务完成情况), not sheets, and in its text part a row is a paragraph ("第 3 段").
 */
export function describeLocation(loc: Location): string {
  const parts = [`文件 ${loc.file}`];
  const word = /\.doc[xm]$/i.test(loc.file);
  if (loc.sheet) parts.push(word ? loc.sheet : `工作表 ${loc.sheet}`);
  if (loc.row !== null)
    parts.push(word && loc.sheet === WORD_TEXT_PART ? `第 ${loc.row} 段` : `第 ${loc.row} 行`);
  if (loc.column)
    parts.push(/^[A-Z]{1,3}$/.test(loc.column) ? `${loc.column} 列` : `“${loc.column}”`);
  return parts.join("，");
}

/** Stable order for reports: by file, sheet, row, column, code. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) ||
    cmp(a.sheet ?? "", b.sheet ?? "") ||
    (a.row ?? 0) - (b.row ?? 0) ||
    columnRank(a.column) - columnRank(b.column) ||
    cmp(a.column ?? "", b.column ?? "") ||
    cmp(a.code, b.code) ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function columnRank(col: string | null): number {
  if (!col || !/^[A-Z]{1,3}$/.test(col)) return 0;
  let n = 0;
  for (const ch of col) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 → A, 27 → AA. */
export function columnLetter(index1: number): string {
  let n = index1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
