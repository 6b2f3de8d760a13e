/**
 * A Word table as the grid the workbook reader's table logic reads (src/io/xlsx/reader: findTableHeader, readTable,
 * readIndicators, readLists work on a SheetGrid, whatever the file was): one grid row per table row, one grid column
 * per column of the table as a person sees it — Word's own grid may have extra narrow columns where rows do not line
 * up (LibreOffice writes one per distinct cell edge), so columns are taken from the row with the most cells —, a
 * horizontally spanned cell and a vertical merge (vMerge) as one merged range answering with the master's text.
 */
import { EMPTY_CELL, type CellData, type MergeRange } from "../xlsx/cells";
import { buildGrid, type SheetGrid } from "../xlsx/reader/grid";
import type { DocCell } from "./docxModel";

function textCell(text: string): CellData {
  return { ...EMPTY_CELL, text };
}

/** The column edges of the table: the grid columns where the cells of its fullest row start. */
function columnEdges(rows: readonly DocCell[][]): number[] {
  let best: DocCell[] = [];
  for (const r of rows) if (r.length > best.length) best = r;
  const edges = [...new Set(best.map((c) => c.gridCol))].sort((a, b) => a - b);
  return edges.length > 0 ? edges : [0];
}

/** 1-based column of a grid column: the last edge at or before it. */
function columnOf(edges: readonly number[], gridCol: number): number {
  let k = 0;
  while (k + 1 < edges.length && edges[k + 1] <= gridCol) k++;
  return k + 1;
}

export function tableGrid(name: string, rows: readonly DocCell[][]): SheetGrid {
  const edges = columnEdges(rows);
  const cells: CellData[][] = [];
  const merges: MergeRange[] = [];
  /** The vertical merge open in each column: its range, extended while continuation cells follow. */
  const open = new Map<number, MergeRange>();
  let colCount = 0;
  rows.forEach((row, i) => {
    const r = i + 1;
    const line: CellData[] = [];
    const seen = new Set<number>();
    for (const c of row) {
      const left = columnOf(edges, c.gridCol);
      const right = Math.max(left, columnOf(edges, c.gridCol + c.span - 1));
      if (right > colCount) colCount = right;
      seen.add(left);
      if (c.merged) {
        const m = open.get(left);
        if (m) {
          m.bottom = r;
          continue;
        }
      }
      if (c.text !== "") line[left] = textCell(c.text);
      const range: MergeRange = { top: r, left, bottom: r, right };
      open.set(left, range);
      merges.push(range);
    }
    // a column the row has no cell in ends its vertical merge
    for (const col of [...open.keys()]) if (!seen.has(col)) open.delete(col);
    cells[r] = line;
  });
  const real = merges.filter((m) => m.bottom > m.top || m.right > m.left);
  return buildGrid(name, false, {
    rows: cells,
    merges: real,
    rowCount: rows.length,
    colCount,
    filledRows: cells.filter((l) => l && l.some((c) => c && c.text !== "")).length,
  });
}

/** Paragraphs as a one-column grid (the lines around a Word table: 推荐单位、日期 above it, 联系人、手机 below it). */
export function paragraphGrid(name: string, texts: readonly string[]): SheetGrid {
  const cells: CellData[][] = [];
  texts.forEach((t, i) => {
    const line: CellData[] = [];
    if (t !== "") line[1] = textCell(t);
    cells[i + 1] = line;
  });
  return buildGrid(name, false, {
    rows: cells,
    merges: [],
    rowCount: texts.length,
    colCount: 1,
    filledRows: texts.filter((t) => t !== "").length,
  });
}
