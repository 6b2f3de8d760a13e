/**
 * The limits (src/io/limits.ts): zip bombs, a 200,000-row sheet and other oversized inputs are refused quickly, before
 * exceljs inflates them, with one Chinese FILE finding that names the limit. Packages are built here with fflate.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readInputs } from "../../src/cli/inputs";
import { defaultSettings } from "../../src/core/settings";
import { DEFAULT_DOCX_LIMITS, readApplicationDocx } from "../../src/io/docx/readApplication";
import { DEFAULT_LIMITS, withLimits } from "../../src/io/limits";
import { DEFAULT_READ_LIMITS, readWorkbook } from "../../src/io/xlsx/readWorkbook";
import { bad } from "./corpus.helpers";
import { annex3SheetXml, lieAboutSize, xlsxPackage } from "./xlsxPackage";

async function refused(
  bytes: Uint8Array,
  opts: Parameters<typeof readWorkbook>[2] = {}
): Promise<{ message: string; sheet: string | null; ms: number }> {
  const started = Date.now();
  const sub = await readWorkbook(bytes, "hostile.xlsx", opts);
  const ms = Date.now() - started;
  expect(sub.ok).toBe(false);
  expect(sub.records).toEqual([]);
  expect(sub.findings).toHaveLength(1);
  expect(sub.findings[0]).toMatchObject({ code: "FILE", severity: "error", file: "hostile.xlsx" });
  return { message: sub.findings[0].message, sheet: sub.findings[0].sheet, ms };
}

describe("settings", () => {
  it("the readers take their defaults from DEFAULT_LIMITS", () => {
    expect(DEFAULT_READ_LIMITS).toMatchObject({
      maxBytes: DEFAULT_LIMITS.maxFileBytes,
      maxRowsPerSheet: DEFAULT_LIMITS.maxRowsPerSheet,
      maxSheets: DEFAULT_LIMITS.maxSheets,
      maxUncompressedBytes: DEFAULT_LIMITS.maxUncompressedBytes,
      maxCellsPerSheet: DEFAULT_LIMITS.maxCellsPerSheet,
      maxMillis: DEFAULT_LIMITS.maxMillis,
    });
    expect(DEFAULT_DOCX_LIMITS).toMatchObject({
      maxBytes: DEFAULT_LIMITS.maxFileBytes,
      maxTotalBytes: DEFAULT_LIMITS.maxUncompressedBytes,
    });
    expect(withLimits({ maxRowsPerSheet: 10, maxSheets: undefined })).toEqual({
      ...DEFAULT_LIMITS,
      maxRowsPerSheet: 10,
    });
  });
});

describe("zip bombs", () => {
  // 200 MB of one repeated byte compresses to about 200 KB
  const huge = new Uint8Array(200 * 1024 * 1024).fill(0x20);
  const bomb = xlsxPackage(huge);

  it("refuses a part whose declared size is over the part limit, from its declared size", async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = await refused(bomb);
    expect(r.message).toMatch(
      /^压缩包内“xl\/worksheets\/sheet1\.xml”解压后为 200 MB，超过单个部件 64 MB 的上限/
    );
    expect(r.ms).toBeLessThan(5000); // a hang guard; speed is for the benchmark
  });

  it("refuses a part that inflates past the size it declares (a lying header)", async () => {
    const r = await refused(lieAboutSize(bomb, "xl/worksheets/sheet1.xml", 4096));
    expect(r.message).toMatch(
      /^压缩包内“xl\/worksheets\/sheet1\.xml”实际解压后超过其声明的 4 KB，疑似“压缩炸弹”/
    );
    expect(r.ms).toBeLessThan(5000); // a hang guard; speed is for the benchmark
  });

  it("refuses absurd declared sizes (4 GB) without inflating anything", async () => {
    const r = await refused(
      lieAboutSize(xlsxPackage(annex3SheetXml(2)), "xl/worksheets/sheet1.xml", 0xfffffff0)
    );
    expect(r.message).toMatch(/解压后.*超过.*(上限|MB)/);
    expect(r.ms).toBeLessThan(5000); // a hang guard; speed is for the benchmark
  });

  it("refuses a package whose parts together exceed the uncompressed limit", async () => {
    const r = await refused(
      xlsxPackage(annex3SheetXml(2), { "xl/media/a.bin": new Uint8Array(3 * 1024 * 1024) }),
      {
        limits: { maxUncompressedBytes: 2 * 1024 * 1024 },
      }
    );
    expect(r.message).toMatch(/超过解压后总大小上限 2\.0 MB/);
  });

  it("a .docx bomb gets the same treatment from the Word reader", async () => {
    const { findings } = await readApplicationDocx(
      lieAboutSize(bad("form_good.docx"), "word/document.xml", 3),
      "bomb.docx"
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(
      /^文件结构异常，已拒绝读取：“word\/document\.xml”实际解压后超过其声明的大小 3 字节/
    );
  });
});

describe("rows, cells and time", () => {
  const big = xlsxPackage(annex3SheetXml(200_000, true));

  it("refuses a 200,000-row sheet, naming the sheet, its real size and the limit", async () => {
    const r = await refused(big);
    expect(r.message).toBe(
      "工作表“推荐汇总表”有 200001 行，超过每个工作表 100000 行的上限，未读取：请删除多余的行，只保留推荐汇总表"
    );
    expect(r.sheet).toBe("推荐汇总表");
    expect(r.ms).toBeLessThan(5000); // a hang guard; speed is for the benchmark
  });

  it("refuses a sheet with more cells than the cell limit", async () => {
    const r = await refused(bad("good_zhuzhou.xlsx"), { limits: { maxCellsPerSheet: 20 } });
    // title 1 + 推荐单位/日期 2 + header 7 + two rows of 7
    expect(r.message).toMatch(/^工作表“Sheet”有 24 个单元格，超过每个工作表 20 个单元格的上限/);
  });

  it("stops at the time limit", async () => {
    const r = await refused(big, {
      limits: { maxRowsPerSheet: 1_000_000, maxCellsPerSheet: 10_000_000, maxMillis: 50 },
    });
    expect(r.message).toMatch(/^读取时间超过上限 0\.1 秒，已停止读取/);
    expect(r.ms).toBeLessThan(5000);
  });

  it("the same workbook under the limits imports in full", async () => {
    const sub = await readWorkbook(xlsxPackage(annex3SheetXml(300)), "ok.xlsx");
    expect(sub.ok).toBe(true);
    expect(sub.records).toHaveLength(300);
    expect(sub.records[299]).toMatchObject({
      caseName: "案例301",
      enterprise: "企业301有限公司",
      source: { row: 301 },
    });
  });
});

describe("the CLI reads limits as settings", () => {
  it("a file over maxFileBytes is rejected unread; the other files go on", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "huhang-limits-"));
    const big = path.join(dir, "大文件.xlsx");
    writeFileSync(big, new Uint8Array(100 * 1024));
    const good = path.join(dir, "good.xlsx");
    writeFileSync(good, bad("good_zhuzhou.xlsx"));
    const subs = await readInputs([big, good], {
      settings: defaultSettings(2024),
      limits: { maxFileBytes: 64 * 1024 },
    });
    expect(subs[0].ok).toBe(false);
    expect(subs[0].findings[0].message).toBe(
      "文件大小 100 KB，超过单个文件上限 64 KB，未读取：请删除无关工作表、图片后重新保存"
    );
    expect(subs[1].ok).toBe(true);
    expect(subs[1].records).toHaveLength(2);
  });
});
