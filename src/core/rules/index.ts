/**
 * The one entry point of the rules. Readers never check anything themselves: they hand over records (with the Word
 * form's facts where there was a form) and indicators, and whoever needs the findings (the merge, the taskpane's
 * views) calls checkAll with the campaign's settings.
 *
 * Per record: the form's own checks (./form.ts) and the row rules (REQ, ID, R1, R4, R5, R7; ./record.ts); across
 * records: R2 and R3 (./crossRow.ts); per prefecture: IND (./indicators.ts); over both: R6.
 */
import type { Finding } from "../findings";
import type { CaseRecord, IndicatorValues } from "../model";
import type { CampaignSettings } from "../settings";
import type { PrefectureName } from "../vocabulary";
import { checkAcrossRows, checkQuota } from "./crossRow";
import { checkForm } from "./form";
import { checkIndicators } from "./indicators";
import { checkRecord } from "./record";

// the single rules, for their own tests
export { checkRecord } from "./record";
export { checkForm } from "./form";
export { checkAcrossRows, checkQuota } from "./crossRow";
export { checkIndicators, indicatorProblems, type IndicatorProblem } from "./indicators";

export type IndicatorMap = Partial<Record<PrefectureName, IndicatorValues>>;

/** `indicators`: by prefecture (the merge), or a list (a clerk's own, before a prefecture is chosen). */
export function checkAll(
  records: readonly CaseRecord[],
  indicators: IndicatorMap | readonly IndicatorValues[],
  settings: CampaignSettings
): Finding[] {
  const out: Finding[] = [];
  // a form's own finding first: it names the problem as the form shows it, and wins the dedupe below
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    // pushed one by one: a spread per record goes through the iterator protocol
    append(out, checkForm(r, settings));
    append(out, checkRecord(r, settings));
  }
  append(out, checkAcrossRows(records));
  const sets = Array.isArray(indicators) ? indicators : Object.values(indicators as IndicatorMap);
  for (const ind of sets) {
    if (ind) out.push(...checkIndicators(ind, ind.source.file));
  }
  if (!Array.isArray(indicators))
    out.push(...checkQuota(records, indicators as IndicatorMap, settings));
  return dedupeFindings(out);
}

function append(out: Finding[], more: readonly Finding[]): void {
  for (let i = 0; i < more.length; i++) out.push(more[i]);
}

/**
 * One finding per code and place: a Word form's own finding ("申报方向未勾选") and the row rule's ("未填写申报方向")
 * name the same problem at the same place; the first is kept. Findings without a column (whole-file or whole-row)
 * are kept apart by message.
 */
export function dedupeFindings(list: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const key = [f.code, f.file, f.sheet, f.row, f.column, f.column === null ? f.message : ""].join(
      "\u0001"
    );
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
