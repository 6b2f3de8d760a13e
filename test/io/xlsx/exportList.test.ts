/**
 * writeRecommendationList: the ordered list (附件3 layout alone) as it goes to MIIT after expert review, checked with
 * openpyxl, and read back by our own workbook reader the way the next level up would read it.
 */
import { writeRecommendationList } from "../../../src/io/xlsx/exportList";
import { readWorkbook } from "../../../src/io/xlsx/readWorkbook";
import { dumpXlsx, openpyxlMissing, rowValues, sheet, val } from "./inspect/python";
import { EVIL_ENTERPRISE, RECORDS } from "./inspect/sampleMerge";

/** The experts' order: 株洲 2nd case first, then 长沙 1st, then 湘西 1st. */
const ORDERED = [RECORDS[4], RECORDS[0], RECORDS[6]];
const OPTS = {
  recommender: "湖南省工业和信息化厅",
  date: "2024年12月24日",
  contact: "刘明",
  phone: "0731-88954321",
  generatedAt: "2024-12-24T08:00:00Z",
};

const missing = openpyxlMissing();
if (missing) console.warn(missing);
const describeWithPython = missing ? describe.skip : describe;

describeWithPython("writeRecommendationList, read by openpyxl", () => {
  it("writes one sheet 推荐汇总表 in the given order, renumbered 1..n", async () => {
    const dump = dumpXlsx(await writeRecommendationList(ORDERED, OPTS));
    expect(dump.sheets.map((s) => s.name)).toEqual(["推荐汇总表"]);
    const s = sheet(dump, "推荐汇总表");
    expect(val(s, "A1")).toBe("护航新型工业化网络安全典型案例推荐汇总表");
    expect(s.merged).toEqual(expect.arrayContaining(["A1:G1"]));
    expect(val(s, "A2")).toBe("推荐单位（盖章）：湖南省工业和信息化厅");
    expect(val(s, "A3")).toBe("日期：2024年12月24日");
    expect(rowValues(s, 5, 7)).toEqual([
      1,
      "硬质合金工厂分类分级防护",
      "株洲硬质合金集团有限公司",
      "工业企业",
      "工业互联网安全分类分级案例：分级防护全覆盖。",
      "刘洋",
      "0731-22001234",
    ]);
    expect(rowValues(s, 6, 3)).toEqual([
      2,
      "工程机械行业工业互联网安全分类分级实践",
      "三一重工股份有限公司",
    ]);
    expect(rowValues(s, 7, 5)).toEqual([
      3,
      "湘西州工业企业网络安全评估",
      "三一重工股份有限公司",
      "工业企业",
      "工业控制系统安全评估案例：开展工控系统安全评估。",
    ]);
    expect(val(s, "A8")).toBeNull();
    expect(val(s, "A9")).toBe("联系人：刘明");
    expect(val(s, "A10")).toBe("手机/座机：0731-88954321");
    expect(s.maxRow).toBe(10);
    expect([s.orientation, s.paperSize, s.fitToWidth, s.printTitleRows, s.freeze]).toEqual([
      "landscape",
      9,
      1,
      "$4:$4",
      "A5",
    ]);
  });

  it("uses 湖南省工业和信息化厅 when no recommender is given, and leaves blank lines blank", async () => {
    const s = sheet(dumpXlsx(await writeRecommendationList([], { recommender: "" })), "推荐汇总表");
    expect(val(s, "A2")).toBe("推荐单位（盖章）：湖南省工业和信息化厅");
    expect(val(s, "A3")).toBe("日期：");
    expect(rowValues(s, 4, 2)).toEqual(["序号", "案例名称"]);
    expect(val(s, "A5")).toBeNull();
  });

  it("keeps formula-like input as text", async () => {
    const s = sheet(dumpXlsx(await writeRecommendationList([RECORDS[7]], OPTS)), "推荐汇总表");
    expect(s.cells.C5).toMatchObject({ v: EVIL_ENTERPRISE, t: "s" });
    expect(Object.values(s.cells).filter((c) => c.t === "f")).toEqual([]);
  });

  it("drops characters a workbook cannot hold (Word line-break marks, stray surrogates) instead of breaking the file", async () => {
    const dirty = {
      ...RECORDS[0],
      caseName: "工程机械\u000b行业\u0007分类分级\ud800实践",
      contact: "王伟\u0000",
    };
    const s = sheet(dumpXlsx(await writeRecommendationList([dirty], OPTS)), "推荐汇总表");
    expect(val(s, "B5")).toBe("工程机械行业分类分级实践");
    expect(val(s, "F5")).toBe("王伟");
  });
});

describe("writeRecommendationList read back by the workbook reader", () => {
  it("gives the same cases, directions and order", async () => {
    const sub = await readWorkbook(
      await writeRecommendationList(ORDERED, OPTS),
      "全省推荐名单.xlsx"
    );
    expect(sub.ok).toBe(true);
    expect(sub.meta.recommender).toBe("湖南省工业和信息化厅");
    expect(
      sub.records.map((r) => [
        r.order,
        r.caseName,
        r.enterprise,
        r.category,
        r.direction,
        r.contact,
        r.phone,
      ])
    ).toEqual([
      [
        1,
        "硬质合金工厂分类分级防护",
        "株洲硬质合金集团有限公司",
        "工业企业",
        "工业互联网安全分类分级案例",
        "刘洋",
        "0731-22001234",
      ],
      [
        2,
        "工程机械行业工业互联网安全分类分级实践",
        "三一重工股份有限公司",
        "工业企业",
        "工业互联网安全分类分级案例",
        "王伟",
        "0731-84031234",
      ],
      [
        3,
        "湘西州工业企业网络安全评估",
        "三一重工股份有限公司",
        "工业企业",
        "工业控制系统安全评估案例",
        "彭丽",
        "0743-8221234",
      ],
    ]);
    expect(sub.records.map((r) => r.summary)).toEqual([
      "分级防护全覆盖。",
      "完成自主定级与符合性评测，覆盖12个工厂。",
      "开展工控系统安全评估。",
    ]);
  });
});
