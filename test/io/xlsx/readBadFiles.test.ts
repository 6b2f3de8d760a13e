/**
 * Files that are not readable workbooks, and the size limits: each gives ok:false and one specific Chinese FILE
 * finding, never an exception. Fixtures from fixtures/make_bad_files.py and make_libreoffice.py.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbook, sniffFormat } from "../../../src/io/xlsx/readWorkbook";

const FIX = join(__dirname, "fixtures");
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIX, name)));

describe("sniffFormat", () => {
  it.each([
    ["zhuzhou_official.xlsx", "xlsx"],
    ["lo_yongzhou.xlsx", "xlsx"],
    ["empty.xlsx", "empty"],
    ["legacy_xls_renamed.xlsx", "ole"],
    ["scan_pdf.xlsx", "pdf"],
    ["csv_renamed.xlsx", "text"],
    ["truncated.xlsx", "zip"],
    ["word_renamed.xlsx", "docx"],
  ])("%s is %s", (name, format) => {
    expect(sniffFormat(bytes(name))).toBe(format);
  });

  it("calls binary noise unknown", () => {
    const noise = new Uint8Array(256).map((_, i) => (i * 73 + 11) % 256);
    expect(sniffFormat(noise)).toBe("unknown");
  });
});

describe("unreadable inputs", () => {
  it.each([
    ["empty.xlsx", /^文件为空（0 字节）/],
    [
      "legacy_xls_renamed.xlsx",
      /^文件为旧版 Excel（\.xls\/\.et）格式或已加密，请用 Excel\/WPS 打开后另存为 \.xlsx（不加密）$/,
    ],
    ["scan_pdf.xlsx", /^PDF 扫描件无法读取/],
    ["csv_renamed.xlsx", /^文件内容是纯文本（如 CSV）格式，不是 Excel 工作簿/],
    ["truncated.xlsx", /^文件已损坏（压缩包不完整/],
    ["word_renamed.xlsx", /^这是 Word 文档（\.docx），不是 Excel 工作簿/],
    ["broken_inside.xlsx", /^文件已损坏或不是有效的 Excel 工作簿，无法读取/],
  ])("%s gives one FILE finding", async (name, message) => {
    const sub = await readWorkbook(bytes(name), name);
    expect(sub.ok).toBe(false);
    expect(sub.records).toEqual([]);
    expect(sub.indicators).toBeNull();
    expect(sub.findings).toHaveLength(1);
    const f = sub.findings[0];
    expect([f.code, f.severity, f.file, f.sheet, f.row]).toEqual([
      "FILE",
      "error",
      name,
      null,
      null,
    ]);
    expect(f.message).toMatch(message);
  });

  it("reports a file named for a prefecture with that prefecture", async () => {
    const sub = await readWorkbook(bytes("legacy_xls_renamed.xlsx"), "郴州市推荐汇总表.xlsx", {
      prefecture: "郴州市",
    });
    expect(sub.findings[0].prefecture).toBe("郴州市");
  });
});

describe("limits", () => {
  it("refuses a file over maxBytes and names the limit", async () => {
    const sub = await readWorkbook(bytes("zhuzhou_official.xlsx"), "a.xlsx", {
      limits: { maxBytes: 1024 },
    });
    expect(sub.ok).toBe(false);
    expect(sub.findings.map((f) => f.code)).toEqual(["FILE"]);
    expect(sub.findings[0].message).toMatch(/^文件大小 6 KB，超过单个文件上限 1 KB/);
  });

  it("refuses a workbook with more sheets than maxSheets", async () => {
    const sub = await readWorkbook(bytes("loudi_workbook.xlsx"), "b.xlsx", {
      limits: { maxSheets: 2 },
    });
    expect(sub.ok).toBe(false);
    expect(sub.findings[0].message).toMatch(/^工作簿有 3 个工作表，超过上限 2 个/);
  });

  it("refuses a sheet with more rows than maxRowsPerSheet", async () => {
    const sub = await readWorkbook(bytes("big_5000.xlsx"), "c.xlsx", {
      limits: { maxRowsPerSheet: 1000 },
    });
    expect(sub.ok).toBe(false);
    expect(sub.records).toEqual([]);
    expect(sub.findings[0].message).toMatch(
      /^工作表“推荐汇总表”有 5004 行，超过每个工作表 1000 行的上限/
    );
  });
});
