/**
 * Cell helpers: dates as clerks type them (text, serial numbers, 20241210 typed as a number), and the merged-range map.
 * How cells are read from the XML is in ooxml/readSheet.test.ts.
 */
import {
  cellIsoDate,
  EMPTY_CELL,
  MergeMap,
  parseDateText,
  parseRangeRef,
  serialToDate,
  toIsoDate,
  type CellData,
} from "../../../src/io/xlsx/cells";

const num = (n: number): CellData => ({ ...EMPTY_CELL, num: n, text: String(n) });

describe("dates", () => {
  it.each([
    ["2024年12月10日", "2024-12-10"],
    ["日期：2024年12月9日", "2024-12-09"],
    ["2024-1-5", "2024-01-05"],
    ["2024/11/20", "2024-11-20"],
    ["２０２４．１２．１６", "2024-12-16"],
    ["20241210", "2024-12-10"],
    ["二〇二四年十二月十日", "2024-12-10"],
    ["二〇二四年十一月二十五日", "2024-11-25"],
    ["2024年2月30日", null],
    ["待定", null],
  ])("%s → %s", (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it("converts serial numbers in the 1900 and 1904 systems", () => {
    expect(toIsoDate(serialToDate(45616)!)).toBe("2024-11-20");
    expect(toIsoDate(serialToDate(45616 - 1462, true)!)).toBe("2024-11-20");
    expect(serialToDate(12)).toBeNull();
    expect(cellIsoDate(num(20241210))).toBe("2024-12-10");
    expect(cellIsoDate(num(45616))).toBe("2024-11-20");
    expect(cellIsoDate(num(45616 - 1462), true)).toBe("2024-11-20");
    expect(
      cellIsoDate({ ...EMPTY_CELL, date: new Date(Date.UTC(2024, 11, 1)), text: "2024-12-01" })
    ).toBe("2024-12-01");
    expect(cellIsoDate({ ...EMPTY_CELL, text: "2024年12月10日" })).toBe("2024-12-10");
  });
});

describe("MergeMap", () => {
  it("answers which range covers a cell", () => {
    const map = new MergeMap([
      parseRangeRef("A1:G1")!,
      parseRangeRef("$C$5:$C$6")!,
      parseRangeRef("A10:B30000")!,
    ]);
    expect(map.at(1, 7)).toEqual({ top: 1, left: 1, bottom: 1, right: 7 });
    expect(map.at(6, 3)).toEqual({ top: 5, left: 3, bottom: 6, right: 3 });
    expect(map.at(6, 4)).toBeUndefined();
    expect(map.at(20000, 2)).toEqual({ top: 10, left: 1, bottom: 30000, right: 2 });
  });
});
