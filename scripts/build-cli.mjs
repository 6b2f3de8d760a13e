// Bundles the `huhang` command and the benchmark for Node with esbuild into build/ (runs on `npm ci` via "prepare"),
// then makes the command's code cache (src/cli/codeCache.ts) from a merge of the demo's samples.
// Not into dist/: dist/ is the add-in as deployed on the web server, and holds nothing else.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
};
// the old cache goes first: it belongs to the old bundle
rmSync("build/cli.js.cache", { force: true });
await build({ ...common, entryPoints: ["src/cli/main.ts"], outfile: "build/cli.js" });
await build({ ...common, entryPoints: ["src/cli/launch.ts"], outfile: "build/launch.js" });
await build({ ...common, entryPoints: ["scripts/bench.ts"], outfile: "build/bench.js" });

/** Run the built command; its output is shown only when it fails. */
function huhang(args, env = {}) {
  const r = spawnSync(process.execPath, ["bin/huhang.js", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0)
    throw new Error(
      `huhang ${args.join(" ")} 失败（退出码 ${r.status}）：\n${r.stderr}${r.stdout}`
    );
}

// the cache holds the bytecode of what a run compiled: a merge, the main job, on the demo's 13 workbooks. Without it
// the command works the same, only starts slower: a failure here is said, not fatal (test/cli/launch.test.ts checks
// that the cache is made and used)
let work = null;
try {
  work = mkdtempSync(path.join(tmpdir(), "huhang-code-cache-"));
  huhang(["demo", "--out", work], { HUHANG_CODE_CACHE: "off" });
  huhang(["merge", path.join(work, "市州报送"), "--out", path.join(work, "merged.xlsx")], {
    HUHANG_CODE_CACHE: "write",
  });
} catch (e) {
  process.stderr.write(`未生成命令行的代码缓存（命令照常可用，启动慢一些）：${e.message}\n`);
} finally {
  if (work) rmSync(work, { recursive: true, force: true });
}
