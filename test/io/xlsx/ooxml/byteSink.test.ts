/** ByteSink writes the bytes TextEncoder would (its own UTF-8 for short text, digits for integers), in blocks. */
import fc from "fast-check";
import { ByteSink, putUint } from "../../../../src/io/xlsx/ooxml/bytes";

const bytesOf = (sink: ByteSink) => Buffer.concat(sink.chunks());

describe("ByteSink", () => {
  it("encodes any text as TextEncoder does, lone surrogates included", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: "binary", maxLength: 300 }),
            fc.constantFrom("湖南", "😀", "\ud800", "\udc00x")
          ),
          { maxLength: 6 }
        ),
        fc.nat(),
        (texts, n) => {
          const sink = new ByteSink();
          for (const t of texts) sink.write(t);
          sink.uint(n);
          sink.ascii('<c r="A1"/>');
          // each write on its own: a surrogate pair split across two writes is two lone halves
          const enc = new TextEncoder();
          const expected = Buffer.concat([
            ...texts.map((t) => enc.encode(t)),
            enc.encode(String(n) + '<c r="A1"/>'),
          ]);
          expect(bytesOf(sink).equals(expected)).toBe(true);
          expect(sink.size).toBe(expected.length);
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("hands full 1 MB blocks to its consumer and keeps none", () => {
    const blocks: Uint8Array[] = [];
    const sink = new ByteSink((b) => blocks.push(b));
    const row = '<row r="1"><c r="A1" t="s"><v>12</v></c></row>湖南长沙';
    for (let i = 0; i < 40_000; i++) {
      sink.ascii("<x>");
      sink.write(row);
      sink.uint(i);
    }
    sink.flush();
    expect(sink.chunks()).toEqual([]);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.slice(0, -1).every((b) => b.length > (1 << 20) - 200)).toBe(true);
    const text = Buffer.concat(blocks).toString("utf8");
    expect(text.startsWith("<x>" + row + "0<x>")).toBe(true);
    expect(text.endsWith(row + "39999")).toBe(true);
  });

  it("refills one block when its consumer keeps nothing, giving the same bytes", () => {
    const write = (sink: ByteSink) => {
      for (let i = 0; i < 60_000; i++) {
        sink.ascii('<row r="');
        sink.uint(i);
        sink.write(`">湖南省长沙市${i % 7 === 0 ? "😀" : ""}案例</row>`);
        // an ASCII run longer than a block gets a block of its own, which is not refilled
        if (i === 30_000) sink.ascii("x".repeat((1 << 20) + 5));
      }
      sink.flush();
    };
    const kept: Uint8Array[] = [];
    write(new ByteSink((b) => kept.push(b)));
    const copies: Buffer[] = [];
    const seen = new Set<ArrayBufferLike>();
    write(
      new ByteSink(
        (b) => {
          copies.push(Buffer.from(b));
          seen.add(b.buffer);
        },
        null,
        true
      )
    );
    expect(copies.length).toBe(kept.length);
    expect(copies.length).toBeGreaterThan(4);
    // the same bytes, in no more than three blocks: the refilled one, the long run's and the first after it
    expect(Buffer.concat(copies).equals(Buffer.concat(kept))).toBe(true);
    expect(seen.size).toBeLessThanOrEqual(3);
  });

  it("never refills a block its allocator gave (another thread may still read it), even when it may refill its own", () => {
    const pushed: Array<{ block: Uint8Array; copy: Buffer }> = [];
    let given = 0;
    const sink = new ByteSink(
      (b) => pushed.push({ block: b, copy: Buffer.from(b) }),
      // every second block from the allocator, the others the sink's own
      (size) => (given++ % 2 === 0 ? new Uint8Array(new SharedArrayBuffer(size)) : null),
      true
    );
    for (let i = 0; i < 250_000; i++) sink.write(`<row r="${i}">湖南省长沙市案例</row>`);
    sink.flush();
    expect(pushed.length).toBeGreaterThan(4);
    const shared = pushed.filter((p) => p.block.buffer instanceof SharedArrayBuffer);
    expect(shared.length).toBeGreaterThan(1);
    // what a shared block held when pushed, it still holds
    for (const p of shared) expect(Buffer.from(p.block).equals(p.copy)).toBe(true);
  });
});

describe("putUint", () => {
  const written = (n: number) => {
    const buf = new Uint8Array(24).fill(0x2e);
    const end = putUint(buf, 2, n);
    return Buffer.from(buf).toString("latin1", 0, end + 1);
  };
  it("writes the decimal digits of any safe integer, and nothing after them", () => {
    const tens = [...Array(16).keys()].flatMap((k) => [10 ** k - 1, 10 ** k, 10 ** k + 1]);
    for (const n of [0, ...tens, 2 ** 31 - 1, 2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER])
      expect(written(n)).toBe(`..${n}.`);
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.maxSafeNat()), (n) => expect(written(n)).toBe(`..${n}.`)),
      { numRuns: 2000 }
    );
  });
});
