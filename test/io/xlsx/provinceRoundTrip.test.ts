/**
 * readProvinceWorkbook: the province workbook goes out, staff fill 评审得分 in 明细 (here with openpyxl, as another
 * program would: numbers, numbers typed as text, full-width digits, blanks, a word), and it comes back with every
 * field and the scores. It never throws.
 */
import type { CaseRecord } from "../../../src/core/model";
import { writeRecommendationList } from "../../../src/io/xlsx/exportList";
import { readProvinceWorkbook } from "../../../src/io/xlsx/readProvince";
import { writeProvinceWorkbook } from "../../../src/io/xlsx/writeProvince";
import { columnLetter } from "../../../src/core/findings";
import { asWritten, DETAIL_COLUMNS } from "../../../src/sheets/records";
import { fillScores, openpyxlMissing } from "./inspect/python";
import { RECORDS, sampleMerge } from "./inspect/sampleMerge";

const OPTS = { recommender: "湖南省工业和信息化厅", generatedAt: "2024-12-20T09:30:00+08:00" };
const FILE = "全省汇总-已评分.xlsx";

/**
 * What a record looks like after the trip (asWritten): enumerations by their canonical name, so the "raw" spelling
 * becomes that name when it was understood and stays as written when it was not; the 方向和简述 cell "方向名称：简述".
 */
function expectedBack(r: CaseRecord, score: number | null): CaseRecord {
  return { ...asWritten(r), score };
}

/** 明细's 评审得分 column, from the one description of the sheet. */
const scoreColumn = columnLetter(DETAIL_COLUMNS.findIndex((c) => c.id === "score") + 1);

describe("readProvinceWorkbook on our own output", () => {
  it("gives back every record and field, in order, with no scores yet", async () => {
    const bytes = await writeProvinceWorkbook(sampleMerge(), OPTS);
    const back = await readProvinceWorkbook(bytes, FILE);
    expect(back.findings).toEqual([]);
    expect(back.records).toEqual(RECORDS.map((r) => expectedBack(r, null)));
    // spot checks a person would make
    expect(back.records[1].levelRaw).toBe("三级"); // the clerk wrote "3级"
    expect(back.records[2].categoryRaw).toBe("材料企业"); // not understood: kept as written
    expect(back.records[2].category).toBeNull();
    expect(back.records[1].summaryCell).toMatch(/^车联网网络安全防护案例：建成车联网安全监测平台/); // "【车联网】…"
    expect(back.records[5].source).toEqual({
      file: "株洲天元智造科技有限公司申报表.docx",
      sheet: "申报表",
      row: null,
    });
    expect(back.records[0].columns).toEqual({
      order: "A",
      caseName: "B",
      enterprise: "C",
      category: "D",
      summary: "E",
      contact: "F",
      phone: "G",
    });
  });

  it("accepts an ArrayBuffer too", async () => {
    const bytes = await writeProvinceWorkbook(sampleMerge(), OPTS);
    const ab = bytes.buffer.slice(
      bytes.byteOffset,
      bytes.byteOffset + bytes.byteLength
    ) as ArrayBuffer;
    expect((await readProvinceWorkbook(ab, FILE)).records).toHaveLength(8);
  });
});

describe("readProvinceWorkbook never throws", () => {
  it("turns bytes that are not a workbook into one FILE finding", async () => {
    const back = await readProvinceWorkbook(
      new TextEncoder().encode("这不是一个 xlsx 文件"),
      "乱码.xlsx"
    );
    expect(back.records).toEqual([]);
    expect(back.findings).toHaveLength(1);
    expect(back.findings[0]).toMatchObject({ code: "FILE", severity: "error", file: "乱码.xlsx" });
    expect(back.findings[0].message).toMatch(/无法读取该文件/);
  });

  it("says so when the workbook has no 明细 sheet (a recommendation list given by mistake)", async () => {
    const list = await writeRecommendationList(RECORDS, OPTS);
    const back = await readProvinceWorkbook(list, "推荐名单.xlsx");
    expect(back.records).toEqual([]);
    expect(back.findings).toHaveLength(1);
    expect(back.findings[0]).toMatchObject({ code: "FILE", file: "推荐名单.xlsx" });
    expect(back.findings[0].message).toContain("没有“明细”工作表");
  });
});

const missing = openpyxlMissing();
if (missing) console.warn(missing);
const describeWithPython = missing ? describe.skip : describe;

describeWithPython(
  "readProvinceWorkbook after staff filled 评审得分 with another program (openpyxl)",
  () => {
    it("reads numbers, numbers as text and blanks; warns on a word and keeps going", async () => {
      const written = await writeProvinceWorkbook(sampleMerge(), OPTS);
      // 明细 rows 2..9 hold RECORDS[0..7]
      const filled = fillScores(written, {
        2: 92,
        3: "88.5",
        4: null,
        5: "８６",
        6: "优秀",
        7: 75.25,
        8: " ",
        9: 60,
      });
      const back = await readProvinceWorkbook(filled, FILE);
      expect(back.findings.filter((f) => f.code === "FILE")).toEqual([]);
      expect(back.records.map((r) => r.score)).toEqual([92, 88.5, null, 86, null, 75.25, null, 60]);
      expect(back.records).toEqual(
        RECORDS.map((r, i) => expectedBack(r, [92, 88.5, null, 86, null, 75.25, null, 60][i]))
      );
      expect(back.findings).toHaveLength(1);
      expect(back.findings[0]).toMatchObject({
        code: "REQ",
        severity: "warning",
        file: FILE,
        sheet: "明细",
        row: 6,
        column: scoreColumn,
        enterprise: "株洲硬质合金集团有限公司",
        prefecture: "株洲市",
      });
      expect(back.findings[0].message).toContain("评审得分“优秀”不是数字");
    });
  }
);
