/**
 * The `huhang` command as bin/huhang.js starts it: V8's tuning, then the bundle (build/cli.js) with its code cache
 * (codeCache.ts), then its main.
 *
 * The tuning comes first because V8 takes a code cache only under the flags it was made with: flags set once the
 * bundle is compiled (as main did before) would make every cache the build writes be rejected.
 * HUHANG_CODE_CACHE: "off" compiles without the cache (to compare); "write" writes the cache when the run ends (the
 * build does, after a merge of the demo's samples); "report" says on stderr what became of the cache.
 */
import path from "node:path";
import { loadBundle, writeCodeCache } from "./codeCache";
import { tuneForOneRun } from "./v8Tuning";

export function launch(bundle: string = path.join(__dirname, "cli.js")): void {
  tuneForOneRun();
  const mode = process.env.HUHANG_CODE_CACHE ?? "";
  const cacheFile = `${bundle}.cache`;
  const loaded = loadBundle(bundle, mode === "off" ? null : cacheFile);
  if (mode === "report") process.stderr.write(`代码缓存：${loaded.cache}\n`);
  if (mode === "write")
    process.on("exit", () => {
      try {
        writeCodeCache(loaded, cacheFile);
      } catch (e) {
        process.stderr.write(`${(e as Error).message}\n`);
        process.exitCode = 1;
      }
    });
  const main = loaded.exports.main;
  if (typeof main !== "function") throw new Error(`${bundle} 没有导出 main`);
  (main as () => void)();
}
