/**
 * Settings of one year's campaign. The notice repeats every year: the year, the deadline and the 20 % quota of the
 * 2022 precedent (R6, off by default) are settings, never constants in the rules.
 */
export interface CampaignSettings {
  /** The campaign year: the work and the 申报日期 must fall in it (R4). */
  year: number;
  /** Last day (ISO yyyy-mm-dd) the province accepts submissions; a 申报日期 after it is an R4 warning. */
  deadline: string;
  /** R6: recommended cases ≤ quotaPercent % of the local enterprises implementing 分类分级管理. */
  quota: { enabled: boolean; percent: number };
  /** R5 limit for the 案例申报方向和简述 cell. */
  summaryLimit: number;
}

export function defaultSettings(year = 2024): CampaignSettings {
  return {
    year,
    deadline: `${year}-12-25`,
    quota: { enabled: false, percent: 20 },
    summaryLimit: 100,
  };
}
