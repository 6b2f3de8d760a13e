/**
 * Rows of wrapped text get a height that shows every line when printed (Excel, WPS and LibreOffice do not all grow
 * rows written by a program); one-line rows keep the default height.
 */
import { strFromU8, unzipSync } from "fflate";
import { mostWrappedLines, wrappedLines } from "../../../../src/io/xlsx/ooxml/rowHeight";
import { WorkbookWriter } from "../../../../src/io/xlsx/ooxml/workbook";

const WRAP = { font: { name: "宋体", size: 11 }, alignment: { wrapText: true } };

function rowsXml(build: (ws: ReturnType<WorkbookWriter["addSheet"]>) => void): string {
  const wb = new WorkbookWriter({ creator: "t", created: new Date(0) });
  build(wb.addSheet("S"));
  return strFromU8(unzipSync(wb.toBytes())["xl/worksheets/sheet1.xml"]);
}

it("counts Chinese characters as two width units and line breaks as new lines", () => {
  expect(wrappedLines("工业互联网安全", 20, 11)).toBe(1); // 7 × 2.1 = 14.7 units in 19
  expect(wrappedLines("工".repeat(20), 20, 11)).toBe(3); // 42 units in 19
  expect(wrappedLines("0731-88955532", 20, 11)).toBe(1);
  expect(wrappedLines("第一行\n第二行", 20, 11)).toBe(2);
  expect(wrappedLines("工".repeat(20), 20, 22)).toBe(5); // twice the font, half the room
});

it("a row with a long wrapped cell gets a custom height; short rows and unwrapped cells do not", () => {
  const xml = rowsXml((ws) => {
    ws.column(1, { width: 20 });
    ws.column(2, { width: 20 });
    const wrap = ws.style(WRAP);
    ws.row(1, ["短文本", "0731"], wrap);
    ws.row(
      2,
      ["简述：" + "完成自主定级和定级核查，按三级要求部署分级防护措施。".repeat(2), "刘建国"],
      wrap
    );
    ws.row(3, ["工".repeat(60)], 0); // not wrapped: Excel shows one clipped line
  });
  const rows = [...xml.matchAll(/<row r="(\d+)"([^>]*)>/g)].map((m) => [m[1], m[2]]);
  expect(rows[0]).toEqual(["1", ""]);
  const ht = /ht="([\d.]+)" customHeight="1"/.exec(rows[1][1]);
  expect(ht).not.toBeNull();
  // 3 + 52 characters × 2.1 ≈ 115.5 units in a 19-unit column: 7 lines of 15.5 pt
  expect(Number(ht![1])).toBeCloseTo(7 * 15.5 + 3);
  expect(rows[2]).toEqual(["3", ""]);
});

it("mostWrappedLines, from the length alone, is never fewer lines than wrappedLines counts", () => {
  // texts of every mix (ASCII, CJK, full-width, surrogate pairs) at the lengths where a line fills up exactly
  const pieces = ["a", "0", "工", "，", "Ａ", "\u{20000}", "😀", " ", "-"];
  let seed = 11;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
  let checked = 0;
  for (let t = 0; t < 3000; t++) {
    let text = "";
    const parts = 1 + next(80);
    for (let i = 0; i < parts; i++) text += pieces[next(pieces.length)];
    const width = [8.43, 10, 12.5, 20, 36, 60][next(6)];
    const size = [9, 10.5, 11, 12, 14][next(5)];
    const [most, lines] = [mostWrappedLines(text, width, size), wrappedLines(text, width, size)];
    if (most < lines)
      throw new Error(`${JSON.stringify(text)} at ${width}/${size}: ${most} < ${lines}`);
    checked++;
  }
  expect(checked).toBe(3000);
  // a CJK run that fills its lines exactly: the sum of its widths and the product agree
  for (let n = 1; n <= 200; n++) {
    const text = "工".repeat(n);
    expect([n, mostWrappedLines(text, 20, 11) >= wrappedLines(text, 20, 11)]).toEqual([n, true]);
  }
  expect(mostWrappedLines("第一行\n第二行", 20, 11)).toBe(Infinity);
});

it("a row's height is its tallest cell's, wherever that cell is and whatever comes before it", () => {
  const cjk = "完成自主定级和定级核查，按三级要求部署分级防护措施。".repeat(3).slice(0, 60);
  const ascii =
    "https://www.example.com/report/2024/industrial-internet-security-classification.html";
  const height = (values: string[]) => {
    const xml = rowsXml((ws) => {
      for (let c = 1; c <= 4; c++) ws.column(c, { width: 15 });
      ws.row(1, values, ws.style(WRAP));
    });
    return Number(/<row r="1" ht="([\d.]+)"/.exec(xml)![1]);
  };
  const lines = (text: string) => wrappedLines(text, 15, 11);
  // the ASCII text is longer, so it may need the most lines, but the CJK one needs more
  expect(ascii.length).toBeGreaterThan(cjk.length);
  expect(lines(cjk)).toBeGreaterThan(lines(ascii));
  for (const values of [
    [ascii, cjk, "短", "短"],
    [cjk, ascii, "短", "短"],
    ["短", ascii, "短", cjk],
  ])
    expect(height(values)).toBe(lines(cjk) * 15.5 + 3);
  expect(height(["短", ascii, "短", "短"])).toBe(lines(ascii) * 15.5 + 3);
});
