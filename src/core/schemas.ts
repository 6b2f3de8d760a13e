/**
 * The records the whole product passes around, as zod schemas with the TypeScript types inferred from them: one
 * description serves the compiler, the boundaries that must check what they are handed (the CLI's JSON, the page's
 * saved work, settings) and the tests. Enumerated fields hold canonical names from vocabulary.ts or null when the
 * input could not be understood (the raw text is kept beside them for messages). Messages are Chinese.
 *
 * Code imports the types through model.ts (type imports vanish from the bundles); only the boundaries that check
 * data import the schemas, so zod stays out of the taskpane's first load.
 */
import { z } from "zod";
import { FINDING_CODES } from "./findings";
import { CASE_FIELDS, INDICATOR_HEADER_KEYS, INDICATOR_KEYS } from "./model";
import {
  CATEGORIES,
  DIRECTIONS,
  LEVELS,
  PREFECTURE_NAMES,
  type DirectionName,
  type PrefectureName,
} from "./vocabulary";

const text = (label: string) => z.string({ error: `${label}应为文本` });
const isoDate = (label: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}应为 yyyy-mm-dd 日期` });

export const prefectureSchema = z.enum(
  PREFECTURE_NAMES as unknown as [PrefectureName, ...PrefectureName[]],
  { error: "市州应为湖南省 14 个市州的全称之一" }
);
export const categorySchema = z.enum(CATEGORIES, { error: "企业类别不在通知所列 8 类之中" });
export const directionSchema = z.enum(
  DIRECTIONS.map((d) => d.name) as unknown as [DirectionName, ...DirectionName[]],
  { error: "申报方向应为 5 个方向之一" }
);
export const levelSchema = z.enum(LEVELS, { error: "网络安全级别应为一级至五级" });

/** Where a finding points: a file, and inside it a sheet (or a Word table / section), a 1-based row and a column. */
export const locationSchema = z.object({
  file: z.string(),
  /** Sheet name for workbooks; for Word documents the part ("基本情况", "封面"). */
  sheet: z.string().nullable(),
  /** 1-based sheet row (a paragraph number in Word documents); null for whole-file findings. */
  row: z.number().int().nullable(),
  /** Column letter ("C") for workbooks; the field label for Word forms. */
  column: z.string().nullable(),
});
export type Location = z.infer<typeof locationSchema>;

export const findingSchema = locationSchema.extend({
  code: z.enum(FINDING_CODES),
  severity: z.enum(["error", "warning"]),
  /** The enterprise the finding is about, when there is one. */
  enterprise: z.string().nullable(),
  /** A Chinese sentence saying what is wrong and what to do. */
  message: z.string().min(1),
  /** The prefecture whose submission holds the problem, when known. */
  prefecture: z.string().nullable().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

/** Where a record came from: file name, sheet (or "申报表" for Word forms) and 1-based row (null for Word forms). */
export const sourceSchema = z.object({
  file: text("来源文件"),
  sheet: z.string().nullable(),
  row: z.number().int().positive({ error: "来源行应为正整数" }).nullable(),
});
export type Source = z.infer<typeof sourceSchema>;

/**
 * What a 附件1 Word form says beyond its 附件3 row. It travels with the record (明细, the JSON report, the page's saved
 * work), so the form's own checks give the same findings after every round trip and the province sees the same facts
 * the clerk saw.
 */
export const formFactsSchema = z.object({
  /** 封面: 申报单位, 推荐单位 and 申报日期 as written (seal notes removed). */
  applicant: z.string(),
  recommender: z.string(),
  dateRaw: z.string(),
  /** 一、基本情况 fields as written; 成立时间 as ISO when it reads as a date. */
  founded: z.string(),
  address: z.string(),
  /** 注册资本（万元） as written. */
  capitalRaw: z.string(),
  nature: z.string(),
  natureOther: z.string(),
  fax: z.string(),
  email: z.string(),
  intro: z.string(),
  /** Every ticked category / direction / level, to tell "none" from "more than one". */
  categoriesTicked: z.array(z.string()),
  directionsTicked: z.array(directionSchema),
  levelsTicked: z.array(z.string()),
  /** Whether 二、总体情况 and 三、成效与亮点 hold more than the template's guidance. */
  overviewFilled: z.boolean(),
  highlightsFilled: z.boolean(),
  /**
   * Where the form itself was read, when its facts travel on another source's record (a 附件3 row of a prefecture
   * package, src/core/rules/materials.ts): the form's own findings point there. Absent on a form's own record.
   */
  source: sourceSchema.optional(),
});
export type FormFacts = z.infer<typeof formFactsSchema>;

/**
 * One recommended case: a row of the 附件3 推荐汇总表 plus the full record kept beside it.
 * `summary` is the 简述 without the leading direction; `summaryCell` is the whole 附件3 cell as written or as it will be
 * written ("方向：简述"), which is what R5 counts.
 */
export const caseRecordSchema = z.object({
  prefecture: prefectureSchema.nullable(),
  /** The prefecture's own recommendation order, 1-based. */
  order: z.number().int({ error: "推荐顺序应为整数" }).positive({ error: "推荐顺序应从 1 开始" }),
  caseName: text("案例名称"),
  enterprise: text("企业名称"),
  /** 统一社会信用代码 as given (upper-cased, half-width), '' when no source gives it. */
  uscc: text("统一社会信用代码"),
  category: categorySchema.nullable(),
  categoryRaw: z.string(),
  direction: directionSchema.nullable(),
  directionRaw: z.string(),
  level: levelSchema.nullable(),
  levelRaw: z.string(),
  summary: text("简述"),
  summaryCell: z.string(),
  contact: text("联系人"),
  phone: text("联系方式"),
  /** 申报日期 as ISO yyyy-mm-dd when known. */
  date: isoDate("申报日期").nullable(),
  /** Expert score (评审得分) when staff have filled it. */
  score: z.number({ error: "评审得分应为数字" }).nullable(),
  source: sourceSchema,
  /** Column letter (or form label) of each field in the source, to locate findings. */
  columns: z.partialRecord(z.enum(CASE_FIELDS), z.string()),
  /** The Word form's other fields, when the case came from one (or from a workbook that carried them). */
  form: formFactsSchema.nullable(),
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;

/** 附件1 申报表, as read from a Word form: the facts of the form, and the narrative the 简述 is proposed from. */
export const applicationSchema = formFactsSchema
  .omit({ overviewFilled: true, highlightsFilled: true })
  .extend({
    caseName: text("案例名称"),
    /** ISO date when readable. */
    date: isoDate("申报日期").nullable(),
    unitName: text("单位名称"),
    uscc: text("组织机构代码/三证合一码"),
    capital: z.number().nullable(),
    contact: text("联系人"),
    phone: text("联系电话"),
    category: categorySchema.nullable(),
    direction: directionSchema.nullable(),
    level: levelSchema.nullable(),
    overview: z.string(),
    highlights: z.string(),
    source: sourceSchema,
  });
export type Application = z.infer<typeof applicationSchema>;

export const submissionMetaSchema = z.object({
  recommender: z.string(),
  date: z.string(),
  contact: z.string(),
  phone: z.string(),
});
export type SubmissionMeta = z.infer<typeof submissionMetaSchema>;

const count = z.number().finite().nullable();

/** A prefecture's 附件2 indicators: one value per indicator key (null = not filled), plus where each was read. */
export const indicatorValuesSchema = z.object({
  prefecture: prefectureSchema.nullable(),
  values: z.partialRecord(z.enum(INDICATOR_KEYS), count),
  /** Header answers (是/否 questions, 申报方向, contacts). */
  header: z.partialRecord(z.enum(INDICATOR_HEADER_KEYS), z.string()),
  /** Named enterprise lists attached for 三级/二级/一级 and the like, when the sheet has them. */
  lists: z.partialRecord(z.enum(INDICATOR_KEYS), z.array(z.string())),
  source: sourceSchema,
  /** Where each value was read (sheet or document part, row or paragraph, column), to locate IND findings. */
  cells: z.partialRecord(
    z.enum(INDICATOR_KEYS),
    z.object({ sheet: z.string(), row: z.number().int(), column: z.string() })
  ),
});
export type IndicatorValues = z.infer<typeof indicatorValuesSchema>;

/** A prefecture package (a folder or .zip): its name, the 申报表 read with its list, the files counted as attachments. */
export const packageSchema = z.object({
  name: z.string(),
  forms: z.array(z.string()),
  attachments: z.array(z.string()),
});

/** What one input file gave: its records, its indicators (附件2), and what was wrong with it. */
export const prefectureSubmissionSchema = z.object({
  file: z.string(),
  kind: z.enum(["annex3", "annex2", "workbook", "docx", "unknown"]),
  prefecture: prefectureSchema.nullable(),
  /** 推荐单位 / 日期 / 联系人 / 手机 read from the 附件3 sheet, when present. */
  meta: submissionMetaSchema,
  records: z.array(caseRecordSchema),
  indicators: indicatorValuesSchema.nullable(),
  findings: z.array(findingSchema),
  /** false when the file could not be read at all (a FILE finding says why). */
  ok: z.boolean(),
  /**
   * When the submission came in a prefecture package (a folder or .zip holding its 附件3, 附件1 forms, 附件2 and
   * proofs): the package's name, the 申报表 read with the list, and the other files (PDF 证明材料, scans) counted.
   */
  package: packageSchema.optional(),
});
export type PrefectureSubmission = z.infer<typeof prefectureSubmissionSchema>;

/** Settings of one year's campaign (settings.ts). */
export const settingsSchema = z.object({
  /** The campaign year: the work and the 申报日期 must fall in it (R4). */
  year: z
    .number()
    .int()
    .min(2020, { error: "年度应不早于 2020 年" })
    .max(2100, { error: "年度应不晚于 2100 年" }),
  /** Last day (ISO yyyy-mm-dd) the province accepts submissions; a 申报日期 after it is an R4 warning. */
  deadline: isoDate("截止日期"),
  /** R6: recommended cases ≤ quotaPercent % of the local enterprises implementing 分类分级管理. */
  quota: z.object({
    enabled: z.boolean(),
    percent: z.number().min(0).max(100, { error: "名额比例应在 0–100 之间" }),
  }),
  /** R5 limit for the 案例申报方向和简述 cell. */
  summaryLimit: z.number().int().positive(),
  /** The 申报单位简介 of a Word form, in 字 (a warning above it). */
  introLimit: z.number().int().positive(),
});
export type CampaignSettings = z.infer<typeof settingsSchema>;

/** Human-readable Chinese lines for a failed parse: "字段 year：年度应不早于 2020 年". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map(
    (i) => `${i.path.length ? `字段 ${i.path.join(".")}：` : ""}${i.message}`
  );
}
