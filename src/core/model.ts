/**
 * The records the whole product passes around. Parsers (src/io) produce them, rules (src/core/rules) check them,
 * writers (src/io) and the UI present them. The types are inferred from the zod schemas in schemas.ts (one
 * description for the compiler and for the boundaries that check data); the constants below carry no zod.
 */
import type { IndicatorValues, PrefectureSubmission, Source, SubmissionMeta } from "./schemas";
import type { PrefectureName } from "./vocabulary";

export type {
  Application,
  CaseRecord,
  FormFacts,
  IndicatorValues,
  PrefectureSubmission,
  Source,
  SubmissionMeta,
} from "./schemas";

/** Summary fields that may carry a column letter for locating findings. */
export const CASE_FIELDS = [
  "order",
  "caseName",
  "enterprise",
  "uscc",
  "category",
  "direction",
  "level",
  "summary",
  "contact",
  "phone",
  "date",
  "score",
] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

/** Chinese names of the fields, for messages and the 明细 sheet. */
export const CASE_FIELD_LABELS: Record<CaseField, string> = {
  order: "序号",
  caseName: "案例名称",
  enterprise: "企业名称",
  uscc: "统一社会信用代码",
  category: "企业类别",
  direction: "申报方向",
  level: "网络安全级别",
  summary: "案例申报方向和简述",
  contact: "联系人",
  phone: "联系方式",
  date: "申报日期",
  score: "评审得分",
};

export const EMPTY_META: SubmissionMeta = { recommender: "", date: "", contact: "", phone: "" };

/** A submission with nothing read yet (kind unknown, not ok); readers fill it in or add the finding that stopped them. */
export function emptySubmission(
  file: string,
  prefecture: PrefectureName | null,
  findings: PrefectureSubmission["findings"] = []
): PrefectureSubmission {
  return {
    file,
    kind: "unknown",
    prefecture,
    meta: { ...EMPTY_META },
    records: [],
    indicators: null,
    findings,
    ok: false,
  };
}

/** Indicators with no value filled in, read from `source`. */
export function emptyIndicatorValues(
  prefecture: PrefectureName | null,
  source: Source
): IndicatorValues {
  return { prefecture, values: {}, header: {}, lists: {}, source, cells: {} };
}

export const INDICATOR_KEYS = [
  "tier3",
  "tier2",
  "tier1",
  "conformity",
  "fiveSteps",
  "vehicleFiled",
  "vehicleProtected",
  "icsPilots",
  "icsRisksFound",
  "icsRisksFixed",
  "noticeIssues",
  "noticeHazards",
  "noticeHazardsFixed",
  "icsVulns",
  "trainings",
  "trainingEnterprises",
  "trainingKeyPct",
  "monitorTelecoms",
  "monitorIndustrial",
  "monitorVehicle",
  "insurancePlans",
  "platformAssessed",
  "deepCities",
  "deepEnterprises",
  "drillIndustrial",
  "drillVehicle",
  "talents",
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export const INDICATOR_HEADER_KEYS = [
  "unitName",
  "leader",
  "leaderTitle",
  "contactName",
  "contactDept",
  "contactPhone",
  "contactEmail",
  "classifiedManagement",
  "keyEnterpriseList",
  "regionDirection",
] as const;
export type IndicatorHeaderKey = (typeof INDICATOR_HEADER_KEYS)[number];
