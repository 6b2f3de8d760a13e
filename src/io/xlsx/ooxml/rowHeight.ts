/**
 * Row heights for wrapped text. Excel, WPS and LibreOffice do not all grow a row to fit wrapped text written by a
 * program, and a 推荐汇总表 printed with overlapping lines cannot be stamped and sent. So rows that hold wrapped text
 * get a height estimated from the text and the column widths: a Chinese or full-width character takes about two
 * width units (a unit is the width of "0"), other characters one.
 */

/** Default column width in Excel's units when a column has none set. */
export const DEFAULT_COLUMN_WIDTH = 8.43;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f300
  );
}

/** Width units one line holds in a column `width` units wide at `fontSize` points (11 pt is the unit's reference). */
function usableUnits(width: number, fontSize: number): number {
  return Math.max(1, width - 1) * (11 / fontSize);
}

/**
 * Whether a text of n code units fits one line from its length alone: it takes at most 2.1·n units (the margin keeps
 * rounding of the sum in wrappedLines from ever mattering).
 */
function fitsOneLine(text: string, usable: number): boolean {
  return text.length * 2.1 < usable - 1e-6;
}

/** How many lines a text takes in a column `width` units wide at `fontSize` points. */
export function wrappedLines(text: string, width: number, fontSize: number): number {
  const usable = usableUnits(width, fontSize);
  if (fitsOneLine(text, usable) && !text.includes("\n")) return 1;
  let lines = 0;
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      // one paragraph ends
      lines += Math.max(1, Math.ceil(units / usable));
      units = 0;
    } else if (code < 0x1100) units += 1.05;
    else if (code >= 0x2e80 && code <= 0xa4cf) units += 2.1;
    else if (code >= 0xdc00 && code <= 0xdfff)
      continue; // second half of a surrogate pair
    else units += isWide(code >= 0xd800 && code <= 0xdbff ? 0x1f300 : code) ? 2.1 : 1.05;
  }
  return lines + Math.max(1, Math.ceil(units / usable));
}

/**
 * The most lines wrappedLines can say `text` takes, from its length alone: every code unit is at most 2.1 units wide.
 * A text with a line break is not bounded here (Infinity).
 */
export function mostWrappedLines(text: string, width: number, fontSize: number): number {
  if (text.includes("\n")) return Infinity;
  const usable = usableUnits(width, fontSize);
  // wrappedLines adds the widths one by one: the margin covers the rounding of that sum
  return fitsOneLine(text, usable) ? 1 : Math.ceil((text.length * 2.1) / usable + 1e-6);
}

/** Points per line of text at a font size, with the leading CJK fonts need. */
export function lineHeight(fontSize: number): number {
  return Math.round(fontSize * 1.4 * 4) / 4;
}

/** The height of a row of `lines` lines at a font size, with room above and below. */
function rowHeightOf(lines: number, fontSize: number): number {
  return lines * lineHeight(fontSize) + 3;
}

/** What a row fitter needs to know of its sheet. */
export interface FitSheet {
  /** The font size of a style's wrapped text (null: the style does not wrap). */
  wrapFontSize(style: number): number | null;
  /** Column `index`'s width (1-based; undefined: none set). */
  columnWidth(index: number): number | undefined;
}

/** The heights of one sheet's rows, from their wrapped texts and the sheet's column widths and styles. */
export class RowFitter {
  /** Per column (0-based), its width; emptied when a column changes. */
  private readonly widths: number[] = [];
  /** Per style id, the font size of its wrapped text (null: it does not wrap), fixed when the style is registered. */
  private readonly sizes: (number | null)[] = [];
  /** Per column of the row being fitted, the most height its cell could need (0: one line). */
  private readonly bounds: number[] = [];

  constructor(private readonly sheet: FitSheet) {}

  /** A column's width changed: widths are looked up again. */
  columnsChanged(): void {
    this.widths.length = 0;
  }

  /**
   * The height a row of wrapped text needs (undefined when one line fits every cell): values[j] in column j+1 with
   * style[j] (or one style for all), `textOf` what a value shows. The tallest cell decides, so each cell's most
   * possible height is found first (from its length alone); the cell that may need the most is measured, then only
   * the cells that could need more than it does.
   */
  fit<T>(
    values: readonly T[],
    textOf: (v: T) => string | null,
    style: number | readonly number[]
  ): number | undefined {
    const bounds = this.bounds;
    let first = -1;
    for (let j = 0; j < values.length; j++) {
      bounds[j] = 0;
      const text = textOf(values[j]);
      if (!text) continue;
      const size = this.size(style, j);
      if (size === null) continue;
      const most = mostWrappedLines(text, this.width(j), size);
      if (most > 1) {
        bounds[j] = rowHeightOf(most, size);
        if (first < 0 || bounds[j] > bounds[first]) first = j;
      }
    }
    if (first < 0) return undefined;
    let best = this.height(textOf(values[first])!, first, style);
    for (let j = 0; j < values.length; j++)
      if (j !== first && bounds[j] > best)
        best = Math.max(best, this.height(textOf(values[j])!, j, style));
    return best > 0 ? Math.min(best, 409) : undefined;
  }

  /** The height cell j's wrapped text needs (0: one line); only for a cell with a bound. */
  private height(text: string, j: number, style: number | readonly number[]): number {
    const size = this.size(style, j)!;
    const lines = wrappedLines(text, this.width(j), size);
    return lines > 1 ? rowHeightOf(lines, size) : 0;
  }

  /** The wrap font size of cell j's style (style[j], or one style for all). */
  private size(style: number | readonly number[], j: number): number | null {
    const s = typeof style === "number" ? style : (style[j] ?? 0);
    let size = this.sizes[s];
    if (size === undefined) size = this.sizes[s] = this.sheet.wrapFontSize(s);
    return size;
  }

  private width(j: number): number {
    let width = this.widths[j];
    if (width === undefined)
      width = this.widths[j] = this.sheet.columnWidth(j + 1) ?? DEFAULT_COLUMN_WIDTH;
    return width;
  }
}
