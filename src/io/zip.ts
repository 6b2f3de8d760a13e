/**
 * The guarded ZIP reader of both OOXML formats (.docx and .xlsx). We read the central directory ourselves so that every
 * entry's declared sizes are known before anything is inflated, refuse absurd ones (zip bombs), and inflate with
 * the codec (src/io/codec.ts: fflate's streaming Inflate, or node's zlib in the CLI) under a hard output cap — never
 * past the size an entry declares — so a lying header cannot make us allocate more. Uint8Array only: runs in Node and
 * the browser.
 */
import { codec, InflateError, InflateOverflow } from "./codec";
import { formatBytes } from "./limits";

export interface ZipLimits {
  /** Largest uncompressed size accepted for one entry we read. */
  maxEntryBytes: number;
  /** Largest sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: number;
  /** Largest uncompressed / compressed ratio for entries over 1 MB. */
  maxRatio: number;
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * A problem with the package; `kind` picks the Chinese message shown to the clerk. "ambiguous": the package can be
 * read in more than one way (two parts of one name, a directory that disagrees with its local headers, overlapping
 * or unlisted entries) — which copy a program reads is not defined, and a mail scanner may have seen another one.
 */
export class ZipError extends Error {
  constructor(
    readonly kind: "corrupt" | "encrypted" | "bomb" | "unsupported" | "ambiguous",
    message: string
  ) {
    super(message);
    this.name = "ZipError";
  }
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const RATIO_FLOOR = 1 << 20;

function u16(d: Uint8Array, o: number): number {
  return d[o] | (d[o + 1] << 8);
}
function u32(d: Uint8Array, o: number): number {
  return (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16)) + d[o + 3] * 0x1000000;
}

/**
 * The entries of the central directory. Throws ZipError when the package is damaged or its sizes absurd, and (unless
 * `consistent` is false: the sniffer only lists) when it can be read in more than one way (see checkConsistency).
 */
export function listZip(
  data: Uint8Array,
  limits: ZipLimits,
  opts: { consistent?: boolean } = {}
): ZipEntry[] {
  let eocd = -1;
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= stop; i--) {
    if (u32(data, i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("corrupt", "找不到 ZIP 目录（文件不完整或已损坏）");
  const count = u16(data, eocd + 10);
  const cdSize = u32(data, eocd + 12);
  const cdOffset = u32(data, eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff)
    throw new ZipError("unsupported", "文件使用了 ZIP64 格式，不是常见的 Word 文档");
  if (cdOffset + cdSize > eocd)
    throw new ZipError("corrupt", "ZIP 目录位置超出文件范围（文件不完整或已损坏）");
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  const rawNames: Uint8Array[] = [];
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || u32(data, p) !== CEN_SIG)
      throw new ZipError("corrupt", "ZIP 目录项已损坏");
    const nameLen = u16(data, p + 28);
    const extraLen = u16(data, p + 30);
    const commentLen = u16(data, p + 32);
    const entry: ZipEntry = {
      flags: u16(data, p + 8),
      method: u16(data, p + 10),
      compressedSize: u32(data, p + 20),
      size: u32(data, p + 24),
      localOffset: u32(data, p + 42),
      name: decoder.decode(data.subarray(p + 46, p + 46 + nameLen)),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) {
      throw new ZipError("bomb", `压缩包内“${entry.name}”声明的大小异常（ZIP64 / 4 GB 以上）`);
    }
    total += entry.size;
    if (total > limits.maxTotalBytes) {
      throw new ZipError(
        "bomb",
        `压缩包内文件解压后总大小超过 ${formatBytes(limits.maxTotalBytes)}，疑似“压缩炸弹”`
      );
    }
    entries.push(entry);
    rawNames.push(data.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (opts.consistent !== false) checkConsistency(data, entries, rawNames, cdOffset);
  return entries;
}

/** A part name as packages compare them: no leading "/", forward slashes, case-insensitive. */
export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

/** A name's bytes as a key, exactly (in a legacy code page a byte may be half of a character: nothing is folded). */
function rawKey(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return "raw:" + s.replace(/^\/+/, "");
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const TAIL = "：不同程序可能读到不同的内容（邮件查毒看到的也可能是另一份），已拒绝读取";

/**
 * One reading only: every part name once; every directory entry pointing at a local header of the same name, method,
 * flags and sizes; no two entries sharing bytes; no local header hidden between the entries (a streaming reader —
 * a mail scanner — would see it, the directory does not list it). Throws ZipError("ambiguous").
 */
function checkConsistency(
  data: Uint8Array,
  entries: readonly ZipEntry[],
  rawNames: readonly Uint8Array[],
  cdOffset: number
): void {
  const seen = new Map<string, ZipEntry>();
  entries.forEach((e, n) => {
    // a name in a legacy code page (GBK, not marked UTF-8) decodes lossily: compare its bytes instead
    const key = e.name.includes("\ufffd") ? rawKey(rawNames[n]) : partKey(e.name);
    const first = seen.get(key);
    if (first) {
      const names = first.name === e.name ? `“${e.name}”` : `“${first.name}”和“${e.name}”`;
      throw new ZipError("ambiguous", `压缩包内有两个同名部件 ${names}${TAIL}`);
    }
    seen.set(key, e);
  });
  const spans: Array<{ start: number; end: number; name: string }> = [];
  entries.forEach((e, n) => {
    const p = e.localOffset;
    if (p + 30 > cdOffset || u32(data, p) !== LOC_SIG)
      throw new ZipError("corrupt", `“${e.name}”的本地文件头已损坏`);
    const nameLen = u16(data, p + 26);
    const extraLen = u16(data, p + 28);
    const localName = data.subarray(p + 30, p + 30 + nameLen);
    const flags = u16(data, p + 6);
    const method = u16(data, p + 8);
    const crcSizesDeferred = (flags & 8) !== 0;
    const localCompressed = u32(data, p + 18);
    const localSize = u32(data, p + 22);
    let why = "";
    if (!sameBytes(localName, rawNames[n]))
      why = `本地文件头中的名称是“${new TextDecoder("utf-8").decode(localName)}”`;
    else if (method !== e.method)
      why = `本地文件头的压缩方式（${method}）与目录（${e.method}）不同`;
    else if ((flags & 1) !== (e.flags & 1)) why = "本地文件头与目录的加密标志不同";
    else if (
      !(crcSizesDeferred && localCompressed === 0 && localSize === 0) &&
      (localCompressed !== e.compressedSize || localSize !== e.size)
    )
      why = `本地文件头的大小（${localSize} 字节）与目录（${e.size} 字节）不同`;
    if (why)
      throw new ZipError("ambiguous", `目录中的“${e.name}”与其本地文件头不符：${why}${TAIL}`);
    spans.push({ start: p, end: p + 30 + nameLen + extraLen + e.compressedSize, name: e.name });
  });
  spans.sort((a, b) => a.start - b.start);
  let end = 0;
  let last = "";
  for (const s of spans) {
    if (s.start < end)
      throw new ZipError("ambiguous", `压缩包内“${last}”与“${s.name}”的数据相互重叠${TAIL}`);
    hiddenHeader(data, end, s.start);
    end = s.end;
    last = s.name;
  }
  if (end > cdOffset)
    throw new ZipError("ambiguous", `压缩包内“${last}”的数据与 ZIP 目录重叠${TAIL}`);
  hiddenHeader(data, end, cdOffset);
}

/** A local file header between two entries (or before the first) that the directory does not list. */
function hiddenHeader(data: Uint8Array, from: number, to: number): void {
  for (let i = data.indexOf(0x50, from); i >= 0 && i + 4 <= to; i = data.indexOf(0x50, i + 1)) {
    if (u32(data, i) !== LOC_SIG) continue;
    const nameLen = u16(data, i + 26);
    const name = new TextDecoder("utf-8").decode(data.subarray(i + 30, i + 30 + nameLen));
    throw new ZipError("ambiguous", `压缩包内有目录中未列出的部件“${name}”${TAIL}`);
  }
}

/** Stored bytes per piece handed on. */
const STEP = 8 * 1024;

export interface InflateOptions {
  /** Receives the output chunk by chunk; then nothing is collected and an empty array is returned. */
  onChunk?: (chunk: Uint8Array) => void;
  /** Called between pushes (e.g. to check a deadline); may throw to stop. */
  onStep?: () => void;
  /** The error to throw when the entry inflates past the size it declares (a lying header). */
  overflow: (entry: ZipEntry) => Error;
}

/** Inflate (or copy, when stored) one entry, never producing more than its declared size. */
export function inflateEntry(data: Uint8Array, entry: ZipEntry, opts: InflateOptions): Uint8Array {
  const p = entry.localOffset;
  if (p + 30 > data.length || u32(data, p) !== LOC_SIG)
    throw new ZipError("corrupt", `“${entry.name}”的本地文件头已损坏`);
  const start = p + 30 + u16(data, p + 26) + u16(data, p + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new ZipError("corrupt", `“${entry.name}”的数据不完整（文件被截断）`);
  const raw = data.subarray(start, end);
  let collected: Uint8Array | null = null;
  let written = 0;
  const accept = (chunk: Uint8Array, own = false) => {
    if (written + chunk.length > entry.size) throw opts.overflow(entry);
    if (opts.onChunk) opts.onChunk(chunk);
    // the whole entry in one inflated piece (node's zlib) is kept as it is, not copied
    else if (own && written === 0 && chunk.length === entry.size) collected = chunk;
    else (collected ??= new Uint8Array(entry.size)).set(chunk, written);
    written += chunk.length;
  };
  if (entry.method === 0) {
    for (let i = 0; i < raw.length; i += STEP)
      accept(raw.subarray(i, Math.min(raw.length, i + STEP)));
  } else if (entry.method === 8) {
    try {
      codec().inflateRaw(raw, entry.size, {
        onChunk: (chunk) => accept(chunk, true),
        onStep: opts.onStep,
      });
    } catch (e) {
      if (e instanceof InflateOverflow) throw opts.overflow(entry);
      if (e instanceof InflateError)
        throw new ZipError("corrupt", `“${entry.name}”无法解压（数据已损坏）`);
      throw e;
    }
  } else {
    throw new ZipError("unsupported", `“${entry.name}”使用了不支持的压缩方式 ${entry.method}`);
  }
  if (written !== entry.size)
    throw new ZipError("corrupt", `“${entry.name}”解压后的大小与目录不符（文件已损坏）`);
  return collected ?? new Uint8Array(0);
}

/** One entry of a Word package, after the per-entry limits (declared size, compression ratio, encryption). */
export function readZipEntry(data: Uint8Array, entry: ZipEntry, limits: ZipLimits): Uint8Array {
  if (entry.flags & 1) throw new ZipError("encrypted", `压缩包内“${entry.name}”已加密`);
  if (entry.size > limits.maxEntryBytes) {
    throw new ZipError(
      "bomb",
      `“${entry.name}”解压后声明为 ${formatBytes(entry.size)}，超过上限 ${formatBytes(limits.maxEntryBytes)}，疑似“压缩炸弹”`
    );
  }
  if (entry.size > RATIO_FLOOR && entry.size > entry.compressedSize * limits.maxRatio) {
    throw new ZipError(
      "bomb",
      `“${entry.name}”的压缩比异常（超过 ${limits.maxRatio} 倍），疑似“压缩炸弹”`
    );
  }
  return inflateEntry(data, entry, {
    overflow: (e) =>
      new ZipError(
        "bomb",
        `“${e.name}”实际解压后超过其声明的大小 ${e.size} 字节，疑似“压缩炸弹”或文件已损坏`
      ),
  });
}
