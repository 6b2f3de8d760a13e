/**
 * Dates as clerks write them: 2024年12月5日, 2024-12-05, 2024.12.5, 2024/12/5, an Excel serial number, or a Date.
 * Returns ISO yyyy-mm-dd, or null when the text is not a date.
 */
import { cleanText, toHalfWidth } from './text';

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export function parseDateLoose(input: unknown): string | null {
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : isoOf(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate());
  if (typeof input === 'number') {
    // Excel serial day numbers for 1990–2100
    if (input < 32874 || input > 73415) return null;
    const d = new Date(EXCEL_EPOCH_UTC + Math.floor(input) * 86400000);
    return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const s = toHalfWidth(cleanText(input)).replace(/\s/g, '');
  if (s === '') return null;
  const m = /(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?/.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) return isoOf(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  if (/^\d+(\.\d+)?$/.test(s)) return parseDateLoose(Number(s));
  return null;
}

function isoOf(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 2024-12-20 → 2024年12月20日, as dates are written on the bureau's forms. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
