/**
 * node's own zlib as the codec of the `huhang` command (src/io/codec.ts): native inflate and deflate.
 *
 * Writing: each body block is deflated as it comes, on its own, ending on a byte boundary (Z_SYNC_FLUSH, no final
 * bit), so the sheet's XML is dropped as soon as it is compressed; the head (known only at the end: the sheet's
 * dimension) is such a segment too, and the tail ends the stream. Segments of DEFLATE that each start fresh and end
 * byte-aligned concatenate into one valid stream. The CRC of head‖body comes from crc32Combine.
 * Reading: one inflate under maxOutputLength, the cap, so a lying header never makes it allocate more.
 */
import zlib from "node:zlib";
import {
  crc32 as jsCrc32,
  crc32Combine,
  InflateError,
  InflateOverflow,
  setCodec,
  type Codec,
  type DeflateLevel,
} from "../io/codec";

const crc32: (data: Uint8Array, value?: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === "function"
    ? (zlib as unknown as { crc32: (d: Uint8Array, v?: number) => number }).crc32
    : jsCrc32;

/** An empty final DEFLATE block (what Z_FINISH writes for no input). */
const FINAL_EMPTY = Uint8Array.of(0x03, 0x00);

/** CRC-32 continuing from `value`; empty data is never handed to zlib (node then misreads the array, 0 comes back). */
const crcOf = (data: Uint8Array, value: number): number =>
  data.length === 0 ? value : crc32(data, value);

/** A DEFLATE segment of `data`: byte-aligned and open (sync flush), or the end of the stream. */
function segment(data: Uint8Array, level: DeflateLevel, final: boolean): Uint8Array | null {
  if (data.length === 0) return final ? FINAL_EMPTY : null;
  const out = zlib.deflateRawSync(data, {
    level,
    finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
    // one output buffer for the whole segment
    chunkSize: Math.max(64 * 1024, data.length + (data.length >>> 3) + 1024),
  });
  // the result is a view of that buffer, eight times its size: keep a copy of just the bytes instead
  return Uint8Array.prototype.slice.call(out);
}

export const NODE_CODEC: Codec = {
  name: "node:zlib",
  deflater(level) {
    const body: Uint8Array[] = [];
    let bodyCrc = 0;
    let bodySize = 0;
    return {
      push(block) {
        if (block.length === 0) return;
        bodyCrc = crcOf(block, bodyCrc);
        bodySize += block.length;
        body.push(level === 0 ? block : segment(block, level, false)!);
      },
      finish(head, tail) {
        const crc = crcOf(tail, crc32Combine(crcOf(head, 0), bodyCrc, bodySize));
        const size = head.length + bodySize + tail.length;
        if (level === 0) return { chunks: [head, ...body, tail], crc, size, method: 0 };
        const first = segment(head, level, false);
        const chunks = [...(first ? [first] : []), ...body, segment(tail, level, true)!];
        body.length = 0;
        return { chunks, crc, size, method: 8 };
      },
    };
  },
  inflateRaw(data, maxBytes, cb) {
    if (data.length === 0) throw new InflateError("no DEFLATE data");
    let out: Uint8Array;
    try {
      // maxOutputLength must be at least 1: an empty entry inflates to nothing, anything more is too much
      out = zlib.inflateRawSync(data, {
        maxOutputLength: Math.max(1, maxBytes),
        // one output buffer of the declared size (+1: full output would otherwise ask for a second one)
        chunkSize: Math.min(Math.max(1024, maxBytes + 1), 256 * 1024 * 1024),
      });
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code === "ERR_BUFFER_TOO_LARGE") throw new InflateOverflow();
      if (typeof code === "string" && code.startsWith("Z_"))
        throw new InflateError((e as Error).message);
      throw e;
    }
    if (out.length > maxBytes) throw new InflateOverflow();
    cb.onStep?.();
    if (out.length > 0) cb.onChunk(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
  },
};

/** Use node's zlib from now on (the CLI's entry point, the benchmark). */
export function selectNodeCodec(): void {
  setCodec(NODE_CODEC);
}
