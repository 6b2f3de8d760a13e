/**
 * The SVG chart of 三级/二级/一级 (TierChart) in Chromium on the demo data: columns at 1280 px, horizontal bars at
 * the 350 px taskpane width, every bar inside the drawing, the data table a click away, no serious axe violation.
 * Screenshots under test-results/screenshots/.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { sampleData } from "../../src/cli/demo/sampleData";
import {
  axeSerious,
  buildProduction,
  e2eAvailable,
  launch,
  SCREENSHOTS,
  serve,
  watch,
  type Served,
} from "./harness";

const run = e2eAvailable() ? describe : describe.skip;

run("TierChart in Chromium", () => {
  let server: Served;
  let browser: Browser;

  beforeAll(async () => {
    server = await serve(await buildProduction());
    browser = await launch();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  // 13 prefectures reported, each with all three tiers
  const filled = sampleData().length * 3;

  for (const [width, layout] of [
    [1280, "columns"],
    [350, "bars"],
  ] as const)
    test(`${width} px: ${layout}, every bar inside the drawing, no serious axe violation`, async () => {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        reducedMotion: "reduce",
      });
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(`${server.origin}/e2e-components.html`);
      const chart = page.getByTestId("tier-chart");
      await chart.waitFor();
      expect(await chart.getAttribute("data-layout")).toBe(layout);
      const geometry = await page.evaluate(() => {
        const svg = document.querySelector("[data-testid=tier-chart] svg")!.getBoundingClientRect();
        const rects = [...document.querySelectorAll("[data-testid=tier-chart] rect")].map((r) =>
          r.getBoundingClientRect()
        );
        const texts = [...document.querySelectorAll("[data-testid=tier-chart] svg text")].map((t) =>
          t.getBoundingClientRect()
        );
        const inside = (b: DOMRect) =>
          b.left >= svg.left - 1 &&
          b.right <= svg.right + 1 &&
          b.top >= svg.top - 1 &&
          b.bottom <= svg.bottom + 1;
        return {
          bars: rects.length,
          barsInside: rects.every(inside),
          textsInside: texts.filter((t) => !inside(t)).length,
          svgWidth: Math.round(svg.width),
          pageWidth: document.documentElement.scrollWidth,
        };
      });
      expect(geometry.bars).toBe(filled);
      expect(geometry.barsInside).toBe(true);
      expect(geometry.textsInside).toBe(0);
      // nothing wider than the window
      expect(geometry.pageWidth).toBeLessThanOrEqual(width);
      await page.getByText("查看数据表").click();
      await page.getByRole("table", { name: /各市州工业互联网安全分类分级企业数/ }).waitFor();
      await page.screenshot({
        path: path.join(SCREENSHOTS, `tierchart-${width}.png`),
        fullPage: true,
      });
      expect(await axeSerious(page)).toEqual([]);
      expect(seen.errors).toEqual([]);
      await context.close();
    });
});
