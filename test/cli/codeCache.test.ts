/**
 * The command's code cache (src/cli/codeCache.ts) on small hand-written bundles in a temporary folder: the bundle runs
 * as require() would run it, the cache is used when it was made from these very bytes, and in every other case
 * (none, another bundle of the same length, damaged, unreadable) the bundle is compiled from its source.
 * The built command's own cache (made by scripts/build-cli.mjs) is tested in launch.test.ts.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadBundle, writeCodeCache } from "../../src/cli/codeCache";
import { tempDir } from "./cliHarness";

/** A CommonJS bundle whose answer is `n` (one digit: another n gives a bundle of the same length). */
function bundleSource(n: number): string {
  return [
    `"use strict";`,
    `const path = require("node:path");`,
    `const helper = require("./helper.js");`,
    `function answer() { return ${n}; }`,
    `function where() { return [path.basename(__filename), path.basename(__dirname)]; }`,
    `const thisIsExports = this === exports;`,
    `module.exports = { main: () => helper.twice(answer()), where, thisIsExports };`,
  ].join("\n");
}

function folder(n: number): { bundle: string; cache: string } {
  const dir = path.join(tempDir(), "build");
  mkdirSync(dir);
  writeFileSync(path.join(dir, "helper.js"), "exports.twice = (x) => 2 * x;\n");
  const bundle = path.join(dir, "cli.js");
  writeFileSync(bundle, bundleSource(n));
  return { bundle, cache: `${bundle}.cache` };
}

const main = (exports: Record<string, unknown>) => (exports.main as () => number)();

/** A folder whose bundle ran once and left its cache, as the build leaves build/. */
function cachedFolder(n: number): { bundle: string; cache: string } {
  const made = folder(n);
  const loaded = loadBundle(made.bundle, made.cache);
  main(loaded.exports);
  writeCodeCache(loaded, made.cache);
  return made;
}

describe("loadBundle", () => {
  it("runs the bundle as require() would: its own require, module, exports, __filename and __dirname", () => {
    const { bundle, cache } = folder(3);
    const loaded = loadBundle(bundle, cache);
    expect(loaded.cache).toBe("none");
    expect(main(loaded.exports)).toBe(6);
    expect((loaded.exports.where as () => string[])()).toEqual(["cli.js", "build"]);
    expect(loaded.exports.thisIsExports).toBe(true);
  });

  it("uses the cache written after a run of the same bundle", () => {
    const { bundle, cache } = cachedFolder(3);
    expect(readFileSync(cache).subarray(0, 20).toString("latin1")).toBe("huhang-code-cache 1 ");
    const second = loadBundle(bundle, cache);
    expect(second.cache).toBe("used");
    expect(main(second.exports)).toBe(6);
  });

  it("compiles without it when asked to (null)", () => {
    const { bundle } = cachedFolder(3);
    const loaded = loadBundle(bundle, null);
    expect(loaded.cache).toBe("off");
    expect(main(loaded.exports)).toBe(6);
  });

  it("does not hand V8 a cache made from another bundle of the same length", () => {
    const { bundle, cache } = cachedFolder(3);
    writeFileSync(bundle, bundleSource(4));
    expect(readFileSync(bundle).length).toBe(Buffer.byteLength(bundleSource(3)));
    const loaded = loadBundle(bundle, cache);
    expect(loaded.cache).toBe("stale");
    expect(main(loaded.exports)).toBe(8);
  });

  it("does not use a damaged cache: one byte of V8's data changed, the data cut short, or no header", () => {
    const { bundle, cache } = cachedFolder(3);
    const good = readFileSync(cache);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10] ^= 0xff;
    const damaged = [
      flipped,
      good.subarray(0, good.length - 1),
      good.subarray(good.indexOf(0x0a) + 1),
    ];
    for (const bytes of damaged) {
      writeFileSync(cache, bytes);
      const loaded = loadBundle(bundle, cache);
      expect(loaded.cache).toBe("stale");
      expect(main(loaded.exports)).toBe(6);
    }
  });

  it("goes on without a cache it cannot read", () => {
    const { bundle, cache } = folder(3);
    mkdirSync(cache);
    const loaded = loadBundle(bundle, cache);
    expect(loaded.cache).toBe("unreadable");
    expect(main(loaded.exports)).toBe(6);
  });
});

describe("writeCodeCache", () => {
  it("leaves no file behind when it cannot put the cache in place, and says where", () => {
    const { bundle, cache } = folder(3);
    const loaded = loadBundle(bundle, null);
    mkdirSync(path.join(cache, "in-the-way"), { recursive: true });
    expect(() => writeCodeCache(loaded, cache)).toThrow(/^写出代码缓存 .*cli\.js\.cache 失败/);
    expect(readdirSync(path.dirname(bundle)).sort()).toEqual([
      "cli.js",
      "cli.js.cache",
      "helper.js",
    ]);
  });
});
