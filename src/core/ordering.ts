/**
 * The order of the province's recommendation list: by expert score, high to low; ties, and rows without a score, by
 * direction (1–5), prefecture (GB/T 2260 order) and the prefecture's own recommendation order.
 */
import type { Finding } from "./findings";
import type { CaseRecord } from "./model";
import { findingsByRecord } from "./recordRow";
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

/** An export to MIIT decided before anything is written: what goes out, and what among it has an error. */
export interface ExportPlan {
  exported: CaseRecord[];
  /** Exported records with an error finding (R2, R3, …), with their codes. */
  flagged: Array<{ record: CaseRecord; rank: number; codes: string[] }>;
  /** Records left out because of an error (only with excludeErrors). */
  excluded: Array<{ record: CaseRecord; codes: string[] }>;
}

/**
 * The ordered list for MIIT: by score, cut to `top`; with `excludeErrors`, cases with an error finding are left out
 * first (the next ones move up); otherwise they stay and are named.
 */
export function planExport(
  records: readonly CaseRecord[],
  findings: readonly Finding[],
  opts: { top?: number; excludeErrors: boolean }
): ExportPlan {
  const own = findingsByRecord(records, findings);
  const errors = new Map<CaseRecord, string[]>();
  records.forEach((r, i) => {
    const codes = [...new Set(own[i].filter((f) => f.severity === "error").map((f) => f.code))];
    if (codes.length > 0) errors.set(r, codes);
  });
  // walk down the ranking: an error case is left out (with excludeErrors) and the next one moves up
  const kept: CaseRecord[] = [];
  const excluded: ExportPlan["excluded"] = [];
  for (const r of orderForExport(records)) {
    if (opts.top !== undefined && kept.length >= opts.top) break;
    if (opts.excludeErrors && errors.has(r)) excluded.push({ record: r, codes: errors.get(r)! });
    else kept.push(r);
  }
  const exported = kept.map((r, i) => ({ ...r, order: i + 1 }));
  const flagged = kept
    .map((r, i) => ({ record: exported[i], rank: i + 1, codes: errors.get(r) ?? [] }))
    .filter((x) => x.codes.length > 0);
  return { exported, flagged, excluded };
}

/** The plan in Chinese, for the screen and the report. */
export function describeExportPlan(plan: ExportPlan): string[] {
  const lines: string[] = [];
  if (plan.flagged.length > 0) {
    lines.push(`注意：导出的案例中有 ${plan.flagged.length} 个存在错误问题，请核实后再报送：`);
    for (const f of plan.flagged) {
      lines.push(
        `  第 ${f.rank} 名 ${f.record.prefecture ?? "未识别市州"}“${f.record.caseName}”（${f.record.enterprise}）：${f.codes.join("、")}`
      );
    }
  }
  if (plan.excluded.length > 0) {
    lines.push(`已按要求不导出有错误问题的 ${plan.excluded.length} 个案例：`);
    for (const x of plan.excluded) {
      lines.push(
        `  ${x.record.prefecture ?? "未识别市州"}“${x.record.caseName}”（${x.record.enterprise}）：${x.codes.join("、")}`
      );
    }
  }
  return lines;
}
