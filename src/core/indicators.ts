/**
 * Region-indicator arithmetic: sums over prefectures, ratios of sums (never the mean of ratios), the training share
 * weighted by enterprises covered. A zero or missing denominator is "no data" (null), not 0 % and not an error.
 */
import type { IndicatorKey, IndicatorValues } from "./model";
import { PREFECTURE_NAMES, type PrefectureName } from "./vocabulary";
import { INDICATOR_DEFS } from "./indicatorDefs";

export type IndicatorMap = Partial<Record<PrefectureName, IndicatorValues>>;

/** Sum of one indicator over the given sets; null when no set has a value for it. */
export function sumIndicator(sets: readonly IndicatorValues[], key: IndicatorKey): number | null {
  let sum = 0;
  let any = false;
  for (const s of sets) {
    const v = s.values[key];
    if (typeof v === "number" && Number.isFinite(v)) {
      sum += v;
      any = true;
    }
  }
  return any ? sum : null;
}

/** Σ numerators ÷ Σ denominators over the pairs where both are numbers; null when Σ denominators is 0. */
export function ratioOfSums(
  pairs: ReadonlyArray<readonly [number | null | undefined, number | null | undefined]>
): number | null {
  let num = 0;
  let den = 0;
  for (const [n, d] of pairs) {
    if (
      typeof n !== "number" ||
      typeof d !== "number" ||
      !Number.isFinite(n) ||
      !Number.isFinite(d)
    )
      continue;
    num += n;
    den += d;
  }
  return den === 0 ? null : num / den;
}

/** Σ(weight × percent) ÷ Σ weight over pairs where both are numbers; null when Σ weight is 0. Same unit as percent. */
export function weightedPercent(
  pairs: ReadonlyArray<readonly [number | null | undefined, number | null | undefined]>
): number | null {
  let num = 0;
  let den = 0;
  for (const [w, p] of pairs) {
    if (
      typeof w !== "number" ||
      typeof p !== "number" ||
      !Number.isFinite(w) ||
      !Number.isFinite(p)
    )
      continue;
    num += w * p;
    den += w;
  }
  return den === 0 ? null : num / den;
}

export interface DerivedIndicators {
  /** 三级 + 二级 + 一级 (null when none of them is filled). */
  tierTotal: number | null;
  /** 工控评估 整改 ÷ 发现 (fraction 0–1). */
  icsFixRate: number | null;
  /** 风险通报 完成整改 ÷ 通报隐患 (fraction 0–1). */
  hazardFixRate: number | null;
  /** 培训覆盖企业中重点行业规上企业占比, percent 0–100. */
  trainingKeyPct: number | null;
}

export function deriveIndicators(sets: readonly IndicatorValues[]): DerivedIndicators {
  const tiers = (["tier3", "tier2", "tier1"] as const).map((k) => sumIndicator(sets, k));
  return {
    tierTotal: tiers.every((t) => t === null)
      ? null
      : tiers.reduce<number>((a, b) => a + (b ?? 0), 0),
    icsFixRate: ratioOfSums(
      sets.map((s) => [s.values.icsRisksFixed, s.values.icsRisksFound] as const)
    ),
    hazardFixRate: ratioOfSums(
      sets.map((s) => [s.values.noticeHazardsFixed, s.values.noticeHazards] as const)
    ),
    trainingKeyPct: weightedPercent(
      sets.map((s) => [s.values.trainingEnterprises, s.values.trainingKeyPct] as const)
    ),
  };
}

export interface IndicatorRow {
  prefecture: PrefectureName | "全省合计";
  reported: boolean;
  values: Partial<Record<IndicatorKey, number | null>>;
  derived: DerivedIndicators;
}

/** One row per prefecture (GB/T 2260 order, all 14) and the province total, as the 地区指标 sheet shows them. */
export function indicatorTable(map: IndicatorMap): IndicatorRow[] {
  const rows: IndicatorRow[] = PREFECTURE_NAMES.map((p) => {
    const set = map[p];
    return {
      prefecture: p,
      reported: !!set,
      values: set ? { ...set.values } : {},
      derived: deriveIndicators(set ? [set] : []),
    };
  });
  const sets = PREFECTURE_NAMES.map((p) => map[p]).filter((s): s is IndicatorValues => !!s);
  const totals: Partial<Record<IndicatorKey, number | null>> = {};
  for (const def of INDICATOR_DEFS) {
    totals[def.key] =
      def.kind === "percent" ? deriveIndicators(sets).trainingKeyPct : sumIndicator(sets, def.key);
  }
  rows.push({
    prefecture: "全省合计",
    reported: sets.length > 0,
    values: totals,
    derived: deriveIndicators(sets),
  });
  return rows;
}

/**
 * A percent as clerks type it, as 0–100: "85%" (a percent sign), 85, or a fraction 0.85 (a number ≤ 1, also in a cell
 * formatted as percent) — the rule of the notice's 其中__%为重点行业规上企业 blank and of HUHANG.COVERAGE. A number
 * above 1 is already a percent, even in a percent-formatted cell: a program that stores what was typed puts 85 there
 * for 85 %, and a share above 100 % cannot be meant.
 */
export function toPercent(value: number, hadPercentSign: boolean): number {
  if (hadPercentSign) return value;
  if (Math.abs(value) <= 1) return Number((value * 100).toPrecision(12));
  return value;
}
