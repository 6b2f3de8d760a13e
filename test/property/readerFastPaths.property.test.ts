/**
 * Property tests (fast-check): the SpreadsheetML reader's fast paths give what its general scan gives. A shared
 * string item written as one plain <t> (taken straight from between the tags) reads as the same item written so
 * that only the general scan reads it: a space inside the start tag, a comment after the text, split into runs.
 * A worksheet cell <c …><v>…</v></c> (read straight) reads as the same cell written <v >…</v> (the tag-by-tag scan).
 * The header matcher's edit distance, on two reused rows, is the distance as defined wherever it matters (≤ cap).
 */
import fc from "fast-check";
import { readSheetXml, type SheetContext } from "../../src/io/xlsx/ooxml/readSheet";
import { readSharedStrings } from "../../src/io/xlsx/ooxml/readSharedStrings";
import { editDistance, matchHeader } from "../../src/io/xlsx/reader/header";

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

/** Levenshtein distance as defined: the full table, fresh arrays. */
function plainDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d.push([i]);
    for (let j = 1; j <= b.length; j++)
      d[i][j] =
        i === 0
          ? j
          : Math.min(
              d[i - 1][j] + 1,
              d[i][j - 1] + 1,
              d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
            );
  }
  return d[a.length][b.length];
}

describe("header labels: the reused-row edit distance", () => {
  const label = fc.oneof(
    fc.constantFrom("案例名称", "企业名称", "联系人", "案例申报方向和简述", "联系方式", ""),
    fc.string({ maxLength: 24 }),
    fc
      .array(fc.constantFrom("案", "例", "名", "称", "列", "企", "业", "a", "\ud83d"), {
        maxLength: 24,
      })
      .map((a) => a.join(""))
  );
  it("is the distance when it is within the cap, and above the cap when the distance is", () => {
    fc.assert(
      fc.property(label, label, fc.integer({ min: 0, max: 3 }), (a, b, cap) => {
        const d = plainDistance(a, b);
        const r = editDistance(a, b, cap);
        if (d <= cap) expect(r).toBe(d);
        else expect(r).toBeGreaterThan(cap);
      }),
      { numRuns: 2000 }
    );
  });

  it("misspelt labels still read as the label they stand for", () => {
    expect(matchHeader("案列名称")).toBe("caseName");
    expect(matchHeader("联糸人")).toBe("contact");
    expect(matchHeader("案例申报方向和简诉")).toBe("summary");
    expect(matchHeader("湖南省工业和信息化厅")).toBeNull();
  });
});

describe("worksheet cells: the plain-<v> fast path", () => {
  const ctx: SheetContext = {
    sharedStrings: ["护航", "", "湖南省工业和信息化厅", "  空格  ", "A&B"],
    formats: [
      { date: false, percent: false },
      { date: true, percent: false },
      { date: false, percent: true },
    ],
    date1904: false,
  };
  /** A cell's type, style and <v> text as written (entities and references included). */
  const cell = fc.record({
    t: fc.constantFrom(null, "s", "n", "str", "b", "e", "d", "inlineStr"),
    s: fc.constantFrom(null, "0", "1", "2", "7"),
    r: fc.boolean(),
    v: fc.oneof(
      fc.constantFrom("0", "1", "4", "45292", "45292.5", "-3.25", "1e3", "", " ", "true"),
      fc.constantFrom("#N/A", "#REF!", "2024-12-01", "2024-12-01T08:00:00", "abc", "x&amp;y"),
      fc.constantFrom("&#49;&#50;", "&lt;1&gt;", "护航网络安全", "1,234", "NaN", "Infinity"),
      fc.integer({ min: -5, max: 100000 }).map(String)
    ),
  });
  const sheetOf = (
    rows: (typeof cell extends fc.Arbitrary<infer C> ? C : never)[][],
    spaced: boolean
  ) => {
    const body = rows
      .map((cells, i) => {
        const cs = cells
          .map((c, j) => {
            const attrs = `${c.r ? ` r="${String.fromCharCode(65 + j)}${i + 1}"` : ""}${c.s === null ? "" : ` s="${c.s}"`}${c.t === null ? "" : ` t="${c.t}"`}`;
            return `<c${attrs}>${spaced ? "<v >" : "<v>"}${c.v}</v></c>`;
          })
          .join("");
        return `<row r="${i + 1}">${cs}</row>`;
      })
      .join("");
    return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
  };
  const read = (xml: string) => {
    try {
      return readSheetXml(xml, ctx, "xl/worksheets/sheet1.xml");
    } catch (e) {
      return (e as Error).message;
    }
  };

  it("reads every cell as the general scan reads it", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }), (rows) =>
        expect(read(sheetOf(rows, false))).toEqual(read(sheetOf(rows, true)))
      ),
      { numRuns: 400 }
    );
  });

  it("reads what a plain cell holds", () => {
    const xml = sheetOf(
      [
        [
          { t: "s", s: null, r: true, v: "2" },
          { t: null, s: "1", r: true, v: "45292" },
          { t: null, s: null, r: false, v: "&#49;2" },
        ],
      ],
      false
    );
    const sheet = readSheetXml(xml, ctx, "xl/worksheets/sheet1.xml");
    expect(sheet.rows[1][1].text).toBe("湖南省工业和信息化厅");
    expect(sheet.rows[1][2].text).toBe("2024-01-01");
    expect(sheet.rows[1][3].num).toBe(12);
  });
});
