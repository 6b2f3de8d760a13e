/**
 * The columns of the 明细 sheet, shared by the writer and by readProvinceWorkbook (which finds them by header text, so
 * a sheet whose columns staff have moved still reads).
 */
import { RECORD_HEADERS } from "../../../core/recordRow";

export const DETAIL_SHEET = "明细";

export const DETAIL_COLUMNS = RECORD_HEADERS;
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

export {
  UNKNOWN_PREFECTURE,
  encodeSourceColumns,
  decodeSourceColumns,
} from "../../../core/recordRow";
