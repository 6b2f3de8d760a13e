/**
 * Text helpers shared by every parser: full-width folding, whitespace clean-up and character counting
 * "as a person counts" (R5). Pure functions, no environment APIs.
 */

/** Fold full-width ASCII (！ … ～) and the ideographic space to their half-width forms. */
export function toHalfWidth(input: string): string {
  let out = "";
  for (const ch of input) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** Invisible characters that survive copy-paste from Word and web pages: zero-width, BOM, bidi marks, soft hyphen. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]/g;

export function stripInvisible(input: string): string {
  return input.replace(INVISIBLE, "");
}

/** Trim, drop invisible characters and collapse runs of whitespace (including newlines) to one space. */
export function cleanText(input: unknown): string {
  if (input === null || input === undefined) return "";
  return stripInvisible(String(input))
    .replace(/[\s\u3000]+/g, " ")
    .trim();
}

/** Like cleanText but keeps line breaks (for narrative fields). */
export function cleanMultiline(input: unknown): string {
  if (input === null || input === undefined) return "";
  return stripInvisible(String(input))
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[\t \u3000]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Characters as a person counts them for the 100-字 limit: every Chinese character, letter, digit and punctuation
 * mark is one (a surrogate pair or an emoji is one too); whitespace and invisible marks are not counted.
 */
export function countChars(input: string): number {
  let n = 0;
  for (const ch of stripInvisible(input)) {
    if (/\s/.test(ch) || ch === "\u3000") continue;
    // combining marks belong to the previous character
    if (/\p{M}/u.test(ch)) continue;
    n += 1;
  }
  return n;
}

/** Parse a number the way clerks type it: "1,234", "１２", " 12 ", "12家", "85%". Returns null when there is none. */
export function parseLooseNumber(input: unknown): number | null {
  if (typeof input === "number") return Number.isFinite(input) ? input : null;
  if (typeof input !== "string") return null;
  const s = toHalfWidth(stripInvisible(input)).replace(/[\s,，]/g, "");
  if (s === "") return null;
  const m = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?/.exec(s);
  if (!m) return null;
  const rest = s.slice(m[0].length);
  // allow a unit or percent sign after the number, but not more digits or letters that make it something else
  if (rest !== "" && !/^(%|％|家|个|项|场|名|期|次|期\/次|万元|元|人|户)?$/.test(rest)) return null;
  const v = Number(m[0]);
  return Number.isFinite(v) ? v : null;
}
