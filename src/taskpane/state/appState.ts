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
import { EMPTY_META, emptyIndicatorValues } from "../../core/model";
import { scoredCases, type ScoredCase } from "../../core/scores";
import { defaultSettings, type CampaignSettings } from "../../core/settings";
import type { PrefectureName } from "../../core/vocabulary";
import { caseKey, matchCases, sourceKey } from "../../core/identity";
import type { ResumedWork } from "../../app/host";

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
  /** The cases experts scored, as last read (from 全省汇总 in Excel, a scored workbook on the page). */
  scores: ScoredCase[];
  /** What the last confirmation replaced (a case that arrived from another file), for the clerk to read. */
  notes: string[];
  /** Rows the clerk removed, last first, with where they stood: 撤销 puts the last one back. */
  removed: Array<{ record: CaseRecord; index: number }>;
  /** Today (ISO yyyy-mm-dd) on the clerk's calendar: the 日期 of the 推荐汇总表 unless one is chosen. */
  today: string;
  /** The province merge has been written to the host (Excel sheets) since the submissions last changed. */
  provinceShown: boolean;
}

export type Action =
  | { type: "setPrefecture"; prefecture: PrefectureName | null }
  | { type: "previewed"; files: ImportedFile[] }
  | { type: "discardPending" }
  | { type: "confirmed" }
  | { type: "moved"; from: number; to: number }
  | { type: "removed"; index: number }
  | { type: "restored" }
  | { type: "metaSet"; field: keyof SubmissionMeta; value: string }
  | { type: "provinceShown" }
  | { type: "indicatorSet"; key: IndicatorKey; value: number | null }
  | { type: "submissionsRead"; submissions: PrefectureSubmission[] }
  | { type: "submissionsCleared" }
  | { type: "scoresRead"; scores: ScoredCase[] }
  /** The work the workbook holds (Host.resume), taken as the pane's work on opening. */
  | { type: "resumed"; work: ResumedWork }
  /** A score typed on the page for a case of the merge (null: cleared); it replaces what was read for that case. */
  | { type: "scoreSet"; record: CaseRecord; score: number | null };

/** Today on the local calendar, as yyyy-mm-dd. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function initialState(
  settings: CampaignSettings = defaultSettings(),
  today: string = localIsoDate(new Date())
): AppState {
  return {
    settings,
    prefecture: null,
    meta: { ...EMPTY_META },
    pending: [],
    records: [],
    fileFindings: {},
    indicators: null,
    submissions: [],
    scores: [],
    notes: [],
    removed: [],
    today,
    provinceShown: false,
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

/**
 * Confirm the preview. A file read again replaces the rows it gave before in place (same source row, else the same
 * case), and its rows it no longer has are dropped. A case that arrives from another file (a corrected form under a
 * new name, a re-sent workbook) replaces the same case in place, with a note; anything else goes to the end. Rows of
 * one file that are the same case twice are all kept (R3 reports them).
 */
function confirm(state: AppState): AppState {
  let records = [...state.records];
  const fileFindings = { ...state.fileFindings };
  const notes: string[] = [];
  let prefecture = state.prefecture;
  let meta = state.meta;
  let indicators = state.indicators;
  for (const f of state.pending) {
    const fresh = [...f.records];
    const placed = new Set<number>();
    const take = (match: (r: CaseRecord) => boolean): CaseRecord | null => {
      const i = fresh.findIndex((r, n) => !placed.has(n) && match(r));
      if (i < 0) return null;
      placed.add(i);
      return fresh[i];
    };
    // the file's own earlier rows: by place, then by case; the rest are gone from the file
    records = records.flatMap((old) => {
      if (old.source.file !== f.file) return [old];
      const next =
        take((r) => sourceKey(r.source) === sourceKey(old.source)) ??
        take((r) => caseKey(r) === caseKey(old));
      return next ? [next] : [];
    });
    // the same case from another file (a corrected form, a re-sent list): by case identity, a credit code added or
    // a case name reworded included (core/identity matchCases)
    const others = records.filter((old) => old.source.file !== f.file);
    const open = fresh.filter((_, n) => !placed.has(n));
    const { matched } = matchCases(others, open, (r) => r);
    const replacing = new Map<CaseRecord, CaseRecord>();
    for (const [j, old] of matched) {
      replacing.set(old, open[j]);
      placed.add(fresh.indexOf(open[j]));
    }
    records = records.map((old) => {
      const next = replacing.get(old);
      if (!next) return old;
      notes.push(
        `“${next.caseName}”（${next.enterprise || "企业名称为空"}）来自“${f.file}”，已替换先前来自“${old.source.file}”的同一案例`
      );
      return next;
    });
    records.push(...fresh.filter((_, n) => !placed.has(n)));
    fileFindings[f.file] = f.findings;
    // a workbook is a list of its own prefecture (the clerk's own download, re-read); Word forms never set it
    if (f.kind === "xlsx") {
      prefecture = prefecture ?? f.prefecture;
      if (f.meta.recommender || f.meta.contact) meta = f.meta;
    }
    if (f.indicators) indicators = f.indicators;
  }
  return { ...state, records, fileFindings, prefecture, meta, indicators, pending: [], notes };
}

/**
 * The pane's work from what the workbook holds: the list, its header and footer, its reading findings (under the
 * workbook's label), the 附件2 values; the province's submissions and scores, already shown in the sheets. The rest of
 * the state (settings, today, a preview) stays; nothing removed is known (the sheets do not keep it).
 */
function resume(state: AppState, work: ResumedWork): AppState {
  const list = work.prefecture;
  const merge = work.province;
  return {
    ...state,
    prefecture: list?.prefecture ?? state.prefecture,
    meta: list ? { ...list.meta } : state.meta,
    records: list ? list.records : state.records,
    fileFindings: list
      ? list.findings.length > 0
        ? { [work.file]: list.findings }
        : {}
      : state.fileFindings,
    indicators: list ? list.indicators : state.indicators,
    submissions: merge ? merge.submissions : state.submissions,
    scores: merge ? merge.scores : state.scores,
    provinceShown: merge !== null && merge.submissions.length > 0,
    removed: [],
    notes: [],
  };
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
    case "removed": {
      const record = state.records[action.index];
      if (!record) return state;
      return {
        ...state,
        records: state.records.filter((_, i) => i !== action.index),
        removed: [{ record, index: action.index }, ...state.removed],
      };
    }
    case "restored": {
      const [last, ...rest] = state.removed;
      if (!last) return state;
      const records = [...state.records];
      records.splice(Math.min(last.index, records.length), 0, last.record);
      return { ...state, records, removed: rest };
    }
    case "metaSet":
      return { ...state, meta: { ...state.meta, [action.field]: action.value } };
    case "provinceShown":
      return { ...state, provinceShown: true };
    case "indicatorSet": {
      const base =
        state.indicators ??
        emptyIndicatorValues(state.prefecture, { file: "", sheet: null, row: null });
      return {
        ...state,
        indicators: { ...base, values: { ...base.values, [action.key]: action.value } },
      };
    }
    case "submissionsRead":
      return {
        ...state,
        submissions: replaceByFile(state.submissions, action.submissions),
        provinceShown: false,
      };
    case "submissionsCleared":
      return { ...state, submissions: [], scores: [], provinceShown: false };
    case "scoresRead":
      return { ...state, scores: action.scores };
    case "resumed":
      return resume(state, action.work);
    case "scoreSet": {
      const { record, score } = action;
      // the score this case carries now, whichever way it was matched, goes; so does one under its exact key
      const prior = matchCases(state.scores, [record], (s) => s).matched.get(0);
      const key = caseKey(record);
      const kept = state.scores.filter((s) => s !== prior && caseKey(s) !== key);
      return {
        ...state,
        scores: score === null ? kept : [...kept, ...scoredCases([{ ...record, score }])],
      };
    }
  }
}
