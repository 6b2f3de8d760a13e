/** Plain values out of exceljs cells (rich text, formulas' cached results, hyperlinks, dates) for readProvince. */
import type ExcelJS from 'exceljs';

export type Plain = string | number | boolean | Date | null;

export function plainValue(v: ExcelJS.CellValue): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return plainValue((v.result ?? null) as ExcelJS.CellValue);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return null;
}

/** Text of a cell: numbers without float noise, dates as yyyy-mm-dd (exceljs dates are UTC), trimmed. */
export function cellText(v: ExcelJS.CellValue): string {
  const p = plainValue(v);
  if (p === null) return '';
  if (p instanceof Date) return Number.isNaN(p.getTime()) ? '' : p.toISOString().slice(0, 10);
  if (typeof p === 'number') return String(Number.isInteger(p) ? p : Number(p.toPrecision(15)));
  return String(p).trim();
}
