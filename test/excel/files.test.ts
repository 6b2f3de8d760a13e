/**
 * Files out of the Excel host: where the webview can download (WebView2, the web) `download` is the browser download;
 * in Excel on Mac (WKWebView saves nothing and says nothing, office-js #2700) every file opens as a new workbook, and
 * a failure says what to do instead of "use 下载".
 */
import { createExcelHost } from "../../src/excel/excelHost";
import { createFakeExcel } from "../support/fakeExcel";

const bytes = new TextEncoder().encode("PK\u0003\u0004湖南省推荐汇总表");

test("with downloads: download is the browser download, openList a new workbook", async () => {
  const fake = createFakeExcel();
  const downloads: string[] = [];
  const host = createExcelHost(fake.run, {
    download: async (name) => void downloads.push(name),
    createWorkbook: fake.createWorkbook,
  });
  expect(host.saves).toBe("download");
  await host.download("湖南省推荐汇总表.xlsx", bytes);
  await host.openList("推荐名单.xlsx", bytes);
  expect(downloads).toEqual(["湖南省推荐汇总表.xlsx"]);
  expect(fake.createdWorkbooks).toEqual([Buffer.from(bytes).toString("base64")]);
});

test("on a Mac: download opens the file as a new workbook and never calls the browser download", async () => {
  const fake = createFakeExcel();
  const downloads: string[] = [];
  const host = createExcelHost(fake.run, {
    download: async (name) => void downloads.push(name),
    createWorkbook: fake.createWorkbook,
    canDownload: false,
  });
  // the panels say "已在新工作簿中打开，请另存为…" instead of "已生成…"
  expect(host.saves).toBe("newWorkbook");
  await host.download("湖南省推荐汇总表.xlsx", bytes);
  await host.openList("推荐名单.xlsx", bytes);
  expect(downloads).toEqual([]);
  expect(fake.createdWorkbooks).toHaveLength(2);
  expect(Buffer.from(fake.createdWorkbooks[0], "base64")).toEqual(Buffer.from(bytes));
});

test("a failed new workbook says what to do: 下载 where it works, the standalone page on a Mac", async () => {
  const refuse = async () => {
    throw new Error("GeneralException");
  };
  const pc = createExcelHost(createFakeExcel().run, {
    download: async () => undefined,
    createWorkbook: refuse,
  });
  await expect(pc.openList("推荐名单.xlsx", bytes)).rejects.toThrow(
    "无法在 Excel 中打开“推荐名单.xlsx”：GeneralException。可改用“下载”保存该文件"
  );
  const mac = createExcelHost(createFakeExcel().run, {
    download: async () => undefined,
    createWorkbook: refuse,
    canDownload: false,
  });
  for (const attempt of [
    mac.openList("推荐名单.xlsx", bytes),
    mac.download("湖南省推荐汇总表.xlsx", bytes),
  ]) {
    const message = await attempt.then(
      () => "",
      (e: Error) => e.message
    );
    expect(message).toMatch(/^无法在 Excel 中打开“.+\.xlsx”：GeneralException。/);
    expect(message).toContain("不能下载文件");
    expect(message).toContain("huhang.html");
    expect(message).not.toContain("改用“下载”");
  }
});
