/**
 * The Host of the taskpane inside Excel: renders the app state into sheets through an ExcelRun (Excel.run in
 * production, the in-memory fake in tests). Every show* call rebuilds its sheets from the state it is given and swaps
 * them in with one write sync (see sheetWriter.ts), so re-applying a state is idempotent and a failure changes nothing.
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

export interface ExcelHostOptions {
  /** Saving a file is not portable inside Excel's runtime: the UI passes its browser download function. */
  download: (fileName: string, xlsx: Uint8Array) => Promise<void>;
  /** Opens a new workbook from base64 .xlsx; defaults to Excel.createWorkbook (pass the fake's in tests). */
  createWorkbook?: CreateWorkbook;
}

export function createExcelHost(run: ExcelRun, options: ExcelHostOptions): Host {
  const createWorkbook = options.createWorkbook ?? officeCreateWorkbook();
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
    async openList(fileName: string, xlsx: Uint8Array) {
      try {
        await createWorkbook(toBase64(xlsx));
      } catch (e) {
        throw new Error(
          `无法在 Excel 中打开“${fileName}”：${errorMessage(e)}。可改用“下载”保存该文件`,
          { cause: e }
        );
      }
    },
    download: (fileName: string, xlsx: Uint8Array) => options.download(fileName, xlsx),
  };
}
