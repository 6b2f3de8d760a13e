/** Builders for realistic records in core tests (a real 附件3 row has all of these fields). */
import type { CaseRecord, IndicatorValues, PrefectureSubmission } from "../../src/core/model";
import { makeUscc } from "../../src/core/uscc";
import { parseCategory, parseLevel, type PrefectureName } from "../../src/core/vocabulary";
import { joinDirectionCell, parseDirection } from "../../src/core/directionText";

export const USCC = {
  hualing: makeUscc("430000", "18376528"),
  sanyi: makeUscc("430100", "61593210"),
  zhuche: makeUscc("430200", "73829104"),
  telecom: makeUscc("430100", "20556677"),
};

/** Where each field stands in the official 附件3 table (序号 A … 联系方式 G). */
export const ANNEX3_SOURCE_COLUMNS = {
  order: "A",
  caseName: "B",
  enterprise: "C",
  category: "D",
  summary: "E",
  contact: "F",
  phone: "G",
} as const;

export function rec(over: Partial<CaseRecord> & { row?: number; file?: string } = {}): CaseRecord {
  const direction = over.direction !== undefined ? over.direction : parseDirection(1);
  const summary =
    over.summary ?? "建成覆盖全部产线的分级防护体系，完成三级符合性评测并整改风险 42 项。";
  const category = over.category !== undefined ? over.category : parseCategory("工业企业");
  const base: CaseRecord = {
    prefecture: "长沙市",
    order: 1,
    caseName: "钢铁企业工业互联网安全分类分级防护实践",
    enterprise: "湖南华菱涟钢特种钢材有限公司",
    uscc: "",
    category,
    categoryRaw: category ?? "",
    direction,
    directionRaw: direction ?? "",
    level: parseLevel("三级"),
    levelRaw: "三级",
    summary,
    summaryCell: joinDirectionCell(direction, summary),
    contact: "刘建国",
    phone: "0731-88955532",
    date: null,
    score: null,
    source: { file: over.file ?? "长沙市推荐汇总表.xlsx", sheet: "推荐汇总表", row: over.row ?? 5 },
    columns: { ...ANNEX3_SOURCE_COLUMNS },
    form: null,
  };
  const { row: _row, file: _file, ...rest } = over;
  return { ...base, ...rest };
}

export function submission(
  prefecture: PrefectureName,
  file: string,
  records: CaseRecord[],
  extra: Partial<PrefectureSubmission> = {}
): PrefectureSubmission {
  return {
    file,
    kind: "annex3",
    prefecture,
    meta: {
      recommender: `${prefecture}工业和信息化局`,
      date: "2024年12月10日",
      contact: "张敏",
      phone: "0731-88888888",
    },
    records: records.map((r) => ({ ...r, prefecture, source: { ...r.source, file } })),
    indicators: null,
    findings: [],
    ok: true,
    ...extra,
  };
}

export function indicators(
  prefecture: PrefectureName,
  values: IndicatorValues["values"],
  extra: Partial<IndicatorValues> = {}
): IndicatorValues {
  return {
    prefecture,
    values,
    header: {},
    lists: {},
    source: { file: `${prefecture}.xlsx`, sheet: "附件2", row: null },
    cells: {},
    ...extra,
  };
}
