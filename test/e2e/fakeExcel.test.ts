/**
 * The same production build with the in-memory fake Excel as its host (e2e-fake.html, a test-only page): the Excel
 * flows end to end in Chromium — import and re-import Word forms into 推荐汇总表/明细, reorder, select a finding's
 * cell, a failed sync that changes nothing, the province merge with its chart, and the ordered list as a new workbook.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import {
  axeSerious,
  buildProduction,
  e2eAvailable,
  launch,
  ROOT,
  SCREENSHOTS,
  serve,
  settled,
  watch,
  type Served,
} from "./harness";
import { writeSamples, type SampleFiles } from "./samples";

const run = e2eAvailable() ? describe : describe.skip;
const FORMS = path.join(ROOT, "test", "taskpane", "fixtures");
/** A 株洲市 form (python-docx, test/cli/fixtures/chain/) for a clerk of 长沙市. */
const STRAY = path.join(ROOT, "test", "cli", "fixtures", "chain", "株洲市", "中控自动化.docx");

type Cell = string | number | boolean | null;

/** What the fake workbook shows: sheet names, one sheet's grid, the selection, the charts, the new workbooks. */
async function workbook(page: Page) {
  return page.evaluate(() => {
    const fake = window.__huhangFakeExcel!;
    const grids: Record<string, Cell[][]> = {};
    const charts: Record<string, number> = {};
    for (const n of fake.sheetNames()) {
      const s = fake.sheet(n)!;
      grids[n] = s.grid() as Cell[][];
      charts[n] = s.charts.length;
    }
    return {
      names: fake.sheetNames(),
      grids,
      charts,
      selection: fake.selection(),
      created: fake.createdWorkbooks.length,
    };
  });
}

/** Case names in the order the 推荐汇总表 sheet lists them (column B of the rows whose 序号 is a number). */
function caseOrder(grid: Cell[][]): string[] {
  return grid
    .filter((r) => typeof r[0] === "number" || /^\d+$/.test(String(r[0] ?? "")))
    .map((r) => String(r[1]));
}

run("the taskpane with the fake Excel host, in Chromium", () => {
  let server: Served;
  let browser: Browser;
  let inputs: SampleFiles;
  let page: Page;
  let seen: ReturnType<typeof watch>;

  beforeAll(async () => {
    const [dist, samples] = await Promise.all([buildProduction(), writeSamples()]);
    inputs = samples;
    server = await serve(dist);
    browser = await launch();
    mkdirSync(SCREENSHOTS, { recursive: true });
    // reduced motion: axe measures colours after Fluent's hover transitions, not halfway through them
    page = await browser.newPage({
      viewport: { width: 350, height: 900 },
      reducedMotion: "reduce",
    });
    seen = watch(page);
    await page.goto(`${server.origin}/e2e-fake.html`);
    await page.getByText("已连接 Excel").waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
    inputs?.remove();
  });

  const shot = async (name: string) => {
    await settled(page);
    await page.mouse.move(0, 0); // no hover look left on the button that was clicked
    await page.screenshot({ path: path.join(SCREENSHOTS, `excel-${name}.png`), fullPage: true });
  };
  const tab = (name: string) => page.getByRole("tab", { name }).click();

  test("opened on a workbook without our sheets, the pane reads it (the resume chunk loads) and stays empty", async () => {
    await page.getByText("读取本工作簿中…").waitFor({ state: "detached" });
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(await page.getByText(/本工作簿/).count()).toBe(0);
    expect((await workbook(page)).names).toEqual(["Sheet1"]);
    // it looked for each of our sheets, and wrote nothing
    const ops = await page.evaluate(() =>
      window.__huhangFakeExcel!.operations().map((o) => o.kind)
    );
    expect(ops.filter((k) => k === "worksheets.getItemOrNullObject")).toHaveLength(5);
    expect(ops.every((k) => /^(worksheets\.getItemOrNullObject|worksheet\.load)$/.test(k))).toBe(
      true
    );
  });

  test("导入申报 writes 推荐汇总表 and 明细; importing a form again updates its row", async () => {
    await page
      .getByTestId("file-input")
      .setInputFiles([path.join(FORMS, "cs_good.docx"), path.join(FORMS, "cs_consortium.docx")]);
    await page.getByRole("button", { name: "确认导入" }).click();
    await page.getByText("已写入“推荐汇总表”和“明细”工作表：共 2 行", { exact: false }).waitFor();
    let wb = await workbook(page);
    expect(wb.names).toEqual(expect.arrayContaining(["推荐汇总表", "明细"]));
    expect(caseOrder(wb.grids["推荐汇总表"])).toEqual([
      "工程机械智能工厂分类分级实践",
      "智能产线安全分类分级联合实践",
    ]);
    expect(JSON.stringify(wb.grids["推荐汇总表"])).toContain("长沙市工业和信息化局");
    expect(await page.getByTestId("download-button").isEnabled()).toBe(true);
    await shot("导入申报");
    expect(await axeSerious(page)).toEqual([]);

    await page.getByTestId("file-input").setInputFiles([path.join(FORMS, "v2", "cs_good.docx")]);
    await page.getByRole("button", { name: "确认导入" }).click();
    await page.getByText(/共 2 行/).waitFor();
    wb = await workbook(page);
    expect(caseOrder(wb.grids["推荐汇总表"])).toEqual([
      "工程机械智能工厂工业互联网安全分类分级实践",
      "智能产线安全分类分级联合实践",
    ]);
  });

  test("推荐顺序 renumbers in the sheet; a failed sync leaves sheet and list as they were", async () => {
    await tab("推荐顺序");
    await page.getByRole("button", { name: /^下移第 1 行/ }).click();
    await page.getByRole("button", { name: /^上移第 1 行/ }).waitFor();
    expect(caseOrder((await workbook(page)).grids["推荐汇总表"])).toEqual([
      "智能产线安全分类分级联合实践",
      "工程机械智能工厂工业互联网安全分类分级实践",
    ]);
    await shot("推荐顺序");
    expect(await axeSerious(page)).toEqual([]);

    await page.evaluate(() => window.__huhangFakeExcel!.failNextSync("模拟：Excel 正忙"));
    await page.getByRole("button", { name: /^下移第 1 行/ }).click();
    await page
      .getByRole("alert")
      .getByText(/调整推荐顺序失败/)
      .waitFor();
    expect(caseOrder((await workbook(page)).grids["推荐汇总表"])).toEqual([
      "智能产线安全分类分级联合实践",
      "工程机械智能工厂工业互联网安全分类分级实践",
    ]);
    expect(await page.getByTestId("order-row").first().textContent()).toContain(
      "智能产线安全分类分级联合实践"
    );
  });

  test("a form of another prefecture warns; 移除 and 撤销 in both sheets; the list's own download imported again gives the same rows", async () => {
    await tab("导入申报");
    await page.getByLabel("本市州（推荐单位）").selectOption("长沙市");
    await page.getByTestId("file-input").setInputFiles([STRAY]);
    const card = page.getByRole("list", { name: "导入预览" }).locator(":scope > li").first();
    expect(await card.textContent()).toMatch(/MAT 提醒.*株洲市/);
    await page.getByRole("button", { name: "确认导入" }).click();
    await page.getByText(/共 3 行/).waitFor();
    let wb = await workbook(page);
    const three = caseOrder(wb.grids["推荐汇总表"]);
    expect(three).toHaveLength(3);
    // the warning travels in 明细's 问题 column, on the stray form's row
    const strayRow = wb.grids["明细"].find((r) => r.includes(three[2]))!;
    expect(strayRow.join("|")).toMatch(/【MAT】[^|]*株洲市/);

    await tab("推荐顺序");
    await page.getByRole("button", { name: `移除第 2 行：${three[1]}` }).click();
    await page.getByRole("button", { name: "撤销移除" }).waitFor();
    wb = await workbook(page);
    expect(caseOrder(wb.grids["推荐汇总表"])).toEqual([three[0], three[2]]);
    expect(JSON.stringify(wb.grids["明细"])).not.toContain(three[1]);
    await page.getByRole("button", { name: "撤销移除" }).click();
    await page.getByText(`已恢复“${three[1]}”。`).waitFor();
    expect(caseOrder((await workbook(page)).grids["推荐汇总表"])).toEqual(three);

    // the clerk's own file, downloaded and imported again (resuming yesterday's work): the same three rows
    await tab("导入申报");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-button").click(),
    ]);
    await page.getByTestId("file-input").setInputFiles((await download.path())!);
    await page.getByRole("button", { name: "确认导入" }).click();
    await page.getByText(/共 3 行/).waitFor();
    expect(caseOrder((await workbook(page)).grids["推荐汇总表"])).toEqual(three);
    expect(await page.getByTestId("download-button").isEnabled()).toBe(true);
  });

  test("问题清单: choosing a finding selects its cell in Excel", async () => {
    await tab("问题清单");
    const r1 = page
      .getByTestId("findings-list")
      .getByRole("listitem")
      .filter({ hasText: "R1 错误" })
      .first();
    await r1.getByRole("button", { name: /^定位/ }).click();
    await page.getByText(/^已选中：/).waitFor();
    expect((await workbook(page)).selection).toMatch(/^(推荐汇总表|明细)!/);
    await shot("问题清单");
    expect(await axeSerious(page)).toEqual([]);
    await tab("地区指标");
    await page.getByRole("button", { name: "填写或刷新地区指标工作表" }).click();
    await page.getByText(/已填写“成效突出地区申报表”工作表/).waitFor();
    expect((await workbook(page)).names).toContain("成效突出地区申报表");
    await shot("地区指标");
    expect(await axeSerious(page)).toEqual([]);
  });

  test("全省合并 writes 全省汇总 and 地区指标 with a chart; 导出推荐名单 opens a new workbook", async () => {
    await tab("全省合并");
    await page.getByTestId("file-input").setInputFiles([...inputs.files.values()]);
    await page.getByText("已读取 14 个文件").waitFor({ timeout: 30_000 });
    expect(
      await page.getByTestId("prefecture-checklist").locator('tr[data-status="未报"]').count()
    ).toBe(0);
    await page.getByTestId("merge-button").click();
    await page.getByText(/已写入“全省汇总”和“地区指标”工作表/).waitFor({ timeout: 30_000 });
    const wb = await workbook(page);
    expect(wb.names).toEqual(expect.arrayContaining(["全省汇总", "地区指标"]));
    const total = inputs.samples.reduce((n, s) => n + s.rows.length, 0);
    const provinceText = JSON.stringify(wb.grids["全省汇总"]);
    for (const s of inputs.samples) expect(provinceText).toContain(s.rows[0].caseName);
    expect(wb.grids["全省汇总"].length).toBeGreaterThanOrEqual(total + 1);
    expect(JSON.stringify(wb.grids["地区指标"])).toContain("全省合计");
    expect(wb.charts["地区指标"]).toBeGreaterThanOrEqual(1);
    await page.getByRole("button", { name: "导出推荐名单" }).click();
    await page
      .getByText(/^推荐名单（\d+ 个案例）已在新工作簿中打开，请另存为“推荐名单.xlsx”。/)
      .waitFor({ timeout: 30_000 });
    expect((await workbook(page)).created).toBe(1);
    await shot("全省合并");
    // 清空 asks first; 取消 keeps the 14 files and the sheets
    await page.getByRole("button", { name: "清空" }).click();
    const ask = page.getByRole("alertdialog", { name: "清空全省合并？" });
    await ask.waitFor();
    expect(await ask.textContent()).toContain("将移除已读取的 14 个文件");
    await ask.getByRole("button", { name: "取消" }).click();
    await ask.waitFor({ state: "detached" });
    expect(
      await page.getByTestId("prefecture-checklist").locator('tr[data-status="未报"]').count()
    ).toBe(0);
    expect(await axeSerious(page)).toEqual([]);
    expect(seen.requests.filter((u) => !u.startsWith(server.origin + "/"))).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
});
