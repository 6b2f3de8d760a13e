/**
 * All rules on recommended cases: the row rules (REQ, ID, R1, R4, R5, R7) on each record, then the cross-row rules
 * (R2, R3) over all of them. R6 needs the indicators and runs in the merge; IND in ./indicators.
 */
import type { Finding } from "../findings";
import type { CaseRecord } from "../model";
import type { CampaignSettings } from "../settings";
import { checkAcrossRows } from "./crossRow";
import { checkRecord } from "./record";

export { checkRecord } from "./record";
export { checkAcrossRows, checkQuota } from "./crossRow";

export function checkRecords(
  records: readonly CaseRecord[],
  settings: CampaignSettings
): Finding[] {
  const out: Finding[] = [];
  for (const r of records) out.push(...checkRecord(r, settings));
  out.push(...checkAcrossRows(records));
  return out;
}
