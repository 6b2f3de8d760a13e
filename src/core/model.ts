/**
 * The records the whole product passes around. Parsers (src/io) produce them, rules (src/core/rules) check them,
 * writers (src/io) and the UI present them. Enumerated fields hold canonical names from vocabulary.ts or null when the
 * input could not be understood (the raw text is kept beside them for messages).
 */
import type { Finding } from "./findings";
import type { Category, DirectionName, Level, PrefectureName } from "./vocabulary";

/** Where a record came from: file name, sheet (or "申报表" for Word forms) and 1-based row (null for Word forms). */
export interface Source {
  file: string;
  sheet: string | null;
  row: number | null;
}

/** Summary fields that may carry a column letter for locating findings. */
export type CaseField =
  | "order"
  | "caseName"
  | "enterprise"
  | "uscc"
  | "category"
  | "direction"
  | "level"
  | "summary"
  | "contact"
  | "phone"
  | "date"
  | "score";

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

/**
 * One recommended case: a row of the 附件3 推荐汇总表 plus the full record kept beside it.
 * `summary` is the 简述 without the leading direction; `summaryCell` is the whole 附件3 cell as written or as it will be
 * written ("方向：简述"), which is what R5 counts.
 */
export interface CaseRecord {
  prefecture: PrefectureName | null;
  /** The prefecture's own recommendation order, 1-based. */
  order: number;
  caseName: string;
  enterprise: string;
  /** 统一社会信用代码 as given (upper-cased, half-width), '' when no source gives it. */
  uscc: string;
  category: Category | null;
  categoryRaw: string;
  direction: DirectionName | null;
  directionRaw: string;
  level: Level | null;
  levelRaw: string;
  summary: string;
  summaryCell: string;
  contact: string;
  phone: string;
  /** 申报日期 as ISO yyyy-mm-dd when known. */
  date: string | null;
  /** Expert score (评审得分) when staff have filled it. */
  score: number | null;
  source: Source;
  /** Column letter of each field in the source sheet, to locate findings. */
  columns: Partial<Record<CaseField, string>>;
}

/** 附件1 申报表, as read from a Word form. */
export interface Application {
  caseName: string;
  applicant: string;
  recommender: string;
  /** ISO date when readable. */
  date: string | null;
  dateRaw: string;
  unitName: string;
  uscc: string;
  founded: string;
  address: string;
  capital: number | null;
  capitalRaw: string;
  nature: string;
  natureOther: string;
  contact: string;
  phone: string;
  fax: string;
  email: string;
  category: Category | null;
  /** Every ticked category / direction / level, to tell "none" from "more than one". */
  categoriesTicked: string[];
  direction: DirectionName | null;
  directionsTicked: DirectionName[];
  level: Level | null;
  levelsTicked: string[];
  intro: string;
  overview: string;
  highlights: string;
  source: Source;
}

/** What one input file gave: its records, its indicators (附件2), and what was wrong with it. */
export interface PrefectureSubmission {
  file: string;
  kind: "annex3" | "annex2" | "workbook" | "docx" | "unknown";
  prefecture: PrefectureName | null;
  /** 推荐单位 / 日期 / 联系人 / 手机 read from the 附件3 sheet, when present. */
  meta: SubmissionMeta;
  records: CaseRecord[];
  indicators: IndicatorValues | null;
  findings: Finding[];
  /** false when the file could not be read at all (a FILE finding says why). */
  ok: boolean;
}

export interface SubmissionMeta {
  recommender: string;
  date: string;
  contact: string;
  phone: string;
}

export const EMPTY_META: SubmissionMeta = { recommender: "", date: "", contact: "", phone: "" };

/** A prefecture's 附件2 indicators: one value per indicator key (null = not filled), plus where each was read. */
export interface IndicatorValues {
  prefecture: PrefectureName | null;
  values: Partial<Record<IndicatorKey, number | null>>;
  /** Header answers (是/否 questions, 申报方向, contacts). */
  header: Partial<Record<IndicatorHeaderKey, string>>;
  /** Named enterprise lists attached for 三级/二级/一级 and the like, when the sheet has them. */
  lists: Partial<Record<IndicatorKey, string[]>>;
  source: Source;
  /** Cell address ("Sheet!B7" style split in parts) of each value, to locate IND findings. */
  cells: Partial<Record<IndicatorKey, { sheet: string; row: number; column: string }>>;
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
