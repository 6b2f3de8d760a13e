/**
 * The shared string table's own hash table gives every text the index a plain Map would (first use, in order), for
 * any texts — repeats, near-repeats, lone surrogates, the empty string — and writes them all, once each, in order,
 * each as textElement writes it (in batches of many elements encoded at once).
 */
import fc from "fast-check";
import { strFromU8 } from "fflate";
import { concatBytes } from "../../../../src/io/codec";
import { readSharedStrings } from "../../../../src/io/xlsx/ooxml/readSharedStrings";
import { SharedStrings, textHash } from "../../../../src/io/xlsx/ooxml/sharedStrings";
import { NS_MAIN, textElement, XML_HEAD } from "../../../../src/io/xlsx/ooxml/xml";

/** What the table must do: a Map from text to its first index. */
function reference(texts: readonly string[]): { indexes: number[]; unique: string[] } {
  const seen = new Map<string, number>();
  const unique: string[] = [];
  const indexes = texts.map((t) => {
    let i = seen.get(t);
    if (i === undefined) {
      i = unique.length;
      unique.push(t);
      seen.set(t, i);
    }
    return i;
  });
  return { indexes, unique };
}

const text = fc.oneof(
  { arbitrary: fc.string({ maxLength: 12 }), weight: 20 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 20 },
  // long texts fill the batches the part is encoded in
  { arbitrary: fc.string({ unit: "binary", minLength: 2000, maxLength: 9000 }), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      "",
      "长沙市",
      "长沙市 ",
      "湘西州",
      "民营企业",
      "😀",
      "\ud800",
      "A",
      "a",
      "_x0041_",
      "a&b"
    ),
    weight: 20,
  }
);

describe("SharedStrings", () => {
  it("gives each text the index of its first use, as a Map would", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 3000, size: "large" }), (texts) => {
        const table = new SharedStrings();
        const got = texts.map((t) => table.add(t));
        const want = reference(texts);
        expect(got).toEqual(want.indexes);
        expect(table.size).toBe(want.unique.length);
        // the part: every text once, in order, each as textElement writes it
        const xml = strFromU8(concatBytes(table.toChunks()));
        expect(xml).toBe(
          `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${texts.length}" uniqueCount="${want.unique.length}">` +
            want.unique.map((t) => `<si>${textElement(t)}</si>`).join("") +
            "</sst>"
        );
      }),
      { numRuns: 200 }
    );
  });

  it("keeps 200,000 texts apart through every growth of its table, and writes each once in order", () => {
    const texts: string[] = [];
    for (let i = 0; i < 200_000; i++)
      texts.push(`案例${i}`, `案例${i >> 1}`, i % 3 === 0 ? "长沙市" : `${i}`);
    const table = new SharedStrings();
    const got = texts.map((t) => table.add(t));
    const want = reference(texts);
    expect(got).toEqual(want.indexes);
    const xml = strFromU8(concatBytes(table.toChunks()));
    expect(xml).toContain(`count="${texts.length}" uniqueCount="${want.unique.length}"`);
    expect(readSharedStrings(xml)).toEqual(want.unique);
  });

  it("tells apart texts whose hashes collide", () => {
    // two texts with the same 32-bit hash (found by the birthday bound, within a few hundred thousand) and texts that
    // share the low bits a small table probes by: the table must compare the texts themselves
    const byHash = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; pair === null; i++) {
      const t = `企业${i}`;
      const h = textHash(t);
      const other = byHash.get(h);
      if (other !== undefined) pair = [other, t];
      else byHash.set(h, t);
    }
    expect(textHash(pair[0])).toBe(textHash(pair[1]));
    const crowded = [...byHash.values()].filter((t) => (textHash(t) & 0x3ff) === 7).slice(0, 20);
    expect(crowded.length).toBe(20);
    const texts = [...pair, ...crowded, pair[1], ...crowded.slice().reverse(), pair[0], "长沙市"];
    const table = new SharedStrings();
    expect(texts.map((t) => table.add(t))).toEqual(reference(texts).indexes);
    expect(table.size).toBe(23);
  });
});
