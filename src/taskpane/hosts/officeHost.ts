/**
 * The Excel host, loaded only when Office.onReady reports Excel (so the standalone page never fetches it).
 * src/excel owns the Excel batch API; here it is only wired to the browser download for "download for e-mail".
 */
import { createExcelHost } from "../../excel/excelHost";
import { officeCreateWorkbook, officeExcelRun } from "../../excel/officeExcel";
import type { Host } from "../../app/host";
import { browserDownload } from "./download";

export function createOfficeHost(): Host {
  return createExcelHost(officeExcelRun(), {
    download: browserDownload,
    createWorkbook: officeCreateWorkbook(),
  });
}
