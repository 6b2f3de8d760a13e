/**
 * The Host of the taskpane inside Excel: renders the app state into sheets through an ExcelRun (Excel.run in
 * production, the in-memory fake in tests). Every show* call rebuilds its sheets from the state it is given and swaps
 * them in (sheetWriter.ts: in syncs of about 1 MB, recoverable at any operation), so re-applying a state is idempotent
 * and a failure leaves the old sheets or the new ones whole, with a message that says which.
 *
 * Files: where the webview can save a download (WebView2, Excel on the web) `download` is the browser download; where
 * it cannot (WKWebView in Excel on Mac and iPad: office-js #2700, a download link does nothing and nobody is told),
 * the file opens as a new workbook (Excel.createWorkbook) that the clerk saves with 文件 › 另存为.
 */
import { errorMessage } from "../core/errors";
import type { Finding } from "../core/findings";
import type { MergeResult } from "../core/merge";
import type { IndicatorValues } from "../core/model";
import type { PrefectureName } from "../core/vocabulary";
import type { Host, PrefectureState } from "../app/host";
import { toBase64 } from "./base64";
import { prefectureIndicatorJob, provinceIndicatorJob } from "./indicatorSheets";
import { officeCreateWorkbook } from "./officeExcel";
import { annex3Job, detailJob } from "./prefectureSheets";
import { provinceJob } from "./provinceSheet";
import { readScores, selectFinding } from "./readBack";
import { replaceSheets } from "./sheetWriter";
import type { CreateWorkbook, ExcelRun } from "./xl";

export type { ExcelRun } from "./xl";
export { officeExcelRun } from "./officeExcel";

/** The standalone page, for what the taskpane cannot do on a Mac (see README: 独立网页). */
export const STANDALONE_PAGE = "huhang.html";

export interface ExcelHostOptions {
  /** Saving a file is not portable inside Excel's runtime: the UI passes its browser download function. */
  download: (fileName: string, xlsx: Uint8Array) => Promise<void>;
  /** Opens a new workbook from base64 .xlsx; defaults to Excel.createWorkbook (pass the fake's in tests). */
  createWorkbook?: CreateWorkbook;
  /**
   * Whether the webview can save a download (default true). False in Excel on Mac and iPad (WKWebView): every file
   * then opens as a new workbook instead (officeHost.ts decides from Office.context.diagnostics.platform).
   */
  canDownload?: boolean;
}

export function createExcelHost(run: ExcelRun, options: ExcelHostOptions): Host {
  const createWorkbook = options.createWorkbook ?? officeCreateWorkbook();
  const canDownload = options.canDownload ?? true;
  const otherWay = canDownload
    ? "可改用“下载”保存该文件"
    : `此版本 Excel（Mac）的任务窗格不能下载文件：请在 Safari、Chrome 或 Edge 中打开独立网页 ${STANDALONE_PAGE} 导出该文件，或在 Windows 版、网页版 Excel 中操作`;
  const open = async (fileName: string, xlsx: Uint8Array) => {
    try {
      await createWorkbook(toBase64(xlsx));
    } catch (e) {
      throw new Error(`无法在 Excel 中打开“${fileName}”：${errorMessage(e)}。${otherWay}`, {
        cause: e,
      });
    }
  };
  return {
    kind: "excel",
    showPrefecture: (state: PrefectureState) =>
      replaceSheets(run, [annex3Job(state), detailJob(state)]),
    showIndicators: (prefecture: PrefectureName | null, values: IndicatorValues | null) =>
      replaceSheets(run, [prefectureIndicatorJob(prefecture, values)]),
    async showProvince(result: MergeResult) {
      // scores typed into the current 全省汇总 survive a re-merge when the state does not carry them yet
      const carried = await readScores(run);
      await replaceSheets(run, [
        provinceJob(result, carried),
        provinceIndicatorJob(result.indicators),
      ]);
    },
    readScores: () => readScores(run),
    selectFinding: (f: Finding) => selectFinding(run, f),
    openList: open,
    // where nothing can be downloaded, the file opens as a new workbook: the clerk saves it under its name
    download: canDownload ? (fileName, xlsx) => options.download(fileName, xlsx) : open,
  };
}
