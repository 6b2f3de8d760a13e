/**
 * node's own zlib as the codec of the `huhang` command (src/io/codec.ts): native inflate and deflate.
 *
 * Writing: each body block is deflated as it comes, on its own, ending on a byte boundary (Z_SYNC_FLUSH, no final
 * bit), so the sheet's XML is dropped as soon as it is compressed; the head (known only at the end: the sheet's
 * dimension) is such a segment too, and the tail ends the stream. Segments of DEFLATE that each start fresh and end
 * byte-aligned concatenate into one valid stream. The CRC of head‖body comes from crc32Combine.
 * Past the first 4 MB, the body blocks (1 MB each, in shared memory) are deflated on a worker thread while this one
 * goes on writing rows; when the worker is behind (two blocks in flight), the next block is deflated here. The API
 * stays synchronous: finish() waits for the worker's segments (Atomics.wait, receiveMessageOnPort), and deflates a
 * block itself if the worker fails or stalls. HUHANG_DEFLATE_WORKER=0 keeps everything on this thread.
 * Reading: one inflate under maxOutputLength, the cap, so a lying header never makes it allocate more.
 */
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from "node:worker_threads";
import zlib from "node:zlib";
import {
  crc32 as jsCrc32,
  crc32Combine,
  FINISHED,
  InflateError,
  InflateOverflow,
  setCodec,
  type Codec,
  type DeflateLevel,
} from "../io/codec";
import { BLOCK } from "../io/xlsx/ooxml/bytes";

const NATIVE_CRC = typeof (zlib as { crc32?: unknown }).crc32 === "function";
const crc32: (data: Uint8Array, value?: number) => number = NATIVE_CRC
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

/**
 * The worker: deflates each block it is sent into an open segment, takes its CRC too where zlib has crc32 (workerData
 * .crc), and says so through the shared counter. Its output buffer is sized from the last block's (a quarter more),
 * and the segment goes back in that buffer, moved, not copied: a thread this small is seldom collected, so buffers
 * left behind here would pile up (tens of MB).
 */
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const zlib = require("node:zlib");
const done = new Int32Array(workerData.done);
let guess = 256 * 1024;
workerData.port.on("message", ({ id, data, level }) => {
  let out = null;
  let crc = 0;
  try {
    if (workerData.crc) crc = zlib.crc32(data);
    const z = zlib.deflateRawSync(data, {
      level,
      finishFlush: zlib.constants.Z_SYNC_FLUSH,
      chunkSize: Math.min(guess, data.length + (data.length >>> 3) + 1024),
    });
    guess = Math.max(64 * 1024, z.length + (z.length >>> 2) + 4096);
    out = new Uint8Array(z.buffer, z.byteOffset, z.length);
    if (z.byteOffset !== 0 || z.buffer.byteLength > 2 * z.length + 65536) out = out.slice();
  } catch (e) {
    out = null;
  }
  workerData.port.postMessage({ id, out, crc }, out ? [out.buffer] : []);
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
});
`;

/** Blocks smaller than this are deflated here: handing them over costs more than it saves. */
const OFFLOAD_BYTES = 256 * 1024;
/**
 * Blocks go to the worker once this much has been deflated here: a small workbook never starts its thread (~13 MB).
 * The command starts it early for a large one (expectLargeOutput). Measured, 14 × 1,000 rows (27 MB of XML): 0.07 s
 * off the run, 17 MB more peak memory; 14 × 5,000 (137 MB): 0.3 s off, 17 MB more.
 */
const WORKER_AFTER_BYTES = 4 * 1024 * 1024;
let deflatedHere = 0;
/** How long finish() waits for one segment before deflating the block itself. */
const STALL_MS = 30_000;
/**
 * Blocks handed to the worker and not yet answered, at most: when it falls behind (a busy machine), the next block
 * is deflated here instead, so both threads work and the blocks held stay few.
 */
const MAX_IN_FLIGHT = 2;
/** Shared blocks kept for reuse once their segment is back (each 1 MB). */
const MAX_FREE = MAX_IN_FLIGHT;

/** One worker thread for the whole process, started with the first large block; never keeps the process alive. */
class DeflateWorker {
  private readonly port: MessagePort;
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private readonly results = new Map<number, Deflated | null>();
  /** Blocks sent and not yet answered, kept to deflate here should the worker fail. */
  private readonly pending = new Map<number, { data: Uint8Array; level: DeflateLevel }>();
  /** Shared full-size blocks whose segment is back: filled again by the writer (block()). */
  private readonly free: Uint8Array[] = [];
  private next = 0;
  private broken = false;

  get sent(): number {
    return this.next;
  }

  constructor() {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port1, done: this.done.buffer, crc: NATIVE_CRC },
      transferList: [port1],
    });
    worker.on("error", () => (this.broken = true));
    worker.unref();
    port2.unref();
    this.port = port2;
  }

  /** Whether the worker can take one more block now (it has fewer than MAX_IN_FLIGHT). */
  canTake(): boolean {
    this.drain();
    return !this.broken && this.inFlight() < MAX_IN_FLIGHT;
  }

  private inFlight(): number {
    let n = 0;
    for (const id of this.pending.keys()) if (!this.results.has(id)) n++;
    return n;
  }

  /** A block of `size` bytes in shared memory: one given back (recycle()), else a new one. */
  block(size: number): Uint8Array {
    if (size === BLOCK && this.free.length > 0) return this.free.pop()!;
    return new Uint8Array(new SharedArrayBuffer(size));
  }

  /** A block whose bytes are no longer needed (its segment is made): kept to be filled again. */
  recycle(data: Uint8Array): void {
    const buffer = data.buffer;
    if (
      buffer instanceof SharedArrayBuffer &&
      buffer.byteLength === BLOCK &&
      this.free.length < MAX_FREE
    )
      this.free.push(new Uint8Array(buffer));
  }

  submit(data: Uint8Array, level: DeflateLevel): number {
    // the segments already made are collected now, and their blocks let go: only blocks in flight are held
    this.drain();
    const id = this.next++;
    this.pending.set(id, { data, level });
    // a block in shared memory goes over as it is, any other as a copy (structured clone); either stays here until
    // its segment is back
    this.port.postMessage({ id, data, level });
    return id;
  }

  /** The segment of block `id` and the block's CRC, waiting for the worker when needed. */
  take(id: number): Deflated {
    const started = Date.now();
    while (!this.results.has(id)) {
      const seen = Atomics.load(this.done, 0);
      this.drain();
      if (this.results.has(id)) break;
      if (this.broken || Date.now() - started > STALL_MS) {
        // the worker failed or stalls: this block is deflated here
        this.results.set(id, null);
        break;
      }
      Atomics.wait(this.done, 0, seen, 1000);
    }
    const out = this.results.get(id)!;
    this.results.delete(id);
    if (out) return out;
    const job = this.pending.get(id)!;
    this.pending.delete(id);
    return { out: segment(job.data, job.level, false)!, crc: crcOf(job.data, 0) };
  }

  private drain(): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const { id, out, crc } = m.message as { id: number; out: Uint8Array | null; crc: number };
      // an answer for a block already deflated here (after a stall) is dropped
      if (!this.pending.has(id) || this.results.has(id)) continue;
      this.results.set(id, out ? { out, crc } : null);
      // kept only to deflate it here should the worker have failed on it
      if (out) {
        this.recycle(this.pending.get(id)!.data);
        this.pending.delete(id);
      }
    }
  }
}

let worker: DeflateWorker | null | undefined;

/** How many blocks went to the worker thread so far (0 when none was started). */
export function blocksOffloaded(): number {
  return worker ? worker.sent : 0;
}

/** The deflate worker, or null where threads cannot be started (or HUHANG_DEFLATE_WORKER=0 says not to). */
function deflateWorker(): DeflateWorker | null {
  if (worker === undefined && process.env.HUHANG_DEFLATE_WORKER === "0") worker = null;
  if (worker === undefined) {
    try {
      worker = new DeflateWorker();
    } catch {
      // no worker threads here: every block is deflated on this thread, as small ones always are
      worker = null;
    }
  }
  return worker;
}

/** A block's segment and the block's own CRC. */
interface Deflated {
  out: Uint8Array;
  crc: number;
}

/**
 * A body block as it is kept until finish(): its size, its CRC (null: the worker takes it), and its segment or the id
 * of the one the worker is making.
 */
interface Piece {
  size: number;
  crc: number | null;
  made: Uint8Array | number;
}

export const NODE_CODEC: Codec = {
  name: "node:zlib",
  // zlib's level 2 against 4 on the province workbook of 14 × 5,000 rows (137 MB of XML in 1 MB blocks): 0.35 s
  // instead of 0.50 s, 20.6 MB instead of 19.4 MB (level 1: 0.30 s, 22.5 MB; 6: 1.2 s, 16.9 MB)
  packageLevel: 2,
  deflater(level) {
    // the writer's own blocks are deflated there and then (only the output is kept); the worker takes only blocks
    // in shared memory, which allocate() gave and the writer never fills again
    const releasesBlocks = level !== 0;
    const body: Piece[] = [];
    let bodySize = 0;
    let done = false;
    return {
      releasesBlocks,
      push(block) {
        if (done) throw new Error(FINISHED);
        if (block.length === 0) return;
        const size = block.length;
        bodySize += size;
        const helper =
          level !== 0 && size >= OFFLOAD_BYTES && block.buffer instanceof SharedArrayBuffer
            ? deflateWorker()
            : null;
        if (helper?.canTake()) {
          // its CRC is taken there too, where zlib has crc32
          const crc = NATIVE_CRC ? null : crcOf(block, 0);
          body.push({ size, crc, made: helper.submit(block, level) });
        } else if (level === 0) body.push({ size, crc: crcOf(block, 0), made: block });
        else {
          body.push({ size, crc: crcOf(block, 0), made: segment(block, level, false)! });
          deflatedHere += block.length;
          // deflated here and now: the writer may fill the block again
          helper?.recycle(block);
        }
      },
      // once blocks go to the worker, they are made in shared memory: handed over without a copy
      allocate: (size) => {
        const helper = level !== 0 && deflatedHere >= WORKER_AFTER_BYTES ? deflateWorker() : null;
        return helper ? helper.block(size) : null;
      },
      finish(head, tail) {
        if (done) throw new Error(FINISHED);
        done = true;
        // the CRC of head‖body‖tail, block by block in order
        let crc = crcOf(head, 0);
        const pieces: Uint8Array[] = [];
        for (const piece of body) {
          let { crc: blockCrc, made } = piece;
          if (typeof made === "number") {
            const back = worker!.take(made);
            made = back.out;
            blockCrc ??= back.crc;
          }
          crc = crc32Combine(crc, blockCrc!, piece.size);
          pieces.push(made);
        }
        crc = crcOf(tail, crc);
        const size = head.length + bodySize + tail.length;
        body.length = 0;
        if (level === 0) return { chunks: [head, ...pieces, tail], crc, size, method: 0 };
        const first = segment(head, level, false);
        const chunks = [...(first ? [first] : []), ...pieces, segment(tail, level, true)!];
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

/**
 * A large workbook will be written: the deflate worker is started now, so that its thread is up (~35 ms) while this
 * one still reads, and takes the blocks from the first 4 MB on (14 × 1,000 rows: 0.07 s off the whole run).
 */
export function expectLargeOutput(): void {
  deflateWorker();
}
