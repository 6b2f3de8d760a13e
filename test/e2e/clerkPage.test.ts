/**
 * The clerk's flow on dist/huhang.html opened from disk (file://) in Chromium: Word 申报表 written by python-docx
 * (test/cli/fixtures/chain/, make_chain_forms.py) for 长沙市 plus one of 株洲市 → preview (the other prefecture's form
 * warned) → 确认导入 → 推荐顺序 (联系人 and 手机 typed, a row moved, one removed and brought back) → 问题清单 (定位
 * marks the row) → 地区指标 (a value that breaks a rule, flagged as typed) → the 推荐汇总表 downloaded and read back
 * by our own reader exactly as shown, then imported again: the same rows, not twice. Every panel is photographed at
 * 350 and 1280 px under test-results/screenshots/ (clerk-<width>-<panel>.png); no request leaves the page.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { readWorkbookContents } from "../../src/io/xlsx/readWorkbook";
import {
  axeSerious,
  buildProduction,
  e2eAvailable,
  launch,
  pageOnDisk,
  ROOT,
  SCREENSHOTS,
  settled,
  watch,
} from "./harness";

const run = e2eAvailable() ? describe : describe.skip;
const CHAIN = path.join(ROOT, "test", "cli", "fixtures", "chain");
const forms = (prefecture: string) =>
  readdirSync(path.join(CHAIN, prefecture))
    .filter((f) => f.endsWith(".docx"))
    .sort()
    .map((f) => path.join(CHAIN, prefecture, f));

run("the clerk's flow on huhang.html from disk", () => {
  let browser: Browser;
  let pageDir: string;
  let pageUrl: string;

  beforeAll(async () => {
    const dist = await buildProduction();
    ({ dir: pageDir, url: pageUrl } = pageOnDisk(dist, "护航汇总.html", "huhang-clerk-"));
    browser = await launch();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (pageDir) rmSync(pageDir, { recursive: true, force: true });
  });

  /** The panel at both widths, the whole page each time. */
  async function photograph(page: Page, name: string): Promise<void> {
    for (const width of [350, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await settled(page);
      await page.mouse.move(0, 0);
      await page.screenshot({
        path: path.join(SCREENSHOTS, `clerk-${width}-${name}.png`),
        fullPage: true,
      });
    }
  }

  async function tab(page: Page, name: string, ready: string): Promise<void> {
    await page.getByRole("tab", { name }).click();
    await page.getByRole("region", { name: ready }).waitFor();
  }

  const orderRows = (page: Page) =>
    page
      .getByTestId("order-row")
      .evaluateAll((rows) =>
        rows.map((r) => (r.querySelectorAll("td")[1]?.firstChild?.textContent ?? "").trim())
      );

  test("forms → 推荐汇总表 downloaded and read back as shown; imported again, the same rows", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      reducedMotion: "reduce",
    });
    await context.route("**/*", (route) =>
      route.request().url() === pageUrl ? route.continue() : route.abort("blockedbyclient")
    );
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(pageUrl);
    await page.getByRole("heading", { name: "护航汇总" }).waitFor();

    // 导入申报: 长沙市 chosen, its three forms and one of 株洲市
    await page.getByLabel("本市州（推荐单位）").selectOption("长沙市");
    const stray = forms("株洲市")[0];
    await page.getByTestId("file-input").setInputFiles([...forms("长沙市"), stray]);
    const preview = page.getByRole("list", { name: "导入预览" });
    await preview.waitFor({ timeout: 60_000 });
    const strayCard = preview.locator(":scope > li", { hasText: path.basename(stray) });
    expect(await strayCard.textContent()).toMatch(/MAT 提醒.*株洲市/);
    await photograph(page, "导入预览");
    await page.getByRole("button", { name: "确认导入" }).click();
    await page.getByText("已加入推荐列表：共 4 行", { exact: false }).waitFor();

    // 推荐顺序: the footer typed once, a row moved, one removed and brought back
    await tab(page, "推荐顺序", "推荐顺序");
    const shown = await orderRows(page);
    expect(shown).toHaveLength(4);
    await page.getByLabel("联系人").fill("李娜");
    await page.getByLabel("联系人").press("Enter");
    await page.getByLabel("手机/座机").fill("0731-88886666");
    await page.getByLabel("手机/座机").press("Enter");
    await page.getByRole("button", { name: `下移第 1 行：${shown[0]}` }).click();
    await page.getByRole("button", { name: `移除第 3 行：${shown[2]}` }).click();
    await page.getByRole("button", { name: "撤销移除" }).click();
    const order = [shown[1], shown[0], shown[2], shown[3]];
    await page.waitForFunction(
      (want) =>
        JSON.stringify(
          [...document.querySelectorAll("[data-testid=order-row]")].map((r) =>
            (r.querySelectorAll("td")[1]?.firstChild?.textContent ?? "").trim()
          )
        ) === JSON.stringify(want),
      order
    );
    await photograph(page, "推荐顺序");

    // 问题清单: the other prefecture's form is a warning; 定位 marks its row in 推荐顺序
    await tab(page, "问题清单", "问题清单");
    const mat = page
      .getByTestId("findings-list")
      .locator("li", { hasText: "MAT 提醒" })
      .filter({ hasText: path.basename(stray) })
      .first();
    await photograph(page, "问题清单");
    await mat.getByRole("button", { name: /^定位/ }).click();
    const marked = page.locator('[data-testid=order-row][aria-current="location"]');
    await marked.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-current"))).toBe(
      "location"
    );
    await photograph(page, "问题清单定位");

    // 地区指标: 整改 more than 发现 is flagged at once
    await tab(page, "地区指标", "地区指标");
    await page.getByLabel("评估发现企业安全风险（项）").fill("40");
    await page.getByLabel("评估发现风险已整改（项）").fill("45");
    await page.getByLabel("三级工业互联网企业（家）").fill("12");
    await page.getByText("有 1 项需要核对，见各项下方的说明。").waitFor();
    await photograph(page, "地区指标");

    // the download, read back by our own reader: the rows in the order shown, the footer, the indicators
    await tab(page, "导入申报", "导入申报");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-button").click(),
    ]);
    const name = download.suggestedFilename();
    expect(name).toBe("长沙市推荐汇总表.xlsx");
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    const { sub: list, contents } = await readWorkbookContents(bytes, name);
    expect(contents?.own).toBe(true);
    expect(list.records.map((r) => r.caseName)).toEqual(order);
    expect(new Set(list.records.map((r) => r.prefecture))).toEqual(new Set(["长沙市"]));
    expect(list.meta).toMatchObject({
      recommender: "长沙市工业和信息化局",
      contact: "李娜",
      phone: "0731-88886666",
    });
    expect(list.indicators?.values).toMatchObject({
      tier3: 12,
      icsRisksFound: 40,
      icsRisksFixed: 45,
    });

    // imported again (a clerk resuming yesterday's work): the same four rows, not eight
    await page.getByTestId("file-input").setInputFiles({
      name,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(bytes),
    });
    await preview.waitFor();
    await page.getByRole("button", { name: "确认导入" }).click();
    await page.getByText("已加入推荐列表：共 4 行", { exact: false }).waitFor();
    await tab(page, "推荐顺序", "推荐顺序");
    expect(await orderRows(page)).toEqual(order);

    expect(await axeSerious(page)).toEqual([]);
    expect(seen.requests).toEqual([pageUrl]);
    expect(seen.blocked).toEqual([]);
    expect(seen.errors).toEqual([]);
    await context.close();
  }, 180_000);
});
