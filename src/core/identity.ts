/**
 * Who a case is, and where a row came from.
 *
 * caseKey: the stable identity of a recommended case — its prefecture, its enterprise (统一社会信用代码 when valid,
 * else the normalised name) and its normalised case name. Not the file, not the row: a corrected form sent under
 * another file name, a re-sent workbook ("…（修改版）.xlsx"), a list re-read from its own download, are the same cases.
 * Scores, the clerk's order and edits attach to it.
 *
 * sourceKey: where a record was read (file, sheet, row); findings point at places, and are given to the records read
 * there by this key.
 */
import type { CaseRecord, Source } from "./model";
import { enterpriseKey, normalizeCaseName, normalizeEnterpriseName } from "./normalize";
import { sameCaseName } from "./duplicates";

/** Printable: the key is kept in a hidden sheet column, and cells drop control characters. */
const SEP = "¦";

export function caseKey(
  r: Pick<CaseRecord, "prefecture" | "enterprise" | "uscc" | "caseName">
): string {
  return [
    r.prefecture ?? "",
    enterpriseKey(r.enterprise, r.uscc),
    normalizeCaseName(r.caseName),
  ].join(SEP);
}

export function sourceKey(s: Pick<Source, "file" | "sheet" | "row">): string {
  return [s.file, s.sheet ?? "", s.row ?? ""].join(SEP);
}

/** Why a case of the old list has no counterpart in the new one. */
export type UnmatchedReason = "gone" | "ambiguous";

export interface CaseMatch<T> {
  /** index in `next` → the old item it continues. */
  matched: Map<number, T>;
  /** Old items nothing in `next` continues, with the reason. */
  unmatched: Array<{ item: T; reason: UnmatchedReason }>;
}

/**
 * Which cases of a new list continue which cases of an old one, in four passes, each taking only one-to-one
 * matches: the same caseKey; then the same prefecture and enterprise name with the same or a near-same case name
 * (a credit code added or corrected); then the same prefecture and case name under a corrected enterprise name;
 * last, the same prefecture, enterprise and direction (a case name reworded: an enterprise applies in one direction). An old case two new ones could continue (or the reverse) is left unmatched as ambiguous, never
 * guessed. Each pass buckets both lists by a key, so the work is linear but for the few cases sharing a bucket.
 */
export function matchCases<T>(
  old: readonly T[],
  next: readonly CaseRecord[],
  recordOf: (item: T) => Pick<CaseRecord, "prefecture" | "enterprise" | "uscc" | "caseName"> & {
    direction?: CaseRecord["direction"];
  }
): CaseMatch<T> {
  type Ref = Pick<CaseRecord, "prefecture" | "enterprise" | "uscc" | "caseName"> & {
    direction?: CaseRecord["direction"];
  };
  const matched = new Map<number, T>();
  const taken = new Set<number>();
  const ambiguous = new Set<number>();
  const olds: Ref[] = old.map(recordOf);

  const pass = (bucket: (r: Ref) => string, same: (o: Ref, n: Ref) => boolean) => {
    const buckets = new Map<string, number[]>();
    next.forEach((n, j) => {
      if (matched.has(j)) return;
      const k = bucket(n);
      if (k === "") return;
      const list = buckets.get(k);
      if (list) list.push(j);
      else buckets.set(k, [j]);
    });
    const candidates = new Map<number, number[]>();
    const claims = new Map<number, number[]>();
    olds.forEach((o, i) => {
      if (taken.has(i)) return;
      const k = bucket(o);
      for (const j of (k === "" ? undefined : buckets.get(k)) ?? []) {
        if (!same(o, next[j])) continue;
        candidates.set(i, [...(candidates.get(i) ?? []), j]);
        claims.set(j, [...(claims.get(j) ?? []), i]);
      }
    });
    for (const [i, js] of candidates) {
      if (js.length === 1 && claims.get(js[0])!.length === 1) {
        matched.set(js[0], old[i]);
        taken.add(i);
        ambiguous.delete(i);
      } else ambiguous.add(i);
    }
  };

  const pref = (r: Ref) => r.prefecture ?? "";
  const name = (r: Ref) => normalizeEnterpriseName(r.enterprise);
  const cname = (r: Ref) => normalizeCaseName(r.caseName);
  pass(caseKey, () => true);
  pass(
    (r) => (name(r) === "" ? "" : pref(r) + SEP + name(r)),
    (o, n) => sameCaseName(o.caseName, n.caseName)
  );
  pass(
    (r) => (cname(r) === "" ? "" : pref(r) + SEP + cname(r)),
    () => true
  );
  pass(
    (r) => {
      const who = enterpriseKey(r.enterprise, r.uscc);
      return who === "" || !r.direction ? "" : [pref(r), who, r.direction].join(SEP);
    },
    () => true
  );

  const unmatched = old
    .map((item, i) => ({ item, i }))
    .filter(({ i }) => !taken.has(i))
    .map(({ item, i }) => ({
      item,
      reason: (ambiguous.has(i) ? "ambiguous" : "gone") as UnmatchedReason,
    }));
  return { matched, unmatched };
}
