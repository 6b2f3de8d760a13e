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

/** How many lines a text takes in a column `width` units wide at `fontSize` points (11 pt is the unit's reference). */
export function wrappedLines(text: string, width: number, fontSize: number): number {
  const usable = Math.max(1, width - 1) * (11 / fontSize);
  // hot (every text cell): a text of n code units takes at most 2.1·n units, so a short one takes one line (the margin
  // keeps rounding of the sum below from ever mattering)
  if (text.length * 2.1 < usable - 1e-6 && !text.includes("\n")) return 1;
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
  const usable = Math.max(1, width - 1) * (11 / fontSize);
  // wrappedLines adds the widths one by one: the margin covers the rounding of that sum
  return text.length * 2.1 < usable - 1e-6 ? 1 : Math.ceil((text.length * 2.1) / usable + 1e-6);
}

/** Points per line of text at a font size, with the leading CJK fonts need. */
export function lineHeight(fontSize: number): number {
  return Math.round(fontSize * 1.4 * 4) / 4;
}
