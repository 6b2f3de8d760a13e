/**
 * The ordered recommendation list (附件3 layout alone, one sheet 推荐汇总表) — what the province sends to MIIT after
 * expert review. It is final: no hidden case keys.
 */
import type { CaseRecord } from "../../core/model";
import { annex3Meta, type ProvinceWriteOptions } from "./writeProvince";
import { ANNEX3_SHEET, writeAnnex3Sheet } from "./writer/annex3Sheet";
import { newWorkbook } from "./writer/workbook";

export async function writeRecommendationList(
  records: CaseRecord[],
  opts: ProvinceWriteOptions
): Promise<Uint8Array> {
  const wb = newWorkbook(opts.generatedAt);
  writeAnnex3Sheet(wb.addSheet(ANNEX3_SHEET), records, annex3Meta(opts), { keys: false });
  return wb.toBytes();
}
