/**
 * showProvince / readScores on the demo's 13 prefecture workbooks (planted: R2 湘江重工 in 株洲 + 湘潭, R3 南岳电控 in
 * 衡阳 + 岳阳, R1 in 长沙; 张家界 has not reported; 娄底 wrote its 三级 count as "１２家").
 */
import { columnLetter } from "../../src/core/findings";
import { mergeSubmissions, type MergeResult } from "../../src/core/merge";
import { defaultSettings } from "../../src/core/settings";
import { sampleData } from "../../src/cli/demo/sampleData";
import { writeSampleWorkbook } from "../../src/cli/demo/writeSample";
import { createExcelHost } from "../../src/excel/excelHost";
import { createFakeExcel } from "../support/fakeExcel";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";
import { caseKey } from "../../src/core/identity";

let merged: MergeResult;

beforeAll(async () => {
  const samples = sampleData();
  const subs = await Promise.all(
    samples.map(async (s, i) =>
      readWorkbook(
        await writeSampleWorkbook(s, s.prefecture.name === "郴州市" ? 0 : i % 3),
        `${s.prefecture.name}典型案例推荐汇总表.xlsx`
      )
    )
  );
  merged = mergeSubmissions(subs, defaultSettings());
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
  it("writes every record with its prefecture and source, R2/R3 rows red, flags as spilled HUHANG formulas", async () => {
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
        "记录键",
        "多地推荐提示",
        "多方向提示",
      ])
    );
    expect(s.hiddenColumns).toEqual(expect.arrayContaining([L("记录键"), L("企业标识")]));

    const r2 = rowsOf(grid, h("企业名称"), "湖南湘江重工装备股份有限公司");
    expect(r2.map((r) => grid[r - 1][h("所属市州")])).toEqual(["株洲市", "湘潭市"]);
    const r3 = rowsOf(grid, h("企业名称"), "湖南南岳电控设备有限公司");
    expect(r3.map((r) => grid[r - 1][h("所属市州")])).toEqual(["衡阳市", "岳阳市"]);
    for (const r of [...r2, ...r3]) expect(s.fill(`A${r}`)).toBe("#FFC7CE");
    const r1 = rowsOf(grid, h("企业名称"), "联合体");
    expect(r1).toHaveLength(1);
    expect(s.fill(`A${r1[0]}`)).toBeNull(); // R1 is listed in 问题 but only R2/R3 are highlighted here
    expect(String(grid[r1[0] - 1][h("问题")])).toContain("【R1】");
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
    expect(s.formula("B16")).toBe('=IF(COUNT(B2:B15)=0,"",SUM(B2:B15))');
    const col = (label: string) => columnLetter(grid[0].indexOf(label) + 1);
    const icsRate = col("工控风险整改率（整改÷发现）");
    // empty cells reach a custom function as 0 in Excel desktop: the arguments keep them blank
    const fixed = `${col("评估发现风险已整改（项）")}2:${col("评估发现风险已整改（项）")}15`;
    const found = `${col("评估发现企业安全风险（项）")}2:${col("评估发现企业安全风险（项）")}15`;
    expect(s.formula(`${icsRate}16`)).toBe(
      `=HUHANG.RATIO(IF(ISBLANK(${fixed}),"",${fixed}),IF(ISBLANK(${found}),"",${found}))`
    );
    expect(s.formula(`${icsRate}3`)).toMatch(
      /^=HUHANG\.RATIO\(IF\(ISBLANK\(([A-Z]+3)\),"",\1\),IF\(ISBLANK\(([A-Z]+3)\),"",\2\)\)$/
    );
    expect(s.formula(`${col("其中重点行业规上企业占比（%）")}16`)).toMatch(
      /^=IFERROR\(HUHANG\.COVERAGE\(IF\(ISBLANK\(/
    );
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

  it("reads expert scores (numbers and numbers as text) and keeps them when the province is shown again", async () => {
    const { fake, host } = setup();
    await host.showProvince(merged);
    const grid = fake.sheet("全省汇总")!.grid();
    const scoreCol = columnLetter(grid[0].indexOf("评审得分") + 1);
    fake.typeInto("全省汇总", `${scoreCol}2`, 91.5);
    fake.typeInto("全省汇总", `${scoreCol}3`, "８８");
    fake.typeInto("全省汇总", `${scoreCol}4`, "  ");
    const scores = await host.readScores();
    expect([...scores.entries()]).toEqual([
      [caseKey(merged.records[0]), 91.5],
      [caseKey(merged.records[1]), 88],
    ]);
    await host.showProvince(merged);
    expect(fake.sheet("全省汇总")!.value(`${scoreCol}2`)).toBe(91.5);
    expect(await host.readScores()).toEqual(scores);
  });

  it("returns no scores when there is no 全省汇总, and cleans up a temporary sheet left by a crashed attempt", async () => {
    const { fake, host } = setup(["Sheet1", "全省汇总~更新中"]);
    await expect(host.readScores()).resolves.toEqual(new Map());
    await host.showProvince(merged);
    expect(fake.sheetNames()).toEqual(["Sheet1", "全省汇总", "地区指标"]);
    expect(fake.activeSheet()).toBe("全省汇总");
  });
});
