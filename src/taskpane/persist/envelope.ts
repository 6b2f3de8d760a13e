/**
 * The saved work as it sits in the browser's storage: an envelope (format, version of the state's shape, when it was
 * saved, whether it had changes not yet downloaded) around the app's state. Everything read back is checked here with
 * zod before the page uses it: storage is input like any file. Loaded on first use (keeper.ts), so zod stays out of
 * the add-in taskpane's first load.
 */
// first: zod must be configured before any schema is built
import "./zodConfig";
import { z } from "zod";
import { describeIssues } from "../../core/schemas";

export const WORK_FORMAT = "huhang-work";

export const savedEnvelopeSchema = z.object({
  format: z.literal(WORK_FORMAT, { error: "不是护航汇总保存的工作" }),
  /** Version of the state's shape (APP_STATE_VERSION when the app state is kept). */
  version: z.number().int().positive(),
  savedAt: z.iso.datetime({ error: "保存时间无效" }),
  /** Changes not yet downloaded when it was saved. */
  dirty: z.boolean(),
  state: z.unknown(),
});
export type SavedEnvelope = z.infer<typeof savedEnvelopeSchema>;

export type ParsedWork<S> =
  { ok: true; state: S; savedAt: Date; dirty: boolean } | { ok: false; reason: string };

/**
 * Check what storage gave back: the envelope, its version, then the state itself (`validate` throws, or returns the
 * state as the app needs it). Never throws: a reason in Chinese says what is wrong.
 */
export async function parseSavedWork<S>(
  raw: unknown,
  version: number,
  validate: (state: unknown) => S | Promise<S>
): Promise<ParsedWork<S>> {
  const env = savedEnvelopeSchema.safeParse(raw);
  if (!env.success)
    return { ok: false, reason: `保存的内容不完整（${describeIssues(env.error).join("；")}）` };
  if (env.data.version !== version)
    return {
      ok: false,
      reason: `保存的工作来自另一版本的护航汇总（数据版本 ${env.data.version}，本页为 ${version}）`,
    };
  try {
    const state = await validate(env.data.state);
    return { ok: true, state, savedAt: new Date(env.data.savedAt), dirty: env.data.dirty };
  } catch (e) {
    const why =
      e instanceof z.ZodError
        ? describeIssues(e).slice(0, 3).join("；")
        : e instanceof Error
          ? e.message
          : String(e);
    return { ok: false, reason: `保存的工作已损坏（${why}）` };
  }
}

export function envelope(
  version: number,
  savedAt: Date,
  dirty: boolean,
  state: unknown
): SavedEnvelope {
  return { format: WORK_FORMAT, version, savedAt: savedAt.toISOString(), dirty, state };
}
