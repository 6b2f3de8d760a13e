/**
 * Property tests (fast-check): the SpreadsheetML reader's fast paths give what its general scan gives. A shared
 * string item written as one plain <t> (taken straight from between the tags) reads as the same item written so
 * that only the general scan reads it: a space inside the start tag, a comment after the text, split into runs.
 */
import fc from "fast-check";
import { readSharedStrings } from "../../src/io/xlsx/ooxml/readSharedStrings";

/** What an item's text may hold, as written in the XML: entities, references, Excel escapes, CJK, spaces. */
const xmlPiece = fc.oneof(
  fc.constantFrom(
    "&amp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&apos;",
    "&#25252;",
    "&#x41;",
    "&#0;",
    "&bogus;",
    "&",
    ";",
    "_x000D_",
    "_x005F_x0041_",
    "_x",
    ">",
    " ",
    "\n",
    "\u3000",
    "护航",
    "湖南省工业和信息化厅",
    "工业互联网安全分类分级案例：",
    "，",
    "\ud83d\ude00"
  ),
  fc.string({ maxLength: 6 }).map((s) => s.replace(/[<&]/g, "")),
  fc.constantFrom("a", "Z", "0", "9")
);
const xmlText = fc.array(xmlPiece, { maxLength: 12 }).map((a) => a.join(""));

const SST_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** Each item in one of the forms the fast path takes. */
function plainForm(texts: readonly string[], preserve: readonly boolean[]): string {
  const items = texts.map(
    (t, i) => `<si>${preserve[i] ? '<t xml:space="preserve">' : "<t>"}${t}</t></si>`
  );
  return `${SST_HEAD}${items.join("")}</sst>`;
}

/** The same items in forms only the general scan reads (same visible text). */
function generalForm(texts: readonly string[], shape: readonly number[]): string {
  const items = texts.map((t, i) => {
    switch (shape[i] % 3) {
      case 0:
        return `<si><t >${t}</t></si>`;
      case 1:
        return `<si><t>${t}</t><!-- x --></si>`;
      default: {
        // rich-text runs, split at a piece boundary that leaves entities whole (start of the text)
        return `<si><r><rPr><b/></rPr><t></t></r><r><t xml:space="preserve">${t}</t></r></si>`;
      }
    }
  });
  return `${SST_HEAD}${items.join("")}</sst>`;
}

describe("shared strings: the plain-<t> fast path", () => {
  it("reads every item as the general scan reads it", () => {
    fc.assert(
      fc.property(
        fc.array(xmlText, { maxLength: 20 }),
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
        (texts, preserve, shape) => {
          const fast = readSharedStrings(plainForm(texts, preserve));
          expect(fast).toHaveLength(texts.length);
          expect(fast).toEqual(readSharedStrings(generalForm(texts, shape)));
        }
      ),
      { numRuns: 300 }
    );
  });

  it("decodes what a plain item holds", () => {
    const xml = plainForm(
      ["A&amp;B &#25252;航_x000D_&lt;x&gt;", "", "  空格  "],
      [false, true, true]
    );
    expect(readSharedStrings(xml)).toEqual(["A&B 护航\r<x>", "", "  空格  "]);
  });
});
