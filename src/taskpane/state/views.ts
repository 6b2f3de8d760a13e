/**
 * Views derived from the app state: what the Host is asked to show and what the panels list. Pure functions of the
 * state, so that the Excel sheets, the downloads and the panels always agree.
 */
import { finding, type Finding } from "../../core/findings";
import { mergeSubmissions, type MergeResult } from "../../core/merge";
import type { CaseRecord, IndicatorValues, PrefectureSubmission } from "../../core/model";
import { checkAll } from "../../core/rules";
import {
  bureauName,
  joinDirectionCell,
  PREFECTURE_NAMES,
  type PrefectureName,
} from "../../core/vocabulary";
import { carryHeadline, carryScores, type ScoreCarry } from "../../core/scores";
import type { Host, PrefectureState } from "../../app/host";
import type { AppState, ImportedFile } from "./appState";

/** The recommender line of a prefecture's 推荐汇总表. */
export function bureauOf(prefecture: PrefectureName | null): string {
  return bureauName(prefecture);
}

/** Rows renumbered 1…n in the current order, under the clerk's prefecture. */
export function orderedRecords(state: AppState): CaseRecord[] {
  return state.records.map((r, i) => ({
    ...r,
    order: i + 1,
    prefecture: state.prefecture ?? r.prefecture,
    summaryCell: r.summaryCell || joinDirectionCell(r.direction, r.summary),
  }));
}

/** The clerk's 推荐汇总表 as the host writes it: reading findings of each file, then every rule over the whole list. */
export function prefectureView(state: AppState): PrefectureState {
  const records = orderedRecords(state);
  const findings: Finding[] = [
    ...Object.values(state.fileFindings).flat(),
    ...checkAll(records, state.indicators ? [state.indicators] : [], state.settings),
    ...mixedPrefectures(records),
  ];
  // with no prefecture chosen, a list whose rows all name one prefecture is that prefecture's
  const named = new Set(records.map((r) => r.prefecture));
  const prefecture = state.prefecture ?? (named.size === 1 ? records[0].prefecture : null);
  const meta = {
    ...state.meta,
    recommender: state.meta.recommender || bureauOf(prefecture),
    date: state.meta.date || state.today,
  };
  return { prefecture, meta, records, findings };
}

/** With no prefecture chosen every row keeps its own; a list whose rows name several prefectures is said, once. */
function mixedPrefectures(records: readonly CaseRecord[]): Finding[] {
  const named = [...new Set(records.map((r) => r.prefecture).filter((p) => p !== null))];
  if (named.length < 2) return [];
  const first = records.find((r) => r.prefecture === named[1])!;
  return [
    finding(
      "MAT",
      { file: first.source.file },
      `推荐列表中的案例分属 ${named.length} 个市州（${named.join("、")}）：一份推荐汇总表只应列一个市州的案例，请在“本市州”中选择，或移除其他市州的申报表`,
      { severity: "warning" }
    ),
  ];
}

/** The findings a file in the preview would bring: its reading findings and the row rules on its own rows. */
export function previewFindings(file: ImportedFile, state: AppState): Finding[] {
  return [...file.findings, ...checkAll(file.records, {}, state.settings)];
}

/** The clerk's 附件2 indicators under the list's prefecture. */
export function prefectureIndicators(state: AppState): IndicatorValues | null {
  const view = prefectureView(state);
  return state.indicators ? { ...state.indicators, prefecture: view.prefecture } : null;
}

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

/** What became of a file the host was given to save: downloaded, or opened as a new workbook to save as. */
export function savedText(saves: Host["saves"], fileName: string): string {
  return saves === "newWorkbook"
    ? `已在新工作簿中打开，请另存为“${fileName}”。`
    : `已生成“${fileName}”。`;
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

/** Findings of files that belong to no prefecture (unreadable inputs), for the province's problem list. */
export function unplacedInputs(result: MergeResult | null): string[] {
  return result ? result.inputs.filter((i) => i.status === "rejected").map((i) => i.file) : [];
}
