/**
 * zod schemas of the records that cross a boundary: an application (附件1), a summary row (附件3), a prefecture's
 * indicators (附件2), campaign settings and the CLI's JSON report. Messages are Chinese. Readers build records field by
 * field (so that every problem gets a located finding); these schemas guard what is handed over: the CLI's JSON, the
 * taskpane's saved state, settings files.
 */
import { z } from "zod";
import { FINDING_CODES } from "./findings";
import { INDICATOR_HEADER_KEYS, INDICATOR_KEYS } from "./model";
import { CATEGORIES, DIRECTIONS, LEVELS, PREFECTURE_NAMES } from "./vocabulary";

const text = (label: string) => z.string({ error: `${label}应为文本` });
const isoDate = (label: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}应为 yyyy-mm-dd 日期` });

export const prefectureSchema = z.enum(PREFECTURE_NAMES as [string, ...string[]], {
  error: "市州应为湖南省 14 个市州的全称之一",
});
export const categorySchema = z.enum(CATEGORIES, { error: "企业类别不在通知所列 8 类之中" });
export const directionSchema = z.enum(DIRECTIONS.map((d) => d.name) as [string, ...string[]], {
  error: "申报方向应为 5 个方向之一",
});
export const levelSchema = z.enum(LEVELS, { error: "网络安全级别应为一级至五级" });

export const sourceSchema = z.object({
  file: text("来源文件"),
  sheet: z.string().nullable(),
  row: z.number().int().positive({ error: "来源行应为正整数" }).nullable(),
});

export const caseRecordSchema = z.object({
  prefecture: prefectureSchema.nullable(),
  order: z.number().int({ error: "推荐顺序应为整数" }).positive({ error: "推荐顺序应从 1 开始" }),
  caseName: text("案例名称"),
  enterprise: text("企业名称"),
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
  date: isoDate("申报日期").nullable(),
  score: z.number({ error: "评审得分应为数字" }).nullable(),
  source: sourceSchema,
  columns: z.record(z.string(), z.string()),
});

export const applicationSchema = z
  .object({
    caseName: text("案例名称"),
    applicant: text("申报单位"),
    recommender: text("推荐单位"),
    date: isoDate("申报日期").nullable(),
    unitName: text("单位名称"),
    uscc: text("组织机构代码/三证合一码"),
    contact: text("联系人"),
    phone: text("联系电话"),
    email: z.string(),
    category: categorySchema.nullable(),
    direction: directionSchema.nullable(),
    level: levelSchema.nullable(),
    intro: z.string().refine((s) => [...s].length <= 20000, { error: "申报单位简介过长" }),
  })
  .loose();

const count = z.number().finite().nullable();
export const indicatorValuesSchema = z.object({
  prefecture: prefectureSchema.nullable(),
  values: z.partialRecord(z.enum(INDICATOR_KEYS), count),
  header: z.partialRecord(z.enum(INDICATOR_HEADER_KEYS), z.string()),
  lists: z.partialRecord(z.enum(INDICATOR_KEYS), z.array(z.string())),
  source: sourceSchema,
  cells: z.partialRecord(
    z.enum(INDICATOR_KEYS),
    z.object({ sheet: z.string(), row: z.number().int(), column: z.string() })
  ),
});

export const settingsSchema = z.object({
  year: z
    .number()
    .int()
    .min(2020, { error: "年度应不早于 2020 年" })
    .max(2100, { error: "年度应不晚于 2100 年" }),
  deadline: isoDate("截止日期"),
  quota: z.object({
    enabled: z.boolean(),
    percent: z.number().min(0).max(100, { error: "名额比例应在 0–100 之间" }),
  }),
  summaryLimit: z.number().int().positive(),
});

export const findingSchema = z.object({
  code: z.enum(FINDING_CODES),
  severity: z.enum(["error", "warning"]),
  file: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  enterprise: z.string().nullable(),
  prefecture: prefectureSchema.nullable().optional(),
  message: z.string().min(1),
});

/** The `--json` report of `huhang merge` / `huhang check` (field names are a contract with scripts). */
export const cliReportSchema = z.object({
  output: z.string().nullable(),
  inputs: z.array(
    z.object({
      file: z.string(),
      kind: z.string(),
      prefecture: prefectureSchema.nullable(),
      rows: z.number().int().nonnegative(),
      status: z.enum(["ok", "rejected"]),
      error: z.string().optional(),
    })
  ),
  records: z.array(
    z.object({
      prefecture: prefectureSchema.nullable(),
      order: z.number().int(),
      caseName: z.string(),
      enterprise: z.string(),
      uscc: z.string(),
      category: categorySchema.nullable(),
      direction: directionSchema.nullable(),
      level: levelSchema.nullable(),
      summary: z.string(),
      contact: z.string(),
      phone: z.string(),
      source: sourceSchema,
    })
  ),
  findings: z.array(findingSchema),
  missingPrefectures: z.array(prefectureSchema),
  indicators: z.record(z.string(), z.unknown()),
});

/** Human-readable Chinese lines for a failed parse: "字段 year：年度应不早于 2020 年". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map(
    (i) => `${i.path.length ? `字段 ${i.path.join(".")}：` : ""}${i.message}`
  );
}
