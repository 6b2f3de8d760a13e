/**
 * Our SpreadsheetML writer, read back by programs nobody here wrote: openpyxl (values, types, styles, layout, print
 * setup, validations), exceljs (what readProvinceWorkbook uses) and LibreOffice (converted to CSV). Expected values are
 * the ones written below, by hand.
 */
import { spawnSync } from "child_process";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { WorkbookWriter } from "../../../../src/io/xlsx/ooxml/workbook";
import { inlineList } from "../../../../src/io/xlsx/ooxml/validation";
import {
  dumpXlsx,
  openpyxlMissing,
  rowValues,
  sheet,
  sofficeMissing,
  tempDir,
  val,
  type Dump,
} from "../inspect/python";

const WHEN = new Date(Date.UTC(2024, 11, 20, 1, 30, 0));
const BOLD_RED = {
  font: { name: "宋体", size: 11, bold: true },
  fill: "FFFFC7CE",
  border: "thin" as const,
  alignment: { wrapText: true, vertical: "center" as const },
};

/** A workbook using every feature once: two visible sheets and a hidden one. */
function sampleBook(): Uint8Array {
  const wb = new WorkbookWriter({ creator: "护航汇总", created: WHEN });
  const a = wb.addSheet("数据");
  a.column(1, { width: 12 });
  a.column(2, { width: 30.5 });
  a.column(4, { hidden: true, width: 8 });
  a.column(5, { style: { numFmt: "@" } });
  a.merge("A1:E1");
  a.row(
    1,
    ['标题 & <说明> "引号"'],
    a.style({ font: { name: "方正小标宋简体", size: 18, bold: true } }),
    { height: 36 }
  );
  const body = a.style(BOLD_RED);
  a.row(
    2,
    ["  前后空格  ", "第一行\n第二行", 42, true, "0731-88954321"],
    [body, body, body, body, a.style({ ...BOLD_RED, numFmt: "@" })]
  );
  // a gap (B) between values, an unstyled empty cell (D) and a styled empty cell (E)
  a.row(3, ["左", null, -3.25, null, null], [0, 0, a.style({ numFmt: "0.0%" }), 0, body]);
  a.row(5, ["=1+1", "+cmd|calc", "@SUM(1)", "-2+3", "_x0041_ 字面"]);
  a.row(6, [
    { formula: "C3*2", result: -6.5 },
    { formula: 'IFERROR(1/0,"")', result: "" },
    { formula: 'A5&"!"', result: "=1+1!" },
    { formula: "C3>0", result: false },
  ]);
  a.row(
    7,
    ["控制符\u0007与\u000b孤立代理\ud800已去掉"],
    a.style({ locked: false, fill: "FFE2EFDA" })
  );
  a.freeze(1, 2);
  a.autoFilter("A2:E7");
  a.validate("E2:E400", {
    type: "list",
    formula1: inlineList(["是", "否"]),
    prompt: { title: "请选择", text: "请选择“是”或“否”。" },
    error: { style: "stop", title: "无效", text: "只能选“是”或“否”。" },
  });
  a.validate("C2:C400", {
    type: "decimal",
    operator: "between",
    formula1: "0",
    formula2: "100",
    error: { style: "warning", text: "0 至 100" },
  });
  a.validate("B2:B400", {
    type: "whole",
    operator: "greaterThanOrEqual",
    formula1: "0",
    allowBlank: false,
  });
  a.pageSetup({
    paperSize: 9,
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
  });
  a.printTitleRows(2);

  const b = wb.addSheet("It's 清单");
  for (let r = 1; r <= 500; r++) b.row(r, [r, `第${r % 7}类`, r % 2 === 0], b.style(BOLD_RED));
  b.printTitleRows(1, 2);
  const c = wb.addSheet("隐藏");
  c.state = "hidden";
  c.row(1, ["看不见"]);
  return wb.toBytes();
}

describe("WorkbookWriter package", () => {
  const parts = unzipSync(sampleBook());
  const text = (name: string) => strFromU8(parts[name]);

  it("holds the parts a spreadsheet program needs, and the same content gives the same bytes", () => {
    expect(Object.keys(parts)).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "docProps/core.xml",
      "docProps/app.xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/sharedStrings.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/sheet3.xml",
    ]);
    expect(Buffer.from(sampleBook()).equals(Buffer.from(sampleBook()))).toBe(true);
    expect(text("xl/workbook.xml")).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
  });

  it("dedupes styles: 500 rows in one look give one cellXfs entry, and text is stored once", () => {
    // looks used: default, title, BOLD_RED, BOLD_RED+@, 0.0%, unlocked input, numFmt @ (column default)
    expect(text("xl/styles.xml")).toMatch(/<cellXfs count="7">/);
    const sst = text("xl/sharedStrings.xml");
    // 7 distinct 第N类 over 500 rows + 12 other texts (formula results are not shared strings)
    expect(sst.match(/<si>/g)).toHaveLength(7 + 12);
    expect(sst).toContain("标题 &amp; &lt;说明&gt; &quot;引号&quot;");
  });

  it("writes one validation element per range, not one per cell, and no formula for input text", () => {
    const xml = text("xl/worksheets/sheet1.xml");
    expect(xml).toContain('<dataValidations count="3">');
    expect(xml.match(/<f>/g)).toHaveLength(4);
  });

  it("refuses what Excel would reject instead of writing a broken file", () => {
    const wb = new WorkbookWriter({ creator: "x", created: WHEN });
    const s = wb.addSheet("表");
    expect(() => wb.addSheet("表")).toThrow(/重复/);
    expect(() => wb.addSheet("a/b")).toThrow(/名称无效/);
    expect(() => wb.addSheet("工作表".repeat(11))).toThrow(/名称无效/);
    s.row(3, ["x"]);
    expect(() => s.row(3, ["again"])).toThrow(/之后/);
    expect(() => s.row(2, ["up"])).toThrow(/之后/);
    expect(() => inlineList(Array.from({ length: 60 }, (_, i) => `选项${i}`))).toThrow(/255/);
    expect(() => inlineList(["a,b"])).toThrow(/逗号/);
    expect(() => new WorkbookWriter({ creator: "x", created: WHEN }).toBytes()).toThrow(/至少/);
  });
});

const missing = openpyxlMissing();
if (missing) console.warn(missing);
const describeWithPython = missing ? describe.skip : describe;

describeWithPython("WorkbookWriter read by openpyxl", () => {
  let dump: Dump;
  beforeAll(() => {
    dump = dumpXlsx(sampleBook());
  });

  it("has the sheets in order with their state, and the document properties", () => {
    expect(dump.sheets.map((s) => [s.name, s.state])).toEqual([
      ["数据", "visible"],
      ["It's 清单", "visible"],
      ["隐藏", "hidden"],
    ]);
    expect(dump.creator).toBe("护航汇总");
    expect(dump.created).toBe("2024-12-20 01:30:00");
  });

  it("reads every value with its type, text exactly as written", () => {
    const s = sheet(dump, "数据");
    expect(val(s, "A1")).toBe('标题 & <说明> "引号"');
    expect(rowValues(s, 2, 5)).toEqual([
      "  前后空格  ",
      "第一行\n第二行",
      42,
      true,
      "0731-88954321",
    ]);
    expect(rowValues(s, 3, 5)).toEqual(["左", null, -3.25, null, null]);
    expect(s.cells.D3).toBeUndefined();
    expect(s.cells.E3).toMatchObject({ v: null, fill: "FFFFC7CE" });
    expect(rowValues(s, 5, 5)).toEqual(["=1+1", "+cmd|calc", "@SUM(1)", "-2+3", "_x0041_ 字面"]);
    for (const c of ["A5", "B5", "C5", "D5", "E5"]) expect(s.cells[c].t).toBe("s");
    expect(val(s, "A7")).toBe("控制符与孤立代理已去掉");
    expect(s.maxRow).toBe(7);
  });

  it("keeps formulas with their cached results", () => {
    const s = sheet(dump, "数据");
    expect(rowValues(s, 6, 4)).toEqual(["=C3*2", '=IFERROR(1/0,"")', '=A5&"!"', "=C3>0"]);
    // openpyxl reads an empty cached text as None
    expect(["A6", "B6", "C6", "D6"].map((a) => s.cells[a].c)).toEqual([-6.5, null, "=1+1!", false]);
  });

  it("applies looks: bold, fill, wrap, number formats, unlocked input cells", () => {
    const s = sheet(dump, "数据");
    expect(s.cells.A2).toMatchObject({
      bold: true,
      fill: "FFFFC7CE",
      wrap: true,
      locked: true,
      fmt: "General",
    });
    expect(s.cells.E2.fmt).toBe("@");
    expect(s.cells.C3.fmt).toBe("0.0%");
    expect(s.cells.A7).toMatchObject({ locked: false, fill: "FFE2EFDA", bold: false });
    expect(sheet(dump, "It's 清单").cells.B500).toMatchObject({ v: "第3类", bold: true });
  });

  it("lays out columns, rows, merges, panes, filter and print setup", () => {
    const s = sheet(dump, "数据");
    expect(s.widths).toMatchObject({ A: 12, B: 30.5, D: 8 });
    expect(s.hiddenColumns).toEqual(["D"]);
    expect(s.heights["1"]).toBe(36);
    expect(s.merged).toEqual(["A1:E1"]);
    expect(s.freeze).toBe("B3");
    expect(s.autofilter).toBe("A2:E7");
    expect([
      s.orientation,
      s.paperSize,
      s.fitToPage,
      s.fitToWidth,
      s.fitToHeight,
      s.printTitleRows,
    ]).toEqual(["landscape", 9, true, 1, 0, "$2:$2"]);
    expect(sheet(dump, "It's 清单").printTitleRows).toBe("$1:$2");
    expect(sheet(dump, "It's 清单").fitToPage).toBe(false);
  });

  it("gives each validation its range, formulas, prompt and blank rule", () => {
    const v = sheet(dump, "数据").validations;
    expect(v).toHaveLength(3);
    expect(v[0]).toMatchObject({
      type: "list",
      sqref: "E2:E400",
      formula1: '"是,否"',
      promptTitle: "请选择",
      prompt: "请选择“是”或“否”。",
      showInputMessage: true,
      allowBlank: true,
    });
    expect(v[1]).toMatchObject({
      type: "decimal",
      sqref: "C2:C400",
      formula1: "0",
      formula2: "100",
      prompt: null,
      promptTitle: null,
    });
    expect(v[2]).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
      sqref: "B2:B400",
      allowBlank: false,
    });
  });
});

describe("WorkbookWriter read by exceljs (the reader behind readProvinceWorkbook)", () => {
  it("puts cells written without a reference in the right columns", async () => {
    const wb = new ExcelJS.Workbook();
    const bytes = sampleBook();
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
    const ws = wb.getWorksheet("数据")!;
    expect([1, 2, 3, 4, 5].map((c) => ws.getRow(2).getCell(c).value)).toEqual([
      "  前后空格  ",
      "第一行\n第二行",
      42,
      true,
      "0731-88954321",
    ]);
    expect([1, 2, 3].map((c) => ws.getRow(3).getCell(c).value)).toEqual(["左", null, -3.25]);
    expect(ws.getCell("E5").value).toBe("_x0041_ 字面");
    expect(ws.getCell("A6").value).toMatchObject({ formula: "C3*2", result: -6.5 });
    expect(wb.getWorksheet("隐藏")!.state).toBe("hidden");
  });
});

const noOffice = sofficeMissing();
if (noOffice) console.warn(noOffice);
const describeWithLibreOffice = noOffice ? describe.skip : describe;

describeWithLibreOffice("WorkbookWriter read by LibreOffice", () => {
  it("converts the first sheet to CSV with every value in its place", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "book.xlsx"), sampleBook());
    const r = spawnSync(
      "/usr/bin/soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76",
        "--outdir",
        dir,
        join(dir, "book.xlsx"),
      ],
      { encoding: "utf8", timeout: 120000 }
    );
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, "book.csv"))).toBe(true);
    const csv = readFileSync(join(dir, "book.csv"), "utf8").replace(/\r\n/g, "\n");
    expect(csv.split("\n").slice(0, 9)).toEqual(EXPECTED_CSV);
  }, 180000);
});

/** The first sheet as LibreOffice shows it (cells as formatted: -3.25 in 0.0% is -325.0%). */
const EXPECTED_CSV = [
  '"标题 & <说明> ""引号""",,,,',
  '  前后空格  ,"第一行',
  '第二行",42,TRUE,0731-88954321',
  "左,,-325.0%,,",
  ",,,,",
  "=1+1,+cmd|calc,@SUM(1),-2+3,_x0041_ 字面",
  "-6.5,,=1+1!,FALSE,",
  "控制符与孤立代理已去掉,,,,",
  "",
];
