/**
 * The host of a plain browser (no Office, or Office.onReady without a host): there is no workbook to write into,
 * so the panels themselves show the rows and every result is offered as an .xlsx download.
 */
import type { Host } from "../../app/host";
import { browserDownload } from "./download";

export function createStandaloneHost(
  download: (fileName: string, bytes: Uint8Array) => Promise<void> = browserDownload
): Host {
  return {
    kind: "standalone",
    saves: "download",
    showPrefecture: () => Promise.resolve(),
    showIndicators: () => Promise.resolve(),
    showProvince: () => Promise.resolve(null),
    readScores: () => Promise.resolve([]),
    // no workbook: the page restores its work from the browser (persist/)
    resume: () => Promise.resolve(null),
    selectFinding: () => Promise.resolve(false),
    openList: (fileName, bytes) => download(fileName, bytes),
    download: (fileName, bytes) => download(fileName, bytes),
  };
}
