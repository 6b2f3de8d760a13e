/**
 * The shared string table. Every text cell refers to it by index, so a text repeated across rows and sheets (市州,
 * 企业类别, 申报方向, a case that appears in both 推荐汇总表 and 明细) is stored and compressed once.
 */
import { codec, type CompressedPart, type DeflateLevel } from "../../codec";
import { ByteSink, deflaterSink } from "./bytes";
import { XML_HEAD, NS_MAIN, keepsSpace, textContent } from "./xml";

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private refs = 0;
  private sealed = false;

  /** Index of the text, adding it on first use. */
  add(text: string): number {
    if (this.sealed) throw new Error("共享字符串表已写出，不能再添加");
    this.refs++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
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
    this.index.clear();
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
    for (const text of this.list) {
      // textElement in pieces: no string of the whole element
      const content = textContent(text);
      sink.ascii(keepsSpace(content) ? '<si><t xml:space="preserve">' : "<si><t>");
      sink.write(content);
      sink.ascii("</t></si>");
    }
    sink.write("</sst>");
  }
}
