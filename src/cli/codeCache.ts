/**
 * The command's bundle (build/cli.js) compiled with a V8 code cache: the bytecode of every function a merge ran,
 * made once by the build (scripts/build-cli.mjs runs a merge of the demo's samples to make it).
 *
 * Without it, each run parses and compiles to bytecode every function it calls, on the main thread: about 40 ms of a
 * 14 × 1,000 merge on this machine. With it V8 deserialises the bytecode instead.
 *
 * V8 checks a cache against its own version and flags, and the source's length only: a bundle rebuilt to the same
 * length would take bytecode compiled from other code. So the cache file starts with a line naming the SHA-256 of the
 * bundle it was made from and of the V8 data after it; a cache whose line does not match is not handed to V8.
 * Whatever is wrong with the cache (missing, stale, damaged, rejected by V8), the bundle is compiled as without one.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";

const MAGIC = "huhang-code-cache 1";
/** The header line is short: a longer first line is not ours. */
const MAX_HEADER = 256;

/**
 * What became of the cache: used; off (not asked for); none (no file); unreadable; stale (made from another bundle,
 * or damaged); rejected by V8 (another node, or other V8 flags).
 */
export type CacheUse = "used" | "off" | "none" | "unreadable" | "stale" | "rejected";

export interface LoadedBundle {
  /** The bundle's `module.exports`. */
  readonly exports: Record<string, unknown>;
  readonly cache: CacheUse;
  /** The compiled script: its bytecode so far becomes the next cache (writeCodeCache). */
  readonly script: vm.Script;
  /** SHA-256 of the bundle's bytes (hex). */
  readonly bundleHash: string;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The V8 data of `cacheFile` when its header names this bundle and the data is whole; otherwise why not. */
function readCache(
  cacheFile: string,
  bundleHash: string
): Buffer | "none" | "unreadable" | "stale" {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(cacheFile);
  } catch (e) {
    // the cache only saves time: a run without it does the same work
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? "none" : "unreadable";
  }
  const end = bytes.subarray(0, MAX_HEADER).indexOf(0x0a);
  if (end < 0) return "stale";
  const [magic, version, forBundle, dataHash] = bytes
    .subarray(0, end)
    .toString("latin1")
    .split(" ");
  const data = bytes.subarray(end + 1);
  if (`${magic} ${version}` !== MAGIC || forBundle !== bundleHash || dataHash !== sha256(data))
    return "stale";
  return data;
}

/**
 * Compile and run the CommonJS bundle `file` as require() would (its own require, module, exports, __filename,
 * __dirname), with the code cache in `cacheFile` when that fits (null: without one).
 */
export function loadBundle(file: string, cacheFile: string | null): LoadedBundle {
  const bytes = fs.readFileSync(file);
  const bundleHash = sha256(bytes);
  const cached = cacheFile === null ? "off" : readCache(cacheFile, bundleHash);
  const script = new vm.Script(Module.wrap(bytes.toString("utf8")), {
    filename: file,
    cachedData: typeof cached === "string" ? undefined : cached,
  });
  const cache: CacheUse =
    typeof cached === "string" ? cached : script.cachedDataRejected ? "rejected" : "used";
  const module = { exports: {} as Record<string, unknown> };
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: unknown,
    filename: string,
    dirname: string
  ) => void;
  wrapper.call(
    module.exports,
    module.exports,
    createRequire(file),
    module,
    file,
    path.dirname(file)
  );
  return { exports: module.exports, cache, script, bundleHash };
}

/**
 * Write the bytecode compiled so far for `loaded` to `cacheFile`, under its header; whole or not at all (a temporary
 * file renamed into place), so a run reading it meanwhile sees the old cache or the new one.
 */
export function writeCodeCache(loaded: LoadedBundle, cacheFile: string): void {
  const data = loaded.script.createCachedData();
  const header = Buffer.from(`${MAGIC} ${loaded.bundleHash} ${sha256(data)}\n`, "latin1");
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, Buffer.concat([header, data]));
    fs.renameSync(temp, cacheFile);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new Error(`写出代码缓存 ${cacheFile} 失败：${(e as Error).message}`, { cause: e });
  }
}
