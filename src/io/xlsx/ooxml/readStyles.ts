/**
 * xl/styles.xml, only as far as reading values needs it: for each cell format (<cellXfs><xf>, the index cells give
 * in s="…"), whether its number format shows a date (a number there is a date serial) or a percent sign.
 */
import { attrsInto, nextTag, refuseDoctype, type Tag } from "./xmlScan";

export interface CellFormatKind {
  date: boolean;
  percent: boolean;
}

export const GENERAL_FORMAT: CellFormatKind = Object.freeze({ date: false, percent: false });
const DATE_FORMAT: CellFormatKind = Object.freeze({ date: true, percent: false });
const PERCENT_FORMAT: CellFormatKind = Object.freeze({ date: false, percent: true });

/**
 * Built-in number formats (ECMA-376 18.8.30) that show dates or times, including the East Asian ones Excel and WPS
 * write in a Chinese locale (27–36, 50–58).
 */
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);
const BUILTIN_PERCENT = new Set([9, 10]);

/**
 * Whether a format code shows a date or time: a y/m/d/h/s (or b, Buddhist year) token outside quoted literals,
 * [colour]/[$-locale] brackets and backslash-escaped characters. Elapsed-time brackets [h] [mm] [ss] count.
 */
export function isDateFormat(code: string): boolean {
  const section = code.split(";")[0];
  if (/\[(h+|m+|s+)\]/i.test(section)) return true;
  const bare = section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]/g, "");
  if (/^\s*General\s*$/i.test(bare)) return false;
  return /[ymdhsb]/i.test(bare.replace(/General/gi, "").replace(/E[+-]/g, ""));
}

/** Whether a format code shows a percent sign (outside quoted literals and escapes it still does). */
export function isPercentFormat(code: string): boolean {
  return code.includes("%");
}

function kindOf(id: number, custom: Map<number, string>): CellFormatKind {
  const code = custom.get(id);
  if (code !== undefined) {
    if (isDateFormat(code)) return DATE_FORMAT;
    return isPercentFormat(code) ? PERCENT_FORMAT : GENERAL_FORMAT;
  }
  if (BUILTIN_DATES.has(id)) return DATE_FORMAT;
  if (BUILTIN_PERCENT.has(id)) return PERCENT_FORMAT;
  return GENERAL_FORMAT;
}

/** The kind of each cell format, by its index in <cellXfs>. */
export function readStyles(xml: string, part = "xl/styles.xml"): CellFormatKind[] {
  refuseDoctype(xml, part);
  const custom = new Map<number, string>();
  const ids: number[] = [];
  const tag: Tag = { name: "", closing: false, selfClosing: false, start: 0, attrs: 0, end: 0 };
  const a: Record<string, string | null> = { numFmtId: null, formatCode: null };
  let inCellXfs = false;
  let xfDepth = 0;
  let pos = 0;
  while (nextTag(xml, pos, xml.length, tag)) {
    pos = tag.end + 1;
    if (tag.name === "numFmt" && !tag.closing) {
      a.numFmtId = a.formatCode = null;
      attrsInto(xml, tag.attrs, tag.end, a);
      if (a.numFmtId !== null && a.formatCode !== null)
        custom.set(Number(a.numFmtId), a.formatCode);
    } else if (tag.name === "cellXfs") {
      inCellXfs = !tag.closing && !tag.selfClosing;
    } else if (tag.name === "xf" && inCellXfs) {
      if (tag.closing) {
        xfDepth--;
        continue;
      }
      if (xfDepth > 0) continue;
      a.numFmtId = null;
      attrsInto(xml, tag.attrs, tag.end, a);
      ids.push(a.numFmtId === null ? 0 : Number(a.numFmtId));
      if (!tag.selfClosing) xfDepth++;
    }
  }
  return ids.map((id) => kindOf(id, custom));
}
