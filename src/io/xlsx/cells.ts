/**
 * Low-level cell helpers shared by the .xlsx reader (and the writer): the one plain shape a cell is read into
 * (text / number / date / error, see ooxml/readSheet), dates as ISO yyyy-mm-dd from Date objects, serial numbers or
 * clerk text, and a merged-range map built once per sheet.
 */
import { parseDateText } from "../../core/dates";

/** One cell as the reader sees it, whatever the file stored (rich text, hyperlink, formula result, error…). */
export interface CellData {
  /** Text as a clerk sees it (rich text joined, hyperlink text, formula result, error code). Not cleaned. */
  text: string;
  /** The number when the cell (or its formula's cached result) holds a number. */
  num: number | null;
  /** The date when the cell holds a date (a number in a date-formatted cell, or a t="d" cell). */
  date: Date | null;
  /** "#REF!", "#DIV/0!"… when the cell (or its formula's cached result) is an error. */
  error: string | null;
  /** The cell's number format shows a percent sign (0.85 displayed as 85%). */
  percent: boolean;
  /** The cell holds a formula. */
  formula: boolean;
  /** A formula without a cached result (written by a program that does not calculate): the value is unknown. */
  missingResult: boolean;
}

export const EMPTY_CELL: CellData = {
  text: "",
  num: null,
  date: null,
  error: null,
  percent: false,
  formula: false,
  missingResult: false,
};

/** A number as text without binary noise: 0.1+0.2 → "0.3", 12 → "12". */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return "";
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

/** A Date (UTC-based, as Excel serials convert) as yyyy-mm-dd. */
export function toIsoDate(d: Date): string {
  // a serial with float noise may give 23:59:59.999 for a whole day; round to the nearest day first
  const t = Math.round(d.getTime() / 86_400_000) * 86_400_000;
  const r = new Date(t);
  return `${r.getUTCFullYear()}-${pad2(r.getUTCMonth() + 1)}-${pad2(r.getUTCDate())}`;
}

/** An Excel serial day number (1900 system, or 1904 when the workbook says so) as a Date; null out of range. */
export function serialToDate(serial: number, date1904 = false): Date | null {
  if (!Number.isFinite(serial)) return null;
  const days = serial + (date1904 ? 1462 : 0);
  // 1900-01-01 … 2199-12-31; serials below 61 are before Excel's fake 1900-02-29 and never a 申报日期
  if (days < 61 || days > 109_574) return null;
  return new Date(Math.round((days - 25569) * 86_400_000));
}

/** Dates in text are read by the product's one date parser. */
export { parseDateText } from "../../core/dates";

/** The ISO date a cell holds: a Date, a serial number, or text. */
export function cellIsoDate(c: CellData | undefined, date1904 = false): string | null {
  if (!c) return null;
  if (c.date) return toIsoDate(c.date);
  if (c.num !== null) {
    // 20241210 typed as a number
    if (c.num >= 19_000_101 && c.num <= 21_991_231 && Number.isInteger(c.num))
      return parseDateText(String(c.num));
    const d = serialToDate(c.num, date1904);
    return d ? toIsoDate(d) : null;
  }
  return parseDateText(c.text);
}

// ---------------------------------------------------------------------------------------------------------------
// Addresses and merged ranges

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "AB" → 28. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B3:D5" (or "$B$3:$D$5", or a single "B3") → range; null when malformed. */
export function parseRangeRef(ref: string): MergeRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const a = { col: columnIndex(m[1]), row: Number(m[2]) };
  const b = m[3] ? { col: columnIndex(m[3]), row: Number(m[4]) } : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

const COL_STRIDE = 20_000; // > 16,384 columns of a sheet
const INDEXED_AREA = 20_000; // ranges larger than this are searched linearly (whole-column merges are rare)

/** Which merged range covers a cell, answered in O(1) for ordinary merges. Built once per sheet. */
export class MergeMap {
  private readonly byCell = new Map<number, MergeRange>();
  private readonly large: MergeRange[] = [];
  readonly ranges: readonly MergeRange[];

  constructor(ranges: readonly MergeRange[]) {
    this.ranges = ranges;
    for (const r of ranges) {
      const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
      if (area > INDEXED_AREA) {
        this.large.push(r);
        continue;
      }
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) this.byCell.set(row * COL_STRIDE + col, r);
      }
    }
  }

  /** The merged range covering (row, col), or undefined when the cell is not merged. */
  at(row: number, col: number): MergeRange | undefined {
    const hit = this.byCell.get(row * COL_STRIDE + col);
    if (hit) return hit;
    for (const r of this.large)
      if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return r;
    return undefined;
  }
}
