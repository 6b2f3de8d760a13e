/**
 * Cell styles: callers describe a look (font, solid fill, thin border, alignment, number format, unlocked), the
 * registry gives it a cellXfs index, reusing one index for equal looks, and writes styles.xml at the end.
 */
import { XML_HEAD, NS_MAIN, attrs, esc } from "./xml";

export interface FontSpec {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

export interface AlignmentSpec {
  horizontal?:
    "left" | "center" | "right" | "fill" | "justify" | "centerContinuous" | "distributed";
  vertical?: "top" | "center" | "bottom" | "justify" | "distributed";
  wrapText?: boolean;
}

export interface CellStyle {
  font?: FontSpec;
  /** Solid fill colour as ARGB hex, e.g. 'FFD9E1F2'. */
  fill?: string;
  /** Thin border on all four sides. */
  border?: "thin";
  alignment?: AlignmentSpec;
  /** Excel number format code, e.g. '0', '0.0%', '@'. */
  numFmt?: string;
  /** false: the cell stays editable when the sheet is protected. */
  locked?: boolean;
}

/** Number formats Excel knows by id; anything else gets a custom id from 164. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

export const DEFAULT_FONT: Required<Omit<FontSpec, "bold" | "italic">> = { name: "宋体", size: 11 };

class Interner<T> {
  readonly items: T[] = [];
  private readonly index = new Map<string, number>();
  constructor(
    first: T[],
    private readonly keyOf: (t: T) => string
  ) {
    for (const f of first) this.add(f);
  }
  add(item: T): number {
    const key = this.keyOf(item);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(item);
      this.index.set(key, i);
    }
    return i;
  }
}

interface Xf {
  font: number;
  fill: number;
  border: number;
  numFmt: number;
  alignment: AlignmentSpec | null;
  unlocked: boolean;
}

function fontKey(f: FontSpec): string {
  return `${f.name ?? DEFAULT_FONT.name}|${f.size ?? DEFAULT_FONT.size}|${f.bold ? 1 : 0}|${f.italic ? 1 : 0}`;
}

function alignKey(a: AlignmentSpec | null): string {
  return a ? `${a.horizontal ?? ""}/${a.vertical ?? ""}/${a.wrapText ? 1 : 0}` : "";
}

export class StyleRegistry {
  private readonly fonts = new Interner<FontSpec>([{}], fontKey);
  // fills 0 and 1 are reserved by the format (none, gray125)
  private readonly fills = new Interner<string>(["none", "gray125"], (f) => f);
  private readonly borders = new Interner<string>(["none", "thin"], (b) => b);
  private readonly numFmts = new Map<string, number>();
  private readonly xfs = new Interner<Xf>(
    [{ font: 0, fill: 0, border: 0, numFmt: 0, alignment: null, unlocked: false }],
    (x) =>
      `${x.font}|${x.fill}|${x.border}|${x.numFmt}|${alignKey(x.alignment)}|${x.unlocked ? 1 : 0}`
  );
  private readonly cache = new Map<CellStyle, number>();

  /** Font size of each style that wraps text, by cellXfs index (for row heights). */
  private readonly wrapping = new Map<number, number>();

  /** The font size when style `id` wraps text, else null. */
  wrapFontSize(id: number): number | null {
    return this.wrapping.get(id) ?? null;
  }

  /** The cellXfs index for a look; 0 is the default look. Same object → cached, equal content → same index. */
  id(style: CellStyle | null | undefined): number {
    if (!style) return 0;
    const hit = this.cache.get(style);
    if (hit !== undefined) return hit;
    const xf: Xf = {
      font: style.font ? this.fonts.add(style.font) : 0,
      fill: style.fill ? this.fills.add(style.fill.toUpperCase()) : 0,
      border: style.border ? this.borders.add(style.border) : 0,
      numFmt: style.numFmt ? this.numFmtId(style.numFmt) : 0,
      alignment: style.alignment ?? null,
      unlocked: style.locked === false,
    };
    const i = this.xfs.add(xf);
    this.cache.set(style, i);
    if (style.alignment?.wrapText) this.wrapping.set(i, style.font?.size ?? DEFAULT_FONT.size);
    return i;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  toXml(): string {
    const out: string[] = [XML_HEAD, `<styleSheet xmlns="${NS_MAIN}">`];
    if (this.numFmts.size > 0) {
      out.push(`<numFmts count="${this.numFmts.size}">`);
      for (const [code, id] of this.numFmts)
        out.push(`<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
      out.push("</numFmts>");
    }
    out.push(`<fonts count="${this.fonts.items.length}">`);
    for (const f of this.fonts.items) {
      out.push(
        `<font>${f.bold ? "<b/>" : ""}${f.italic ? "<i/>" : ""}<sz val="${f.size ?? DEFAULT_FONT.size}"/>` +
          `<name val="${esc(f.name ?? DEFAULT_FONT.name)}"/><family val="2"/><charset val="134"/></font>`
      );
    }
    out.push(`</fonts><fills count="${this.fills.items.length}">`);
    for (const f of this.fills.items) {
      out.push(
        f === "none" || f === "gray125"
          ? `<fill><patternFill patternType="${f}"/></fill>`
          : `<fill><patternFill patternType="solid"><fgColor rgb="${esc(f)}"/><bgColor indexed="64"/></patternFill></fill>`
      );
    }
    out.push(`</fills><borders count="${this.borders.items.length}">`);
    for (const b of this.borders.items) {
      out.push(
        b === "none"
          ? "<border><left/><right/><top/><bottom/><diagonal/></border>"
          : `<border><left style="${b}"/><right style="${b}"/><top style="${b}"/><bottom style="${b}"/><diagonal/></border>`
      );
    }
    out.push(
      '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    );
    out.push(`<cellXfs count="${this.xfs.items.length}">`);
    for (const x of this.xfs.items) out.push(xfXml(x));
    out.push(
      '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    );
    out.push('<dxfs count="0"/><tableStyles count="0"/></styleSheet>');
    return out.join("");
  }
}

function xfXml(x: Xf): string {
  const a = x.alignment;
  const head =
    `<xf` +
    attrs([
      ["numFmtId", x.numFmt],
      ["fontId", x.font],
      ["fillId", x.fill],
      ["borderId", x.border],
      ["xfId", 0],
      ["applyNumberFormat", x.numFmt !== 0 ? true : null],
      ["applyFont", x.font !== 0 ? true : null],
      ["applyFill", x.fill !== 0 ? true : null],
      ["applyBorder", x.border !== 0 ? true : null],
      ["applyAlignment", a ? true : null],
      ["applyProtection", x.unlocked ? true : null],
    ]);
  if (!a && !x.unlocked) return head + "/>";
  const align = a
    ? `<alignment${attrs([
        ["horizontal", a.horizontal],
        ["vertical", a.vertical],
        ["wrapText", a.wrapText ? true : null],
      ])}/>`
    : "";
  return `${head}>${align}${x.unlocked ? '<protection locked="0"/>' : ""}</xf>`;
}
