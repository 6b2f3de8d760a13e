/**
 * Rules across rows: R2 (one enterprise, more than one direction), R3 (the same case twice, in one list or from more
 * than one prefecture) and R6 (more recommendations than the quota). Every row involved is flagged, each message names
 * the other rows so the clerk can find them.
 */
import { caseNameForm, enterpriseIdentities, groupBy, sameCaseForm } from "../duplicates";
import { finding, type Finding } from "../findings";
import type { CaseRecord, IndicatorValues } from "../model";
import type { CampaignSettings } from "../settings";
import { directionByName, PREFECTURE_NAMES, type PrefectureName } from "../vocabulary";

function where(r: CaseRecord): string {
  const p = r.prefecture ?? "未识别市州";
  const row = r.source.row !== null ? `第 ${r.source.row} 行` : "申报表";
  return `${p}（${r.source.file}${r.source.sheet && r.source.row !== null ? " " + r.source.sheet : ""} ${row}）`;
}

function flag(
  r: CaseRecord,
  code: "R2" | "R3",
  column: string | undefined,
  message: string
): Finding {
  return finding(code, { ...r.source, column: column ?? null }, message, {
    enterprise: r.enterprise || null,
    prefecture: r.prefecture,
  });
}

export function checkMultiDirection(
  records: readonly CaseRecord[],
  ids: readonly string[]
): Finding[] {
  const out: Finding[] = [];
  for (const idx of groupBy(records, (_, i) => ids[i]).values()) {
    if (idx.length < 2) continue;
    const dirs = new Set(idx.map((i) => records[i].direction).filter((d) => d !== null));
    if (dirs.size < 2) continue;
    const names = [...dirs].sort((a, b) => directionByName(a!).no - directionByName(b!).no);
    for (const i of idx) {
      const r = records[i];
      if (!r.direction) continue;
      const others = idx
        .filter((j) => j !== i && records[j].direction && records[j].direction !== r.direction)
        .map((j) => `${records[j].direction}：${where(records[j])}`);
      out.push(
        flag(
          r,
          "R2",
          r.columns.direction ?? r.columns.summary,
          `企业“${r.enterprise}”申报了 ${names.length} 个方向（${names.join("、")}）：每个申报主体只能申报 1 个方向。另见 ${others.join("；")}`
        )
      );
    }
  }
  return out;
}

export function checkSameCase(records: readonly CaseRecord[], ids: readonly string[]): Finding[] {
  const out: Finding[] = [];
  for (const idx of groupBy(records, (_, i) => ids[i]).values()) {
    if (idx.length < 2) continue;
    // within one enterprise: pairs of rows whose case names are the same or near the same (each name prepared once)
    const partners = new Map<number, number[]>();
    const forms = idx.map((i) => caseNameForm(records[i].caseName));
    for (let a = 0; a < idx.length; a++) {
      for (let b = a + 1; b < idx.length; b++) {
        if (!sameCaseForm(forms[a], forms[b])) continue;
        partners.set(idx[a], [...(partners.get(idx[a]) ?? []), idx[b]]);
        partners.set(idx[b], [...(partners.get(idx[b]) ?? []), idx[a]]);
      }
    }
    for (const [i, js] of partners) {
      const r = records[i];
      const crossPrefecture = js.some((j) => records[j].prefecture !== r.prefecture);
      const how = crossPrefecture ? "被多个市州重复推荐" : "在同一推荐表中重复出现";
      out.push(
        flag(
          r,
          "R3",
          r.columns.caseName,
          `案例“${r.caseName}”（${r.enterprise}）${how}：同一案例不可通过多途径同时申报。另见 ${js.map((j) => where(records[j])).join("；")}`
        )
      );
    }
  }
  return out;
}

/** R6: a prefecture's recommendations may not exceed quota% of its enterprises under 分类分级管理 (三级+二级+一级). */
export function checkQuota(
  records: readonly CaseRecord[],
  indicators: Partial<Record<PrefectureName, IndicatorValues>>,
  settings: CampaignSettings
): Finding[] {
  if (!settings.quota.enabled) return [];
  const out: Finding[] = [];
  for (const p of PREFECTURE_NAMES) {
    const mine = records.filter((r) => r.prefecture === p);
    const ind = indicators[p];
    if (mine.length === 0 || !ind) continue;
    const base = (ind.values.tier3 ?? 0) + (ind.values.tier2 ?? 0) + (ind.values.tier1 ?? 0);
    const limit = Math.floor((base * settings.quota.percent) / 100);
    if (mine.length > limit) {
      const first = mine[0];
      out.push(
        finding(
          "R6",
          { ...first.source, column: null },
          `${p}推荐 ${mine.length} 个案例，超过名额 ${limit} 个（实施分类分级管理企业 ${base} 家的 ${settings.quota.percent}%）`,
          {
            prefecture: p,
          }
        )
      );
    }
  }
  return out;
}

export function checkAcrossRows(records: readonly CaseRecord[]): Finding[] {
  const ids = enterpriseIdentities(records);
  return [...checkMultiDirection(records, ids), ...checkSameCase(records, ids)];
}
