/**
 * huhang.html from disk in Firefox (Debian's firefox-esr, driven over WebDriver BiDi by firefoxBidi.mjs): the page
 * runs under its CSP, reads the 13 prefecture workbooks into 全省合并, keeps the work in IndexedDB although Firefox
 * gives file:// pages the opaque origin "null", and offers it back when the file is opened again. Skipped with a
 * warning where Firefox is not installed (CI installs Chromium only).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { buildProduction, pageOnDisk, ROOT, SCREENSHOTS } from "./harness";
import { writeSamples, type SampleFiles } from "./samples";

const FIREFOX = process.env.HUHANG_FIREFOX || "/usr/bin/firefox-esr";
const available = existsSync(FIREFOX);
if (!available) console.warn(`[e2e] 未找到 ${FIREFOX}，跳过 Firefox 中的独立网页测试`);
const run = available ? describe : describe.skip;

interface FirefoxRun {
  error?: string;
  first: { origin: string; styled: number; notice: string | null };
  before: Record<string, string>;
  keptBefore: { dirty: boolean; submissions: number } | null;
  dialog: string;
  after: Record<string, string>;
  logs: string[];
  requests: string[];
}

run("huhang.html from disk in Firefox", () => {
  let inputs: SampleFiles;
  let pageDir: string;
  let result: FirefoxRun;
  let pageUrl: string;

  beforeAll(async () => {
    const [dist, samples] = await Promise.all([buildProduction(), writeSamples()]);
    inputs = samples;
    ({ dir: pageDir, url: pageUrl } = pageOnDisk(dist, "huhang.html", "huhang-ffpage-"));
    mkdirSync(SCREENSHOTS, { recursive: true });
    const files = [...inputs.files].filter(([p]) => p !== "张家界市").map(([, f]) => f);
    const major = Number(process.versions.node.split(".")[0]);
    const r = spawnSync(
      process.execPath,
      [
        ...(major < 22 ? ["--experimental-websocket"] : []),
        path.join(ROOT, "test", "e2e", "firefoxBidi.mjs"),
        pageUrl,
        SCREENSHOTS,
        ...files,
      ],
      { encoding: "utf8", timeout: 150_000 }
    );
    const line = r.stdout.trim().split("\n").pop() ?? "";
    try {
      result = JSON.parse(line) as FirefoxRun;
    } catch {
      throw new Error(`firefoxBidi.mjs 没有给出结果（${r.status}）：${r.stdout}${r.stderr}`);
    }
    if (result.error) throw new Error(`Firefox：${result.error}`);
  }, 300_000);

  afterAll(() => {
    inputs?.remove();
    if (pageDir) rmSync(pageDir, { recursive: true, force: true });
  });

  test("runs under its CSP with Fluent's styles; storage works although the origin is opaque", () => {
    // measured: Firefox gives a file:// page the origin "null", and IndexedDB still keeps its work
    expect(result.first.origin).toBe("null");
    expect(result.first.styled).toBeGreaterThan(0);
    expect(result.first.notice).toBeNull();
    expect(result.logs.filter((l) => /^error/.test(l))).toEqual([]);
  });

  test("13 workbooks read into the checklist, kept, and offered back on reopening", () => {
    expect(Object.keys(result.before)).toHaveLength(14);
    expect(result.before["张家界市"]).toBe("未报");
    expect(result.before["长沙市"]).toBe("有问题");
    expect(result.keptBefore).toEqual({ dirty: true, submissions: 13 });
    expect(result.dialog).toContain("全省合并 13 个工作簿");
    expect(result.dialog).toContain("其中有尚未下载的改动。");
    expect(result.after).toEqual(result.before);
  });

  test("no request but the page itself and its inlined icon (both openings)", () => {
    const outside = result.requests.filter(
      (u) => u !== pageUrl && !u.startsWith("data:image/png;base64,")
    );
    // Firefox reports no network event for a file:// navigation; it does for the icon, once per opening
    expect(result.requests.length).toBeGreaterThanOrEqual(2);
    expect(outside).toEqual([]);
  });
});
