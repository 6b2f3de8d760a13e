/**
 * TEST-ONLY entry (e2e-fake.html, built only with HUHANG_E2E=1): the taskpane with the in-memory fake Excel as its
 * Excel host, so the browser end-to-end test can drive the Excel flows and inspect the workbook it produced
 * (window.__huhangFakeExcel). Production builds have no such page and no way to replace Office.
 */
import { createExcelHost } from "../../src/excel/excelHost";
import { createFakeExcel, type FakeExcel } from "./fakeExcel";
import { App } from "../../src/taskpane/App";
import { browserDownload } from "../../src/taskpane/hosts/download";
import { mount } from "../../src/taskpane/mount";

declare global {
  interface Window {
    __huhangFakeExcel?: FakeExcel;
  }
}

const fake = createFakeExcel();
window.__huhangFakeExcel = fake;
const host = createExcelHost(fake.run, {
  download: browserDownload,
  createWorkbook: fake.createWorkbook,
});
mount(document)(<App host={host} />);
