/**
 * The workbooks the taskpane produces (loaded on first use by lazy.ts): the clerk's 推荐汇总表 workbook, the
 * province's 全省汇总 and the ordered 推荐名单 (附件3 alone), and the prefecture's 附件2 as the notice's Word form.
 */
import { annex2DocxForPrefecture } from "../../io/docx/write/annex2";
import type { MergeResult } from "../../core/merge";
import { bureauName, PROVINCE_BUREAU } from "../../core/vocabulary";
import { writeRecommendationList } from "../../io/xlsx/exportList";
import { writePrefectureWorkbook, writeProvinceWorkbook } from "../../io/xlsx/writeProvince";
import type { CaseRecord, IndicatorValues } from "../../core/model";
import { localTimestamp } from "../../core/dates";
import type { PrefectureState } from "../../app/host";

export interface Written {
  fileName: string;
  bytes: Uint8Array;
}

function today(now: Date): string {
  return `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
}

/** The clerk's list: 推荐汇总表, 明细, the 附件2 sheet when there are indicators, 问题清单. */
export async function writePrefectureList(
  view: PrefectureState,
  indicators: IndicatorValues | null,
  now = new Date()
): Promise<Written> {
  const meta = {
    ...view.meta,
    recommender: view.meta.recommender || bureauName(view.prefecture),
    date: view.meta.date || today(now),
  };
  const bytes = await writePrefectureWorkbook(
    {
      prefecture: view.prefecture,
      meta,
      records: view.records,
      findings: view.findings,
      indicators,
    },
    localTimestamp(now)
  );
  return { fileName: `${view.prefecture ?? ""}推荐汇总表.xlsx`, bytes };
}

/** The prefecture's 成效突出地区申报表 (附件2) in the notice's Word layout, its blanks filled from the indicators. */
export function writeAnnex2(view: PrefectureState, indicators: IndicatorValues | null): Written {
  const meta = { ...view.meta, recommender: view.meta.recommender || bureauName(view.prefecture) };
  return {
    fileName: `${view.prefecture ?? ""}成效突出地区申报表.docx`,
    bytes: annex2DocxForPrefecture(view.prefecture, indicators, meta),
  };
}

export async function writeProvince(result: MergeResult, now = new Date()): Promise<Written> {
  const bytes = await writeProvinceWorkbook(result, {
    recommender: PROVINCE_BUREAU,
    date: today(now),
    generatedAt: localTimestamp(now),
  });
  return { fileName: "全省汇总.xlsx", bytes };
}

/** The 推荐名单 for MIIT, already ordered and cut (core/ordering planExport). */
export async function writeList(exported: CaseRecord[], now = new Date()): Promise<Written> {
  const bytes = await writeRecommendationList(exported, {
    recommender: PROVINCE_BUREAU,
    date: today(now),
    generatedAt: localTimestamp(now),
  });
  return { fileName: "推荐名单.xlsx", bytes };
}
