/**
 * The schema of the `--json` report of `huhang merge` / `huhang check` (src/cli/report.ts builds it): a contract with
 * scripts, checked by the tests. Kept apart from the report itself so that zod is not loaded when the command starts.
 */
import { z } from "zod";
import {
  categorySchema,
  directionSchema,
  findingSchema,
  formFactsSchema,
  levelSchema,
  packageSchema,
  prefectureSchema,
  sourceSchema,
} from "../core/schemas";

/** The `--json` report of `huhang merge` / `huhang check`: its field names are a contract with scripts. */
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
      note: z.string().optional(),
      /**
       * When the input came in a prefecture package (a .zip or a package folder): the package's name, the 申报表
       * (附件1) checked against this 推荐汇总表, and the other files (PDF 证明材料, scans) counted as attachments.
       */
      package: packageSchema.optional(),
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
      date: z.string().nullable(),
      score: z.number().nullable(),
      source: sourceSchema,
      /** The Word form's other fields (单位地址, 成立时间, 注册资本, 单位性质, 传真, 电子邮箱, 简介…), when there was one. */
      form: formFactsSchema.nullable(),
    })
  ),
  findings: z.array(findingSchema.extend({ prefecture: z.string().nullable() })),
  missingPrefectures: z.array(prefectureSchema),
  indicators: z.record(z.string(), z.unknown()),
  /** Cases of a prefecture's earlier file: replaced by the same case of its newer file, or gone from it. */
  replaced: z.array(
    z.object({
      prefecture: prefectureSchema,
      caseName: z.string(),
      enterprise: z.string(),
      from: z.string(),
      by: z.string(),
      kind: z.enum(["replaced", "gone"]),
    })
  ),
  /** Scores carried from the existing --out (or --scores) workbook; null when there was none. */
  scores: z
    .object({
      carried: z.number().int().nonnegative(),
      lost: z.array(
        z.object({
          prefecture: prefectureSchema.nullable(),
          caseName: z.string(),
          enterprise: z.string(),
          score: z.number(),
          reason: z.enum(["gone", "ambiguous"]),
          message: z.string(),
        })
      ),
    })
    .nullable(),
});
