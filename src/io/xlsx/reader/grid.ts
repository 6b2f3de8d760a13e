/**
 * A worksheet flattened once into a plain grid of CellData, with every merged cell answering with its master's value.
 * The table and indicator finders work on this grid only, so they never touch exceljs objects cell by cell.
 */
import type { Worksheet } from 'exceljs';
import { cleanText } from '../../../core/text';
import { cellData, EMPTY_CELL, MergeMap, parseRangeRef, type CellData, type MergeRange } from '../cells';

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

interface ExcelMergeLike {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merged ranges of a sheet without building exceljs's whole sheet model (which copies every row). */
function sheetMerges(ws: Worksheet): MergeRange[] {
  const internal = (ws as unknown as { _merges?: Record<string, ExcelMergeLike> })._merges;
  if (internal && typeof internal === 'object') {
    const out: MergeRange[] = [];
    for (const m of Object.values(internal)) {
      if (m && typeof m.top === 'number' && typeof m.left === 'number') {
        out.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
      }
    }
    return out;
  }
  const refs = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  return refs.map(parseRangeRef).filter((r): r is MergeRange => r !== null);
}

const MERGE_TYPE = 1; // exceljs ValueType.Merge: a slave cell of a merged range

export function buildGrid(ws: Worksheet): SheetGrid {
  const rows: CellData[][] = [];
  let rowCount = 0;
  let colCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: CellData[] = [];
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      if ((c.type as unknown as number) === MERGE_TYPE) return;
      const data = cellData(c.value, c.numFmt);
      if (data === EMPTY_CELL) return;
      line[colNumber] = data;
      if (colNumber > colCount) colCount = colNumber;
    });
    if (line.length > 0) {
      rows[rowNumber] = line;
      if (rowNumber > rowCount) rowCount = rowNumber;
    }
  });

  const ranges = sheetMerges(ws);
  const merges = new MergeMap(ranges);
  // the master's data, copied to each slave position so lookups stay O(1)
  for (const r of ranges) {
    const master = rows[r.top]?.[r.left];
    if (!master) continue;
    for (let row = r.top; row <= r.bottom; row++) {
      const line = (rows[row] ??= []);
      for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) line[col] = master;
      if (row > rowCount) rowCount = row;
    }
    if (r.right > colCount) colCount = r.right;
  }

  const textCache = new Map<CellData, string>();
  const grid: SheetGrid = {
    name: ws.name,
    hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
    rowCount,
    colCount,
    merges,
    cell: (row, col) => rows[row]?.[col] ?? EMPTY_CELL,
    text: (row, col) => {
      const c = rows[row]?.[col];
      if (!c) return '';
      let t = textCache.get(c);
      if (t === undefined) {
        t = cleanText(c.text);
        textCache.set(c, t);
      }
      return t;
    },
    mergeAt: (row, col) => merges.at(row, col),
    filledColumns: (row) => {
      const line = rows[row];
      if (!line) return [];
      const out: number[] = [];
      line.forEach((c, col) => {
        if (c && (c.text.trim() !== '' || c.num !== null || c.date !== null || c.error !== null || c.missingResult)) {
          out.push(col);
        }
      });
      return out;
    },
  };
  return grid;
}
