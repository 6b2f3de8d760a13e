/**
 * The worksheet scanner on small hand-written SpreadsheetML: every cell type, cells and rows without r, formulas with
 * and without a cached value, date and percent styles, the 1904 date system, merged ranges, markup it must skip.
 */
import { readSheetXml, type SheetContext } from "../../../../src/io/xlsx/ooxml/readSheet";
import { GENERAL_FORMAT, type CellFormatKind } from "../../../../src/io/xlsx/ooxml/readStyles";
import { PartError } from "../../../../src/io/xlsx/ooxml/xmlScan";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const DATE: CellFormatKind = { date: true, percent: false };
const PERCENT: CellFormatKind = { date: false, percent: true };

function sheet(body: string, extra = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><dimension ref="A1:G9"/><sheetData>${body}</sheetData>${extra}</worksheet>`;
}

function ctx(over: Partial<SheetContext> = {}): SheetContext {
  return {
    sharedStrings: ["案例名称", "株洲岳峰硬质合金有限公司", ""],
    formats: [GENERAL_FORMAT, DATE, PERCENT],
    date1904: false,
    ...over,
  };
}

describe("readSheetXml: values", () => {
  const xml = sheet(
    '<row r="1" spans="1:7"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="0"><v>1</v></c></row>' +
      '<row r="3"><c r="A3"><v>1</v></c><c r="B3" t="n"><v>0.30000000000000004</v></c><c r="C3" s="2"><v>0.85</v></c>' +
      '<c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#REF!</v></c><c r="F3" t="inlineStr"><is><t xml:space="preserve"> 张三 </t></is></c>' +
      '<c r="G3" t="str"><f>"湖南"&amp;"长沙"</f><v>湖南长沙</v></c></row>'
  );
  const got = readSheetXml(xml, ctx(), "xl/worksheets/sheet1.xml");

  it("reads shared strings, numbers, booleans, errors, inline strings and formula text", () => {
    expect(got.rows[1][1].text).toBe("案例名称");
    expect(got.rows[1][2].text).toBe("株洲岳峰硬质合金有限公司");
    expect(got.rows[3][1]).toMatchObject({ num: 1, text: "1", formula: false });
    expect(got.rows[3][2]).toMatchObject({ num: 0.30000000000000004, text: "0.3" });
    expect(got.rows[3][3]).toMatchObject({ num: 0.85, percent: true });
    expect(got.rows[3][4].text).toBe("TRUE");
    expect(got.rows[3][5]).toMatchObject({ error: "#REF!", text: "#REF!", num: null });
    expect(got.rows[3][6].text).toBe(" 张三 ");
    expect(got.rows[3][7]).toMatchObject({ text: "湖南长沙", formula: true, missingResult: false });
  });

  it("leaves empty rows out and knows the extent", () => {
    expect(got.rows[2]).toBeUndefined();
    expect(got.rowCount).toBe(3);
    expect(got.colCount).toBe(7);
    expect(got.filledRows).toBe(2);
  });
});

describe("readSheetXml: positions", () => {
  it("places cells without r after the previous one, and rows without r after the previous row", () => {
    const xml = sheet(
      '<row r="2"><c t="inlineStr"><is><t>序号</t></is></c><c t="inlineStr"><is><t>案例名称</t></is></c><c r="E2"><v>5</v></c><c><v>6</v></c></row>' +
        "<row><c><v>7</v></c></row>"
    );
    const got = readSheetXml(xml, ctx(), "p");
    expect(got.rows[2][1].text).toBe("序号");
    expect(got.rows[2][2].text).toBe("案例名称");
    expect(got.rows[2][5].num).toBe(5);
    expect(got.rows[2][6].num).toBe(6);
    expect(got.rows[3][1].num).toBe(7);
  });

  it("skips empty styled cells but still counts their position", () => {
    const got = readSheetXml(
      sheet('<row r="1"><c s="1"/><c t="s"><v>0</v></c><c r="D1" s="2"/></row>'),
      ctx(),
      "p"
    );
    expect(got.rows[1][1]).toBeUndefined();
    expect(got.rows[1][2].text).toBe("案例名称");
    expect(got.colCount).toBe(2);
  });

  it("reads namespace-prefixed markup (x:row, x:c) as some libraries write it", () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>企业名称</x:t></x:is></x:c></x:row></x:sheetData>' +
      '<x:mergeCells count="1"><x:mergeCell ref="B1:C1"/></x:mergeCells></x:worksheet>';
    const got = readSheetXml(xml, ctx(), "p");
    expect(got.rows[1][2].text).toBe("企业名称");
    expect(got.merges).toEqual([{ top: 1, left: 2, bottom: 1, right: 3 }]);
  });
});

describe("readSheetXml: how attributes are written", () => {
  it("reads r, t and s the same in single quotes, with spaces around =, a prefix or character references", () => {
    const plain = readSheetXml(
      sheet('<row r="2"><c r="B2" t="s" s="2"><v>1</v></c><c r="C2" s="1"><v>45000</v></c></row>'),
      ctx(),
      "p"
    );
    const odd = readSheetXml(
      sheet(
        "<row r='2'><c x:r = 'B2' t='&#115;' s=\"&#50;\"><v>1</v></c><c r=\"&#x43;2\" foo=\"a&amp;b\" s='1' ><v>45000</v></c></row>"
      ),
      ctx(),
      "p"
    );
    expect(odd.rows[2][2]).toEqual(plain.rows[2][2]);
    expect(odd.rows[2][2]).toMatchObject({ text: "株洲岳峰硬质合金有限公司", percent: true });
    expect(odd.rows[2][3]).toEqual(plain.rows[2][3]);
    expect(odd.rows[2][3].date).not.toBeNull();
  });

  it("reads a shared-string index written with spaces, and an absent style as the general one", () => {
    const got = readSheetXml(sheet('<row r="1"><c r="A1" t="s"><v> 1 </v></c></row>'), ctx(), "p");
    expect(got.rows[1][1]).toMatchObject({
      text: "株洲岳峰硬质合金有限公司",
      percent: false,
      date: null,
    });
  });
});

describe("readSheetXml: formulas", () => {
  it("keeps a cached number and flags a formula saved without its result", () => {
    const xml = sheet(
      '<row r="4"><c r="A4"><f>ROW()-3</f><v>1</v></c><c r="B4"><f>ROW()-2</f></c><c r="C4"><f>ROW()-2</f><v></v></c>' +
        '<c r="D4"><f t="shared" si="0"/><v>4</v></c><c r="E4" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
    );
    const got = readSheetXml(xml, ctx(), "p");
    expect(got.rows[4][1]).toMatchObject({ num: 1, formula: true, missingResult: false });
    expect(got.rows[4][2]).toMatchObject({
      text: "",
      num: null,
      formula: true,
      missingResult: true,
    });
    expect(got.rows[4][3]).toMatchObject({ formula: true, missingResult: true });
    expect(got.rows[4][4]).toMatchObject({ num: 4, formula: true });
    expect(got.rows[4][5]).toMatchObject({ error: "#DIV/0!", formula: true });
  });
});

describe("readSheetXml: dates", () => {
  it("turns a number in a date-formatted cell into a date, in the 1900 and the 1904 system", () => {
    const xml = sheet(
      '<row r="1"><c r="A1" s="1"><v>45636</v></c><c r="B1"><v>45636</v></c><c r="C1" t="d"><v>2024-12-16T00:00:00</v></c></row>'
    );
    const d1900 = readSheetXml(xml, ctx(), "p");
    expect(d1900.rows[1][1]).toMatchObject({ text: "2024-12-10", num: null });
    expect(d1900.rows[1][1].date?.toISOString()).toBe("2024-12-10T00:00:00.000Z");
    expect(d1900.rows[1][2]).toMatchObject({ num: 45636, date: null });
    expect(d1900.rows[1][3].text).toBe("2024-12-16");
    const d1904 = readSheetXml(xml, ctx({ date1904: true }), "p");
    expect(d1904.rows[1][1].text).toBe("2028-12-11");
  });
});

describe("readSheetXml: text and markup", () => {
  it("decodes entities, character references, CDATA and Excel escapes; ignores phonetic runs", () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>A&amp;B &lt;有限&gt; &quot;x&quot; &apos;y&apos; &#25252;&#x822A;</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>株洲</t></r><r><t xml:space="preserve"> 岳峰</t></r><rPh sb="0" eb="2"><t>かぶ</t></rPh></is></c>' +
        '<c r="C1" t="inlineStr"><is><t><![CDATA[a<b>&c]]></t></is></c>' +
        '<c r="D1" t="inlineStr"><is><t>第一行_x000D_\n第二行 _x005F_x0041_</t></is></c></row>'
    );
    const got = readSheetXml(xml, ctx(), "p");
    expect(got.rows[1][1].text).toBe("A&B <有限> \"x\" 'y' 护航");
    expect(got.rows[1][2].text).toBe("株洲 岳峰");
    expect(got.rows[1][3].text).toBe("a<b>&c");
    expect(got.rows[1][4].text).toBe("第一行\r\n第二行 _x0041_");
  });

  it("skips what lies outside sheetData (data validations, hyperlinks) and reads merges", () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>护航新型工业化网络安全典型案例推荐汇总表</t></is></c></row>',
      '<mergeCells count="2"><mergeCell ref="A1:G1"/><mergeCell ref="$C$5:$C$6"/></mergeCells>' +
        '<dataValidations count="1"><dataValidation type="list" sqref="D2"><formula1>"工业企业,基础电信企业"</formula1></dataValidation></dataValidations>' +
        '<hyperlinks><hyperlink ref="A1" r:id="rId1" display="a>b"/></hyperlinks>'
    );
    const got = readSheetXml(xml, ctx(), "p");
    expect(got.rowCount).toBe(1);
    expect(got.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 7 },
      { top: 5, left: 3, bottom: 6, right: 3 },
    ]);
  });
});

describe("readSheetXml: refusals", () => {
  it("refuses a DTD (external entity) before reading anything", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`;
    expect(() => readSheetXml(xml, ctx(), "xl/worksheets/sheet1.xml")).toThrow(PartError);
    expect(() => readSheetXml(xml, ctx(), "xl/worksheets/sheet1.xml")).toThrow(
      /xl\/worksheets\/sheet1\.xml 含有 DOCTYPE \/ ENTITY 声明/
    );
  });

  it("finds the DTD past the declaration, comments and processing instructions, in any case", () => {
    const xml = `<?xml version="1.0"?>\n<!-- made by hand --><?mso-application progid="Excel.Sheet"?>\n  <!doctype worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet ${NS}><sheetData/></worksheet>`;
    expect(() => readSheetXml(xml, ctx(), "xl/worksheets/sheet1.xml")).toThrow(
      /xl\/worksheets\/sheet1\.xml 含有 DOCTYPE \/ ENTITY 声明/
    );
  });

  it("a declaration after the root element declares nothing: its entity stays text", () => {
    const xml = `<?xml version="1.0"?><worksheet ${NS}><!ENTITY xxe SYSTEM "file:///etc/passwd"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`;
    expect(readSheetXml(xml, ctx(), "xl/worksheets/sheet1.xml").rows[1][1].text).toBe("&xxe;");
  });

  it("names the cell whose shared string does not exist", () => {
    const xml = sheet('<row r="3"><c r="B3" t="s"><v>9</v></c></row>');
    expect(() => readSheetXml(xml, ctx(), "xl/worksheets/sheet1.xml")).toThrow(
      "xl/worksheets/sheet1.xml 的单元格 B3 引用了不存在的共享字符串（第 9 项）"
    );
  });

  describe("stops as soon as a sheet passes the row or cell limit", () => {
    // three rows of two cells, an empty row, and a row that is only a <row> (no cell: not counted)
    const xml = sheet(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"/></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>3</v></c></row>' +
        '<row r="3"/><row r="4"><c r="A4"><v>4</v></c><c r="B4"><v>5</v></c></row>'
    );
    const read = (over: Partial<SheetContext>) => () => readSheetXml(xml, ctx(over), "p");

    it("at the limit the sheet is read in full", () => {
      expect(read({ maxRows: 3, maxCells: 6 })().rowCount).toBe(4);
    });

    it("one row with cells past the limit stops it (a row without cells does not count)", () => {
      expect(read({ maxRows: 2 })).toThrow(expect.objectContaining({ kind: "limit" }));
    });

    it("one cell past the limit stops it (an empty <c/> counts, as it takes memory to read)", () => {
      expect(read({ maxCells: 5 })).toThrow(expect.objectContaining({ kind: "limit" }));
    });
  });

  it("stops at the deadline", () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`
    ).join("");
    expect(() => readSheetXml(sheet(rows), ctx({ deadline: Date.now() - 1 }), "p")).toThrow(
      expect.objectContaining({ kind: "timeout" })
    );
  });
});
