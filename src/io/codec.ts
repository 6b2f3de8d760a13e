/**
 * DEFLATE for the readers and writers, chosen once at the entry point: fflate (pure JavaScript) by default — the page,
 * the add-in and the tests — and node's own zlib in the `huhang` command (src/cli/nodeCodec.ts, ×2–4 faster). The
 * parts a package holds are the same bytes with either codec; the compressed bytes may differ.
 *
 * Reading goes through inflateRaw under a hard output cap (src/io/zip.ts keeps every guard); writing through a
 * PartDeflater per package part, which takes the part's body block by block as it is produced (so the sheet's XML
 * need not stay in memory) and its head and tail at the end.
 */
import { deflateSync, Inflate } from "fflate";

export type DeflateLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** A part ready for the package: its DEFLATE stream (or stored bytes at level 0), CRC-32 and uncompressed size. */
export interface CompressedPart {
  chunks: Uint8Array[];
  crc: number;
  size: number;
  /** 8 (deflated) or 0 (stored). */
  method: 0 | 8;
}

/** Compresses one part: its body pushed in order, then finish(head, tail) with what goes before and after it. */
export interface PartDeflater {
  push(block: Uint8Array): void;
  finish(head: Uint8Array, tail: Uint8Array): CompressedPart;
  /**
   * A new block of `size` bytes for the body (optional), or null for the writer to make its own. A block given here
   * belongs to the deflater: push() may hand it to another thread without a copy, so its writer never touches it
   * once pushed, and never fills it again.
   */
  allocate?(size: number): Uint8Array | null;
  /**
   * push() keeps nothing of the writer's own blocks once it returns (it compressed them there and then): the writer
   * may fill the same block again instead of allocating a new one. Absent or false: every pushed block stays as is.
   */
  readonly releasesBlocks?: boolean;
}

export interface InflateCallbacks {
  /** Each piece of output, in order. */
  onChunk(chunk: Uint8Array): void;
  /** Between pieces of work (a deadline check); may throw to stop. */
  onStep?(): void;
}

/** Damaged DEFLATE data. */
export class InflateError extends Error {}
/** The output would pass `maxBytes` (a lying header, a bomb). */
export class InflateOverflow extends Error {}

export interface Codec {
  readonly name: string;
  /**
   * The level a package is written at with this codec (src/io/xlsx/ooxml/workbook.ts packageLevel()); without it
   * ZIP_LEVEL. The level changes only the compressed bytes, never the parts.
   */
  readonly packageLevel?: DeflateLevel;
  deflater(level: DeflateLevel): PartDeflater;
  /**
   * Raw-inflate `data`, never producing more than `maxBytes`: throws InflateOverflow before that, InflateError for
   * damaged data; errors thrown by the callbacks pass through.
   */
  inflateRaw(data: Uint8Array, maxBytes: number, cb: InflateCallbacks): void;
}

// ---------------------------------------------------------------------------------------------------------------
// CRC-32 in JavaScript (the fflate codec; node's zlib has its own)

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c;
  }
  return t;
})();

/** CRC-32 (ISO-HDLC, as zip uses it) of `data`, continuing from `crc` (0 to start). */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 255] ^ (c >>> 8);
  return ~c >>> 0;
}

const POLY = 0xedb88320;

/** a·b modulo the CRC polynomial, both reflected as CRC-32 keeps them (x⁰ is the top bit). */
function multModP(a: number, b: number): number {
  let m = 1 << 31;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0…31 (zlib's x2n_table), made on first use. */
let x2n: Uint32Array | null = null;

/** x^(n·2^k) modulo the polynomial: x^(8n) for k = 3, the shift of a CRC over n bytes. */
function x2nModP(n: number, k: number): number {
  if (!x2n) {
    x2n = new Uint32Array(32);
    let p = 1 << 30; // x¹
    x2n[0] = p;
    for (let i = 1; i < 32; i++) x2n[i] = p = multModP(p, p);
  }
  let p = 1 << 31; // x⁰
  for (; n > 0; n = Math.floor(n / 2), k++) if (n % 2) p = multModP(x2n[k & 31], p);
  return p >>> 0;
}

/**
 * The CRC-32 of A‖B from crc(A), crc(B) and B's length (zlib's crc32_combine, as zlib 1.2.12 computes it: crc(A)
 * shifted over B's bytes by one product with x^(8·length), about 20 products of 32 steps for a megabyte).
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcA >>> 0;
  return (multModP(x2nModP(lengthB, 3), crcA >>> 0) ^ crcB) >>> 0;
}

// ---------------------------------------------------------------------------------------------------------------
// fflate

/** A part's deflater after finish(): its body is gone. */
export const FINISHED = "压缩部件已写出，不能再写入";

/** One contiguous copy of the pieces. */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  let size = 0;
  for (const p of pieces) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** fflate: the body is kept and the whole part deflated in one piece at the end (as fflate's zipSync does). */
export const FFLATE_CODEC: Codec = {
  name: "fflate",
  deflater(level) {
    const body: Uint8Array[] = [];
    let done = false;
    return {
      push: (block) => {
        if (done) throw new Error(FINISHED);
        body.push(block);
      },
      finish: (head, tail) => {
        if (done) throw new Error(FINISHED);
        done = true;
        const all = concatBytes([head, ...body, tail].filter((p) => p.length > 0));
        body.length = 0;
        return {
          chunks: [level === 0 ? all : deflateSync(all, { level })],
          crc: crc32(all),
          size: all.length,
          method: level === 0 ? 0 : 8,
        };
      },
    };
  },
  inflateRaw(data, maxBytes, cb) {
    let written = 0;
    const inflater = new Inflate((chunk) => {
      written += chunk.length;
      if (written > maxBytes) throw new InflateOverflow();
      cb.onChunk(chunk);
    });
    // compressed bytes per push: deflate expands at most ~1032×, so one push never yields more than ~8 MB
    const step = 8 * 1024;
    try {
      for (let i = 0; i < data.length; i += step) {
        inflater.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length);
        cb.onStep?.();
      }
      if (data.length === 0) inflater.push(data, true);
    } catch (e) {
      // fflate reports damaged data with a numeric error code; our own limits pass through
      if (e instanceof Error && typeof (e as { code?: unknown }).code === "number")
        throw new InflateError(e.message);
      throw e;
    }
  },
};

let current: Codec = FFLATE_CODEC;

/** The codec in use. */
export function codec(): Codec {
  return current;
}

/** Choose the codec (an entry point does, once, before reading or writing anything). */
export function setCodec(c: Codec): void {
  current = c;
}
