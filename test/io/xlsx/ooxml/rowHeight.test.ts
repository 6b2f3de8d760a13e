/**
 * Rows of wrapped text get a height that shows every line when printed (Excel, WPS and LibreOffice do not all grow
 * rows written by a program); one-line rows keep the default height.
 */
import { strFromU8, unzipSync } from "fflate";
import { wrappedLines } from "../../../../src/io/xlsx/ooxml/rowHeight";
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
