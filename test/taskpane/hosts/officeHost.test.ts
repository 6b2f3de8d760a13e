/**
 * @jest-environment jsdom
 *
 * The Excel host wiring reads the platform from Office: in Excel on Mac and iPad (WKWebView, no downloads) a file is
 * opened with Excel.createWorkbook; on Windows and the web it is offered as a browser download.
 */
import { createOfficeHost, officeCanDownload } from "../../../src/taskpane/hosts/officeHost";

type Globals = { Office?: unknown; Excel?: unknown };
const g = globalThis as Globals;

function fakeOffice(platform: string) {
  const created: string[] = [];
  g.Office = { context: { diagnostics: { platform } } };
  g.Excel = {
    createWorkbook: async (base64: string) => void created.push(base64),
    run: async () => undefined,
  };
  return created;
}

afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]);

test.each(["Mac", "iOS"])("on %s a download opens a new workbook", async (platform) => {
  const created = fakeOffice(platform);
  expect(officeCanDownload()).toBe(false);
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click");
  await createOfficeHost().download("湖南省推荐汇总表.xlsx", bytes);
  expect(created).toEqual([Buffer.from(bytes).toString("base64")]);
  expect(click).not.toHaveBeenCalled();
  click.mockRestore();
});

test.each(["PC", "OfficeOnline"])("on %s a download is a browser download", async (platform) => {
  const created = fakeOffice(platform);
  expect(officeCanDownload()).toBe(true);
  const urls: Blob[] = [];
  Object.assign(URL, {
    createObjectURL: (b: Blob) => (urls.push(b), "blob:huhang"),
    revokeObjectURL: () => undefined,
  });
  const clicked: string[] = [];
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement
  ) {
    clicked.push(this.download);
  });
  jest.useFakeTimers();
  await createOfficeHost().download("湖南省推荐汇总表.xlsx", bytes);
  jest.useRealTimers();
  expect(clicked).toEqual(["湖南省推荐汇总表.xlsx"]);
  expect(urls[0].size).toBe(bytes.length);
  expect(created).toEqual([]);
  click.mockRestore();
});
