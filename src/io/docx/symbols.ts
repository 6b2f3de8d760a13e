/**
 * What a symbol font shows. Chinese offices tick boxes with Wingdings, Wingdings 2 and Webdings: inserted as a symbol
 * (w:sym w:font w:char="F052"), or typed as an ordinary letter in a run set in that font (Wingdings 2 "R" is ☑, "£"
 * is □), or as the font's private-use code point (U+F052). Only the glyphs that work as marks are mapped (boxes,
 * ticks, crosses, filled squares and circles); any other character of a symbol font is a picture, not text, and reads
 * as nothing. Tables from the fonts' Unicode mappings (Unicode 7.0 Wingdings/Webdings encoding, L2/12-368),
 * folded onto the glyphs the choice reader knows (choices.ts).
 */

type Table = Readonly<Record<number, string>>;

const WINGDINGS: Table = {
  0x6c: "●", // medium black circle
  0x6d: "○", // shadowed white circle
  0x6e: "■", // black medium square
  0x6f: "□", // medium white square
  0x70: "□", // bold white square
  0x71: "❑",
  0x72: "❑",
  0x78: "☒", // X in a rectangle box
  0x9f: "•",
  0xa1: "○",
  0xa2: "○",
  0xa3: "○",
  0xa4: "◉", // white circle containing black small circle
  0xa5: "◉", // round target
  0xa8: "□", // light white square
  0xfb: "✗",
  0xfc: "✓",
  0xfd: "☒", // ballot box with bold script X
  0xfe: "☑", // ballot box with bold check
};

const WINGDINGS_2: Table = {
  0x2a: "□", // empty note page: drawn as a plain box, used as one
  0x4f: "✗", // ballot script X
  0x50: "✓", // light check mark
  0x51: "☒", // ballot box with script X
  0x52: "☑", // ballot box with check
  0x53: "☒", // ballot box with light X
  0x54: "☒", // ballot box with X
  0x98: "●",
  0x99: "○",
  0x9a: "○",
  0x9b: "○",
  0x9c: "○",
  0x9d: "◉", // circled dot
  0x9e: "◉", // circled bullet
  0xa1: "■",
  0xa2: "■",
  0xa3: "□", // white square
  0xa4: "□",
  0xa5: "□",
  0xa6: "□",
  0xa8: "▣", // white square containing black small square
};

const WEBDINGS: Table = {
  0x61: "✔", // heavy check mark
  0x63: "□", // white large square
  0x67: "■", // black large square
  0x6e: "●", // black large circle
  0x72: "✗", // cancellation X
};

/** The Symbol font draws digits and most ASCII punctuation as themselves (letters are Greek, not mapped). */
const SYMBOL: Table = {
  ...Object.fromEntries([..."!#%&()+,./0123456789:;<=>?[]_{|}"].map((c) => [c.charCodeAt(0), c])),
  0x2d: "-", // minus sign
  0xb4: "×",
  0xd6: "√", // radical sign, the tick of the Symbol font
};

const FONTS: Readonly<Record<string, Table>> = {
  wingdings: WINGDINGS,
  wingdings1: WINGDINGS,
  wingdings2: WINGDINGS_2,
  webdings: WEBDINGS,
  symbol: SYMBOL,
};

const known = new Map<string, Table | null>();

/** The symbol font's table for a font name ("Wingdings 2", "wingdings2"), or null for a text font. */
export function symbolFont(name: string | null | undefined): Table | null {
  if (!name) return null;
  let t = known.get(name);
  if (t === undefined) {
    t = FONTS[name.toLowerCase().replace(/[\s_-]+/g, "")] ?? null;
    if (known.size < 256) known.set(name, t);
  }
  return t;
}

/** The code of a character in a symbol font: its private-use form U+F0xx, or the byte itself. */
function fontCode(code: number): number {
  return code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
}

/** The glyph of one code of a symbol font: a mark, or '' for a picture that is not text. */
export function symbolGlyph(table: Table, code: number): string {
  const c = fontCode(code);
  if (c === 0x20 || c === 0xa0) return " ";
  return table[c] ?? "";
}

/** A private-use F0xx code with no symbol font named: read as Wingdings (Word's symbol dialog), else Wingdings 2. */
export function privateUseGlyph(code: number): string {
  const c = fontCode(code);
  return WINGDINGS[c] ?? WINGDINGS_2[c] ?? "";
}

export function isPrivateUse(code: number): boolean {
  return code >= 0xe000 && code <= 0xf8ff;
}

/** The fonts a run names for its characters (w:rFonts), each possibly a symbol font. */
export interface RunFonts {
  ascii: Table | null;
  hAnsi: Table | null;
  eastAsia: Table | null;
}

/**
 * The text of a run as shown: ASCII characters in the w:ascii font, Latin-1 in w:hAnsi, private-use codes in whichever
 * symbol font the run names; CJK text keeps its East Asian font, so "R国有企业" in Wingdings 2 reads "☑国有企业".
 */
export function decodeRunText(text: string, fonts: RunFonts | null): string {
  if (!fonts) return PRIVATE_USE.test(text) ? text.replace(PRIVATE_USE_ALL, privateUseChar) : text;
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    let table: Table | null = null;
    if (code < 0x80) table = fonts.ascii;
    else if (code < 0x100) table = fonts.hAnsi;
    else if (isPrivateUse(code)) {
      table = fonts.hAnsi ?? fonts.ascii ?? fonts.eastAsia;
      if (!table) {
        out += privateUseChar(ch);
        continue;
      }
    }
    out += table ? symbolGlyph(table, code) : ch;
  }
  return out;
}

const PRIVATE_USE = /[\ue000-\uf8ff]/;
const PRIVATE_USE_ALL = /[\ue000-\uf8ff]/g;

/** A private-use character in a text font: a symbol-font code point (F0xx), else nothing readable. */
function privateUseChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code >= 0xf000 && code <= 0xf0ff ? privateUseGlyph(code) : "";
}
