/**
 * A record shown as one row of a detail sheet (明细, 全省汇总): the header texts, the row's own findings and how they
 * read in a cell, and the record's source columns kept in a hidden cell so that findings can point back after a
 * round trip through Excel. Shared by the .xlsx writer, its re-reader and the Excel host.
 */
import type { Finding } from "./findings";
import { CASE_FIELD_LABELS, type CaseField, type CaseRecord } from "./model";

/** Header texts of the record columns; readers find columns by these, so moved columns still read. */
export const RECORD_HEADERS = {
  seq: "序号",
  prefecture: "所属市州",
  order: "推荐顺序",
  caseName: "案例名称",
  enterprise: "企业名称",
  uscc: "统一社会信用代码",
  category: "企业类别",
  direction: "申报方向",
  level: "网络安全级别",
  summary: "简述",
  summaryCell: "案例申报方向和简述",
  contact: "联系人",
  phone: "联系方式",
  date: "申报日期",
  sourceFile: "来源文件",
  sourceSheet: "来源工作表",
  sourceRow: "来源行",
  importedAt: "导入时间",
  problems: "问题",
  score: "评审得分",
  sourceColumns: "来源列",
} as const;

/** Written when a record has no prefecture; reads back as null. */
export const UNKNOWN_PREFECTURE = "未识别";

function placeKey(file: string, sheet: string | null, row: number | null): string {
  return `${file}\u0001${sheet ?? ""}\u0001${row ?? ""}`;
}

/**
 * The findings of each record (same file, sheet and row; a Word form, which has no row, owns every row-less finding
 * of its file), in one pass over the findings: linear, whatever the number of rows.
 */
export function findingsByRecord(
  records: readonly CaseRecord[],
  findings: readonly Finding[]
): Finding[][] {
  const byPlace = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = placeKey(f.file, f.row === null ? null : f.sheet, f.row);
    const list = byPlace.get(key);
    if (list) list.push(f);
    else byPlace.set(key, [f]);
  }
  return records.map(
    (r) =>
      byPlace.get(
        placeKey(r.source.file, r.source.row === null ? null : r.source.sheet, r.source.row)
      ) ?? []
  );
}

/** "【R5】…\n【ID】…": a row's findings in one cell. */
export function problemsText(list: readonly Finding[]): string {
  return list.map((f) => `【${f.code}】${f.message}`).join("\n");
}

const FIELD_ORDER = Object.keys(CASE_FIELD_LABELS) as CaseField[];

/** The record's source columns as "caseName:B;enterprise:C". */
export function encodeSourceColumns(columns: Partial<Record<CaseField, string>>): string {
  return FIELD_ORDER.filter((f) => columns[f])
    .map((f) => `${f}:${columns[f]}`)
    .join(";");
}

export function decodeSourceColumns(text: string): Partial<Record<CaseField, string>> {
  const out: Partial<Record<CaseField, string>> = {};
  for (const part of text.split(";")) {
    const m = /^([a-zA-Z]+):([A-Z]{1,3})$/.exec(part.trim());
    if (m && (FIELD_ORDER as string[]).includes(m[1])) out[m[1] as CaseField] = m[2];
  }
  return out;
}
