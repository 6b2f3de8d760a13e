/**
 * A worksheet as a plain grid of CellData (from ooxml/readSheet), with every merged cell answering with its master's
 * value. The table and indicator finders work on this grid only.
 */
import { cleanText, isBlank } from "../../../core/text";
import { EMPTY_CELL, MergeMap, type CellData, type MergeRange } from "../cells";
import type { ParsedSheet } from "../ooxml/readSheet";

export interface SheetGrid {
  name: string;
  hidden: boolean;
  /** Last row / column holding a value. */
  rowCount: number;
  colCount: number;
  merges: MergeMap;
  /** The cell at (row, col), 1-based; a merged cell gives its master's data. EMPTY_CELL when empty. */
  cell(row: number, col: number): CellData;
  /** cleanText of the cell's text ('' when empty). */
  text(row: number, col: number): string;
  /** The merged range covering the cell, if any. */
  mergeAt(row: number, col: number): MergeRange | undefined;
  /** Columns (1-based, ascending) that hold something in this row, merged cells included. */
  filledColumns(row: number): number[];
}

/**
 * The grid of a parsed worksheet. Slave cells of a merged range answer with the master's data (what Excel shows);
 * a value stored under a slave cell is not shown by Excel and is dropped.
 */
const HUGE_MERGE = 20_000;

export function buildGrid(name: string, hidden: boolean, sheet: ParsedSheet): SheetGrid {
  const { rows } = sheet;
  let { rowCount, colCount } = sheet;
  const ranges = sheet.merges;
  const merges = new MergeMap(ranges);
  // the master's data, copied to each slave position so lookups stay O(1)
  for (const r of ranges) {
    // a huge range (a whole merged column) is filled only as far as the sheet holds data
    const huge = (r.bottom - r.top + 1) * (r.right - r.left + 1) > HUGE_MERGE;
    const bottom = huge ? Math.min(r.bottom, Math.max(sheet.rowCount, r.top)) : r.bottom;
    const right = huge ? Math.min(r.right, Math.max(sheet.colCount, r.left)) : r.right;
    const master = rows[r.top]?.[r.left];
    if (!master) {
      for (let row = r.top; row <= bottom; row++) {
        const line = rows[row];
        if (line) for (let col = r.left; col <= right; col++) if (line[col]) delete line[col];
      }
      continue;
    }
    for (let row = r.top; row <= bottom; row++) {
      const line = (rows[row] ??= []);
      for (let col = r.left; col <= right; col++)
        if (row !== r.top || col !== r.left) line[col] = master;
      if (row > rowCount) rowCount = row;
    }
    if (right > colCount) colCount = right;
  }

  // cleanText of each cell, computed on first use, kept beside the cells
  const texts: string[][] = [];
  const filled: number[][] = [];
  const grid: SheetGrid = {
    name,
    hidden,
    rowCount,
    colCount,
    merges,
    cell: (row, col) => rows[row]?.[col] ?? EMPTY_CELL,
    text: (row, col) => {
      const c = rows[row]?.[col];
      if (!c) return "";
      const line = (texts[row] ??= []);
      let t = line[col];
      if (t === undefined) {
        t = c.text === "" ? "" : cleanText(c.text);
        line[col] = t;
      }
      return t;
    },
    mergeAt: (row, col) => merges.at(row, col),
    filledColumns: (row) => {
      // asked of every row by several finders: computed once per row (frozen: callers only read it)
      let cached = filled[row];
      if (cached === undefined) cached = filled[row] = Object.freeze(filledOf(row)) as number[];
      return cached;
    },
  };
  function filledOf(row: number): number[] {
    const line = rows[row];
    if (!line) return [];
    const out: number[] = [];
    // a plain loop over the sparse row (hot: every row of every sheet), holes skipped as forEach would
    for (let col = 0; col < line.length; col++) {
      const c = line[col];
      if (
        c &&
        (!isBlank(c.text) ||
          c.num !== null ||
          c.date !== null ||
          c.error !== null ||
          c.missingResult)
      ) {
        out.push(col);
      }
    }
    return out;
  }
  return grid;
}
