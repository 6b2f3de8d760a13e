/**
 * The Host of the taskpane inside Excel: renders the app state into sheets through an ExcelRun (Excel.run in
 * production, the in-memory fake in tests), from the one description of each official sheet (src/sheets). Every
 * show* call writes the whole state: a sheet whose layout is ours is updated in place, a missing or foreign one is
 * rebuilt and swapped in (sheetWriter.ts: in syncs of about 1 MB, recoverable at any operation), and a failure says
 * what the workbook now holds.
 *
 * On opening, `resume` reads the tool's own sheets back into the work they show (resume.ts), as a saved copy of the
 * workbook would read as a file.
 *
 * Files: where the webview can save a download (WebView2, Excel on the web) `download` is the browser download; where
 * it cannot (WKWebView in Excel on Mac and iPad: office-js #2700, a download link does nothing and nobody is told),
 * the file opens as a new workbook (Excel.createWorkbook) that the clerk saves with 文件 › 另存为.
 */
import type { Host, PrefectureState } from "../app/host";
import { errorMessage } from "../core/errors";
import type { Finding } from "../core/findings";
import type { MergeResult } from "../core/merge";
import { carryScores } from "../core/scores";
import { DETAIL_SPEC, PROVINCE_SPEC } from "../sheets/records";
import { annex3Job } from "./annex3Sheet";
import { toBase64 } from "./base64";
import { annex2Job, provinceIndicatorJob } from "./indicatorSheets";
import { officeCreateWorkbook, officeRequirements } from "./officeExcel";
import { readScores, selectFinding } from "./readBack";
import { recordSheetJob } from "./recordSheet";
import { writeSheets, type SheetJob } from "./sheetWriter";
import type { CreateWorkbook, ExcelRun, XlRequirements } from "./xl";

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
  /** The time written into 导入时间 (default: now); tests pass a fixed one. */
  now?: () => Date;
  /** Which requirement sets the host has (default Office.context.requirements): print setup needs ExcelApi 1.9. */
  requirements?: XlRequirements;
}

export function createExcelHost(run: ExcelRun, options: ExcelHostOptions): Host {
  const createWorkbook = options.createWorkbook ?? officeCreateWorkbook();
  const canDownload = options.canDownload ?? true;
  const writtenAt = () => (options.now ?? (() => new Date()))().toISOString();
  const requirements = options.requirements ?? officeRequirements();
  const write = (jobs: SheetJob[]) => writeSheets(run, jobs, requirements);
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
    saves: canDownload ? "download" : "newWorkbook",
    showPrefecture: (state: PrefectureState) =>
      write([
        annex3Job(state),
        recordSheetJob(DETAIL_SPEC, state.records, state.findings, writtenAt()),
      ]),
    showIndicators: (_prefecture, values) => write([annex2Job(values)]),
    async showProvince(result: MergeResult) {
      // the scores typed into the current 全省汇总 are the experts' latest: they go to the same cases of the merge,
      // over a score the merge already carries; a case the sheet has no score for keeps its own
      const previous = await readScores(run);
      const fromSheet = carryScores(
        result.records.map((r) => ({ ...r, score: null })),
        previous
      );
      const records = fromSheet.records.map((r, i) => (r.score !== null ? r : result.records[i]));
      await write([
        recordSheetJob(PROVINCE_SPEC, records, result.findings, writtenAt()),
        provinceIndicatorJob(result.indicators),
      ]);
      return fromSheet.carry;
    },
    readScores: () => readScores(run),
    // the workbook reader comes with the first resume, not with the host
    resume: async () => {
      const { resumeWork } = await import(/* webpackChunkName: "excel-resume" */ "./resume");
      return resumeWork(run, requirements);
    },
    selectFinding: (f: Finding) => selectFinding(run, f),
    openList: open,
    // where nothing can be downloaded, the file opens as a new workbook: the clerk saves it under its name
    download: canDownload ? (fileName, xlsx) => options.download(fileName, xlsx) : open,
  };
}
