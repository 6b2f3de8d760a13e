/**
 * The production build in Chromium under an Internet Explorer 11 user agent (what Excel on Windows without WebView2
 * shows an add-in with <Runtimes> in): the pane shows data-testid="legacy-webview" with what to do, not a blank pane
 * nor the app. And the production dist/ holds what is deployed only: no source maps, no .debug.js office.js scripts,
 * no CLI or benchmark bundle.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import {
  buildProduction,
  e2eAvailable,
  launch,
  SCREENSHOTS,
  serve,
  watch,
  type Served,
} from "./harness";

const run = e2eAvailable() ? describe : describe.skip;
const TRIDENT = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";

function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    return statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full)];
  });
}

run("old webviews, in Chromium", () => {
  let dist: string;
  let server: Served;
  let browser: Browser;

  beforeAll(async () => {
    dist = await buildProduction();
    server = await serve(dist);
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  test("under a Trident user agent the pane says what to do instead of staying blank", async () => {
    const context = await browser.newContext({
      userAgent: TRIDENT,
      viewport: { width: 350, height: 700 },
    });
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${server.origin}/taskpane.html`);
    const box = page.getByTestId("legacy-webview");
    await box.waitFor();
    await expect(box.getAttribute("role")).resolves.toBe("alert");
    const text = await box.textContent();
    expect(text).toContain("护航汇总无法在这个窗口中运行");
    expect(text).toContain("WebView2");
    expect(text).toContain(`${server.origin}/huhang.html`);
    // the app stays out of sight even though Chromium could run it
    await expect(page.locator("#root").isVisible()).resolves.toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOTS, "旧版浏览器组件提示.png") });
    expect(seen.requests.every((u) => u.startsWith(server.origin))).toBe(true);
    await context.close();
  });

  test("under a current user agent there is no such notice", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByRole("heading", { name: "护航汇总" }).waitFor();
    await expect(page.getByTestId("legacy-webview").count()).resolves.toBe(0);
    await context.close();
  });

  test("the production dist/ holds no .map, no .debug.js, no cli.js or bench.js", () => {
    const all = files(dist);
    expect(all).toEqual(
      expect.arrayContaining(["taskpane.html", "functions.js", "legacy-webview.js"])
    );
    expect(all.filter((f) => /\.map$|\.debug\.js$|(^|\/)(cli|bench)\.js$/.test(f))).toEqual([]);
  });
});
