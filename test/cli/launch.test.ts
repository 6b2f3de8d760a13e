/**
 * The built command (bin/huhang.js → build/launch.js → build/cli.js, bundled with its code cache by
 * scripts/build-cli.mjs in the tests' global setup) in child processes: the cache the build made is the one V8 takes
 * under the command's own tuning, a run through it says what a run without it says, and under other V8 flags the
 * command still works, compiling from source. What the cache saves is measured by `npm run bench`, not asserted.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { tempDir } from "./cliHarness";

const ROOT = path.join(__dirname, "..", "..");
const BUNDLE = path.join(ROOT, "build", "cli.js");

function huhang(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "huhang.js"), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the built command's code cache", () => {
  it("is made by the build from this very bundle", () => {
    const cache = readFileSync(`${BUNDLE}.cache`);
    const header = cache.subarray(0, cache.indexOf(0x0a)).toString("latin1").split(" ");
    const bundleHash = createHash("sha256").update(readFileSync(BUNDLE)).digest("hex");
    expect(header.slice(0, 3)).toEqual(["huhang-code-cache", "1", bundleHash]);
    // the bytecode of a whole merge, not of a start-up only
    expect(cache.length).toBeGreaterThan(100_000);
  });

  it("is taken by V8 under the command's tuning, and a merge through it says what one without it says", () => {
    const dir = tempDir();
    const demo = huhang({ HUHANG_CODE_CACHE: "report" }, "demo", "--out", dir);
    expect(demo.status).toBe(0);
    expect(demo.stderr).toMatch(/^代码缓存：used\n/);
    // each into a new file (a merge onto an earlier one would carry its scores over)
    const merge = (mode: string) => {
      const out = path.join(dir, `merged-${mode}.xlsx`);
      const r = huhang(
        { HUHANG_CODE_CACHE: mode },
        "merge",
        path.join(dir, "市州报送"),
        "--out",
        out
      );
      return { ...r, stdout: r.stdout.replace(out, "OUT") };
    };
    const cached = merge("report");
    const uncached = merge("off");
    expect(cached.status).toBe(0);
    expect(cached.stderr).toBe("代码缓存：used\n");
    expect(uncached.status).toBe(0);
    expect(uncached.stderr).toBe("");
    expect(cached.stdout).toMatch(/发现问题 \d+ 条/);
    expect(cached.stdout).toBe(uncached.stdout);
  });

  it("is rejected under V8's own defaults (other flags), and the command works without it", () => {
    const r = huhang({ HUHANG_CODE_CACHE: "report", HUHANG_V8_DEFAULTS: "1" }, "--help");
    expect(r.stderr).toBe("代码缓存：rejected\n");
    expect(r.stdout).toMatch(/^护航汇总 huhang/);
  });
});
