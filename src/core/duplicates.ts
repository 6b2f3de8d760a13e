/**
 * The duplicate index: which rows belong to the same enterprise, linear in the number of rows.
 * An enterprise is identified by its 统一社会信用代码 where any row gives a valid one; rows that give only a name join
 * the code their normalised name is known under (when that name maps to exactly one code), else stay keyed by name.
 */
import { normalizeCaseName, normalizeEnterpriseName } from "./normalize";
import { checkUscc } from "./uscc";

export interface EnterpriseRef {
  enterprise: string;
  uscc?: string;
}

/**
 * Returns one identity key per input (same key = same enterprise); '' for rows with neither name nor code.
 * The rules and both sheets of a roll-up ask for the identities of the same list (0.1 s at 14 × 5,000): the answer
 * is kept with the list, and given again while each of its rows, their names and codes are the same as then.
 */
export function enterpriseIdentities(rows: readonly EnterpriseRef[]): readonly string[] {
  const kept = known.get(rows);
  if (kept && sameRows(kept, rows)) return kept.ids;
  const ids = Object.freeze(identitiesOf(rows));
  known.set(rows, {
    rows: rows.slice(),
    names: rows.map((r) => r.enterprise),
    codes: rows.map((r) => r.uscc),
    ids,
  });
  return ids;
}

interface KnownIdentities {
  rows: readonly EnterpriseRef[];
  names: readonly string[];
  codes: ReadonlyArray<string | undefined>;
  ids: readonly string[];
}
/** By list: gone with the list. */
const known = new WeakMap<readonly EnterpriseRef[], KnownIdentities>();

function sameRows(was: KnownIdentities, rows: readonly EnterpriseRef[]): boolean {
  if (was.rows.length !== rows.length) return false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r !== was.rows[i] || r.enterprise !== was.names[i] || r.uscc !== was.codes[i]) return false;
  }
  return true;
}

function identitiesOf(rows: readonly EnterpriseRef[]): string[] {
  const codeOf: (string | null)[] = rows.map((r) => {
    if (!r.uscc) return null;
    const c = checkUscc(r.uscc);
    return c.valid ? c.normalized : null;
  });
  // name → the codes it is given with
  const codesByName = new Map<string, Set<string>>();
  rows.forEach((r, i) => {
    const code = codeOf[i];
    if (!code) return;
    const name = normalizeEnterpriseName(r.enterprise);
    if (name === "") return;
    let set = codesByName.get(name);
    if (!set) codesByName.set(name, (set = new Set()));
    set.add(code);
  });
  return rows.map((r, i) => {
    const code = codeOf[i];
    if (code) return "C:" + code;
    const name = normalizeEnterpriseName(r.enterprise);
    const codes = codesByName.get(name);
    if (codes && codes.size === 1) return "C:" + [...codes][0];
    // enterpriseKey(r.enterprise) without a code: the name just normalised
    return name === "" ? "" : "N:" + name;
  });
}

/** Group row indexes by a key, skipping empty keys. Insertion order is row order. */
export function groupBy<T>(
  items: readonly T[],
  key: (item: T, index: number) => string
): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const k = key(item, i);
    if (k === "") return;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  return groups;
}

/**
 * Two case names are the same case when, after normalisation, they are equal, one contains the other (and the shorter
 * has at least 6 characters), or their character-bigram similarity (Dice) is at least 0.8.
 */
export function sameCaseName(a: string, b: string): boolean {
  return sameCaseForm(caseNameForm(a), caseNameForm(b));
}

/** A case name prepared once for many sameCaseName comparisons: normalised, its bigrams counted when first needed. */
export interface CaseNameForm {
  norm: string;
  grams: Map<string, number> | null;
}

export function caseNameForm(name: string): CaseNameForm {
  return { norm: normalizeCaseName(name), grams: null };
}

/**
 * sameCaseName of the two names the forms were made of. R3 compares every pair of an enterprise's rows: each name is
 * normalised once and its bigrams counted once, however many pairs it is in.
 */
export function sameCaseForm(a: CaseNameForm, b: CaseNameForm): boolean {
  const x = a.norm;
  const y = b.norm;
  if (x === "" || y === "") return false;
  if (x === y) return true;
  const xShort = x.length <= y.length;
  const short = xShort ? x : y;
  const long = xShort ? y : x;
  if (short.length >= 6 && long.includes(short)) return true;
  return diceOf((a.grams ??= bigrams(x)), (b.grams ??= bigrams(y))) >= 0.8;
}

function bigrams(s: string): Map<string, number> {
  const chars = [...s];
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function diceOf(A: ReadonlyMap<string, number>, B: ReadonlyMap<string, number>): number {
  let total = 0;
  let common = 0;
  for (const n of A.values()) total += n;
  for (const [g, n] of B) {
    total += n;
    common += Math.min(n, A.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * common) / total;
}
