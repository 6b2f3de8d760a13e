/**
 * The seam between the screens (src/taskpane) and where results go (src/excel, or downloads), below both: neither
 * imports the other. The seam between the taskpane's React components and where results go. Components never touch Office.js: they call
 * a Host. In Excel the host renders the app's state into sheets (src/excel/excelHost.ts, the only code that calls
 * the Excel batch API); in a plain browser (WPS users, Excel without add-in support) the standalone host offers downloads.
 *
 * The app state is the source of truth: every Host call receives the whole state it must show and writes it in one
 * batch, so a failure leaves the workbook as it was and re-applying is idempotent.
 */
import type { Finding } from "../core/findings";
import type { MergeResult } from "../core/merge";
import type { CaseRecord, IndicatorValues, SubmissionMeta } from "../core/model";
import type { PrefectureName } from "../core/vocabulary";

/** A prefecture clerk's work: the 推荐汇总表 rows in recommendation order, their findings and the sheet's header/footer. */
export interface PrefectureState {
  prefecture: PrefectureName | null;
  meta: SubmissionMeta;
  records: CaseRecord[];
  findings: Finding[];
}

export interface Host {
  kind: "excel" | "standalone";
  /** Write or update the 推荐汇总表 (official layout) and 明细 (Excel table, dropdowns, highlighted rows). */
  showPrefecture(state: PrefectureState): Promise<void>;
  /** Fill or refresh the prefecture's 附件2 indicator sheet (formulas use the HUHANG functions in Excel). */
  showIndicators(prefecture: PrefectureName | null, values: IndicatorValues | null): Promise<void>;
  /** Provincial merge: 全省汇总 (prefecture + source columns, R2/R3 highlighted, 评审得分 column), 地区指标 with chart. */
  showProvince(result: MergeResult): Promise<void>;
  /** Expert scores typed into 全省汇总, keyed by caseKey() (core/identity.ts); empty in the standalone host. */
  readScores(): Promise<Map<string, number>>;
  /** Select the cell a finding points at (Excel) — the standalone host scrolls its own table instead and returns false. */
  selectFinding(finding: Finding): Promise<boolean>;
  /** Open the ordered 附件3 list: a new workbook in Excel (Excel.createWorkbook), a download in the browser. */
  openList(fileName: string, xlsx: Uint8Array): Promise<void>;
  /** Offer a file to save (standalone); in Excel the same bytes can still be downloaded for e-mail. */
  download(fileName: string, xlsx: Uint8Array): Promise<void>;
}
