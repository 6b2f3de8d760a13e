/**
 * The seam between the screens (src/taskpane) and where results go (src/excel, or downloads), below both: neither
 * imports the other. Components never touch Office.js: they call a Host. In Excel the host renders the app's state
 * into sheets (src/excel/excelHost.ts, the only code that calls the Excel batch API); in a plain browser (WPS users,
 * Excel without add-in support) the standalone host offers downloads.
 *
 * The app state is the source of truth: every show* call receives the whole state it must show, so re-applying it is
 * idempotent and puts right whatever an interrupted call left. A call is not one transaction: Excel applies a batch
 * up to a failing operation, and a sheet is written in several syncs. When a call fails, its message says what the
 * workbook now holds (which sheets are as they were, updated, or partly updated); the caller then keeps its own state
 * as it was.
 */
import type { Finding } from "../core/findings";
import type { MergeResult } from "../core/merge";
import type {
  CaseRecord,
  IndicatorValues,
  PrefectureSubmission,
  SubmissionMeta,
} from "../core/model";
import type { ScoreCarry, ScoredCase } from "../core/scores";
import type { PrefectureName } from "../core/vocabulary";

/** A prefecture clerk's work: the 推荐汇总表 rows in recommendation order, their findings and the sheet's header/footer. */
export interface PrefectureState {
  prefecture: PrefectureName | null;
  meta: SubmissionMeta;
  records: CaseRecord[];
  findings: Finding[];
}

/**
 * The work a workbook already holds, read back from the tool's own sheets the way a saved copy of the workbook is read
 * as a file (src/io/xlsx/readWorkbook.ts): the clerk's edits in the sheets as the clerk meant them, every reading
 * finding located in the sheets (`file` is the workbook's label in them).
 */
export interface ResumedWork {
  /** What the findings name as their file: "本工作簿". */
  file: string;
  /**
   * The prefecture list: 推荐汇总表 and 明细 (the cases in the 推荐汇总表's order, every field, the header and footer
   * lines) and the 附件2 sheet 成效突出地区申报表; null when the workbook has none of them.
   */
  prefecture: {
    prefecture: PrefectureName | null;
    meta: SubmissionMeta;
    records: CaseRecord[];
    indicators: IndicatorValues | null;
    /** Reading findings: the two sheets disagreeing (MAT), a score or an indicator that is not a number, … */
    findings: Finding[];
  } | null;
  /**
   * The province merge of 全省汇总 and 地区指标, as one submission per prefecture (as when the province reads its own
   * saved workbook as a file), their records without the scores, and the experts' 评审得分 as scored cases; null
   * when the workbook has no 全省汇总.
   */
  province: { submissions: PrefectureSubmission[]; scores: ScoredCase[] } | null;
}

export interface Host {
  kind: "excel" | "standalone";
  /**
   * What `download` does with a file: offer it as a download, or (Excel on Mac and iPad, whose webview saves no
   * download) open it as a new workbook the clerk saves under its name.
   */
  saves: "download" | "newWorkbook";
  /** Write or update the 推荐汇总表 (official layout) and 明细 (every field, dropdowns, highlighted rows, flags). */
  showPrefecture(state: PrefectureState): Promise<void>;
  /** Fill or refresh the prefecture's 附件2 sheet 成效突出地区申报表 (with checks and derived cells in Excel). */
  showIndicators(prefecture: PrefectureName | null, values: IndicatorValues | null): Promise<void>;
  /**
   * Provincial merge: 全省汇总 (every record with its prefecture and source, problem rows highlighted, 评审得分 column),
   * 地区指标 with chart. The scores already typed into the current 全省汇总 go to the same cases of the merge
   * (core/scores.ts carryScores); returns what was carried and what could not be (null: there is no sheet to keep
   * scores in, as in the standalone host).
   */
  showProvince(result: MergeResult): Promise<ScoreCarry | null>;
  /** The cases experts scored in 全省汇总, with their scores; empty in the standalone host. */
  readScores(): Promise<ScoredCase[]>;
  /** Select the cell a finding points at (Excel) — the standalone host scrolls its own table instead and returns false. */
  selectFinding(finding: Finding): Promise<boolean>;
  /**
   * The work the workbook already holds, to resume from when the taskpane opens on it: null when it has nothing of
   * ours (the standalone host always: the page keeps its work in the browser, src/taskpane/persist). Reads only; a
   * failure to read throws a Chinese message naming the sheet and rows, and the workbook is as it was. Absent in hosts
   * without a workbook of their own (tests' recording hosts).
   */
  resume?(): Promise<ResumedWork | null>;
  /** Open the ordered 附件3 list: a new workbook in Excel (Excel.createWorkbook), a download in the browser. */
  openList(fileName: string, xlsx: Uint8Array): Promise<void>;
  /** Offer a file to save (standalone, Excel where downloads work) or open it as a new workbook (see `saves`). */
  download(fileName: string, xlsx: Uint8Array): Promise<void>;
}
