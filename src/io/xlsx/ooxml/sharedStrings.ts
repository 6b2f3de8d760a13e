/**
 * The shared string table. Every text cell refers to it by index, so a text repeated across rows and sheets (市州,
 * 企业类别, 申报方向, a case that appears in both 推荐汇总表 and 明细) is stored and compressed once.
 */
import { codec, type CompressedPart, type DeflateLevel } from "../../codec";
import { ByteSink, deflaterSink } from "./bytes";
import { XML_HEAD, NS_MAIN, keepsSpace, textContent } from "./xml";

const INITIAL_SLOTS = 1 << 10;
/** Characters of shared-string markup encoded at once. */
const BATCH = 32 * 1024;

/** FNV-1a over the UTF-16 code units, then murmur3's finaliser (linear probing uses the low bits). */
export function textHash(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A lookup table of `slots` free slots (index -1, hash 0). */
function freeTable(slots: number): Int32Array {
  const table = new Int32Array(slots * 2);
  for (let k = 0; k < table.length; k += 2) table[k] = -1;
  return table;
}

export class SharedStrings {
  /**
   * The lookup: open addressing over the texts' own hashes. Slot k is table[2k] (index in `list`, -1 when free) and
   * table[2k+1] (the text's hash, so a probe compares a text only when the hashes agree): both in one cache line. At
   * 14 × 5,000 rows 1.2 million lookups over 376,000 texts, most of them made for the row just written: a Map of
   * strings took 0.5 s there (hashing and flattening each new string), this 0.3 s.
   */
  private table = freeTable(INITIAL_SLOTS);
  private readonly list: string[] = [];
  /** hash of list[i] (to grow the table without hashing again). */
  private listHashes = new Int32Array(INITIAL_SLOTS >> 1);
  private refs = 0;
  private sealed = false;

  /** Index of the text, adding it on first use. */
  add(text: string): number {
    if (this.sealed) throw new Error("共享字符串表已写出，不能再添加");
    this.refs++;
    const h = textHash(text);
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let at = (h & mask) << 1;
    for (let k = table[at]; k !== -1; k = table[at]) {
      if (table[at + 1] === h && this.list[k] === text) return k;
      at = (at + 2) & (table.length - 1);
    }
    const i = this.list.length;
    this.list.push(text);
    if (i === this.listHashes.length) {
      const more = new Int32Array(i * 2);
      more.set(this.listHashes);
      this.listHashes = more;
    }
    this.listHashes[i] = h;
    table[at] = i;
    table[at + 1] = h;
    // at most half full: probes stay short
    if (this.list.length * 4 > table.length) this.grow();
    return i;
  }

  private grow(): void {
    const slots = this.table.length; // twice as many slots as before
    const table = freeTable(slots);
    const mask = slots - 1;
    for (let i = 0; i < this.list.length; i++) {
      const h = this.listHashes[i];
      let at = (h & mask) << 1;
      while (table[at] !== -1) at = (at + 2) & (table.length - 1);
      table[at] = i;
      table[at + 1] = h;
    }
    this.table = table;
  }

  /** One more use of a text already added (whose index the caller kept). */
  addAgain(): void {
    this.refs++;
  }

  get size(): number {
    return this.list.length;
  }

  /** sharedStrings.xml as UTF-8 blocks. */
  toChunks(): Uint8Array[] {
    const sink = new ByteSink();
    this.writeTo(sink);
    return sink.chunks();
  }

  /**
   * sharedStrings.xml compressed for the package, block by block as it is written. Seals the table: the lookup map
   * is let go first (the sheets are written; at 14 × 5,000 rows it holds 376,000 texts), nothing can be added after.
   */
  toPart(level: DeflateLevel): CompressedPart {
    this.sealed = true;
    this.table = new Int32Array(0);
    this.listHashes = new Int32Array(0);
    const deflater = codec().deflater(level);
    const sink = deflaterSink(deflater);
    this.writeTo(sink);
    sink.flush();
    return deflater.finish(new Uint8Array(0), new Uint8Array(0));
  }

  private writeTo(sink: ByteSink): void {
    sink.write(
      `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.refs}" uniqueCount="${this.list.length}">`
    );
    // the elements of a run of texts joined into one string of about BATCH characters and encoded at once
    // (TextEncoder): one native call instead of a loop over every character
    let batch: string[] = [];
    let length = 0;
    for (const text of this.list) {
      const content = textContent(text);
      batch.push(
        keepsSpace(content) ? '<si><t xml:space="preserve">' : "<si><t>",
        content,
        "</t></si>"
      );
      length += content.length + 40;
      if (length >= BATCH) {
        sink.write(batch.join(""));
        batch = [];
        length = 0;
      }
    }
    batch.push("</sst>");
    sink.write(batch.join(""));
  }
}
