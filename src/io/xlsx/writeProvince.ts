/**
 * The workbooks of the chain, each made of the shared sheet descriptions (src/sheets):
 * - a prefecture's list (what a clerk sends): 推荐汇总表, 明细, 成效突出地区申报表 (when it has indicators), 问题清单;
 * - the province roll-up: 推荐汇总表, 明细 (with the experts' 评审得分 column), 地区指标, 问题清单.
 * Both read back as exactly what they hold (src/io/xlsx/reader/own.ts). Same input and options → same bytes.
 */
import type { Finding } from "../../core/findings";
import type { MergeResult } from "../../core/merge";
import type { CaseRecord, IndicatorValues, SubmissionMeta } from "../../core/model";
import { PROVINCE_BUREAU, type PrefectureName } from "../../core/vocabulary";
import { DETAIL_SPEC, writtenKeys } from "../../sheets/records";
import { ANNEX2_SHEET, writeAnnex2Sheet } from "./writer/annex2Sheet";
import { ANNEX3_SHEET, writeAnnex3Sheet } from "./writer/annex3Sheet";
import { writeRecordSheet } from "./writer/detailSheet";
import { FINDINGS_SHEET, writeFindingsSheet } from "./writer/findingsSheet";
import { INDICATOR_SHEET, writeIndicatorSheet } from "./writer/indicatorSheet";
import { concatBytes } from "../codec";
import { newWorkbook } from "./writer/workbook";

export interface ProvinceWriteOptions {
  /** 推荐单位, default 湖南省工业和信息化厅; a prefecture bureau when a clerk builds theirs. */
  recommender: string;
  /** 日期 line, e.g. '2024年12月20日'. */
  date?: string;
  /** Footer 联系人 / 手机/座机. */
  contact?: string;
  phone?: string;
  /** ISO timestamp shown in 明细 (导入时间) and used as the document date; tests pass a fixed value. */
  generatedAt?: string;
}

export function annex3Meta(opts: ProvinceWriteOptions): SubmissionMeta {
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
  return concatBytes(await writeProvinceWorkbookPieces(result, opts));
}

/** writeProvinceWorkbook's bytes as the pieces of the package, in order (the CLI writes them out without joining). */
export async function writeProvinceWorkbookPieces(
  result: MergeResult,
  opts: ProvinceWriteOptions
): Promise<Uint8Array[]> {
  const wb = newWorkbook(opts.generatedAt);
  // both sheets keep each row's case key: computed once
  const caseKeys = writtenKeys(result.records);
  writeAnnex3Sheet(wb.addSheet(ANNEX3_SHEET), result.records, annex3Meta(opts), {
    keys: true,
    caseKeys,
  });
  writeRecordSheet(
    wb.addSheet(DETAIL_SPEC.name),
    DETAIL_SPEC,
    result.records,
    result.findings,
    opts.generatedAt ?? "",
    caseKeys
  );
  writeIndicatorSheet(wb.addSheet(INDICATOR_SHEET), result.indicators);
  writeFindingsSheet(wb.addSheet(FINDINGS_SHEET), result.findings);
  return wb.toPieces();
}

/** A prefecture's own list, as its clerk sends it. */
export interface PrefectureList {
  prefecture: PrefectureName | null;
  meta: SubmissionMeta;
  records: readonly CaseRecord[];
  findings: readonly Finding[];
  indicators: IndicatorValues | null;
}

export async function writePrefectureWorkbook(
  list: PrefectureList,
  generatedAt?: string
): Promise<Uint8Array> {
  return concatBytes(await writePrefectureWorkbookPieces(list, generatedAt));
}

/** writePrefectureWorkbook's bytes as the pieces of the package, in order. */
export async function writePrefectureWorkbookPieces(
  list: PrefectureList,
  generatedAt?: string
): Promise<Uint8Array[]> {
  const wb = newWorkbook(generatedAt);
  const caseKeys = writtenKeys(list.records);
  writeAnnex3Sheet(wb.addSheet(ANNEX3_SHEET), list.records, list.meta, { keys: true, caseKeys });
  writeRecordSheet(
    wb.addSheet(DETAIL_SPEC.name),
    DETAIL_SPEC,
    list.records,
    list.findings,
    generatedAt ?? "",
    caseKeys
  );
  if (list.indicators) writeAnnex2Sheet(wb.addSheet(ANNEX2_SHEET), list.indicators);
  writeFindingsSheet(wb.addSheet(FINDINGS_SHEET), list.findings);
  return wb.toPieces();
}
