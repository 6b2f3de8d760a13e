/**
 * The columns of the 明细 sheet, shared by the writer and by readProvinceWorkbook (which finds them by header text, so
 * a sheet whose columns staff have moved still reads).
 */
import { CASE_FIELD_LABELS, type CaseField } from '../../../core/model';

export const DETAIL_SHEET = '明细';

export const DETAIL_COLUMNS = {
  seq: '序号',
  prefecture: '所属市州',
  order: '推荐顺序',
  caseName: '案例名称',
  enterprise: '企业名称',
  uscc: '统一社会信用代码',
  category: '企业类别',
  direction: '申报方向',
  level: '网络安全级别',
  summary: '简述',
  summaryCell: '案例申报方向和简述',
  contact: '联系人',
  phone: '联系方式',
  date: '申报日期',
  sourceFile: '来源文件',
  sourceSheet: '来源工作表',
  sourceRow: '来源行',
  importedAt: '导入时间',
  problems: '问题',
  score: '评审得分',
  sourceColumns: '来源列',
} as const;
export type DetailColumn = keyof typeof DETAIL_COLUMNS;
export const DETAIL_ORDER = Object.keys(DETAIL_COLUMNS) as DetailColumn[];

export const DETAIL_WIDTHS: Record<DetailColumn, number> = {
  seq: 6,
  prefecture: 12,
  order: 8,
  caseName: 28,
  enterprise: 28,
  uscc: 21,
  category: 16,
  direction: 24,
  level: 8,
  summary: 40,
  summaryCell: 44,
  contact: 10,
  phone: 15,
  date: 12,
  sourceFile: 24,
  sourceSheet: 12,
  sourceRow: 7,
  importedAt: 20,
  problems: 48,
  score: 10,
  sourceColumns: 10,
};

/** Written when a record has no prefecture; reads back as null. */
export const UNKNOWN_PREFECTURE = '未识别';

const FIELD_ORDER = Object.keys(CASE_FIELD_LABELS) as CaseField[];

/** The record's source columns as "caseName:B;enterprise:C" (hidden column, so findings can point back). */
export function encodeSourceColumns(columns: Partial<Record<CaseField, string>>): string {
  return FIELD_ORDER.filter((f) => columns[f]).map((f) => `${f}:${columns[f]}`).join(';');
}

export function decodeSourceColumns(text: string): Partial<Record<CaseField, string>> {
  const out: Partial<Record<CaseField, string>> = {};
  for (const part of text.split(';')) {
    const m = /^([a-zA-Z]+):([A-Z]{1,3})$/.exec(part.trim());
    if (m && (FIELD_ORDER as string[]).includes(m[1])) out[m[1] as CaseField] = m[2];
  }
  return out;
}
