/**
 * Pure implementations behind the HUHANG.* worksheet functions (src/functions/functions.ts wraps them).
 * Inputs are the value matrices Excel hands a custom function (rows of cells; blanks arrive as null, undefined or "" in
 * Excel on the web, and as the NUMBER 0 in Excel on Windows and Mac: office-js issues #4702 and #5262). Where 0 cannot
 * be a value (credit codes, enterprise names, prefectures, directions, levels) a 0 is read as a blank; where 0 is a
 * value (RATIO, COVERAGE) the formulas the add-in writes pass blanks as "" (IF(ISBLANK(r),"",r), indicatorSheets.ts).
 * Results are plain values or matrices. Problems the clerk must fix in the formula itself (ranges of different shape,
 * an unreadable tier) throw a FormulaError that the wrapper turns into an Excel error with the Chinese message.
 * Every function is linear in the number of cells.
 */
import { ratioOfSums, toPercent, weightedPercent } from "./indicators";
import { parseDirection } from "./directionText";
import { cleanText, parseLooseNumber } from "./text";
import {
  DIRECTIONS,
  PREFECTURE_NAMES,
  parseLevel,
  parsePrefecture,
  type Level,
} from "./vocabulary";
import { checkUscc } from "./uscc";
import { memoOfString } from "./memo";
import { enterpriseKey } from "./normalize";

export type FormulaErrorKind = "invalidValue" | "notAvailable";

/** A problem with a formula's arguments, shown in the cell as #VALUE! (invalidValue) or #N/A (notAvailable). */
export class FormulaError extends Error {
  readonly kind: FormulaErrorKind;
  constructor(kind: FormulaErrorKind, message: string) {
    super(message);
    this.name = "FormulaError";
    this.kind = kind;
  }
}

export function isFormulaError(e: unknown): e is FormulaError {
  return e instanceof FormulaError;
}

/** What a custom function returns in a cell: a number, a text, or "" for "nothing to show". */
export type Cell = number | string;

// ---------------------------------------------------------------------------------------------------------------
// Shapes

/** A value as a matrix: a scalar becomes 1×1, a flat array one column. */
export function asMatrix(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) return [];
  if (value.every((row) => Array.isArray(row))) return value as unknown[][];
  return value.map((v) => [v]);
}

function shapeOf(m: unknown[][]): { rows: number; cols: number } {
  return { rows: m.length, cols: m.length === 0 ? 0 : m[0].length };
}

function describeShape(s: { rows: number; cols: number }): string {
  return `${s.rows} 行 × ${s.cols} 列`;
}

function requireSameShape(a: unknown[][], b: unknown[][], aName: string, bName: string): void {
  const sa = shapeOf(a);
  const sb = shapeOf(b);
  const ragged = (m: unknown[][], cols: number) => m.some((row) => row.length !== cols);
  if (sa.rows !== sb.rows || sa.cols !== sb.cols || ragged(a, sa.cols) || ragged(b, sb.cols)) {
    throw new FormulaError(
      "invalidValue",
      `${aName}区域（${describeShape(sa)}）与${bName}区域（${describeShape(sb)}）大小不一致，请选择行列数相同的两个区域`
    );
  }
}

/** The cells of a one-column (or one-row) range, top to bottom. Wider ranges are refused. */
function column(m: unknown[][], name: string): unknown[] {
  const s = shapeOf(m);
  if (s.cols === 1) return m.map((row) => row[0]);
  if (s.rows === 1) return m[0].slice();
  throw new FormulaError("invalidValue", `${name}应为单列区域，实际选择了 ${describeShape(s)}`);
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && cleanText(v) === "");
}

/** A blank cell where 0 cannot be a value: Excel desktop hands an empty cell to a custom function as 0. */
function isEmptyCell(v: unknown): boolean {
  return v === 0 || isBlank(v);
}

// ---------------------------------------------------------------------------------------------------------------
// HUHANG.TIERCOUNT

/** The three 分类分级 tiers in the order of the 1×3 result. */
export const TIER_ORDER: readonly Level[] = ["三级", "二级", "一级"];

/**
 * Without tier: a 1×3 row with how many cells hold 三级, 二级, 一级. With tier: how many cells hold that level
 * (any spelling parseLevel accepts: 三级 / 3级 / 第三级 / Ⅲ级 / 三 / 3). Cells that are not a level count nowhere.
 */
export function tierCount(levels: unknown, tier?: unknown): number | number[][] {
  const cells = asMatrix(levels);
  const counts = new Map<Level, number>();
  for (const row of cells) {
    for (const v of row) {
      if (isEmptyCell(v)) continue;
      const level = parseLevel(v);
      if (level) counts.set(level, (counts.get(level) ?? 0) + 1);
    }
  }
  // an empty tier cell (0 in Excel desktop) counts as an omitted tier
  if (tier === undefined || isEmptyCell(tier)) return [TIER_ORDER.map((t) => counts.get(t) ?? 0)];
  const wanted = parseLevel(tier);
  if (!wanted) {
    throw new FormulaError(
      "invalidValue",
      `无法识别的级别“${cleanText(tier)}”：请写 三级、二级、一级（或 3、2、1）`
    );
  }
  return counts.get(wanted) ?? 0;
}

// ---------------------------------------------------------------------------------------------------------------
// HUHANG.RATIO and HUHANG.COVERAGE

/**
 * Σ numerators ÷ Σ denominators over the cells where both are numbers (text numbers and full-width digits count,
 * blanks and words skip). "" when Σ denominators is 0: no data, not 0% and not an error.
 */
export function ratio(numerators: unknown, denominators: unknown): Cell {
  const num = asMatrix(numerators);
  const den = asMatrix(denominators);
  requireSameShape(num, den, "分子", "分母");
  const pairs: Array<[number | null, number | null]> = [];
  for (let r = 0; r < num.length; r++) {
    for (let c = 0; c < num[r].length; c++)
      pairs.push([parseLooseNumber(num[r][c]), parseLooseNumber(den[r][c])]);
  }
  // the province rule: a ratio of sums, "no data" when nothing is left to divide by
  return ratioOfSums(pairs) ?? "";
}

/**
 * A percentage as written, as a fraction: 0.85, 85% (a cell formatted as percent holds 0.85), "85%", "８５％" or 85.
 * A number above 1 is a percent; text with a % sign is a percent. null when the cell holds no number.
 */
export function parsePercent(value: unknown): number | null {
  const n = parseLooseNumber(value);
  if (n === null) return null;
  return toPercent(n, typeof value === "string" && /[%％]\s*$/.test(value)) / 100;
}

/**
 * Weighted share: Σ(covered × pct) ÷ Σ covered over the rows where both are numbers, as a fraction (0.85).
 * "" when Σ covered is 0. A percentage outside 0–100% is an error naming its position.
 */
export function coverage(covered: unknown, percents: unknown): Cell {
  const cov = asMatrix(covered);
  const pct = asMatrix(percents);
  requireSameShape(cov, pct, "覆盖企业数", "比例");
  const pairs: Array<[number | null, number | null]> = [];
  for (let r = 0; r < cov.length; r++) {
    for (let c = 0; c < cov[r].length; c++) {
      const n = parseLooseNumber(cov[r][c]);
      const p = parsePercent(pct[r][c]);
      // a percentage only matters (and is only checked) on a row that has a count
      if (n !== null && p !== null && (p < 0 || p > 1)) {
        const where = cov[r].length === 1 ? `第 ${r + 1} 行` : `第 ${r + 1} 行第 ${c + 1} 列`;
        throw new FormulaError(
          "invalidValue",
          `比例区域${where}的“${cleanText(pct[r][c])}”不在 0%–100% 之间`
        );
      }
      pairs.push([n, p]);
    }
  }
  return weightedPercent(pairs) ?? "";
}

// ---------------------------------------------------------------------------------------------------------------
// HUHANG.MULTIDIRECTION and HUHANG.CROSSREGION

/**
 * The key an enterprise cell is matched by within one column: a valid 统一社会信用代码 keys by the code, anything
 * else by the normalised name ("" for a blank cell, also when Excel desktop hands it over as 0).
 */
export function enterpriseCellKey(value: unknown): string {
  if (typeof value === "string") return cellKeyMemo(value);
  if (isEmptyCell(value)) return "";
  return enterpriseKey(value, value);
}

/** Kept across calls (bounded): a workbook recalculates the same names again and again. */
const cellKeyMemo = memoOfString((s) => (isEmptyCell(s) ? "" : enterpriseKey(s, s)), 200_000);

/**
 * For each row: "" or `${prefix}` + the distinct labels (in `order`) of the enterprise's rows, when the enterprise
 * has more than one distinct label. Rows with a blank enterprise or an unreadable label get "" and never count.
 */
function flagGroups(
  enterprises: unknown[],
  labels: unknown[],
  parse: (v: unknown) => number | null,
  names: readonly string[],
  prefix: string
): string[][] {
  // names and codes: a memo kept across calls (enterpriseCellKey)
  return flagKeys(enterprises.map(enterpriseCellKey), labels, parse, names, prefix);
}

/** flagGroups over the enterprises' keys (enterpriseCellKey of each cell). */
function flagKeys(
  keys: readonly string[],
  labels: unknown[],
  parse: (v: unknown) => number | null,
  names: readonly string[],
  prefix: string
): string[][] {
  // the same few hundred label spellings repeat down a long column: parse each distinct value once
  const ids = labels.map(memo((v) => (isEmptyCell(v) ? null : parse(v))));
  // each row's enterprise as a slot, and a bit set of label indexes per slot (at most 14 labels: fits in a number);
  // one map lookup per row
  const slotOf = new Map<string, number>();
  const slots = new Int32Array(keys.length).fill(-1);
  const masks: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const id = ids[i];
    if (keys[i] === "" || id === null) continue;
    let slot = slotOf.get(keys[i]);
    if (slot === undefined) {
      slot = masks.length;
      slotOf.set(keys[i], slot);
      masks.push(0);
    }
    slots[i] = slot;
    masks[slot] |= 1 << id;
  }
  const textFor = new Map<number, string>();
  const out: string[][] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const mask = slots[i] < 0 ? 0 : masks[slots[i]];
    if ((mask & (mask - 1)) === 0) {
      out[i] = [""];
      continue;
    }
    let text = textFor.get(mask);
    if (text === undefined) {
      const parts: string[] = [];
      for (let b = 0; b < names.length; b++) if (mask & (1 << b)) parts.push(names[b]);
      text = prefix + parts.join("、");
      textFor.set(mask, text);
    }
    out[i] = [text];
  }
  return out;
}

/** f cached by the cell's primitive value (strings, numbers, booleans, null); other values are not cached. */
function memo<T>(f: (v: unknown) => T): (v: unknown) => T {
  const cache = new Map<unknown, T>();
  return (v) => {
    if (typeof v === "object" && v !== null) return f(v);
    const hit = cache.get(v);
    if (hit !== undefined || cache.has(v)) return hit as T;
    const r = f(v);
    cache.set(v, r);
    return r;
  };
}

const DIRECTION_SHORT: readonly string[] = DIRECTIONS.map((d) => d.short);

function directionIndex(v: unknown): number | null {
  const name = parseDirection(v);
  return name === null ? null : DIRECTIONS.findIndex((d) => d.name === name);
}

function prefectureIndexOf(v: unknown): number | null {
  const name = parsePrefecture(v);
  return name === null ? null : PREFECTURE_NAMES.indexOf(name);
}

/**
 * A column as tall as the input: "" or "多方向：" + the enterprise's distinct directions as short names
 * (分类分级、车联网、工控评估、漏洞治理、威胁监测, in 1–5 order), on every row of an enterprise that appears under more
 * than one direction (R2).
 */
export function multiDirection(enterprises: unknown, directions: unknown): string[][] {
  const e = asMatrix(enterprises);
  const d = asMatrix(directions);
  requireSameShape(e, d, "企业", "申报方向");
  return flagGroups(
    column(e, "企业区域"),
    column(d, "申报方向区域"),
    directionIndex,
    DIRECTION_SHORT,
    "多方向："
  );
}

/**
 * A column as tall as the input: "" or "多地推荐：" + the distinct prefectures (full names, GB/T 2260 order) on every
 * row of an enterprise recommended by more than one prefecture (R3).
 */
export function crossRegion(enterprises: unknown, prefectures: unknown): string[][] {
  const e = asMatrix(enterprises);
  const p = asMatrix(prefectures);
  requireSameShape(e, p, "企业", "市州");
  return flagGroups(
    column(e, "企业区域"),
    column(p, "市州区域"),
    prefectureIndexOf,
    PREFECTURE_NAMES,
    "多地推荐："
  );
}

/**
 * enterpriseCellKey of an enterprise identity as core/duplicates enterpriseIdentities gives it ("C:" + a valid code,
 * "N:" + a normalised name, or ""), without normalising it again where that cannot change it: a code's identity is
 * upper-case ASCII; a name's is already normalised, and only Cyrillic or Greek letters (folded once the "N" of the
 * prefix stands beside them) would change — those go the long way.
 */
export function identityCellKey(identity: string): string {
  if (identity === "") return "";
  if (CODE_IDENTITY.test(identity)) return "N:" + identity;
  if (identity.startsWith("N:") && !CYRILLIC_OR_GREEK.test(identity)) return "N:" + identity;
  return enterpriseCellKey(identity);
}
const CODE_IDENTITY = /^C:[0-9A-Z]{18}$/;
const CYRILLIC_OR_GREEK = /[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]/;

/** MULTIDIRECTION and CROSSREGION over identities (identityCellKey), for the flags a record sheet is written with. */
export function flagsOfIdentities(
  identities: readonly string[],
  directions: readonly unknown[],
  prefectures: readonly unknown[]
): { multiDirection: string[][]; crossRegion: string[][] } {
  const keys = identities.map(identityCellKey);
  return {
    multiDirection: flagKeys(keys, [...directions], directionIndex, DIRECTION_SHORT, "多方向："),
    crossRegion: flagKeys(
      keys,
      [...prefectures],
      prefectureIndexOf,
      PREFECTURE_NAMES,
      "多地推荐："
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// HUHANG.USCC

/**
 * "" when the code is a valid 统一社会信用代码 (an unusual type pair is still valid) or the cell is blank (0 from an
 * empty cell in Excel desktop is blank: no credit code is the number 0); otherwise
 * the Chinese reason (length, illegal character, which check character fails, number truncated by Excel, legacy code).
 */
export function usccProblem(code: unknown): string {
  const v = Array.isArray(code) ? asMatrix(code)[0]?.[0] : code;
  if (isEmptyCell(v)) return "";
  const r = checkUscc(v);
  return r.valid ? "" : r.reason;
}
