/**
 * A clerk's own columns beside ours (a 备注, a formula of their own): when our rows are rewritten in place, their cells
 * go with their row. A row is followed by its hidden case key (src/sheets/records.ts writtenKeys), else by the case
 * itself (core/identity matchCases: a corrected name or credit code). The cells are read and written as formulas in
 * R1C1 notation, so a formula relative to its row ("=D5&E5") points at its own row again after the move.
 */
import { matchCases } from "../core/identity";
import type { CaseRecord } from "../core/model";
import { readColumns, type OpenSheet } from "./sheetRead";
import type { XlContext, XlWorksheet } from "./xl";

export type CaseRef = Pick<CaseRecord, "prefecture" | "enterprise" | "uscc" | "caseName"> & {
  direction?: CaseRecord["direction"];
};

/** A row as it stands in the sheet before the update. */
export interface OldRow {
  key: string;
  ref: CaseRef;
}

export interface ClerkColumns {
  /** 0-based sheet columns that are not ours. */
  cols: number[];
  /** Sheet row (0-based) of the first body row. */
  firstRow: number;
  /** Each column's cells over the old body rows, as formulas in R1C1 (constants as themselves). */
  cells: unknown[][];
}

/** The clerk's cells over the old body rows [firstRow, firstRow + count). */
export async function readClerkColumns(
  context: XlContext,
  sheet: OpenSheet,
  cols: number[],
  firstRow: number,
  count: number
): Promise<ClerkColumns> {
  const cells =
    count > 0
      ? await readColumns(context, sheet, cols, firstRow, firstRow + count - 1, "formulasR1C1")
      : cols.map(() => []);
  return { cols, firstRow, cells };
}

/** For each new row, the old row it continues (null: a new case). */
export function rowMoves(
  old: readonly OldRow[],
  keys: readonly string[],
  records: readonly CaseRecord[]
): (number | null)[] {
  const byKey = new Map<string, number>();
  old.forEach((o, i) => {
    if (o.key && !byKey.has(o.key)) byKey.set(o.key, i);
  });
  const taken = new Set<number>();
  const moves = keys.map((k) => {
    const i = byKey.get(k);
    if (i === undefined || taken.has(i)) return null;
    taken.add(i);
    return i;
  });
  // a case whose key changed (a corrected name or code): by the case itself
  const openOld = old.map((o, i) => ({ i, ref: o.ref })).filter((o) => !taken.has(o.i));
  const openNew = moves.flatMap((m, j) => (m === null ? [j] : []));
  if (openOld.length > 0 && openNew.length > 0) {
    const { matched } = matchCases(
      openOld,
      openNew.map((j) => records[j]),
      (o) => o.ref
    );
    for (const [k, o] of matched) moves[openNew[k]] = o.i;
  }
  return moves;
}

/** Write the clerk's cells on the rows their cases moved to; rows of removed cases are emptied. */
export function writeClerkColumns(
  ws: XlWorksheet,
  clerk: ClerkColumns,
  moves: readonly (number | null)[],
  oldCount: number
): void {
  if (clerk.cols.length === 0) return;
  const unchanged = moves.length === oldCount && moves.every((m, i) => m === i);
  if (unchanged) return;
  const rows = Math.max(moves.length, oldCount);
  if (rows === 0) return;
  clerk.cols.forEach((col, j) => {
    const old = clerk.cells[j];
    ws.getRangeByIndexes(clerk.firstRow, col, rows, 1).formulasR1C1 = Array.from(
      { length: rows },
      (_, i) => {
        const from = i < moves.length ? moves[i] : null;
        return [from === null ? "" : (old[from] ?? "")];
      }
    );
  });
}
