/**
 * End-to-end harness: the production build (webpack's Node API, into a temp dir, with the test-only e2e-fake.html),
 * the standalone static server (scripts/serve-standalone.mjs, as users run it) and Debian's Chromium via
 * playwright-core. Skips with a warning when Chromium is absent and CI is unset; on CI it must run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "..", "..");
export const CHROMIUM = "/usr/bin/chromium";
export const SCREENSHOTS = path.join(ROOT, "test-results", "screenshots");

export function e2eAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`CI 上必须运行端到端测试，但没有找到 ${CHROMIUM}`);
  console.warn(`[e2e] 未找到 ${CHROMIUM}，跳过浏览器端到端测试（CI 上不会跳过）`);
  return false;
}

interface WebpackStats {
  hasErrors(): boolean;
  toString(opts: object): string;
}
type WebpackFn = (
  config: object | object[],
  cb: (err: Error | null, stats?: WebpackStats) => void
) => void;
type Config = { output: { path: string } };
/** webpack.config.js gives the add-in, the standalone page (huhang.html) and, with HUHANG_E2E=1, the test pages. */
type MakeConfig = (env: object, argv: object) => Promise<Config | Config[]>;

/** A fingerprint of everything the build reads from this tree: file paths, sizes and modification times. */
function sourceFingerprint(): string {
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else {
        const st = statSync(full);
        h.update(`${full}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  };
  walk(path.join(ROOT, "src"));
  walk(path.join(ROOT, "assets"));
  // the test-only pages' entries (e2e-fake, e2e-components)
  walk(path.join(ROOT, "test", "support"));
  for (const f of ["webpack.config.js", "manifest.xml", "package-lock.json"]) {
    const st = statSync(path.join(ROOT, f));
    h.update(`${f}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return h.digest("hex").slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The production build with the e2e page, in a temp dir named after the sources' fingerprint: the e2e test files
 * (separate jest workers) share one build, made by whichever gets the lock first; a changed tree builds anew.
 */
export async function buildProduction(): Promise<string> {
  // a build made beforehand (HUHANG_E2E=1 npx webpack --mode production --output-path DIR) may be reused
  if (process.env.HUHANG_E2E_DIST) return path.resolve(process.env.HUHANG_E2E_DIST);
  const base = path.join(os.tmpdir(), `huhang-e2e-build-${sourceFingerprint()}`);
  const out = path.join(base, "dist");
  const done = path.join(base, "done");
  const lock = path.join(base, "lock");
  const failed = path.join(base, "failed");
  mkdirSync(base, { recursive: true });
  for (;;) {
    if (existsSync(done)) return out;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // another worker is building; its failure is ours too
      if (existsSync(failed)) throw new Error(readFileSync(failed, "utf8"));
      await sleep(500);
    }
  }
  rmSync(failed, { force: true });
  // finished builds of earlier states of this tree are not needed any more; other checkouts' builds (other worktrees
  // testing at the same time in the same temp dir) are theirs to remove
  const owner = path.join(base, "root");
  writeFileSync(owner, ROOT);
  for (const old of readdirSync(os.tmpdir())) {
    const dir = path.join(os.tmpdir(), old);
    if (!old.startsWith("huhang-e2e-build-") || dir === base || !existsSync(path.join(dir, "done")))
      continue;
    const root = existsSync(path.join(dir, "root"))
      ? readFileSync(path.join(dir, "root"), "utf8")
      : "";
    if (root === ROOT) rmSync(dir, { recursive: true, force: true });
  }
  try {
    await webpackBuild(out);
  } catch (e) {
    writeFileSync(failed, e instanceof Error ? e.message : String(e));
    throw e;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  writeFileSync(done, new Date().toISOString());
  return out;
}

async function webpackBuild(out: string): Promise<void> {
  const before = process.env.HUHANG_E2E;
  process.env.HUHANG_E2E = "1";
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const webpack = require("webpack") as WebpackFn;
    const makeConfig = require(path.join(ROOT, "webpack.config.js")) as MakeConfig;
    const made = await makeConfig({}, { mode: "production" });
    const config = Array.isArray(made) ? made : [made];
    for (const c of config) c.output.path = out;
    await new Promise<void>((resolve, reject) =>
      webpack(config, (err, stats) => {
        if (err) reject(err);
        else if (!stats || stats.hasErrors())
          reject(new Error(`webpack 构建失败：\n${stats?.toString({ all: false, errors: true })}`));
        else resolve();
      })
    );
  } finally {
    process.chdir(cwd);
    if (before === undefined) delete process.env.HUHANG_E2E;
    else process.env.HUHANG_E2E = before;
  }
}

/**
 * The built page alone in a folder of its own under `name`, as a clerk copies it to a desk (nothing beside it to
 * load), and its file:// address.
 */
export function pageOnDisk(
  dist: string,
  name: string,
  prefix: string
): { dir: string; url: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  copyFileSync(path.join(dist, "huhang.html"), path.join(dir, name));
  return { dir, url: pathToFileURL(path.join(dir, name)).href };
}

export interface Served {
  origin: string;
  stop: () => void;
}

/** Start scripts/serve-standalone.mjs on a free port and read the URL it prints. */
export function serve(dir: string): Promise<Served> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, "scripts", "serve-standalone.mjs"), "--dir", dir, "--port", "0"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    }
  );
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve({ origin: `http://127.0.0.1:${m[1]}`, stop: () => child.kill() });
    });
    child.once("exit", (code) => reject(new Error(`静态服务器退出（${code}）：${err}`)));
  });
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface Watched {
  /** Every request the page made (blocked ones never become requests). */
  requests: string[];
  /** Errors the page threw or logged, except the CSP blocks below. */
  errors: string[];
  /** What the Content-Security-Policy blocked: office.js, loaded outside Office, tries to frame Microsoft's telemetry. */
  blocked: string[];
}

export function watch(page: Page): Watched {
  const seen: Watched = { requests: [], errors: [], blocked: [] };
  page.on("request", (r) => seen.requests.push(r.url()));
  page.on("pageerror", (e) => seen.errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (/violates the following Content Security Policy directive/.test(m.text()))
      seen.blocked.push(m.text());
    else seen.errors.push(m.text());
  });
  return seen;
}

interface AxeResult {
  violations: Array<{
    id: string;
    impact: string | null;
    help: string;
    nodes: Array<{ target: unknown; html: string }>;
  }>;
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function axeSerious(page: Page): Promise<string[]> {
  // evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays on and is not weakened for axe
  if (!(await page.evaluate(() => "axe" in window)))
    await page.evaluate(readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8"));
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run()
  )) as AxeResult;
  return (
    result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      // Fluent's focus manager (tabster) puts aria-hidden focus redirectors <i data-tabster-dummy> around some groups:
      // a known false positive of aria-hidden-focus (microsoft/tabster#288), excluded by Accessibility Insights as well
      .map((v) =>
        v.id === "aria-hidden-focus"
          ? { ...v, nodes: v.nodes.filter((n) => !/data-tabster-dummy/.test(n.html)) }
          : v
      )
      .filter((v) => v.nodes.length > 0)
      .map(
        (v) =>
          `${v.id}（${v.impact}）：${v.help} — ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`
      )
  );
}

export function readBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}

/** Wait until no action is under way (the live status line is empty), so screenshots show the settled panel. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (document.querySelector('[role="status"][aria-live]')?.textContent ?? "") === ""
  );
}
