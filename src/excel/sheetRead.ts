/**
 * Reading our sheets back from Excel, a little at a time: the extent of a sheet, one row (a header), and some columns
 * a few thousand rows per sync. Never a whole used range: for 14,000 records that would pass Excel on the web's 5 MB
 * response limit.
 */
import { cleanText } from "../core/text";
import type { XlContext, XlWorksheet } from "./xl";

/** How many rows one read fetches: a column of 2,000 record keys is well under Excel on the web's 5 MB response. */
export const READ_ROWS = 2000;

export interface OpenSheet {
  ws: XlWorksheet;
  /** 0-based index of the last used row and column (values only); -1 when the sheet is empty. */
  lastRow: number;
  lastCol: number;
}

/** A sheet and how far its values go (null when the sheet is missing): two small syncs. */
export async function openSheet(context: XlContext, name: string): Promise<OpenSheet | null> {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is a scalar the *OrNullObject pattern needs
  ws.load("isNullObject");
  await context.sync();
  if (ws.isNullObject) return null;
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  await context.sync();
  if (used.isNullObject) return { ws, lastRow: -1, lastCol: -1 };
  return {
    ws,
    lastRow: used.rowIndex + used.rowCount - 1,
    lastCol: used.columnIndex + used.columnCount - 1,
  };
}

/** The cleaned text of a row's first `width` cells. */
export async function readRow(
  context: XlContext,
  sheet: OpenSheet,
  row: number,
  width: number
): Promise<string[]> {
  if (width <= 0 || row > sheet.lastRow) return [];
  const range = sheet.ws.getRangeByIndexes(row, 0, 1, width);
  range.load("values");
  await context.sync();
  return (range.values[0] ?? []).map((v) => cleanText(v));
}

/**
 * The cells of some columns (0-based) over rows [first, last], READ_ROWS rows a sync: values, or formulas in R1C1
 * notation (a clerk's own cells, to be written back on another row with their relative references intact).
 * Returns one array per column.
 */
export async function readColumns(
  context: XlContext,
  sheet: OpenSheet,
  cols: readonly number[],
  first: number,
  last: number,
  what: "values" | "formulasR1C1" = "values"
): Promise<unknown[][]> {
  const out: unknown[][] = cols.map(() => []);
  if (cols.length === 0) return out;
  for (let start = first; start <= last; start += READ_ROWS) {
    const count = Math.min(READ_ROWS, last - start + 1);
    const ranges = cols.map((c) => {
      const r = sheet.ws.getRangeByIndexes(start, c, count, 1);
      if (what === "values") r.load("values");
      else r.load("formulasR1C1");
      return r;
    });
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block of rows, on purpose (5 MB limit)
    await context.sync();
    ranges.forEach((r, j) => {
      for (const row of r[what]) out[j].push(row[0]);
    });
  }
  return out;
}

/** Where each header of `wanted` is in a header row (first occurrence), -1 when missing. */
export function findColumns(headers: readonly string[], wanted: readonly string[]): number[] {
  return wanted.map((h) => headers.indexOf(h));
}
