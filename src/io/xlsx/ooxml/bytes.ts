import type { PartDeflater } from "../../codec";

/**
 * UTF-8 text accumulated in fixed-size byte blocks. A sheet's rows are encoded as they are written, so a large sheet
 * costs its UTF-8 size once, not a tree of JavaScript strings waiting to be joined. With a consumer (a part's
 * deflater), each block is handed over as soon as it is full and not kept here.
 */
export const BLOCK = 1 << 20;
/** Text up to this length is encoded by ByteSink itself. */
const SHORT = 256;
const encoder = new TextEncoder();

export class ByteSink {
  private readonly blocks: Uint8Array[] = [];
  private current: Uint8Array = new Uint8Array(0);
  private pos = 0;
  /** A full-size block the consumer is done with, filled again next (only when `reuse`). */
  private spare: Uint8Array | null = null;
  size = 0;

  constructor(
    private readonly consumer: ((block: Uint8Array) => void) | null = null,
    /** Where new blocks come from (a deflater that hands them to a worker thread), plain arrays by default. */
    private readonly allocate: ((size: number) => Uint8Array | null) | null = null,
    /** The consumer keeps nothing of a block once it returns: one block serves the whole part. */
    private readonly reuse = false
  ) {}

  /** Whether `current` is the sink's own (else the allocator's, which may still be reading it: never refilled). */
  private own = false;

  private newBlock(size: number): Uint8Array {
    const given = this.allocate ? this.allocate(size) : null;
    this.own = given === null;
    if (given) return given;
    if (size === BLOCK && this.spare) {
      const block = this.spare;
      this.spare = null;
      return block;
    }
    return new Uint8Array(size);
  }

  write(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit
    const worst = text.length * 3;
    if (worst > this.current.length - this.pos) {
      this.seal();
      if (worst > BLOCK) {
        const bytes = encoder.encode(text);
        this.emit(bytes);
        this.size += bytes.length;
        return;
      }
      this.current = this.newBlock(BLOCK);
      this.pos = 0;
    }
    if (text.length > SHORT) {
      const { written } = encoder.encodeInto(text, this.current.subarray(this.pos));
      this.pos += written;
      this.size += written;
      return;
    }
    // short text (a cell, a shared string): encoded here, as TextEncoder does (a lone surrogate as U+FFFD), without
    // a view object per call
    const buf = this.current;
    const start = this.pos;
    let p = start;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) buf[p++] = c;
      else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        buf[p++] = 0xe0 | (c >> 12);
        buf[p++] = 0x80 | ((c >> 6) & 0x3f);
        buf[p++] = 0x80 | (c & 0x3f);
      } else {
        const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          buf[p++] = 0xf0 | (cp >> 18);
          buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
          buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
          buf[p++] = 0x80 | (cp & 0x3f);
          i++;
        } else {
          buf[p++] = 0xef;
          buf[p++] = 0xbf;
          buf[p++] = 0xbd;
        }
      }
    }
    this.pos = p;
    this.size += p - start;
  }

  /** A non-negative integer in decimal digits (an index, a row number), without making a string of it. */
  uint(n: number): void {
    if (!(n >= 0 && n <= Number.MAX_SAFE_INTEGER && Number.isInteger(n))) {
      this.ascii(String(n));
      return;
    }
    let digits = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    if (digits > this.current.length - this.pos) {
      this.seal();
      this.current = this.newBlock(BLOCK);
    }
    const buf = this.current;
    let p = this.pos + digits;
    this.pos = p;
    this.size += digits;
    let m = n;
    do {
      buf[--p] = 48 + (m % 10);
      m = Math.floor(m / 10);
    } while (m > 0);
  }

  /**
   * ASCII text (markup, numbers, references): one byte per character, without the encoder and without building the
   * row as one string. The caller guarantees there is nothing but ASCII.
   */
  ascii(text: string): void {
    const n = text.length;
    if (n > this.current.length - this.pos) {
      this.seal();
      this.current = this.newBlock(Math.max(BLOCK, n));
    }
    const buf = this.current;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = text.charCodeAt(i);
    this.pos = p;
    this.size += n;
  }

  /**
   * The current block with room for `n` more bytes (sealing it first when there is not), for a writer that puts
   * bytes in itself from `at` on and then calls advance() with where it stopped.
   */
  room(n: number): Uint8Array {
    if (n > this.current.length - this.pos) {
      this.seal();
      this.current = this.newBlock(Math.max(BLOCK, n));
    }
    return this.current;
  }

  /** Where the next byte goes in the block room() gave. */
  get at(): number {
    return this.pos;
  }

  /** The bytes up to `end` of the block room() gave are written. */
  advance(end: number): void {
    this.size += end - this.pos;
    this.pos = end;
  }

  private emit(block: Uint8Array): void {
    if (this.consumer) this.consumer(block);
    else this.blocks.push(block);
  }

  private seal(): void {
    if (this.pos > 0) this.emit(this.current.subarray(0, this.pos));
    if (this.reuse && this.own && this.consumer && this.current.length === BLOCK)
      this.spare = this.current;
    this.current = new Uint8Array(0);
    this.pos = 0;
  }

  /** Hand the last, partly filled block to the consumer (or keep it, without one). */
  flush(): void {
    this.seal();
  }

  /** The bytes written so far, as blocks in order (none when they went to a consumer). */
  chunks(): Uint8Array[] {
    this.seal();
    return this.blocks;
  }
}

/** `text` (ASCII) into `buf` at `p`; returns where it ends. The caller made room. */
export function putAscii(buf: Uint8Array, p: number, text: string): number {
  for (let i = 0; i < text.length; i++) buf[p++] = text.charCodeAt(i);
  return p;
}

/** `bytes` into `buf` at `p`; returns where they end. */
export function putBytes(buf: Uint8Array, p: number, bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) buf[p++] = bytes[i];
  return p;
}

/** A non-negative safe integer in decimal digits into `buf` at `p`; returns where they end. */
export function putUint(buf: Uint8Array, p: number, n: number): number {
  // hot (every row number and shared-string index): digits counted by comparison, not by dividing
  let digits = 1;
  for (let ten = 10; ten <= n; ten *= 10) digits++;
  let q = p + digits;
  if (n < 0x80000000) {
    // integer arithmetic below 2^31
    let m = n | 0;
    do {
      const tenth = (m / 10) | 0;
      buf[--q] = 48 + m - tenth * 10;
      m = tenth;
    } while (m > 0);
  } else {
    let m = n;
    do {
      buf[--q] = 48 + (m % 10);
      m = Math.floor(m / 10);
    } while (m > 0);
  }
  return p + digits;
}

/** A sink whose blocks go to a part's deflater as they fill (allocated and reused as the deflater allows). */
export function deflaterSink(deflater: PartDeflater): ByteSink {
  return new ByteSink(
    (block) => deflater.push(block),
    deflater.allocate ? (size) => deflater.allocate!(size) : null,
    deflater.releasesBlocks === true
  );
}
