/**
 * The standalone page (production build, a plain Chromium, no Office): the province merge of 13 prefecture
 * workbooks with one 未报, the download and its contents, no request leaving 127.0.0.1, axe on every panel,
 * keyboard reach, first-load size, and a screenshot of each panel under test-results/screenshots/.
 */
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import {
  axeSerious,
  buildProduction,
  e2eAvailable,
  launch,
  SCREENSHOTS,
  serve,
  settled,
  watch,
  type Served,
} from "./harness";
import { writeSamples, type SampleFiles } from "./samples";

const run = e2eAvailable() ? describe : describe.skip;
const PANELS = ["导入申报", "推荐顺序", "问题清单", "地区指标", "全省合并"];

run("standalone page in Chromium", () => {
  let dist: string;
  let server: Served;
  let browser: Browser;
  let inputs: SampleFiles;

  beforeAll(async () => {
    [dist, inputs] = await Promise.all([buildProduction(), writeSamples()]);
    server = await serve(dist);
    browser = await launch();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
    inputs?.remove();
  });

  async function open(width: number): Promise<{ page: Page; seen: ReturnType<typeof watch> }> {
    // reduced motion: axe measures colours after Fluent's hover transitions, not halfway through them
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      acceptDownloads: true,
      reducedMotion: "reduce",
    });
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByRole("heading", { name: "护航汇总" }).waitFor();
    return { page, seen };
  }

  test("the first load is at most 200 KB gzipped and fetches no reader or writer", async () => {
    const { page, seen } = await open(350);
    await page.waitForLoadState("networkidle");
    const scripts = seen.requests
      .filter((u) => u.endsWith(".js"))
      .map((u) => new URL(u).pathname.slice(1));
    expect(scripts).toEqual(expect.arrayContaining(["office.js", "taskpane.js", "functions.js"]));
    const gz = seen.requests
      .map((u) => new URL(u).pathname.slice(1) || "taskpane.html")
      .reduce(
        (sum, file) => sum + gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length,
        0
      );
    console.log(
      `[e2e] 首次加载 ${seen.requests.length} 个请求，gzip 后共 ${(gz / 1024).toFixed(1)} KB：${scripts.join(", ")}`
    );
    expect(gz).toBeLessThanOrEqual(200 * 1024);
    // exceljs lives in a chunk fetched on first import only
    expect(scripts.some((s) => /^readers\.|^writers\./.test(s))).toBe(false);
    expect(seen.errors).toEqual([]);
    await page.context().close();
  });

  test("merge 13 prefectures: checklist, merge, download, contents; no request leaves the machine", async () => {
    const { page, seen } = await open(1000);
    await page.getByRole("tab", { name: "全省合并" }).click();
    // the panel loads on first show
    await page.getByTestId("merge-button").waitFor();
    const files = [...inputs.files].filter(([p]) => p !== "张家界市").map(([, f]) => f);
    await page.getByTestId("file-input").setInputFiles(files);
    const checklist = page.getByTestId("prefecture-checklist");
    await checklist.locator('tr[data-prefecture="湘西土家族苗族自治州"][data-status]').waitFor();
    await page.getByText("已读取 13 个文件").waitFor({ timeout: 30_000 });
    const status = async (p: string) =>
      checklist.locator(`tr[data-prefecture="${p}"]`).getAttribute("data-status");
    expect(await status("张家界市")).toBe("未报");
    // the demo plants a 联合体 in 长沙市 (R1) and one enterprise under two directions in 株洲市 and 湘潭市 (R2)
    expect(await status("长沙市")).toBe("有问题");
    expect(await status("株洲市")).toBe("有问题");
    expect(await checklist.locator("tr[data-status]").count()).toBe(14);

    await page.getByTestId("merge-button").click();
    const expectedRows = inputs.samples
      .filter((s) => s.prefecture.name !== "张家界市")
      .reduce((n, s) => n + s.rows.length, 0);
    await page.getByText(`已合并：${expectedRows} 个案例`, { exact: false }).waitFor();
    await page.screenshot({
      path: path.join(SCREENSHOTS, "standalone-全省合并.png"),
      fullPage: true,
    });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-button").click(),
    ]);
    expect(download.suggestedFilename()).toBe("全省汇总.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["推荐汇总表", "明细", "地区指标", "问题清单"])
    );
    const detail = wb.getWorksheet("明细")!;
    const header = (detail.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const col = (name: string) => header.indexOf(name);
    expect(col("所属市州")).toBeGreaterThan(0);
    const prefectures = new Set<string>();
    const cases: string[] = [];
    for (let r = 2; r <= detail.rowCount; r++) {
      const row = detail.getRow(r);
      if (!row.getCell(col("案例名称")).text) continue;
      prefectures.add(row.getCell(col("所属市州")).text);
      cases.push(row.getCell(col("案例名称")).text);
    }
    expect(cases).toHaveLength(expectedRows);
    expect(prefectures.has("张家界市")).toBe(false);
    expect(prefectures.size).toBe(13);
    const changsha = inputs.samples.find((s) => s.prefecture.name === "长沙市")!;
    expect(cases).toEqual(expect.arrayContaining(changsha.rows.map((r) => r.caseName)));
    const problems = wb.getWorksheet("问题清单")!;
    const problemText: string[] = [];
    problems.eachRow((row) => problemText.push(row.values!.toString()));
    expect(problemText.join("\n")).toMatch(/R2/);

    // the ordered list opens as a download of the 附件3 alone
    const [list] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "导出推荐名单" }).click(),
    ]);
    expect(list.suggestedFilename()).toBe("推荐名单.xlsx");
    const lw = new ExcelJS.Workbook();
    await lw.xlsx.readFile((await list.path())!);
    expect(lw.worksheets.map((w) => w.name)).toEqual(["推荐汇总表"]);

    const outside = seen.requests.filter(
      (u) =>
        !u.startsWith(server.origin + "/") &&
        !u.startsWith("blob:" + server.origin) &&
        !u.startsWith("data:")
    );
    expect(outside).toEqual([]);
    // whatever tried to reach elsewhere (office.js's telemetry frame outside Office) was stopped by the CSP
    for (const b of seen.blocked) expect(b).not.toMatch(/127\.0\.0\.1/);
    expect(seen.errors).toEqual([]);
    await page.context().close();
  });

  test("every panel: a screenshot at taskpane width, no serious or critical axe violations", async () => {
    const { page, seen } = await open(350);
    // give the panels something to show: one prefecture workbook imported and confirmed
    await page.getByTestId("file-input").setInputFiles([inputs.files.get("长沙市")!]);
    await page.getByRole("button", { name: "确认导入" }).click({ timeout: 30_000 });
    await page.getByText(/已加入推荐列表/).waitFor();
    for (const name of PANELS) {
      await page.getByRole("tab", { name }).click();
      await page.locator('[role="tabpanel"] section').waitFor();
      if (name === "全省合并") {
        await page
          .getByTestId("file-input")
          .setInputFiles([inputs.files.get("长沙市")!, inputs.files.get("株洲市")!]);
        await page.getByText("已读取 2 个文件").waitFor({ timeout: 30_000 });
        await page.getByTestId("merge-button").click();
        await page.getByText(/已合并/).waitFor();
      }
      await settled(page);
      await page.screenshot({
        path: path.join(SCREENSHOTS, `standalone-350-${name}.png`),
        fullPage: true,
      });
      expect({ panel: name, violations: await axeSerious(page) }).toEqual({
        panel: name,
        violations: [],
      });
    }
    expect(seen.errors).toEqual([]);
    await page.context().close();
  });

  test("the keyboard alone reaches the merge button and every control has a name", async () => {
    const { page } = await open(350);
    await page.getByRole("tab", { name: "导入申报" }).focus();
    await page.keyboard.press("End"); // arrow keys move between tabs
    await page.keyboard.press("Enter");
    await expect(
      page.getByRole("tab", { name: "全省合并" }).getAttribute("aria-selected")
    ).resolves.toBe("true");
    await page.getByTestId("merge-button").waitFor();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(
        () =>
          document.activeElement?.getAttribute("data-testid") === "file-input" ||
          document.activeElement?.textContent === "选择市州工作簿…"
      );
    }
    expect(reached).toBe(true);
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select, [role="tab"]')]
        .filter((el) => !(el as HTMLElement).hidden && (el as HTMLElement).offsetParent !== null)
        .filter(
          (el) =>
            !(
              el.getAttribute("aria-label") ||
              el.textContent?.trim() ||
              (el as HTMLInputElement).labels?.length
            )
        )
        .map((el) => el.outerHTML.slice(0, 80))
    );
    expect(unnamed).toEqual([]);
    await page.context().close();
  });
});
