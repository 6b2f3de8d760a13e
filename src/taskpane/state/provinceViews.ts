/**
 * The province's views of the app state: the merge of the prefecture submissions with the experts' scores carried,
 * and the checklist of the 14. Apart from the clerk's views (./views.ts) so that the first panel a clerk sees does not
 * load the merge.
 */
import { mergeSubmissions, type MergeResult } from "../../core/merge";
import type { PrefectureSubmission } from "../../core/model";
import { carryHeadline, carryScores, type ScoreCarry } from "../../core/scores";
import { PREFECTURE_NAMES, type PrefectureName } from "../../core/vocabulary";
import type { AppState } from "./appState";

/** The province merge with the scores read carried to its cases, and what could not be carried. */
export interface ProvinceView extends MergeResult {
  /** null when no scores were read. */
  carry: ScoreCarry | null;
}

/** The province merge with the expert scores carried (core/scores.ts); null before any prefecture workbook is read. */
export function provinceView(state: AppState): ProvinceView | null {
  if (state.submissions.length === 0) return null;
  const result = mergeSubmissions(state.submissions, state.settings);
  if (state.scores.length === 0) return { ...result, carry: null };
  const { records, carry } = carryScores(result.records, state.scores);
  return { ...result, records, carry };
}

/** The carried and lost scores in one line for the panel. */
export function carryText(carry: ScoreCarry): string {
  return carryHeadline(carry) + carry.lost.map((l) => l.message).join("；");
}

export type ChecklistStatus = "已报" | "未报" | "有问题";

export interface ChecklistRow {
  prefecture: PrefectureName;
  status: ChecklistStatus;
  rows: number;
  errors: number;
  files: string[];
}

/** The 14 prefectures with what each has sent: 已报, 未报, or 有问题 (an error finding on its rows or files). */
export function checklist(
  result: MergeResult | null,
  submissions: readonly PrefectureSubmission[]
): ChecklistRow[] {
  return PREFECTURE_NAMES.map((p) => {
    const files = submissions.filter((s) => s.prefecture === p).map((s) => s.file);
    if (!result || result.missingPrefectures.includes(p)) {
      const unreadable = submissions.some((s) => s.prefecture === p && !s.ok);
      return {
        prefecture: p,
        status: unreadable ? "有问题" : "未报",
        rows: 0,
        errors: unreadable ? 1 : 0,
        files,
      };
    }
    const rows = result.records.filter((r) => r.prefecture === p).length;
    const errors = result.findings.filter(
      (f) => f.prefecture === p && f.severity === "error"
    ).length;
    return { prefecture: p, status: errors > 0 ? "有问题" : "已报", rows, errors, files };
  });
}
