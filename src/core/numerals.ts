/** Chinese numerals as forms write them: 十二, 一百零五, 两千 (with units) and 二〇二四 (digit by digit, in years). */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 → 12, 一百零五 → 105, 两千 → 2000, 七 → 7; null when it is not a Chinese numeral. */
export function chineseNumber(s: string): number | null {
  if (s === "" || !/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGITS) {
      if (digit !== null && digit !== 0) return null;
      digit = DIGITS[ch];
    } else {
      total += (digit ?? 1) * UNITS[ch];
      digit = null;
    }
  }
  return total + (digit ?? 0);
}

/** 二〇二四 → 2024: one digit per character, the letter O typed for 〇 included; null for anything else. */
export function chineseDigits(s: string): number | null {
  if (s === "") return null;
  let n = 0;
  for (const ch of s) {
    const d = ch === "O" || ch === "o" ? 0 : DIGITS[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

/**
 * One to five as a list is numbered, five characters a way (each one code unit, so the string is a regex class as it
 * stands): 3, 三, ③, ⑶, ㈢, Ⅲ. What a direction's enumerator is written in.
 */
export const ENUMERATOR_NUMERALS = "12345一二三四五①②③④⑤⑴⑵⑶⑷⑸㈠㈡㈢㈣㈤ⅠⅡⅢⅣⅤ";
/** One to five in every way forms number things: those, and lower-case Roman ⅲ. */
const ONE_TO_FIVE = ENUMERATOR_NUMERALS + "ⅰⅱⅲⅳⅴ";
const ROMAN_LETTERS = ["I", "II", "III", "IV", "V"];

/** 1 … 5 for a numeral of ONE_TO_FIVE or I … V in Latin letters (directions' enumerators, levels); null otherwise. */
export function oneToFive(s: string): 1 | 2 | 3 | 4 | 5 | null {
  const at = s.length === 1 ? ONE_TO_FIVE.indexOf(s) : -1;
  const n = at >= 0 ? (at % 5) + 1 : ROMAN_LETTERS.indexOf(s) + 1;
  return n > 0 ? (n as 1 | 2 | 3 | 4 | 5) : null;
}
