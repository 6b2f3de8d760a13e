/**
 * UTF-8 text accumulated in fixed-size byte blocks. A sheet's rows are encoded as they are written, so a large sheet
 * costs its UTF-8 size once, not a tree of JavaScript strings waiting to be joined. With a consumer (a part's
 * deflater), each block is handed over as soon as it is full and not kept here.
 */
const BLOCK = 1 << 20;
const encoder = new TextEncoder();

export class ByteSink {
  private readonly blocks: Uint8Array[] = [];
  private current = new Uint8Array(0);
  private pos = 0;
  size = 0;

  constructor(private readonly consumer: ((block: Uint8Array) => void) | null = null) {}

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
      this.current = new Uint8Array(BLOCK);
      this.pos = 0;
    }
    const { written } = encoder.encodeInto(text, this.current.subarray(this.pos));
    this.pos += written;
    this.size += written;
  }

  /**
   * ASCII text (markup, numbers, references): one byte per character, without the encoder and without building the
   * row as one string. The caller guarantees there is nothing but ASCII.
   */
  ascii(text: string): void {
    const n = text.length;
    if (n > this.current.length - this.pos) {
      this.seal();
      this.current = new Uint8Array(Math.max(BLOCK, n));
    }
    const buf = this.current;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = text.charCodeAt(i);
    this.pos = p;
    this.size += n;
  }

  private emit(block: Uint8Array): void {
    if (this.consumer) this.consumer(block);
    else this.blocks.push(block);
  }

  private seal(): void {
    if (this.pos > 0) this.emit(this.current.subarray(0, this.pos));
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

/** One contiguous copy of the chunks. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
