/**
 * Settings of one year's campaign. The notice repeats every year: the year, the deadline and the 20 % quota of the
 * 2022 precedent (R6, off by default) are settings, never constants in the rules.
 */
import type { CampaignSettings } from "./schemas";

export type { CampaignSettings } from "./schemas";

export function defaultSettings(year = 2024): CampaignSettings {
  return {
    year,
    deadline: `${year}-12-25`,
    quota: { enabled: false, percent: 20 },
    summaryLimit: 100,
    introLimit: 1000,
  };
}
