/**
 * Dates as they are typed on the form: 2024年12月5日, 2024 年 12 月 5 日, 2024-12-05, 2024.12.5, 2024/12/5,
 * 二〇二四年十二月五日. Pure; returns ISO yyyy-mm-dd or null.
 */
import { toHalfWidth } from '../../core/text';

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, O: 0, o: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Chinese numerals up to 31 (五, 十二, 二十五, 三十一) or a year digit by digit (二〇二四). */
function cnNumber(s: string, asDigits: boolean): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (asDigits) {
    let n = 0;
    for (const ch of s) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return n;
  }
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGITS[m[1]] : m[3] && !m[1] ? CN_DIGITS[m[3]] : null;
  return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[3] ? CN_DIGITS[m[3]] : 0);
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseFormDate(input: string): string | null {
  const s = toHalfWidth(input).replace(/[\s_]+/g, '');
  if (s === '') return null;
  let m = /(\d{4})年(\d{1,2})月(\d{1,2})[日号]?/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /([〇零Oo一二三四五六七八九]{4})年([一二三十]{1,3})月([一二三十四五六七八九]{1,3})[日号]?/.exec(s);
  if (m) {
    const y = cnNumber(m[1], true);
    const mo = cnNumber(m[2], false);
    const d = cnNumber(m[3], false);
    return y !== null && mo !== null && d !== null ? iso(y, mo, d) : null;
  }
  return null;
}

/** true when the text is only the blank template ("____年___月___日", "年 月 日"). */
export function isBlankDate(input: string): boolean {
  return toHalfWidth(input).replace(/[\s_年月日]+/g, '') === '';
}
