/**
 * The duplicate index: which rows belong to the same enterprise, linear in the number of rows.
 * An enterprise is identified by its 统一社会信用代码 where any row gives a valid one; rows that give only a name join
 * the code their normalised name is known under (when that name maps to exactly one code), else stay keyed by name.
 */
import { enterpriseKey, normalizeCaseName, normalizeEnterpriseName } from "./normalize";
import { checkUscc } from "./uscc";

export interface EnterpriseRef {
  enterprise: string;
  uscc?: string;
}

/** Returns one identity key per input (same key = same enterprise); '' for rows with neither name nor code. */
export function enterpriseIdentities(rows: readonly EnterpriseRef[]): string[] {
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
    return enterpriseKey(r.enterprise);
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
  const x = normalizeCaseName(a);
  const y = normalizeCaseName(b);
  if (x === "" || y === "") return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 6 && long.includes(short)) return true;
  return dice(x, y) >= 0.8;
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

function dice(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  let total = 0;
  let common = 0;
  for (const n of A.values()) total += n;
  for (const [g, n] of B) {
    total += n;
    common += Math.min(n, A.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * common) / total;
}
