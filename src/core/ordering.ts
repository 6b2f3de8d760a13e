/**
 * The order of the province's recommendation list: by expert score, high to low; ties, and rows without a score, by
 * direction (1–5), prefecture (GB/T 2260 order) and the prefecture's own recommendation order.
 */
import type { CaseRecord } from "./model";
import { directionByName, prefectureIndex } from "./vocabulary";

function tieBreak(a: CaseRecord, b: CaseRecord): number {
  const da = a.direction ? directionByName(a.direction).no : 9;
  const db = b.direction ? directionByName(b.direction).no : 9;
  const pa = a.prefecture ? prefectureIndex(a.prefecture) : 99;
  const pb = b.prefecture ? prefectureIndex(b.prefecture) : 99;
  return da - db || pa - pb || a.order - b.order || (a.source.row ?? 0) - (b.source.row ?? 0);
}

export function compareForExport(a: CaseRecord, b: CaseRecord): number {
  const sa = a.score;
  const sb = b.score;
  if (sa !== null && sb !== null && sa !== sb) return sb - sa;
  if (sa !== null && sb === null) return -1;
  if (sa === null && sb !== null) return 1;
  return tieBreak(a, b);
}

/** The ordered list, optionally cut to the first `top` rows. */
export function orderForExport(records: readonly CaseRecord[], top?: number): CaseRecord[] {
  const sorted = [...records].sort(compareForExport);
  return top !== undefined && top >= 0 ? sorted.slice(0, top) : sorted;
}
