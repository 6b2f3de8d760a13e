/**
 * The clerk's views of the app state: what the Host is asked to show and what the panels list. Pure functions of the
 * state, so that the Excel sheets, the downloads and the panels always agree. The province's are in ./provinceViews.ts.
 */
import { finding, type Finding } from "../../core/findings";
import type { CaseRecord, IndicatorValues } from "../../core/model";
import { checkAll } from "../../core/rules";
import { bureauName, type PrefectureName } from "../../core/vocabulary";
import { joinDirectionCell } from "../../core/directionText";
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

/** What became of a file the host was given to save: downloaded, or opened as a new workbook to save as. */
export function savedText(saves: Host["saves"], fileName: string): string {
  return saves === "newWorkbook"
    ? `已在新工作簿中打开，请另存为“${fileName}”。`
    : `已生成“${fileName}”。`;
}
