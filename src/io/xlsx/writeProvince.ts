/**
 * The province roll-up workbook: 推荐汇总表 (official 附件3 layout), 明细 (every field, provenance, problems and the
 * experts' 评审得分 column), 地区指标 (indicators with live formulas) and 问题清单 (every finding).
 * Same MergeResult + options → same bytes.
 */
import type { MergeResult } from "../../core/merge";
import { PROVINCE_BUREAU } from "../../core/vocabulary";
import { ANNEX3_SHEET, annex3Cells, layoutAnnex3 } from "./writer/annex3Sheet";
import { DETAIL_SHEET } from "./writer/detailColumns";
import { writeDetailSheet } from "./writer/detailSheet";
import { FINDINGS_SHEET, writeFindingsSheet } from "./writer/findingsSheet";
import { INDICATOR_SHEET, writeIndicatorSheet } from "./writer/indicatorSheet";
import { newWorkbook } from "./writer/workbook";

export interface ProvinceWriteOptions {
  /** 推荐单位, default 湖南省工业和信息化厅; a prefecture bureau when a clerk builds theirs. */
  recommender: string;
  /** 日期 line, e.g. '2024年12月20日'. */
  date?: string;
  /** Footer 联系人 / 手机/座机. */
  contact?: string;
  phone?: string;
  /** ISO timestamp shown in 明细 (import time) and used as the document date; tests pass a fixed value. */
  generatedAt?: string;
}

export function annex3Meta(opts: ProvinceWriteOptions): {
  recommender: string;
  date: string;
  contact: string;
  phone: string;
} {
  return {
    recommender: opts.recommender || PROVINCE_BUREAU,
    date: opts.date ?? "",
    contact: opts.contact ?? "",
    phone: opts.phone ?? "",
  };
}

export async function writeProvinceWorkbook(
  result: MergeResult,
  opts: ProvinceWriteOptions
): Promise<Uint8Array> {
  const wb = newWorkbook(opts.generatedAt);
  layoutAnnex3(wb.addSheet(ANNEX3_SHEET), result.records.map(annex3Cells), annex3Meta(opts));
  writeDetailSheet(
    wb.addSheet(DETAIL_SHEET),
    result.records,
    result.findings,
    opts.generatedAt ?? ""
  );
  writeIndicatorSheet(wb.addSheet(INDICATOR_SHEET), result.indicators);
  writeFindingsSheet(wb.addSheet(FINDINGS_SHEET), result.findings);
  return wb.toBytes();
}
