/**
 * The small parts on hand-written XML: shared strings (plain, rich runs, whitespace, escapes, empty items), styles
 * (built-in and custom date / percent formats, only cellXfs counted), and the workbook's sheet list.
 */
import {
  readContentTypes,
  readWorkbookInfo,
  resolveTarget,
} from "../../../../src/io/xlsx/ooxml/readPackage";
import { readSharedStrings } from "../../../../src/io/xlsx/ooxml/readSharedStrings";
import { isDateFormat, readStyles } from "../../../../src/io/xlsx/ooxml/readStyles";
import { decodeEntities } from "../../../../src/io/xlsx/ooxml/xmlScan";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

describe("readSharedStrings", () => {
  it("reads plain, rich-text, empty and escaped items in order", () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="6" uniqueCount="6">` +
      "<si><t>序号</t></si>" +
      '<si><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>株洲岳峰</t></r><r><t>硬质合金有限公司</t></r></si>' +
      "<si><t/></si>" +
      '<si><t xml:space="preserve">  前后空格  </t></si>' +
      '<si><t>R&amp;D 中心 &#x4E2D;_x000A_第二行</t><phoneticPr fontId="1"/></si>' +
      '<si><r><t>湘</t></r><rPh sb="0" eb="1"><t>xiang</t></rPh></si>' +
      "</sst>";
    expect(readSharedStrings(xml)).toEqual([
      "序号",
      "株洲岳峰硬质合金有限公司",
      "",
      "  前后空格  ",
      "R&D 中心 中\n第二行",
      "湘",
    ]);
  });

  it("refuses a table that declares entities", () => {
    const xml = `<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><sst ${NS}><si><t>&b;</t></si></sst>`;
    expect(() => readSharedStrings(xml)).toThrow(/xl\/sharedStrings\.xml 含有 DOCTYPE/);
  });

  it("says the table is damaged when an item never ends", () => {
    expect(() => readSharedStrings(`<sst ${NS}><si><t>未完`)).toThrow(
      /xl\/sharedStrings\.xml 已损坏/
    );
  });
});

describe("decodeEntities", () => {
  it("decodes the five entities and character references, leaving anything else as written", () => {
    expect(decodeEntities("&lt;&gt;&amp;&quot;&apos;")).toBe("<>&\"'");
    expect(decodeEntities("&#25252;&#x822a;&#X65B0;&#128512;")).toBe("护航新😀");
    expect(decodeEntities("AT&T & &nbsp; &#xZZ; &amp;lt;")).toBe("AT&T & &nbsp; &#xZZ; &lt;");
  });
});

describe("readStyles", () => {
  it("classifies cell formats by number format: built-in and custom dates, percents, general", () => {
    const xml =
      `<styleSheet ${NS}><numFmts count="3"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>` +
      '<numFmt numFmtId="177" formatCode="0.0%"/><numFmt numFmtId="178" formatCode="#,##0.00_ &quot;万元&quot;"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="7"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176"/>' +
      '<xf numFmtId="9"/><xf numFmtId="177"><alignment wrapText="1"/></xf><xf numFmtId="178"/><xf numFmtId="49"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
    expect(readStyles(xml)).toEqual([
      { date: false, percent: false },
      { date: true, percent: false },
      { date: true, percent: false },
      { date: false, percent: true },
      { date: false, percent: true },
      { date: false, percent: false },
      { date: false, percent: false },
    ]);
  });

  it.each([
    ["yyyy-mm-dd", true],
    ["[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", true],
    ["h:mm:ss", true],
    ["[h]:mm", true],
    ['m"月"d"日"', true],
    ["General", false],
    ["0.00", false],
    ["[Red]#,##0;[Blue]-#,##0", false],
    ['"合计："0', false],
    ["@", false],
    ["0.00E+00", false],
  ])("isDateFormat(%s) → %s", (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });
});

describe("readWorkbookInfo", () => {
  const rels =
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/Sheet1.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/>' +
    '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>' +
    '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
    '<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
    "</Relationships>";
  const wb =
    `<workbook ${NS} ${R}><workbookPr date1904="1"/><sheets>` +
    '<sheet name="填表说明" sheetId="3" state="hidden" r:id="rId3"/><sheet name="推荐汇总表" sheetId="1" r:id="rId1"/>' +
    '<sheet name="名单&amp;附表" sheetId="2" state="veryHidden" r:id="rId2"/><sheet name="图表" sheetId="4" r:id="rId4"/></sheets></workbook>';

  it("gives the worksheets in workbook order with their state and part, the date system and the other parts", () => {
    expect(readWorkbookInfo(wb, rels)).toEqual({
      sheets: [
        { name: "填表说明", state: "hidden", part: "xl/worksheets/sheet2.xml" },
        { name: "推荐汇总表", state: "visible", part: "xl/worksheets/Sheet1.xml" },
        { name: "名单&附表", state: "veryHidden", part: "xl/worksheets/sheet3.xml" },
      ],
      date1904: true,
      sharedStringsPart: "xl/sharedStrings.xml",
      stylesPart: "xl/styles.xml",
    });
  });

  it("reads date1904 written as true/false and defaults to the 1900 system", () => {
    expect(readWorkbookInfo(wb.replace('date1904="1"', 'date1904="false"'), rels).date1904).toBe(
      false
    );
    expect(readWorkbookInfo(wb.replace('<workbookPr date1904="1"/>', ""), rels).date1904).toBe(
      false
    );
  });

  it("refuses a DTD in the workbook or its relationships, and a workbook without sheets", () => {
    expect(() =>
      readWorkbookInfo('<!DOCTYPE x [<!ENTITY e SYSTEM "http://evil.example/">]>' + wb, rels)
    ).toThrow(/xl\/workbook\.xml 含有 DOCTYPE/);
    expect(() => readWorkbookInfo(wb, "<!DOCTYPE r>" + rels)).toThrow(
      /workbook\.xml\.rels 含有 DOCTYPE/
    );
    expect(() => readWorkbookInfo(`<workbook ${NS}><sheets/></workbook>`, rels)).toThrow(
      /没有任何工作表/
    );
  });

  it("resolves relationship targets and reads content types", () => {
    expect(resolveTarget("xl/", "../xl/worksheets/./sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/", "/xl/worksheets/%E8%A1%A8.xml")).toBe("xl/worksheets/表.xml");
    const ct = readContentTypes(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/Workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    );
    expect(ct.get("xl/workbook.xml")).toMatch(/sheet\.main\+xml$/);
  });
});
