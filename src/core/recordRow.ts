/**
 * A record shown as one row of a detail sheet (明细, 全省汇总): the header texts, the row's own findings and how they
 * read in a cell, and the record's source columns kept in a hidden cell so that findings can point back after a
 * round trip through Excel. Shared by the .xlsx writer, its re-reader and the Excel host.
 */
import type { Finding } from "./findings";
import { formParts } from "./application";
import { sourceKey } from "./identity";
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

/**
 * The findings of each record, in one pass over the findings (linear, whatever the number of rows): a sheet row owns
 * the findings of its file, sheet and row; a Word form, which has no row, owns the row-less findings of its file — of
 * its own parts (its 申报表 and 封面, see formParts) when the document holds several forms.
 */
export function findingsByRecord(
  records: readonly CaseRecord[],
  findings: readonly Finding[]
): Finding[][] {
  const byPlace = new Map<string, Finding[]>();
  const byFile = new Map<string, Finding[]>();
  const add = (map: Map<string, Finding[]>, key: string, f: Finding) => {
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  };
  for (const f of findings) {
    add(byPlace, sourceKey(f), f);
    if (f.row === null) add(byFile, f.file, f);
  }
  const formsPerFile = new Map<string, number>();
  for (const r of records) {
    if (r.source.row === null)
      formsPerFile.set(r.source.file, (formsPerFile.get(r.source.file) ?? 0) + 1);
  }
  /** A 附件3 row of a prefecture package also owns the findings of the 申报表 it was checked against. */
  const ofForm = (r: CaseRecord): Finding[] => {
    const own = r.form?.source;
    if (!own) return [];
    const { form, cover } = formParts(own.sheet);
    return [null, form, cover].flatMap(
      (sheet) => byPlace.get(sourceKey({ file: own.file, sheet, row: null })) ?? []
    );
  };
  return records.map((r) => {
    const { file, row } = r.source;
    if (row !== null) return [...(byPlace.get(sourceKey(r.source)) ?? []), ...ofForm(r)];
    if (formsPerFile.get(file) === 1) return byFile.get(file) ?? [];
    const { form, cover } = formParts(r.source.sheet);
    return [null, form, cover].flatMap(
      (sheet) => byPlace.get(sourceKey({ file, sheet, row: null })) ?? []
    );
  });
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
