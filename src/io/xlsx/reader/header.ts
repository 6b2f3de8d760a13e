/**
 * Finding the 附件3 header row: every row near the top is scored by how many header cells it holds (with the
 * synonyms clerks use), a second header row under merged group cells (联系人 over 姓名 / 电话) is folded in, and the
 * result is a map from field to column.
 */
import type { CaseField } from "../../../core/model";
import { memoOfString } from "../../../core/memo";
import { toHalfWidth } from "../../../core/text";
import type { SheetGrid } from "./grid";

/** Fields the 附件3 table may have: the CaseRecord fields plus the 所属市州 column of province files. */
export type TableField = CaseField | "prefecture";

/** Tested in this order on the normalised label; the first match wins. */
const HEADER_PATTERNS: ReadonlyArray<[TableField, RegExp]> = [
  [
    "summary",
    /^(案例)?(申报)?方向(和|及|与|、|\/)?(案例)?(简述|简介|概述)$|^(案例)?(简述|概述)$|^案例简介$|^(案例)?(申报)?方向(和|及|与|、)?(主要)?内容$/,
  ],
  ["direction", /^(案例)?(申报)?方向(名称)?$|^申报类别$|^方向类别$/],
  ["caseName", /^(典型)?案例(名称|题目|名)$|^项目名称$/],
  ["uscc", /信用代码$|^组织机构代码$|^统一代码$|^三证合一码$/],
  ["enterprise", /^(企业|单位|申报单位|申报企业|申报主体)(名称|全称)?$|^企业单位名称$/],
  ["category", /^(企业|单位)?(类别|类型)$/],
  ["level", /^(网络)?(安全)?(级别|等级)$|^定级(级别)?$|^网络安全防护等级$/],
  ["date", /^(申报)?(日期|时间)$/],
  ["score", /^(专家)?(评审)?(得分|评分|分数)$/],
  ["prefecture", /^(所属)?(市州|地市|地区)$|^推荐(单位|市州)$|^所属市州$/],
  ["order", /^(序号|排序|推荐顺序|推荐排序|顺序|编号|NO\.?)$/],
  ["contact", /^联系人(姓名)?$|^姓名$/],
  [
    "phone",
    /^(联系)?(方式|电话|手机)$|^手机(号码?)?$|^联系人?(电话|手机)$|^(电话|手机)(号码)?$|^(座机|固话)$/,
  ],
];

/** Header text → comparable form: half-width, no spaces or line breaks, no bracketed hints, no trailing colon / *. */
export function normalizeHeader(text: string): string {
  let s = toHalfWidth(text).replace(/\s+/g, "");
  s = s.replace(/[(【[（][^)】\]）]*[)】\]）]/g, "");
  s = s.replace(/^[*※]+|[*※:：]+$/g, "");
  return s.toUpperCase();
}

/** A header cell understood as a field; `corrected` is the official label when the cell had a slip (案列名称). */
interface HeaderMatch {
  field: TableField;
  corrected: string | null;
}

function matchHeaderCell(text: string): HeaderMatch | null {
  if (text === "" || text.length > 40) return null;
  return headerMemo(text);
}

/**
 * The match of each text, kept: every sheet's first rows are scored cell by cell, and the 14 workbooks of a merge
 * repeat the template's labels and the same categories, names and contacts (the match is never changed by callers).
 */
const headerMemo = memoOfString(matchHeaderText, 20_000);

function matchHeaderText(text: string): HeaderMatch | null {
  const s = normalizeHeader(text);
  if (s === "" || s.length > 20) return null;
  for (const [field, re] of HEADER_PATTERNS) if (re.test(s)) return { field, corrected: null };
  return matchMisspelt(s);
}

export function matchHeader(text: string): TableField | null {
  return matchHeaderCell(text)?.field ?? null;
}

/** The official labels and their common variants, for headers typed with a slip (案列名称, 联糸人, 简诉). */
const CANONICAL: ReadonlyArray<[TableField, string]> = [
  ["caseName", "案例名称"],
  ["enterprise", "企业名称"],
  ["enterprise", "单位名称"],
  ["category", "企业类别"],
  ["summary", "案例申报方向和简述"],
  ["summary", "申报方向和简述"],
  ["contact", "联系人"],
  ["phone", "联系方式"],
  ["phone", "联系电话"],
];

/** One wrong, missing or extra character in a label of 3–6 characters, two in a longer one. */
function matchMisspelt(s: string): HeaderMatch | null {
  for (const [field, label] of CANONICAL) {
    const allowed = label.length >= 7 ? 2 : label.length >= 3 ? 1 : 0;
    if (Math.abs(label.length - s.length) <= allowed && editDistance(s, label, allowed) <= allowed)
      return { field, corrected: label };
  }
  return null;
}

/**
 * Levenshtein distance (UTF-16 code units), stopping early once every path exceeds `cap` (then some number above
 * `cap`). Exported for its property test.
 */
export function editDistance(a: string, b: string, cap: number): number {
  // two rows reused across calls (labels and candidates are at most 20 units, checked by the caller)
  let prev = ROW_A;
  let cur = ROW_B;
  if (b.length + 1 > prev.length) {
    prev = new Int32Array(b.length + 1);
    cur = new Int32Array(b.length + 1);
  }
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        prev[j] + 1,
        cur[j - 1] + 1,
        prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1)
      );
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > cap) return cap + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length];
}
const ROW_A = new Int32Array(32);
const ROW_B = new Int32Array(32);

/** Something the clerk should know about how the header was read (reported as a warning, the table still reads). */
export type HeaderNote =
  | { kind: "duplicate"; field: TableField; row: number; col: number; used: number; text: string }
  | { kind: "corrected"; row: number; col: number; text: string; label: string };

export interface TableHeader {
  /** First and last header row (equal for a one-row header). */
  top: number;
  bottom: number;
  columns: Partial<Record<TableField, number>>;
  score: number;
  notes: HeaderNote[];
}

interface Label extends HeaderMatch {
  row: number;
  text: string;
}

/** The fields that make a row look like the 附件3 header; a header needs 案例名称 or 简述 and at least 3 of these. */
const CORE_FIELDS: readonly TableField[] = [
  "order",
  "caseName",
  "enterprise",
  "category",
  "summary",
  "contact",
  "phone",
  "direction",
];

const SCAN_ROWS = 40;

function mapRow(grid: SheetGrid, row: number): Map<number, Label> {
  const out = new Map<number, Label>();
  for (const col of grid.filledColumns(row)) {
    const text = grid.text(row, col);
    const m = matchHeaderCell(text);
    if (m) out.set(col, { ...m, row, text });
  }
  return out;
}

/** A header row's sub-row: every filled cell either continues a vertical merge from the row above or is a label. */
function subHeaderRow(grid: SheetGrid, row: number): Map<number, Label> | null {
  const next = row + 1;
  const cols = grid.filledColumns(next);
  if (cols.length === 0) return null;
  const labels = new Map<number, Label>();
  let own = 0;
  for (const col of cols) {
    const m = grid.mergeAt(next, col);
    if (m && m.top <= row) continue; // same merged cell as above (序号 merged over both header rows)
    const text = grid.text(next, col);
    const f = matchHeaderCell(text);
    if (!f) return null;
    labels.set(col, { ...f, row: next, text });
    own += 1;
  }
  return own > 0 ? labels : null;
}

function score(columns: Partial<Record<TableField, number>>): number {
  let n = 0;
  for (const f of CORE_FIELDS) if (columns[f] !== undefined) n += 1;
  return n;
}

/** The first column of each field wins; a later one with the same field is noted, as is a label read with a slip. */
function assign(
  columns: Partial<Record<TableField, number>>,
  labels: Map<number, Label>,
  notes: HeaderNote[]
): void {
  for (const [col, label] of labels) {
    const used = columns[label.field];
    if (used === undefined) columns[label.field] = col;
    else if (used !== col)
      notes.push({
        kind: "duplicate",
        field: label.field,
        row: label.row,
        col,
        used,
        text: label.text,
      });
    if (label.corrected && columns[label.field] === col)
      notes.push({
        kind: "corrected",
        row: label.row,
        col,
        text: label.text,
        label: label.corrected,
      });
  }
}

/** The best-scoring header in the first rows of the sheet, or null when the sheet holds no 附件3 table. */
export function findTableHeader(grid: SheetGrid): TableHeader | null {
  let best: TableHeader | null = null;
  const last = Math.min(grid.rowCount, SCAN_ROWS);
  for (let row = 1; row <= last; row++) {
    const top = mapRow(grid, row);
    if (top.size < 2) continue;
    const sub = subHeaderRow(grid, row);
    const columns: Partial<Record<TableField, number>> = {};
    const notes: HeaderNote[] = [];
    if (sub) {
      // sub-labels win in their columns (联系人 over 姓名 / 电话), the top row fills the rest
      assign(columns, sub, notes);
      const rest = new Map([...top].filter(([col]) => !sub.has(col)));
      assign(columns, rest, notes);
    } else {
      assign(columns, top, notes);
    }
    const s = score(columns);
    // a contact list (单位 / 姓名 / 电话) is not a 附件3 table: it needs the case name or the 简述 column
    const named = columns.caseName !== undefined || columns.summary !== undefined;
    if (!named || s < 3) continue;
    if (!best || s > best.score)
      best = { top: row, bottom: sub ? row + 1 : row, columns, score: s, notes };
  }
  return best;
}
