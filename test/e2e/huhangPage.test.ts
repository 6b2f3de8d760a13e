/**
 * dist/huhang.html opened from disk (file://) in Chromium, as a clerk double-clicks it: one self-contained file under a
 * strict CSP (no office.js, no chunk fetched, every request routed and refused except the page itself); the province
 * merge of 13 prefecture workbooks with its checklist, the download read back by our own readers; a reload that
 * restores the work from IndexedDB (继续上次的工作), 重新开始 that forgets it, and the warning before closing with
 * changes not downloaded. Screenshots under test-results/screenshots/ at 350 and 1280 px.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { readProvinceWorkbook } from "../../src/io/xlsx/readProvince";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";
import {
  axeSerious,
  buildProduction,
  e2eAvailable,
  launch,
  pageOnDisk,
  SCREENSHOTS,
  settled,
  watch,
} from "./harness";
import { writeSamples, type SampleFiles } from "./samples";

const run = e2eAvailable() ? describe : describe.skip;

/** Ask until `get` gives what `want` accepts (or 10 s pass), and return the last answer. */
async function poll<T>(get: () => Promise<T>, want: (v: T) => boolean): Promise<T> {
  const until = Date.now() + 10_000;
  let v = await get();
  while (!want(v) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    v = await get();
  }
  return v;
}
const same = (a: unknown) => (b: unknown) => JSON.stringify(a) === JSON.stringify(b);

run("huhang.html from disk (file://) in Chromium", () => {
  let dist: string;
  let pageDir: string;
  let pageUrl: string;
  let browser: Browser;
  let inputs: SampleFiles;

  beforeAll(async () => {
    [dist, inputs] = await Promise.all([buildProduction(), writeSamples()]);
    ({ dir: pageDir, url: pageUrl } = pageOnDisk(dist, "护航汇总.html", "huhang-page-"));
    browser = await launch();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    inputs?.remove();
    if (pageDir) rmSync(pageDir, { recursive: true, force: true });
  });

  interface Opened {
    context: BrowserContext;
    page: Page;
    seen: ReturnType<typeof watch>;
    /** Every URL a request was made for, routed or not. */
    requested: string[];
  }

  /** A new profile (fresh IndexedDB); every request but the page's own file is refused. */
  async function open(width: number): Promise<Opened> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      acceptDownloads: true,
      reducedMotion: "reduce",
    });
    const requested: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      return url === pageUrl ? route.continue() : route.abort("blockedbyclient");
    });
    // every CSP violation the page sees, even those no console message reports (injected by the browser, not the page)
    await context.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`)
      );
    });
    const page = await context.newPage();
    page.on("request", (r) => requested.push(r.url()));
    const seen = watch(page);
    await page.goto(pageUrl);
    await page.getByRole("heading", { name: "护航汇总" }).waitFor();
    return { context, page, seen, requested };
  }

  /** After the dialog: the page behind it is back for assistive technology (no aria-hidden left on #root). */
  const rootHidden = (page: Page) =>
    poll(
      () => page.evaluate(() => document.getElementById("root")!.getAttribute("aria-hidden")),
      (v) => v === null
    );

  const violations = (page: Page) =>
    page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

  /** The work kept in the page's IndexedDB (database huhang, store work, key current), read inside the page. */
  function keptWork(page: Page): Promise<{ dirty: boolean; submissions: number } | null> {
    return page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open("huhang", 1);
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const get = db.transaction("work").objectStore("work").get("current");
            get.onsuccess = () => {
              const v = get.result as
                { dirty: boolean; state: { submissions: unknown[] } } | undefined;
              db.close();
              resolve(v ? { dirty: v.dirty, submissions: v.state.submissions.length } : null);
            };
            get.onerror = () => reject(get.error);
          };
        })
    );
  }

  const others = inputsWithout("张家界市");
  function inputsWithout(missing: string): () => string[] {
    return () => [...inputs.files].filter(([p]) => p !== missing).map(([, f]) => f);
  }
  const expectedRows = () =>
    inputs.samples
      .filter((s) => s.prefecture.name !== "张家界市")
      .reduce((n, s) => n + s.rows.length, 0);

  /** 全省合并, once its panel has loaded (until then the hidden 导入申报 panel's file input is still in the page). */
  async function provinceTab(page: Page): Promise<void> {
    await page.getByRole("tab", { name: "全省合并" }).click();
    await page.getByTestId("merge-button").waitFor();
  }

  async function readAndMerge(page: Page): Promise<void> {
    await provinceTab(page);
    await page.getByTestId("file-input").setInputFiles(others());
    await page.getByText("已读取 13 个文件").waitFor({ timeout: 60_000 });
    await page.getByTestId("merge-button").click();
    await page.getByText(`已合并：${expectedRows()} 个案例`, { exact: false }).waitFor();
  }

  test("one self-contained file: one inline script allowed by hash, styles by nonce, nothing else", async () => {
    const html = readFileSync(path.join(dist, "huhang.html"), "utf8");
    const { page, seen, requested, context } = await open(1280);
    const facts = await page.evaluate(() => ({
      scripts: [...document.scripts].map((s) => ({ src: s.src, inline: s.textContent!.length })),
      links: [...document.querySelectorAll("link[href]")].map((l) =>
        (l as HTMLLinkElement).href.slice(0, 22)
      ),
      csp: document
        .querySelector('meta[http-equiv="Content-Security-Policy"]')!
        .getAttribute("content")!,
      office: typeof (window as unknown as { Office?: unknown }).Office,
      styles: [...document.querySelectorAll("style")].map((s) => s.nonce !== ""),
      idb: typeof indexedDB,
      origin: location.origin,
    }));
    expect(facts.scripts).toHaveLength(1);
    expect(facts.scripts[0].src).toBe("");
    expect(facts.scripts[0].inline).toBeGreaterThan(100_000);
    expect(facts.links).toEqual(["data:image/png;base64,"]);
    expect(facts.office).toBe("undefined");
    expect(facts.csp).toMatch(
      /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*'; style-src 'nonce-/
    );
    expect(facts.csp).not.toMatch(/unsafe|'self'|https?:/);
    // Fluent's run-time styles carry the nonce and apply: the primary button is filled
    expect(facts.styles.length).toBeGreaterThan(0);
    expect(facts.styles.every(Boolean)).toBe(true);
    const fill = await page
      .getByRole("button", { name: "选择申报表或汇总表…" })
      .evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(fill).not.toBe("rgba(0, 0, 0, 0)");
    // measured: Chromium gives file:// pages the origin "file://" and a working IndexedDB
    expect([facts.origin, facts.idb]).toEqual(["file://", "object"]);
    expect(requested).toEqual([pageUrl]);
    expect(seen.blocked).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(html).not.toMatch(/office\.js|<script src/);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  test("province merge of 13 workbooks, checklist, download read back; reload restores; no request leaves", async () => {
    const { page, seen, requested, context } = await open(1280);
    await provinceTab(page);
    const readStart = Date.now();
    await page.getByTestId("file-input").setInputFiles(others());
    const checklist = page.getByTestId("prefecture-checklist");
    await page.getByText("已读取 13 个文件").waitFor({ timeout: 60_000 });
    const readMs = Date.now() - readStart;
    const status = (p: string) =>
      checklist.locator(`tr[data-prefecture="${p}"]`).getAttribute("data-status");
    expect(await checklist.locator("tr[data-status]").count()).toBe(14);
    expect(await status("张家界市")).toBe("未报");
    expect(await status("长沙市")).toBe("有问题");
    expect(await status("株洲市")).toBe("有问题");
    expect(await status("娄底市")).toBe("已报");

    const mergeStart = Date.now();
    await page.getByTestId("merge-button").click();
    await page.getByText(`已合并：${expectedRows()} 个案例`, { exact: false }).waitFor();
    // issue 13 asks for this to be printed, not asserted (a benchmark, not a timed test)
    console.log(
      `[e2e] 独立网页：读取 13 个市州工作簿 ${readMs} ms，合并（检查 + 显示结果）${Date.now() - mergeStart} ms`
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-button").click(),
    ]);
    expect(download.suggestedFilename()).toBe("全省汇总.xlsx");
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    // our own readers, as the province reads the file back: every case of the 13, none of 张家界
    const sub = await readWorkbook(bytes, "全省汇总.xlsx");
    expect(sub.findings.filter((f) => f.severity === "error")).toEqual([]);
    // every case of the 13 read back, each still naming the sheet of the prefecture's workbook it came from
    expect(sub.records).toHaveLength(expectedRows());
    const bySheet = new Map<string, number>();
    for (const r of sub.records)
      bySheet.set(r.source.sheet ?? "", (bySheet.get(r.source.sheet ?? "") ?? 0) + 1);
    console.log(
      `[e2e] readWorkbook 读回全省汇总，按来源工作表：${JSON.stringify(Object.fromEntries(bySheet))}`
    );
    expect(bySheet.has("")).toBe(false);
    const detail = await readProvinceWorkbook(bytes, "全省汇总.xlsx");
    expect(detail.records).toHaveLength(expectedRows());
    const prefectures = new Set(detail.records.map((r) => r.prefecture));
    expect(prefectures.size).toBe(13);
    expect(prefectures.has("张家界市")).toBe(false);
    const changsha = inputs.samples.find((s) => s.prefecture.name === "长沙市")!;
    expect(detail.records.map((r) => r.caseName)).toEqual(
      expect.arrayContaining(changsha.rows.map((r) => r.caseName))
    );

    // kept in IndexedDB, and downloaded: nothing to warn about
    expect(await poll(() => keptWork(page), same({ dirty: false, submissions: 13 }))).toEqual({
      dirty: false,
      submissions: 13,
    });

    // reopen: the dialog offers the work back
    await page.reload();
    const dialog = page.getByRole("alertdialog", { name: "继续上次的工作？" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("全省合并 13 个工作簿");
    expect(await dialog.textContent()).not.toContain("尚未下载");
    // focus starts on the safe answer
    expect(
      await poll(
        () => page.evaluate(() => document.activeElement?.textContent ?? null),
        (t) => t === "继续上次的工作"
      )
    ).toBe("继续上次的工作");
    await page.screenshot({ path: path.join(SCREENSHOTS, "huhang-1280-恢复工作.png") });
    expect(await axeSerious(page)).toEqual([]);
    await dialog.getByRole("button", { name: "继续上次的工作" }).click();
    expect(await rootHidden(page)).toBeNull();
    await provinceTab(page);
    await checklist.locator('tr[data-prefecture="湘西土家族苗族自治州"][data-status]').waitFor();
    expect(await checklist.locator("tr[data-status]").count()).toBe(14);
    expect(await status("长沙市")).toBe("有问题");
    expect(await status("张家界市")).toBe("未报");
    await page.getByTestId("merge-button").click();
    await page.getByText(`已合并：${expectedRows()} 个案例`, { exact: false }).waitFor();
    await settled(page);
    await page.screenshot({
      path: path.join(SCREENSHOTS, "huhang-1280-全省合并.png"),
      fullPage: true,
    });

    // 清空 asks first; 取消 keeps the 13 workbooks and the merge
    await page.getByRole("button", { name: "清空" }).click();
    const ask = page.getByRole("alertdialog", { name: "清空全省合并？" });
    await ask.waitFor();
    await ask.getByRole("button", { name: "取消" }).click();
    await ask.waitFor({ state: "detached" });
    expect(await checklist.locator("tr[data-status]").count()).toBe(14);
    expect(await status("娄底市")).toBe("已报");
    expect(await page.getByTestId("download-button").isEnabled()).toBe(true);

    // no request but the page itself, in both loads (downloads are blob: URLs, never requests)
    expect(new Set(requested)).toEqual(new Set([pageUrl]));
    expect(seen.blocked).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  test("a change not downloaded: warned before closing; 重新开始 forgets the work", async () => {
    const { page, seen, context } = await open(350);
    await readAndMerge(page);
    await settled(page);
    await page.screenshot({
      path: path.join(SCREENSHOTS, "huhang-350-全省合并.png"),
      fullPage: true,
    });
    expect(await poll(() => keptWork(page), same({ dirty: true, submissions: 13 }))).toEqual({
      dirty: true,
      submissions: 13,
    });

    // closing with changes not downloaded asks first (Chromium shows its own beforeunload words)
    const asked = new Promise<string>((resolve) =>
      page.once("dialog", (d) => {
        resolve(d.type());
        void d.dismiss();
      })
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe("beforeunload");
    expect(page.isClosed()).toBe(false);

    // the clerk closes the tab anyway (Chromium does not ask twice in a row) and opens the file again
    await page.close();
    const page2 = await context.newPage();
    const seen2 = watch(page2);
    await page2.goto(pageUrl);
    const dialog = page2.getByRole("alertdialog", { name: "继续上次的工作？" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("其中有尚未下载的改动。");
    await page2.screenshot({ path: path.join(SCREENSHOTS, "huhang-350-恢复工作.png") });
    await dialog.getByRole("button", { name: "重新开始" }).click();
    expect(await rootHidden(page2)).toBeNull();
    expect(
      await poll(
        () => keptWork(page2),
        (v) => v === null
      )
    ).toBeNull();
    await provinceTab(page2);
    expect(await page2.getByTestId("prefecture-checklist").locator("tr[data-status]").count()).toBe(
      14
    );
    expect(
      await page2.getByTestId("prefecture-checklist").locator('tr[data-status="未报"]').count()
    ).toBe(14);

    // nothing kept: the next opening starts afresh, without asking
    await page2.reload();
    await page2.getByRole("heading", { name: "护航汇总" }).waitFor();
    await page2.waitForTimeout(500);
    expect(await page2.getByRole("alertdialog").count()).toBe(0);
    expect([...seen.errors, ...seen2.errors]).toEqual([]);
    await context.close();
  });
});
