/**
 * The province workbook on paper: 196 cases (14 prefectures × 14, the demo's data with its planted problems) written
 * by the tool, rendered by LibreOffice headless to PDF. Every sheet prints one page wide (each page of a sheet shows
 * its first and its last column's header, repeated), with page numbers, and the whole workbook stays within 60 pages.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sampleData } from "../../../src/cli/demo/sampleData";
import { writeSampleWorkbook } from "../../../src/cli/demo/writeSample";
import { mergeSubmissions } from "../../../src/core/merge";
import { defaultSettings } from "../../../src/core/settings";
import { assembleSubmissions, readInput } from "../../../src/io/inputs";
import { writeProvinceWorkbook } from "../../../src/io/xlsx/writeProvince";
import { DETAIL_COLUMNS } from "../../../src/sheets/records";

function pdfPages(xlsx: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "huhang-print-"));
  const file = path.join(dir, "province.xlsx");
  writeFileSync(file, xlsx);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/lo`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      file,
    ],
    { stdio: "ignore", timeout: 180_000 }
  );
  const text = execFileSync("pdftotext", ["-layout", path.join(dir, "province.pdf"), "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return text.split("\f").filter((p) => p.trim() !== "");
}

it("the 196-case province workbook prints one page wide per sheet, within 60 pages", async () => {
  const samples = sampleData(14, true, true);
  const reads = await Promise.all(
    samples.map(async (s, i) =>
      readInput(`${s.prefecture.name}.xlsx`, await writeSampleWorkbook(s, i))
    )
  );
  const merged = mergeSubmissions(assembleSubmissions(reads), defaultSettings(2024));
  expect(merged.records).toHaveLength(196);
  const bytes = await writeProvinceWorkbook(merged, {
    recommender: "湖南省工业和信息化厅",
    date: "2024年12月20日",
    generatedAt: "2024-12-20T09:30:00+08:00",
  });
  writeFileSync(path.join(os.tmpdir(), "huhang-print-196.xlsx"), bytes);
  const pages = pdfPages(bytes);
  console.log(`[print] 196 个案例的全省汇总共 ${pages.length} 页`);
  expect(pages.length).toBeLessThanOrEqual(60);

  // which sheet a page belongs to, by the header row it repeats; each page holds its sheet's first and last column
  const lastDetail = DETAIL_COLUMNS.filter((c) => !c.hidden).at(-1)!.header;
  const kinds = pages.map((p) =>
    p.includes("案例申报方向和简述（100字内）")
      ? "推荐汇总表"
      : p.includes("统一社会信用代码") && p.includes("来源文件")
        ? "明细"
        : p.includes("全省合计") || p.includes("三级工业互联网企业")
          ? "地区指标"
          : p.includes("问题类型")
            ? "问题清单"
            : "其他"
  );
  expect(kinds.filter((k) => k === "其他")).toEqual([]);
  pages.forEach((p, i) => {
    const need: Record<string, string[]> = {
      推荐汇总表: ["序号", "联系方式"],
      明细: ["序号", lastDetail],
      地区指标: ["市州", "状态"],
      问题清单: ["序号", "说明"],
    };
    for (const h of need[kinds[i]])
      expect([i + 1, kinds[i], p.includes(h)]).toEqual([i + 1, kinds[i], true]);
  });
  expect(new Set(kinds)).toEqual(new Set(["推荐汇总表", "明细", "地区指标", "问题清单"]));
});
