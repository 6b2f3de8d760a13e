/**
 * Dates as clerks write them: 2024年12月5日, 2024 年 12 月 5 日, 2024-12-05, 2024.12.5, 2024/12/5, 20241205,
 * 二〇二四年十二月五日, an Excel serial day number, or a Date. Returns ISO yyyy-mm-dd, or null when it is not a date.
 * The one date parser of the product: the workbook and Word readers both use it.
 */
import { lastOfString } from "./memo";
import { chineseDigits, chineseNumber } from "./numerals";
import { cleanText, toHalfWidth } from "./text";

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A year, month or day: Arabic digits, 十二 / 三十一 with units, or 二〇二四 digit by digit. */
function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  return /[十百千]/.test(s) ? chineseNumber(s) : chineseDigits(s);
}

/** A date inside a text (a "日期：" label or template underscores around it are allowed). */
export function parseDateText(input: string): string | null {
  const s = toHalfWidth(input).replace(/[\s_]+/g, "");
  if (s === "") return null;
  let m = /(\d{4})[年\-/.](\d{1,2})[月\-/.](\d{1,2})(?!\d)/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(?:^|\D)(\d{4})(\d{2})(\d{2})(?!\d)/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m =
    /([〇零一二三四五六七八九Oo]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})[日号]?/.exec(
      s
    );
  if (m) {
    const [y, mo, d] = [cnNumber(m[1]), cnNumber(m[2]), cnNumber(m[3])];
    return y !== null && mo !== null && d !== null ? isoDate(y, mo, d) : null;
  }
  return null;
}

/** true when the text is only the blank template ("____年___月___日", "年 月 日"). */
export function isBlankDate(input: string): boolean {
  return toHalfWidth(input).replace(/[\s_年月日]+/g, "") === "";
}

export function parseDateLoose(input: unknown): string | null {
  if (input instanceof Date)
    return Number.isNaN(input.getTime())
      ? null
      : isoDate(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate());
  if (typeof input === "number") {
    // Excel serial day numbers for 1990–2100
    if (input < 32874 || input > 73415) return null;
    const d = new Date(EXCEL_EPOCH_UTC + Math.floor(input) * 86400000);
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const s = toHalfWidth(cleanText(input)).replace(/\s/g, "");
  if (/^\d{5}(\.\d+)?$/.test(s)) return parseDateLoose(Number(s));
  return parseDateText(s);
}

/**
 * A timestamp as it reads in a cell: "2024-12-20T09:30:00+08:00" → "2024-12-20 09:30" (the wall clock it was written
 * in, whatever its offset); a bare date stays a date; anything else as given.
 */
// hot: every row of 明细 shows the same moment; the last answer is kept
export const displayTimestamp: (iso: string) => string = lastOfString((iso) => {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(
    iso
  );
  return !m ? iso : m[3] === "Z" && m[2] === "00:00" ? m[1] : `${m[1]} ${m[2]}`;
});

/** A moment on the local clock with its offset, e.g. "2024-12-20T09:30:00+08:00" (toISOString gives UTC). */
export function localTimestamp(now: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, "0");
  const offset = -now.getTimezoneOffset();
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
  return `${date}T${time}${offset >= 0 ? "+" : "-"}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** 2024-12-20 → 2024年12月20日, as dates are written on the bureau's forms. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
