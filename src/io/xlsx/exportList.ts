/**
 * The ordered recommendation list (附件3 layout alone, one sheet 推荐汇总表) — what the province sends to MIIT after
 * expert review, or what a prefecture sends to the province.
 */
import type { CaseRecord } from "../../core/model";
import { annex3Meta, type ProvinceWriteOptions } from "./writeProvince";
import { ANNEX3_SHEET, annex3Cells, layoutAnnex3 } from "./writer/annex3Sheet";
import { newWorkbook } from "./writer/workbook";

export async function writeRecommendationList(
  records: CaseRecord[],
  opts: ProvinceWriteOptions
): Promise<Uint8Array> {
  const wb = newWorkbook(opts.generatedAt);
  layoutAnnex3(wb.addSheet(ANNEX3_SHEET), records.map(annex3Cells), annex3Meta(opts));
  return wb.toBytes();
}
