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

/**
 * Read the clerk's columns over the old body rows [firstRow, firstRow + old.length) and return the write that puts
 * their cells on the rows their cases move to (rows of removed cases emptied); null when nothing moves.
 */
export async function clerkColumnsMove(
  context: XlContext,
  sheet: OpenSheet,
  cols: readonly number[],
  firstRow: number,
  old: readonly OldRow[],
  keys: readonly string[],
  records: readonly CaseRecord[]
): Promise<((ws: XlWorksheet) => void) | null> {
  if (cols.length === 0 || old.length === 0) return null;
  const moves = rowMoves(old, keys, records);
  if (moves.length === old.length && moves.every((m, i) => m === i)) return null;
  const last = firstRow + old.length - 1;
  const cells = await readColumns(context, sheet, cols, firstRow, last, "formulasR1C1");
  const rows = Math.max(moves.length, old.length);
  return (ws) =>
    cols.forEach((col, j) => {
      ws.getRangeByIndexes(firstRow, col, rows, 1).formulasR1C1 = Array.from(
        { length: rows },
        (_, i) => {
          const from = i < moves.length ? moves[i] : null;
          return [from === null ? "" : (cells[j][from] ?? "")];
        }
      );
    });
}

/** For each new row, the old row it continues (null: a new case). */
function rowMoves(
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
