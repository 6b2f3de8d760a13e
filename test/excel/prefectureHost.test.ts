/**
 * showPrefecture / showIndicators / selectFinding on a real 附件3 (株洲, written by openpyxl: three cases, no level
 * column, so both 分类分级 rows break R7) and on a record carrying hostile text.
 */
import { createExcelHost } from "../../src/excel/excelHost";
import { createFakeExcel } from "../support/fakeExcel";
import { rec } from "../core/records";
import { zhuzhouState } from "./states";

function setup() {
  const fake = createFakeExcel();
  const downloads: string[] = [];
  const host = createExcelHost(fake.run, {
    download: async (name) => void downloads.push(name),
    createWorkbook: fake.createWorkbook,
  });
  return { fake, host, downloads };
}

describe("showPrefecture", () => {
  it("writes 推荐汇总表 in the official layout, in state order, numbered 1..n", async () => {
    const { fake, host } = setup();
    await host.showPrefecture(await zhuzhouState());
    const s = fake.sheet("推荐汇总表")!;
    expect(s.value("A1")).toBe("护航新型工业化网络安全典型案例推荐汇总表");
    expect(s.merges).toEqual(expect.arrayContaining(["A1:G1", "A2:G2", "A3:G3"]));
    expect(s.value("A2")).toBe("推荐单位（盖章）：株洲市工业和信息化局");
    expect(s.value("A3")).toMatch(/^日期：2024(-12-10|年12月10日)$/);
    expect(s.grid()[3]).toEqual([
      "序号",
      "案例名称",
      "企业名称",
      "企业类别",
      "案例申报方向和简述（100字内）",
      "联系人",
      "联系方式",
    ]);
    expect(s.grid()[4].slice(0, 4)).toEqual([
      1,
      "硬质合金智能工厂分类分级防护实践",
      "株洲岳峰硬质合金有限公司",
      "工业企业",
    ]);
    expect(s.value("E5")).toBe(
      "工业互联网安全分类分级案例：完成自主定级为二级，部署工控安全监测与边界防护，实现生产网与办公网隔离。"
    );
    expect(s.value("A7")).toBe(3);
    expect(s.value("C7")).toBe("湖南醴陵瓷谷电瓷有限公司");
    expect(s.value("A9")).toBe(5);
    expect(s.value("C8")).toBe("株洲中车时代电气股份有限公司");
    expect(s.value("A11")).toBe("联系人：陈立平");
    expect(String(s.value("A12"))).toMatch(/^手机\/座机：13807331234/);
    expect(fake.sheetNames()).toEqual(["Sheet1", "推荐汇总表", "明细"]);
    // rows grow to their wrapped 简述 so that the printed list never overlaps
    expect(fake.log.filter((l) => l.startsWith("autofitRows"))).toEqual([
      expect.stringMatching(/推荐汇总表.*!A5:G9$/),
    ]);
  });

  it("writes 明细 as a table with dropdowns, red rows for errors and HUHANG formulas", async () => {
    const { fake, host } = setup();
    await host.showPrefecture(await zhuzhouState());
    const s = fake.sheet("明细")!;
    expect(s.tables).toEqual([
      expect.objectContaining({ name: "明细表", address: "A1:S6", hasHeaders: true }),
    ]);
    const header = s.grid()[0];
    expect(header.slice(0, 8)).toEqual([
      "所属市州",
      "推荐顺序",
      "案例名称",
      "企业名称",
      "统一社会信用代码",
      "企业类别",
      "申报方向",
      "网络安全级别",
    ]);
    const col = (h: string) => String.fromCharCode(65 + header.indexOf(h));
    expect(s.value(`${col("申报方向")}3`)).toBe("工业控制系统安全评估案例");
    expect(s.value(`${col("来源行")}2`)).toBe(4);
    expect(s.value(`${col("记录键")}4`)).toBe(
      "株洲市¦N:湖南醴陵瓷谷电瓷有限公司¦电瓷产业链标识解析二级节点安全防护"
    );
    expect(s.hiddenColumns).toEqual([col("企业标识"), col("来源列"), col("记录键")]);
    // the three 株洲 rows are clean; the R5/ID case is red across the table, the R4 case yellow
    expect([2, 3, 4].map((r) => s.fill(`A${r}`))).toEqual([null, null, null]);
    expect(s.fill("A5")).toBe("#FFC7CE");
    expect(s.fill("S5")).toBe("#FFC7CE");
    expect(s.fill("A6")).toBe("#FFEB9C");
    expect(String(s.value(`${col("问题")}5`))).toMatch(/【R5】[\s\S]*【ID】|【ID】[\s\S]*【R5】/);
    expect(String(s.value(`${col("问题")}6`))).toContain("【R4】");
    expect(s.value(`${col("问题")}3`)).toBe("");
    expect(s.value(`${col("记录键")}5`)).toBe(
      "株洲市¦N:株洲中车时代电气股份有限公司¦钢铁企业工业互联网安全分类分级防护实践"
    );
    expect(s.validations).toEqual(
      expect.arrayContaining([
        {
          address: `${col("企业类别")}2:${col("企业类别")}6`,
          list: expect.arrayContaining(["工业企业", "网络安全企业"]),
          inCellDropDown: true,
        },
        {
          address: `${col("申报方向")}2:${col("申报方向")}6`,
          list: expect.arrayContaining(["车联网网络安全防护案例"]),
          inCellDropDown: true,
        },
        {
          address: `${col("网络安全级别")}2:${col("网络安全级别")}6`,
          list: ["五级", "四级", "三级", "二级", "一级"],
          inCellDropDown: true,
        },
      ])
    );
    expect(s.formula(`${col("信用代码检查")}3`)).toBe("=HUHANG.USCC([@统一社会信用代码])");
    expect(s.value("U1")).toBe("多方向提示");
    expect(s.formula("U2")).toBe("=HUHANG.MULTIDIRECTION(明细表[企业标识],明细表[申报方向])");
    expect(fake.formulaProblems()).toEqual([]);
  });

  it("is idempotent, and a re-import updates the row in place", async () => {
    const { fake, host } = setup();
    const state = await zhuzhouState();
    await host.showPrefecture(state);
    const first = fake.snapshot();
    await host.showPrefecture(state);
    expect(fake.sheetNames()).toEqual(["Sheet1", "推荐汇总表", "明细"]);
    expect(fake.sheet("明细")!.grid()).toEqual(viewOf(first, "明细"));
    expect(fake.sheet("推荐汇总表")!.grid()).toEqual(viewOf(first, "推荐汇总表"));
    const fixed = {
      ...state,
      records: state.records.map((r, i) => (i === 0 ? { ...r, contact: "刘建国" } : r)),
    };
    await host.showPrefecture(fixed);
    expect(fake.sheet("推荐汇总表")!.value("F5")).toBe("刘建国");
    expect(fake.sheet("明细")!.tables.map((t) => t.name)).toEqual(["明细表"]);
  });

  it("leaves the workbook exactly as it was when a sync fails before anything is written", async () => {
    const { fake, host } = setup();
    const state = await zhuzhouState();
    await host.showPrefecture(state);
    const before = fake.snapshot();
    fake.failNextSync(); // the read sync
    await expect(host.showPrefecture({ ...state, records: [] })).rejects.toThrow(
      /写入工作表“推荐汇总表”“明细”失败，原有内容未改动/
    );
    expect(fake.snapshot()).toEqual(before);
    fake.failNextSync("磁盘已满", 1); // the read sync succeeds, the next one (the old sheets' tables) fails whole
    await expect(host.showPrefecture({ ...state, records: [] })).rejects.toThrow(
      /失败，原有内容未改动：磁盘已满/
    );
    expect(fake.snapshot()).toEqual(before);
    expect(fake.sheetNames()).toEqual(["Sheet1", "推荐汇总表", "明细"]);
  });

  it("writes input text as text: formulas, leading signs and 18-digit codes stay as typed", async () => {
    const { fake, host } = setup();
    const hostile = rec({
      caseName: '=HYPERLINK("http://example.invalid","点我")',
      enterprise: "@湖南某某有限公司",
      uscc: "914403001922038216",
      phone: "+86 0731-8888",
      contact: "-",
    });
    await host.showPrefecture({
      prefecture: "长沙市",
      meta: { recommender: "=1+1", date: "", contact: "", phone: "" },
      records: [hostile],
      findings: [],
    });
    const a3 = fake.sheet("推荐汇总表")!;
    expect(a3.formula("B5")).toBeNull();
    expect(a3.value("B5")).toBe('=HYPERLINK("http://example.invalid","点我")');
    expect(a3.value("C5")).toBe("@湖南某某有限公司");
    expect(a3.value("G5")).toBe("+86 0731-8888");
    expect(a3.value("F5")).toBe("-");
    expect(a3.value("A2")).toBe("推荐单位（盖章）：=1+1");
    const d = fake.sheet("明细")!;
    expect(d.value("C2")).toBe('=HYPERLINK("http://example.invalid","点我")');
    expect(d.formula("C2")).toBeNull();
    expect(d.value("E2")).toBe("914403001922038216");
    expect(d.numberFormat("E2")).toBe("@");
    // the only formulas on the sheets are ours
    expect(Object.values(d.formulas()).every((f) => f.startsWith("=HUHANG."))).toBe(true);
    expect(Object.keys(a3.formulas())).toEqual([]);
  });
});

describe("selectFinding", () => {
  it("selects the cell of the finding’s field through the record’s source columns", async () => {
    const { fake, host } = setup();
    const state = await zhuzhouState();
    await host.showPrefecture(state);
    // 周敏's phone is in column G of row 5 of the source sheet
    const f = {
      code: "REQ" as const,
      severity: "error" as const,
      file: "zhuzhou_official.xlsx",
      sheet: "推荐汇总表",
      row: 5,
      column: "G",
      enterprise: null,
      message: "联系方式有误",
    };
    await expect(host.selectFinding(f)).resolves.toBe(true);
    expect(fake.selection()).toBe("明细!K3");
    expect(fake.activeSheet()).toBe("明细");
    // a column we do not show goes to the 问题 cell; a row we do not have is not found
    await expect(host.selectFinding({ ...f, column: "Z" })).resolves.toBe(true);
    expect(fake.selection()).toBe("明细!O3");
    await expect(host.selectFinding({ ...f, row: 60 })).resolves.toBe(false);
    expect(fake.log.filter((l) => l.startsWith("select"))).toEqual([
      "select 明细!K3",
      "select 明细!O3",
    ]);
  });
});

describe("showIndicators", () => {
  it("writes label/value pairs with HUHANG derived cells and checks", async () => {
    const { fake, host } = setup();
    const values = {
      prefecture: "株洲市" as const,
      values: {
        tier3: 6,
        tier2: 21,
        tier1: 40,
        icsRisksFound: 120,
        icsRisksFixed: 131,
        trainingEnterprises: 200,
        trainingKeyPct: 85,
      },
      header: { unitName: "株洲市工业和信息化局" },
      lists: {},
      source: { file: "a.xlsx", sheet: "附件2", row: null },
      cells: {},
    };
    await host.showIndicators("株洲市", values);
    const s = fake.sheet("地区指标")!;
    const grid = s.grid();
    const rowOf = (label: string) => grid.findIndex((r) => r[1] === label || r[0] === label) + 1;
    expect(grid[rowOf("申报单位名称") - 1][1]).toBe("株洲市工业和信息化局");
    expect(s.value(`C${rowOf("三级工业互联网企业（家）")}`)).toBe(6);
    expect(s.value(`C${rowOf("完成符合性评测的企业（家）")}`)).toBe("");
    const found = rowOf("评估发现企业安全风险（项）");
    const fixed = rowOf("评估发现风险已整改（项）");
    expect(s.formula(`D${fixed}`)).toBe(
      `=IF(AND(ISNUMBER(C${fixed}),ISNUMBER(C${found})),IF(C${fixed}>C${found},"整改项数大于发现风险项数",""),"")`
    );
    expect(s.formula(`C${rowOf("工控风险整改率")}`)).toBe(
      `=HUHANG.RATIO(IF(ISBLANK(C${fixed}),"",C${fixed}),IF(ISBLANK(C${found}),"",C${found}))`
    );
    expect(s.formula(`C${rowOf("培训重点行业规上企业占比")}`)).toMatch(
      /^=HUHANG\.COVERAGE\(IF\(ISBLANK\((C\d+)\),"",\1\),IF\(ISBLANK\((C\d+)\),"",\2\)\)$/
    );
    expect(s.formula(`C${rowOf("推荐案例中三级（个）")}`)).toBe(
      '=IFERROR(HUHANG.TIERCOUNT(INDIRECT("明细表[网络安全级别]"),"三级"),"")'
    );
    expect(fake.formulaProblems()).toEqual([
      `地区指标!C${rowOf("推荐案例中三级（个）")}: 没有表 明细表`,
      expect.any(String),
      expect.any(String),
    ]);
    await host.showPrefecture(await zhuzhouState());
    expect(fake.formulaProblems()).toEqual([]);
  });
});

describe("openList and download", () => {
  it("opens the bytes as a new workbook in base64 and delegates downloads", async () => {
    const { fake, host, downloads } = setup();
    const bytes = new TextEncoder().encode("PK\u0003\u0004湖南");
    await host.openList("推荐汇总表.xlsx", bytes);
    expect(fake.createdWorkbooks).toEqual([Buffer.from(bytes).toString("base64")]);
    await host.download("a.xlsx", bytes);
    expect(downloads).toEqual(["a.xlsx"]);
  });
});

function viewOf(
  snapshot: ReturnType<ReturnType<typeof createFakeExcel>["snapshot"]>,
  name: string
) {
  const sheet = snapshot.sheets.find((s) => s.name === name)!;
  const rows: (string | number | boolean)[][] = [];
  for (const [key, c] of sheet.cells) {
    const [r, col] = key.split(",").map(Number);
    if (c.formula === null && c.value === "") continue;
    while (rows.length <= r) rows.push([]);
    rows[r][col] = c.formula ?? c.value;
  }
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
}
