/**
 * The taskpane's AppState (state/appState.ts) as a zod schema, built from the model's schemas, to check the work read
 * back from the browser's storage. The assignments at the end make the compiler refuse a schema that no longer
 * matches AppState: when AppState changes, change this schema and raise APP_STATE_VERSION (work saved under another
 * version is not restored; the page says so).
 */
// first: zod must be configured before any schema is built
import "./zodConfig";
import { z } from "zod";
import {
  caseRecordSchema,
  findingSchema,
  indicatorValuesSchema,
  prefectureSchema,
  prefectureSubmissionSchema,
  settingsSchema,
  submissionMetaSchema,
} from "../../core/schemas";
import type { AppState, ImportedFile } from "../state/appState";

export { APP_STATE_VERSION } from "./version";

export const importedFileSchema = z.object({
  file: z.string(),
  kind: z.enum(["docx", "xlsx", "rejected"]),
  prefecture: prefectureSchema.nullable(),
  meta: submissionMetaSchema,
  records: z.array(caseRecordSchema),
  findings: z.array(findingSchema),
  indicators: indicatorValuesSchema.nullable(),
});

export const appStateSchema = z.object({
  settings: settingsSchema,
  prefecture: prefectureSchema.nullable(),
  meta: submissionMetaSchema,
  pending: z.array(importedFileSchema),
  records: z.array(caseRecordSchema),
  fileFindings: z.record(z.string(), z.array(findingSchema)),
  indicators: indicatorValuesSchema.nullable(),
  submissions: z.array(prefectureSubmissionSchema),
  scores: z.array(
    caseRecordSchema.pick({
      prefecture: true,
      caseName: true,
      enterprise: true,
      uscc: true,
      direction: true,
      score: true,
    })
  ),
  notes: z.array(z.string()),
  removed: z.array(z.object({ record: caseRecordSchema, index: z.number().int().nonnegative() })),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  provinceShown: z.boolean(),
});

/** The state read back, checked; throws a ZodError when it is not an AppState. */
export function parseAppState(raw: unknown): AppState {
  return appStateSchema.parse(raw);
}

// both directions: the schema's type is AppState, no more and no less (a type error here means they differ)
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type AppStateSchemaMatches = Assert<Mutual<z.infer<typeof appStateSchema>, AppState>>;
export type ImportedFileSchemaMatches = Assert<
  Mutual<z.infer<typeof importedFileSchema>, ImportedFile>
>;
