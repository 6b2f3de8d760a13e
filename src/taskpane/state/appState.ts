/**
 * The taskpane's state: a reducer over core types. The clerk's 推荐汇总表 (records in recommendation order, the
 * findings of reading each file, the 附件2 indicators) and the province's merge (prefecture submissions, expert
 * scores). Every view the UI or a Host needs is derived from it (./views.ts); nothing here touches Office or the DOM.
 */
import type { Finding } from "../../core/findings";
import type {
  CaseRecord,
  IndicatorKey,
  IndicatorValues,
  PrefectureSubmission,
  SubmissionMeta,
} from "../../core/model";
import { EMPTY_META } from "../../core/model";
import { defaultSettings, type CampaignSettings } from "../../core/settings";
import type { PrefectureName } from "../../core/vocabulary";
import { recordKey } from "../host";

/** What one imported file gave, before the clerk confirms it: its rows, its reading findings, its indicators. */
export interface ImportedFile {
  file: string;
  kind: "docx" | "xlsx" | "rejected";
  prefecture: PrefectureName | null;
  meta: SubmissionMeta;
  records: CaseRecord[];
  /** Findings of reading the file (FILE, form-only checks); row rules are re-run on the whole list (views.ts). */
  findings: Finding[];
  indicators: IndicatorValues | null;
}

export interface AppState {
  settings: CampaignSettings;
  /** The clerk's prefecture: chosen, or taken from the first file that names one. */
  prefecture: PrefectureName | null;
  meta: SubmissionMeta;
  /** Files read but not yet confirmed (the preview). */
  pending: ImportedFile[];
  /** The 推荐汇总表 rows in recommendation order. */
  records: CaseRecord[];
  /** Reading findings of every confirmed file, by file name. */
  fileFindings: Record<string, Finding[]>;
  indicators: IndicatorValues | null;
  /** Provincial staff: one submission per prefecture workbook read (a file read again replaces its submission). */
  submissions: PrefectureSubmission[];
  /** Expert scores by recordKey(). */
  scores: Record<string, number>;
}

export type Action =
  | { type: "setPrefecture"; prefecture: PrefectureName | null }
  | { type: "previewed"; files: ImportedFile[] }
  | { type: "discardPending" }
  | { type: "confirmed" }
  | { type: "moved"; from: number; to: number }
  | { type: "removed"; key: string }
  | { type: "indicatorSet"; key: IndicatorKey; value: number | null }
  | { type: "submissionsRead"; submissions: PrefectureSubmission[] }
  | { type: "submissionsCleared" }
  | { type: "scoresRead"; scores: Map<string, number> };

export function initialState(settings: CampaignSettings = defaultSettings()): AppState {
  return {
    settings,
    prefecture: null,
    meta: { ...EMPTY_META },
    pending: [],
    records: [],
    fileFindings: {},
    indicators: null,
    submissions: [],
    scores: {},
  };
}

/** Files read again replace their earlier preview; the rest keep their order. */
function replaceByFile<T extends { file: string }>(
  list: readonly T[],
  incoming: readonly T[]
): T[] {
  const names = new Set(incoming.map((f) => f.file));
  return [...list.filter((f) => !names.has(f.file)), ...incoming];
}

function emptyIndicators(prefecture: PrefectureName | null): IndicatorValues {
  return {
    prefecture,
    values: {},
    header: {},
    lists: {},
    source: { file: "", sheet: null, row: null },
    cells: {},
  };
}

/**
 * Confirm the preview: each file's rows replace the rows it gave before (same recordKey keeps its place in the
 * order), rows the file no longer has are dropped, new rows go to the end.
 */
function confirm(state: AppState): AppState {
  let records = [...state.records];
  const fileFindings = { ...state.fileFindings };
  let prefecture = state.prefecture;
  let meta = state.meta;
  let indicators = state.indicators;
  for (const f of state.pending) {
    const fresh = new Map(f.records.map((r) => [recordKey(r), r]));
    records = records
      .filter((r) => r.source.file !== f.file || fresh.has(recordKey(r)))
      .map((r) => {
        const k = recordKey(r);
        const next = fresh.get(k);
        if (!next) return r;
        fresh.delete(k);
        return next;
      });
    records.push(...fresh.values());
    fileFindings[f.file] = f.findings;
    prefecture = prefecture ?? f.prefecture;
    if (f.kind === "xlsx" && (f.meta.recommender || f.meta.contact)) meta = f.meta;
    if (f.indicators) indicators = f.indicators;
  }
  return { ...state, records, fileFindings, prefecture, meta, indicators, pending: [] };
}

export function reducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case "setPrefecture":
      return { ...state, prefecture: action.prefecture };
    case "previewed":
      return { ...state, pending: replaceByFile(state.pending, action.files) };
    case "discardPending":
      return { ...state, pending: [] };
    case "confirmed":
      return confirm(state);
    case "moved": {
      const { from, to } = action;
      const n = state.records.length;
      if (from === to || from < 0 || to < 0 || from >= n || to >= n) return state;
      const records = [...state.records];
      const [row] = records.splice(from, 1);
      records.splice(to, 0, row);
      return { ...state, records };
    }
    case "removed":
      return { ...state, records: state.records.filter((r) => recordKey(r) !== action.key) };
    case "indicatorSet": {
      const base = state.indicators ?? emptyIndicators(state.prefecture);
      return {
        ...state,
        indicators: { ...base, values: { ...base.values, [action.key]: action.value } },
      };
    }
    case "submissionsRead":
      return { ...state, submissions: replaceByFile(state.submissions, action.submissions) };
    case "submissionsCleared":
      return { ...state, submissions: [], scores: {} };
    case "scoresRead":
      return { ...state, scores: { ...state.scores, ...Object.fromEntries(action.scores) } };
  }
}
