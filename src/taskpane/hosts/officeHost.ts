/**
 * The Excel host, loaded only when Office.onReady reports Excel (so the standalone page never fetches it).
 * src/excel owns the Excel batch API; here it is wired to the browser download for "download for e-mail", except in
 * Excel on Mac and iPad, whose WKWebView saves no download (office-js #2700): there files open as new workbooks.
 * The components never see Office: the platform is read here, once.
 */
import { createExcelHost } from "../../excel/excelHost";
import { officeCreateWorkbook, officeExcelRun } from "../../excel/officeExcel";
import type { Host } from "../../app/host";
import { browserDownload } from "./download";

/** Platforms whose webview is WKWebView (Office.PlatformType values). */
const NO_DOWNLOAD_PLATFORMS = new Set(["Mac", "iOS"]);

/** Whether downloads work in this Office host's webview: not in WKWebView (Mac, iPad). */
export function officeCanDownload(): boolean {
  const platform =
    typeof Office === "undefined" ? undefined : Office.context?.diagnostics?.platform;
  return !NO_DOWNLOAD_PLATFORMS.has(String(platform));
}

export function createOfficeHost(): Host {
  return createExcelHost(officeExcelRun(), {
    download: browserDownload,
    createWorkbook: officeCreateWorkbook(),
    canDownload: officeCanDownload(),
  });
}
