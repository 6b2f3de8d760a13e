/**
 * Text helpers shared by every parser: width and ideograph folding, whitespace clean-up, N/A marks, filler-only and
 * mixed-script names, and character counting "as a person counts" (R5). Pure functions, no environment APIs.
 *
 * Folding is for comparing only (vocabulary, enterprise and case names, headers): what the clerk wrote is kept for
 * display. Every fold maps one code point to one code point, so a position in folded text is the same code-point
 * position in the original.
 */

/**
 * CJK Radicals Supplement (U+2E80–U+2EFF) to the unified ideograph each stands for (Unicode's
 * EquivalentUnifiedIdeograph.txt, BMP targets only). NFKC maps only two of them (⺟, ⻳); text copied from PDFs carries
 * the simplified ones (⻓沙 for 长沙, ⻔ for 门).
 */
const RADICALS_SUPPLEMENT: Readonly<Record<number, number>> = {
  0x2e81: 0x5382, // ⺁ 厂
  0x2e82: 0x4e5b, // ⺂ 乛
  0x2e83: 0x4e5a, // ⺃ 乚
  0x2e84: 0x4e59, // ⺄ 乙
  0x2e85: 0x4ebb, // ⺅ 亻
  0x2e86: 0x5182, // ⺆ 冂
  0x2e89: 0x5202, // ⺉ 刂
  0x2e8a: 0x535c, // ⺊ 卜
  0x2e8b: 0x353e, // ⺋ 㔾
  0x2e8c: 0x5c0f, // ⺌ 小
  0x2e8d: 0x5c0f, // ⺍ 小
  0x2e8e: 0x5140, // ⺎ 兀
  0x2e8f: 0x5c23, // ⺏ 尣
  0x2e90: 0x5c22, // ⺐ 尢
  0x2e92: 0x5df3, // ⺒ 巳
  0x2e93: 0x5e7a, // ⺓ 幺
  0x2e94: 0x5f51, // ⺔ 彑
  0x2e96: 0x5fc4, // ⺖ 忄
  0x2e97: 0x38fa, // ⺗ 㣺
  0x2e98: 0x624c, // ⺘ 扌
  0x2e99: 0x6535, // ⺙ 攵
  0x2e9b: 0x65e1, // ⺛ 旡
  0x2e9c: 0x65e5, // ⺜ 日
  0x2e9d: 0x6708, // ⺝ 月
  0x2e9e: 0x6b7a, // ⺞ 歺
  0x2e9f: 0x6bcd, // ⺟ 母
  0x2ea0: 0x6c11, // ⺠ 民
  0x2ea1: 0x6c35, // ⺡ 氵
  0x2ea2: 0x6c3a, // ⺢ 氺
  0x2ea3: 0x706c, // ⺣ 灬
  0x2ea4: 0x722b, // ⺤ 爫
  0x2ea5: 0x722b, // ⺥ 爫
  0x2ea6: 0x4e2c, // ⺦ 丬
  0x2ea7: 0x725b, // ⺧ 牛
  0x2ea8: 0x72ad, // ⺨ 犭
  0x2ea9: 0x738b, // ⺩ 王
  0x2eab: 0x7f52, // ⺫ 罒
  0x2eac: 0x793a, // ⺬ 示
  0x2ead: 0x793b, // ⺭ 礻
  0x2eaf: 0x7cf9, // ⺯ 糹
  0x2eb0: 0x7e9f, // ⺰ 纟
  0x2eb1: 0x7f53, // ⺱ 罓
  0x2eb2: 0x7f52, // ⺲ 罒
  0x2eb3: 0x34c1, // ⺳ 㓁
  0x2eb4: 0x34c1, // ⺴ 㓁
  0x2eb6: 0x7f8a, // ⺶ 羊
  0x2eb9: 0x8002, // ⺹ 耂
  0x2eba: 0x8080, // ⺺ 肀
  0x2ebb: 0x807f, // ⺻ 聿
  0x2ebc: 0x8089, // ⺼ 肉
  0x2ebd: 0x81fc, // ⺽ 臼
  0x2ebe: 0x8279, // ⺾ 艹
  0x2ebf: 0x8279, // ⺿ 艹
  0x2ec0: 0x8279, // ⻀ 艹
  0x2ec1: 0x864e, // ⻁ 虎
  0x2ec2: 0x8864, // ⻂ 衤
  0x2ec3: 0x8980, // ⻃ 覀
  0x2ec4: 0x897f, // ⻄ 西
  0x2ec5: 0x89c1, // ⻅ 见
  0x2ec6: 0x89d2, // ⻆ 角
  0x2ec8: 0x8ba0, // ⻈ 讠
  0x2ec9: 0x8d1d, // ⻉ 贝
  0x2ecb: 0x8f66, // ⻋ 车
  0x2ecc: 0x8fb6, // ⻌ 辶
  0x2ecd: 0x8fb6, // ⻍ 辶
  0x2ece: 0x8fb6, // ⻎ 辶
  0x2ed0: 0x9485, // ⻐ 钅
  0x2ed1: 0x9577, // ⻑ 長
  0x2ed2: 0x9578, // ⻒ 镸
  0x2ed3: 0x957f, // ⻓ 长
  0x2ed4: 0x95e8, // ⻔ 门
  0x2ed6: 0x961d, // ⻖ 阝
  0x2ed7: 0x96e8, // ⻗ 雨
  0x2ed8: 0x9752, // ⻘ 青
  0x2ed9: 0x97e6, // ⻙ 韦
  0x2eda: 0x9875, // ⻚ 页
  0x2edb: 0x98ce, // ⻛ 风
  0x2edc: 0x98de, // ⻜ 飞
  0x2edd: 0x98df, // ⻝ 食
  0x2edf: 0x98e0, // ⻟ 飠
  0x2ee0: 0x9963, // ⻠ 饣
  0x2ee2: 0x9a6c, // ⻢ 马
  0x2ee3: 0x9aa8, // ⻣ 骨
  0x2ee4: 0x9b3c, // ⻤ 鬼
  0x2ee5: 0x9c7c, // ⻥ 鱼
  0x2ee6: 0x9e1f, // ⻦ 鸟
  0x2ee7: 0x5364, // ⻧ 卤
  0x2ee8: 0x9ea6, // ⻨ 麦
  0x2ee9: 0x9ec4, // ⻩ 黄
  0x2eea: 0x9efe, // ⻪ 黾
  0x2eeb: 0x6589, // ⻫ 斉
  0x2eec: 0x9f50, // ⻬ 齐
  0x2eed: 0x6b6f, // ⻭ 歯
  0x2eee: 0x9f7f, // ⻮ 齿
  0x2eef: 0x7adc, // ⻯ 竜
  0x2ef0: 0x9f99, // ⻰ 龙
  0x2ef1: 0x9f9c, // ⻱ 龜
  0x2ef2: 0x4e80, // ⻲ 亀
  0x2ef3: 0x9f9f, // ⻳ 龟
};

/**
 * The UTF-16 code units that may start a character folding changes (a quick test, no false negatives): full-width
 * ASCII, the ideographic space, the radicals, the compatibility ideographs, and the high surrogate of U+2F800–U+2FA1F
 * (CJK Compatibility Ideographs Supplement).
 */
const MAY_FOLD = /[\uff01-\uff5e\u3000\u2e80-\u2fd5\uf900-\ufaff\ud87e]/;
const mayFold = codeUnitTest(MAY_FOLD);

/**
 * One character folded for comparing: full-width ASCII (！ … ～) and the ideographic space to half width; Kangxi
 * radicals (U+2F00–U+2FD5, ⼯ → 工), CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F, 金 → 金) and the
 * CJK Radicals Supplement (⻓ → 长) to their unified ideographs. NFKC is applied to those ranges only: on the whole
 * text it would also fold ① to 1, … to ..., ㈱ to (株) and ™ to TM, which a comparison must not depend on.
 */
export function foldChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0);
  if (code === 0x3000) return " ";
  if (code >= 0x2e80 && code <= 0x2eff) {
    const to = RADICALS_SUPPLEMENT[code];
    return to === undefined ? ch : String.fromCodePoint(to);
  }
  if (
    (code >= 0x2f00 && code <= 0x2fd5) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x2f800 && code <= 0x2fa1f)
  ) {
    const n = ch.normalize("NFKC");
    // every one of these is a single ideograph after NFKC; anything else is left as written
    return [...n].length === 1 ? n : ch;
  }
  return ch;
}

/**
 * Text folded for comparing (see foldChar): full-width forms, the ideographic space, Kangxi radicals, compatibility
 * ideographs and radicals. One code point in, one code point out. Text that needs no folding is returned as is.
 */
export function toHalfWidth(input: string): string {
  // hot (most texts have nothing to fold): one native scan finds the first character that may fold, or none
  const from = input.search(MAY_FOLD);
  if (from < 0) return input;
  const n = input.length;
  let out = "";
  let last = 0;
  for (let i = from; i < n; i++) {
    const c = input.charCodeAt(i);
    if (!mayFold(c)) continue;
    // a character as the string iterator gives it: a surrogate pair is one
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < n && isLowSurrogate(input.charCodeAt(i + 1));
    const ch = pair ? input.slice(i, i + 2) : input[i];
    const folded = foldChar(ch);
    if (folded !== ch) {
      // the unchanged run before it as one slice, not character by character
      out += input.slice(last, i) + folded;
      last = i + ch.length;
    }
    if (pair) i++;
  }
  return last === 0 ? input : out + input.slice(last);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Invisible characters that survive copy-paste from Word and web pages: zero-width, BOM, bidi marks, soft hyphen. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e]/g;

export function stripInvisible(input: string): string {
  // hot (every cell read): most text has none, which one native scan says
  return HAS_INVISIBLE.test(input) ? input.replace(INVISIBLE, "") : input;
}
/** INVISIBLE without g, to ask whether a text holds one (test() of a g pattern would move its lastIndex). */
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);

/**
 * Whitespace other than the space (\s less " ", as String.prototype.trim knows it), or an invisible character: one
 * class, INVISIBLE's own inside (one class scans faster than `[^\S ]|[…]`).
 */
const UNCLEAN_CHAR = new RegExp(
  `[\\t-\\r\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff${INVISIBLE.source.slice(1, -1)}]`
);

/**
 * Text cleanText leaves as it is: no invisible characters, no whitespace but single inner spaces. Native scans only
 * (hot: every cell's text; a loop here ran in the interpreter for a fresh process's first files).
 */
function isCleanText(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  return (
    s.charCodeAt(0) !== 0x20 &&
    s.charCodeAt(n - 1) !== 0x20 &&
    !s.includes("  ") &&
    !UNCLEAN_CHAR.test(s)
  );
}

/**
 * A test of one code unit by a pattern of one character class (no g or y flag), each answer kept after its first ask
 * (a 64 KB table): for hot loops over text, where running the pattern on every text costs more than a lookup per
 * character. Past the end of a text (NaN) the answer is no.
 */
export function codeUnitTest(pattern: RegExp): (c: number) => boolean {
  const known = new Uint8Array(0x10000); // 0: not asked yet, 1: matches, 2: does not
  return (c) => {
    let k = known[c];
    if (k === 0) k = known[c] = pattern.test(String.fromCharCode(c)) ? 1 : 2;
    return k === 1;
  };
}

/** Trim, drop invisible characters and collapse runs of whitespace (including newlines) to one space. */
export function cleanText(input: unknown): string {
  if (input === null || input === undefined) return "";
  const s = String(input);
  if (isCleanText(s)) return s;
  return stripInvisible(s)
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

/** Whether a text is empty or whitespace only (trim() would give ""), without making the trimmed copy. */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/** Whitespace as String.prototype.trim and /\s/ know it (ideographic space included). */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Zero-width and format characters not counted (the INVISIBLE set above). */
function isInvisible(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0x00ad ||
    c === 0x180e
  );
}

const MARK = /^\p{M}$/u;

/**
 * Characters as a person counts them for the 100-字 limit: every Chinese character, letter, digit and punctuation
 * mark is one (a surrogate pair or an emoji is one too); whitespace and invisible marks are not counted, nor are
 * combining marks (they belong to the character before). Hot: one pass over the code units, a regex only for the rare
 * code points that may be combining marks.
 */
export function countChars(input: string): number {
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < input.length) {
      const d = input.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        // astral: ideographs of extensions B+, emoji; the only marks there are rare scripts' (and variation
        // selectors supplement), checked with the regex
        const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        i++;
        if (cp >= 0xe0100 && cp <= 0xe01ef) continue;
        if (cp < 0x20000 && MARK.test(String.fromCodePoint(cp))) continue;
        n++;
        continue;
      }
    }
    if (c < 0x300) {
      if (!isSpace(c) && c !== 0xad) n++;
      continue;
    }
    // CJK ideographs, kana, hangul syllables, CJK punctuation and full-width forms: never marks or spaces
    if (
      (c >= 0x3400 && c <= 0x9fff) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xff01 && c <= 0xff60)
    ) {
      n++;
      continue;
    }
    if (isSpace(c) || isInvisible(c)) continue;
    if (c >= 0xfe00 && c <= 0xfe0f) continue; // variation selectors
    if (MARK.test(String.fromCharCode(c))) continue;
    n++;
  }
  return n;
}

/** Parse a number the way clerks type it: "1,234", "１２", " 12 ", "12家", "85%". Returns null when there is none. */
export function parseLooseNumber(input: unknown): number | null {
  if (typeof input === "number") return Number.isFinite(input) ? input : null;
  // an empty cell (hot: the score of every row read, a column most lists do not have) without the scans below
  if (typeof input !== "string" || input === "") return null;
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

/**
 * The marks clerks write for "not applicable / none" in an optional field: / ／ \ 无 — － - ―― 不适用 N/A NA 暂无
 * 不涉及 无此项 没有, alone in the cell (with spaces, brackets or a full stop around them). Such a cell is empty.
 */
const NOT_APPLICABLE =
  /^(?:[/\\|]+|[-—–―－~～]+|无|暂无|没有|不适用|不涉及|无此项|未定级|N\/?A|NA|NONE|NIL|NULL)$/;

/**
 * Whether a code unit certainly stays in the text through the steps below and is in none of the marks: a CJK
 * ideograph other than the marks' own, a digit, or a Latin letter not in N/A, NONE, NIL, NULL. (Anything else — a
 * character that folds, changes case into ASCII or is a mark's — is left to the full test.)
 */
function rulesOutNotApplicable(c: number): boolean {
  if (c >= 0x4e00 && c <= 0x9fff) return !NA_IDEOGRAPHS.has(c);
  if (c >= 0x30 && c <= 0x39) return true;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x7a && !NA_LETTERS.has(lower);
}
const NA_IDEOGRAPHS = new Set([..."无暂没有不适用涉及此项未定级"].map((ch) => ch.charCodeAt(0)));
const NA_LETTERS = new Set([..."naoeilu"].map((ch) => ch.charCodeAt(0)));

export function isNotApplicable(input: unknown): boolean {
  if (input === null || input === undefined) return false;
  if (typeof input === "string") {
    // hot (every optional cell, every required field, blank ones included): a blank cell is no mark, and a name or
    // a sentence is ruled out by one of its characters
    if (input === "") return false;
    for (let i = 0; i < input.length; i++)
      if (rulesOutNotApplicable(input.charCodeAt(i))) return false;
  }
  const s = toHalfWidth(cleanText(input))
    .replace(/\s+/g, "")
    .replace(/^[(（[【]+|[)）\]】。.]+$/g, "")
    .toUpperCase();
  return s !== "" && NOT_APPLICABLE.test(s);
}

/** An optional field's text with an N/A mark read as empty; anything else as written (cleaned). */
export function optionalText(input: unknown): string {
  const s = cleanText(input);
  return isNotApplicable(s) ? "" : s;
}

/**
 * Whether a text says anything: at least one letter or digit (any script), once invisible characters are gone.
 * Filler alone ("___", "……", "...", "·", spaces, NBSP, zero-width) says nothing.
 */
export function hasMeaningfulText(input: unknown): boolean {
  if (input === null || input === undefined) return false;
  const s = String(input);
  // fast path (hot: every name compared): an ASCII letter or digit, or a CJK ideograph
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) return true;
    if (c >= 0x4e00 && c <= 0x9fff) return true;
  }
  return /[\p{L}\p{N}]/u.test(stripInvisible(s));
}

/**
 * Cyrillic or Greek letters mixed into Chinese or Latin text ("Нunan", "湖南Αβ科技"): homoglyphs that make one
 * enterprise look like two. Returns the foreign letters found (each once, in order), [] when the text is of one script.
 */
export function mixedScriptLetters(input: string): string[] {
  let foreign = false;
  for (let i = 0; i < input.length && !foreign; i++) {
    const c = input.charCodeAt(i);
    foreign = (c >= 0x370 && c <= 0x52f) || (c >= 0x1f00 && c <= 0x1fff);
  }
  if (!foreign) return [];
  if (!/[\p{Script=Han}A-Za-z\uff21-\uff3a\uff41-\uff5a]/u.test(input)) return [];
  const found = input.match(/[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]/g) ?? [];
  return [...new Set(found.filter((c) => /\p{L}/u.test(c)))];
}

/** Cyrillic and Greek letters that look like Latin ones, for matching names that mix them in (Нunan → Hunan). */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  Х: "X",
  У: "Y",
  а: "a",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  І: "I",
  Ј: "J",
  Ѕ: "S",
  Α: "A",
  Β: "B",
  Ε: "E",
  Ζ: "Z",
  Η: "H",
  Ι: "I",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Υ: "Y",
  Χ: "X",
  ο: "o",
  ν: "v",
  ρ: "p",
  ι: "i",
  κ: "k",
  τ: "t",
  υ: "u",
  χ: "x",
  α: "a",
  β: "b",
};

/** Latin look-alikes for the Cyrillic and Greek letters of a mixed-script text; other text is returned as is. */
export function foldHomoglyphs(input: string): string {
  if (mixedScriptLetters(input).length === 0) return input;
  return input.replace(/[\u0370-\u03ff\u0400-\u052f]/g, (c) => HOMOGLYPHS[c] ?? c);
}

/** The values Excel's error cells hold, as text (what Range.values gives, or a file's cached result). */
const EXCEL_ERROR =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!|EXTERNAL!|PYTHON!)$/;

/** Whether text is an Excel error value ("#REF!", "#N/A"…); the regex runs only on text starting with "#" (hot). */
export function isExcelErrorText(s: string): boolean {
  return s.charCodeAt(0) === 35 /* # */ && EXCEL_ERROR.test(s);
}
