/**
 * showProvince / readScores on the demo's 13 prefecture workbooks (planted: R2 湘江重工 in 株洲 + 湘潭, R3 南岳电控 in
 * 衡阳 + 岳阳, R1 in 长沙; 张家界 has not reported; 娄底 wrote its 三级 count as "１２家").
 */
import { columnLetter } from "../../src/core/findings";
import type { MergeResult } from "../../src/core/merge";
import type { CaseRecord } from "../../src/core/model";
import { createExcelHost } from "../../src/excel/excelHost";
import { plainFormulas } from "../../src/sheets/indicators";
import { createFakeExcel } from "../support/fakeExcel";
import { demoMerge } from "./states";

let merged: MergeResult;

beforeAll(async () => {
  merged = await demoMerge();
});

function setup(initial?: string[]) {
  const fake = createFakeExcel(initial);
  return {
    fake,
    host: createExcelHost(fake.run, {
      download: async () => undefined,
      createWorkbook: fake.createWorkbook,
    }),
  };
}

function rowsOf(grid: (string | number | boolean)[][], col: number, text: string): number[] {
  return grid.flatMap((r, i) => (String(r[col]).includes(text) ? [i + 1] : []));
}

describe("showProvince", () => {
  it("writes every record with its prefecture and source, error rows red, flags as spilled HUHANG formulas", async () => {
    const { fake, host } = setup();
    await host.showProvince(merged);
    const s = fake.sheet("全省汇总")!;
    const grid = s.grid();
    const header = grid[0];
    const h = (name: string) => header.indexOf(name);
    const L = (name: string) => columnLetter(h(name) + 1);
    expect(grid.length).toBe(merged.records.length + 1);
    expect(header).toEqual(
      expect.arrayContaining([
        "所属市州",
        "来源文件",
        "来源工作表",
        "来源行",
        "问题",
        "评审得分",
        "案例标识",
        "多地推荐提示",
        "多方向提示",
      ])
    );
    expect(s.hiddenColumns).toEqual(expect.arrayContaining([L("案例标识"), L("企业标识")]));

    const r2 = rowsOf(grid, h("企业名称"), "湖南湘江重工装备股份有限公司");
    expect(r2.map((r) => grid[r - 1][h("所属市州")])).toEqual(["株洲市", "湘潭市"]);
    const r3 = rowsOf(grid, h("企业名称"), "湖南南岳电控设备有限公司");
    expect(r3.map((r) => grid[r - 1][h("所属市州")])).toEqual(["衡阳市", "岳阳市"]);
    for (const r of [...r2, ...r3]) expect(s.fill(`A${r}`)).toBe("#FFC7CE");
    const r1 = rowsOf(grid, h("企业名称"), "联合体");
    expect(r1).toHaveLength(1);
    // as in the file: every row with an error is red (R1 too), a row with only warnings yellow
    expect(s.fill(`A${r1[0]}`)).toBe("#FFC7CE");
    expect(String(grid[r1[0] - 1][h("问题")])).toContain("【R1】");
    const clean = grid.findIndex((r, i) => i > 0 && r[h("问题")] === "") + 1;
    expect(s.fill(`A${clean}`)).toBeNull();
    expect(grid[r2[0] - 1][h("来源文件")]).toBe("株洲市典型案例推荐汇总表.xlsx");

    const n = merged.records.length + 1;
    expect(s.formula(`${L("多地推荐提示")}2`)).toBe(
      `=HUHANG.CROSSREGION(${L("企业标识")}2:${L("企业标识")}${n},${L("所属市州")}2:${L("所属市州")}${n})`
    );
    expect(s.formula(`${L("多方向提示")}2`)).toBe(
      `=HUHANG.MULTIDIRECTION(${L("企业标识")}2:${L("企业标识")}${n},${L("申报方向")}2:${L("申报方向")}${n})`
    );
    expect(s.formula(`${L("多方向提示")}3`)).toBeNull();
    expect(grid.slice(1).every((r) => r[h("评审得分")] === "")).toBe(true);
  });

  it("writes 地区指标 with all 14 prefectures, 全省合计 formulas and the tier chart", async () => {
    const { fake, host } = setup();
    await host.showProvince(merged);
    const s = fake.sheet("地区指标")!;
    const grid = s.grid();
    expect(grid.map((r) => r[0])).toEqual([
      "市州",
      "长沙市",
      "株洲市",
      "湘潭市",
      "衡阳市",
      "邵阳市",
      "岳阳市",
      "常德市",
      "张家界市",
      "益阳市",
      "郴州市",
      "永州市",
      "怀化市",
      "娄底市",
      "湘西土家族苗族自治州",
      "全省合计",
    ]);
    expect(grid[0].slice(1, 4)).toEqual([
      "三级工业互联网企业（家）",
      "二级工业互联网企业（家）",
      "一级工业互联网企业（家）",
    ]);
    expect(s.value("B14")).toBe(12); // 娄底 "１２家"
    expect(s.value("B9")).toBe(""); // 张家界 not reported: empty, not 0
    const status = grid[0].indexOf("状态");
    expect(grid[8][status]).toBe("未报");
    expect(grid[15][status]).toBe("已报 13/14");
    // the file's plain formulas (src/sheets/indicators.ts), so Excel shows the CLI's numbers with or without the add-in
    expect(s.formula("B16")).toBe(`=${plainFormulas.total("tier3")}`);
    const col = (label: string) => columnLetter(grid[0].indexOf(label) + 1);
    const icsRate = col("工控风险整改率（整改÷发现）");
    expect(s.formula(`${icsRate}16`)).toBe(
      `=${plainFormulas.rate("icsRisksFixed", "icsRisksFound", 16, true)}`
    );
    expect(s.formula(`${icsRate}3`)).toBe(
      `=${plainFormulas.rate("icsRisksFixed", "icsRisksFound", 3, false)}`
    );
    expect(s.numberFormat(`${icsRate}3`)).toBe("0.0%");
    expect(s.formula(`${col("其中重点行业规上企业占比（%）")}16`)).toBe(
      `=${plainFormulas.total("trainingKeyPct")}`
    );
    // no data, no formula: 张家界 has no rate and no tier total
    expect(s.formula(`${icsRate}9`)).toBeNull();
    expect(s.formula(`${col("三级+二级+一级合计（家）")}9`)).toBeNull();
    expect(s.bold("A16")).toBe(true);
    expect(s.fill("A16")).toBe("#F2F2F2");
    expect(s.charts).toEqual([
      expect.objectContaining({
        type: "ColumnClustered",
        source: "地区指标!A1:D15",
        seriesBy: "Columns",
        title: expect.stringContaining("三级/二级/一级"),
      }),
    ]);
    expect(fake.formulaProblems()).toEqual([]);
  });

  it("reads the scored cases (numbers and numbers as text) and carries them to the same cases when shown again", async () => {
    const { fake, host } = setup();
    await expect(host.showProvince(merged)).resolves.toEqual({ carried: 0, lost: [] });
    const grid = fake.sheet("全省汇总")!.grid();
    const scoreCol = columnLetter(grid[0].indexOf("评审得分") + 1);
    fake.typeInto("全省汇总", `${scoreCol}2`, 91.5);
    fake.typeInto("全省汇总", `${scoreCol}3`, "８８");
    fake.typeInto("全省汇总", `${scoreCol}4`, "  ");
    const pick = (r: CaseRecord, score: number) => ({
      prefecture: r.prefecture,
      caseName: r.caseName,
      enterprise: r.enterprise,
      uscc: r.uscc,
      direction: r.direction,
      score,
    });
    const scores = await host.readScores();
    expect(scores).toEqual([pick(merged.records[0], 91.5), pick(merged.records[1], 88)]);
    // 长沙 re-sends its workbook under another name: the scores follow the cases, not the file
    const resent: MergeResult = {
      ...merged,
      records: merged.records.map((r) =>
        r.prefecture === "长沙市"
          ? { ...r, source: { ...r.source, file: "长沙市推荐汇总表（修改版）.xlsx" } }
          : r
      ),
    };
    await expect(host.showProvince(resent)).resolves.toEqual({ carried: 2, lost: [] });
    const after = fake.sheet("全省汇总")!;
    expect(after.value(`${scoreCol}2`)).toBe(91.5);
    expect(after.value(`${scoreCol}3`)).toBe(88);
    expect(await host.readScores()).toEqual(scores);
    // a scored case the new merge no longer has is named, with its score
    const without: MergeResult = { ...resent, records: resent.records.slice(1) };
    const carry = await host.showProvince(without);
    expect(carry?.carried).toBe(1);
    expect(carry?.lost.map((l) => [l.caseName, l.score, l.reason])).toEqual([
      [merged.records[0].caseName, 91.5, "gone"],
    ]);
  });

  it("returns no scores when there is no 全省汇总, and cleans up a temporary sheet left by a crashed attempt", async () => {
    const { fake, host } = setup(["Sheet1", "全省汇总~更新中"]);
    await expect(host.readScores()).resolves.toEqual([]);
    await host.showProvince(merged);
    expect(fake.sheetNames()).toEqual(["Sheet1", "全省汇总", "地区指标"]);
    expect(fake.activeSheet()).toBe("全省汇总");
  });
});
