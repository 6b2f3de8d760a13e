import { chineseDigits, chineseNumber } from "../../src/core/numerals";
import { parseDateText } from "../../src/core/dates";

test.each([
  ["七", 7],
  ["十", 10],
  ["十二", 12],
  ["二十", 20],
  ["三十一", 31],
  ["一百零五", 105],
  ["两千", 2000],
  ["三千二百", 3200],
  ["", null],
  ["七七", null],
  ["12", null],
  ["十二家", null],
])("chineseNumber(%j) = %j", (text, value) => {
  expect(chineseNumber(text)).toBe(value);
});

test.each([
  ["二〇二四", 2024],
  ["二O二五", 2025],
  ["二零二六", 2026],
  ["二十", null],
  ["", null],
])("chineseDigits(%j) = %j", (text, value) => {
  expect(chineseDigits(text)).toBe(value);
});

test("dates written in Chinese numerals, both kinds in one date", () => {
  expect(parseDateText("二〇二四年十二月三十一日")).toBe("2024-12-31");
  expect(parseDateText("二O二五年一月五日")).toBe("2025-01-05");
  expect(parseDateText("二〇二四年十三月一日")).toBeNull();
});
