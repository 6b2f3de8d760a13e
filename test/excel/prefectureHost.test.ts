/**
 * showPrefecture / showIndicators / selectFinding on a real 附件3 (株洲, written by openpyxl: three cases, no level
 * column, so both 分类分级 rows break R7) plus two Word-form cases, and on a record carrying hostile text: the sheets
 * as their descriptions in src/sheets have them.
 */
import { columnLetter } from "../../src/core/findings";
import { createExcelHost } from "../../src/excel/excelHost";
import { asWritten, DETAIL_SPEC, writtenKeys } from "../../src/sheets/records";
import { createFakeExcel } from "../support/fakeExcel";
import { rec } from "../core/records";
import { hostOnFake, sheetOps, zhuzhouState } from "./states";

function setup() {
  const fake = createFakeExcel();
  const downloads: string[] = [];
  const host = createExcelHost(fake.run, {
    download: async (name) => void downloads.push(name),
    createWorkbook: fake.createWorkbook,
    now: () => new Date("2024-12-10T08:00:00Z"),
  });
  return { fake, host, downloads };
}

/** Column letter of a header in row 1 of a sheet's grid. */
function letterOf(grid: (string | number | boolean)[][], header: string): string {
  const i = grid[0].indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return columnLetter(i + 1);
}

describe("showPrefecture", () => {
  it("writes 推荐汇总表 in the official layout with the hidden case key, in state order, numbered 1..n", async () => {
    const { fake, host } = setup();
    const state = await zhuzhouState();
    await host.showPrefecture(state);
    const s = fake.sheet("推荐汇总表")!;
    expect(s.value("A1")).toBe("护航新型工业化网络安全典型案例推荐汇总表");
    expect(s.merges).toEqual(["A1:G1", "A2:G2", "A3:G3", "A11:G11", "A12:G12"]);
    expect(s.value("A2")).toBe("推荐单位（盖章）：株洲市工业和信息化局");
    expect(s.value("A3")).toBe("日期：2024年12月10日");
    expect(s.grid()[3]).toEqual([
      "序号",
      "案例名称",
      "企业名称",
      "企业类别",
      "案例申报方向和简述（100字内）",
      "联系人",
      "联系方式",
      "案例标识",
    ]);
    expect(s.hiddenColumns).toEqual(["H"]);
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
    // the key each row is paired with its 明细 row by
    expect([5, 6, 7, 8, 9].map((r) => s.value(`H${r}`))).toEqual(
      writtenKeys(state.records.map(asWritten))
    );
    expect(s.value("A10")).toBe("");
    expect(s.value("A11")).toBe("联系人：陈立平");
    expect(String(s.value("A12"))).toMatch(/^手机\/座机：13807331234/);
    expect(fake.sheetNames()).toEqual(["Sheet1", "推荐汇总表", "明细"]);
    expect(s.frozenRows).toBe(4);
    // Excel without ExcelApi 1.9 keeps its default print setup
    expect(s.print).toEqual({
      orientation: "Portrait",
      paperSize: "Letter",
      centerHorizontally: false,
      titleRows: null,
      centerFooter: "",
    });
    // rows grow to their wrapped 简述 so that the printed list never overlaps
    expect(fake.log.filter((l) => l.startsWith("autofitRows"))).toEqual([
      expect.stringMatching(/推荐汇总表.*!A5:G9$/),
    ]);
  });

  it("writes 明细 from its description: every column, rules, hidden columns, red and yellow rows, HUHANG formulas", async () => {
    const { fake, host } = setup();
    await host.showPrefecture(await zhuzhouState());
    const s = fake.sheet("明细")!;
    const grid = s.grid();
    expect(grid[0]).toEqual(DETAIL_SPEC.columns.map((c) => c.header));
    expect(grid).toHaveLength(6);
    const col = (h: string) => letterOf(grid, h);
    expect(s.value(`${col("申报方向")}3`)).toBe("工业控制系统安全评估案例");
    expect(s.value(`${col("来源行")}2`)).toBe(4);
    expect(s.value(`${col("案例标识")}4`)).toBe(
      "株洲市¦N:湖南醴陵瓷谷电瓷有限公司¦电瓷产业链标识解析二级节点安全防护"
    );
    expect(s.hiddenColumns).toEqual(
      ["企业标识", "来源列", "申报表信息", "案例标识", "写出校验"].map(col)
    );
    // the three 株洲 rows are clean; the R5/ID case is red across the sheet, the R4 case yellow
    expect([2, 3, 4].map((r) => s.fill(`A${r}`))).toEqual([null, null, null]);
    expect(s.fill("A5")).toBe("#FFC7CE");
    expect(s.fill(`${col("写出校验")}5`)).toBe("#FFC7CE");
    expect(s.fill("A6")).toBe("#FFEB9C");
    // 评审得分 is a cell to fill in: green whatever the row
    expect(s.fill(`${col("评审得分")}5`)).toBe("#E2EFDA");
    expect(String(s.value(`${col("问题")}5`))).toMatch(/【ID】[\s\S]*【R5】|【R5】[\s\S]*【ID】/);
    expect(String(s.value(`${col("问题")}6`))).toContain("【R4】");
    expect(s.value(`${col("问题")}3`)).toBe("");
    expect(s.tables).toEqual([]);
    const rule = (h: string) => s.validations.find((v) => v.address.startsWith(col(h)))!;
    expect(rule("企业类别")).toMatchObject({
      address: `${col("企业类别")}2:${col("企业类别")}6`,
      type: "list",
      list: expect.arrayContaining(["工业企业", "网络安全企业"]),
      inCellDropDown: true,
      prompt: { title: "企业类别", message: "请选择企业类别（八类之一）。" },
      errorAlert: expect.objectContaining({ style: "Stop" }),
    });
    expect(rule("申报方向").list).toContain("车联网网络安全防护案例");
    expect(rule("网络安全级别").list).toEqual(["五级", "四级", "三级", "二级", "一级"]);
    // a score typed as text is read all the same: a warning, not a refusal
    expect(rule("评审得分")).toMatchObject({
      type: "decimal",
      operator: "GreaterThanOrEqualTo",
      formula1: 0,
      errorAlert: {
        title: "评审得分",
        message: "请填写不小于0的数字，如 88.5。",
        style: "Warning",
      },
    });
    expect(s.validations).toHaveLength(4);
    expect(s.formula(`${col("信用代码检查")}3`)).toBe(`=HUHANG.USCC(${col("统一社会信用代码")}3)`);
    const id = col("企业标识");
    expect(s.formula(`${col("多方向提示")}2`)).toBe(
      `=HUHANG.MULTIDIRECTION(${id}2:${id}6,${col("申报方向")}2:${col("申报方向")}6)`
    );
    expect(s.formula(`${col("多地推荐提示")}2`)).toBe(
      `=HUHANG.CROSSREGION(${id}2:${id}6,${col("所属市州")}2:${col("所属市州")}6)`
    );
    // spilled: the cells below the first are left empty for the results
    expect(s.formula(`${col("多方向提示")}3`)).toBeNull();
    expect(s.value(`${id}2`)).toBe("N:株洲岳峰硬质合金有限公司");
    expect(s.frozenRows).toBe(1);
    expect(fake.formulaProblems()).toEqual([]);
  });

  it("is idempotent, and a re-import updates the row in place", async () => {
    const { fake, host } = setup();
    const state = await zhuzhouState();
    await host.showPrefecture(state);
    const first = fake.snapshot();
    const ops = fake.operations().length;
    await host.showPrefecture(state);
    expect(fake.sheetNames()).toEqual(["Sheet1", "推荐汇总表", "明细"]);
    expect(fake.sheet("明细")!.grid()).toEqual(viewOf(first, "明细"));
    expect(fake.sheet("推荐汇总表")!.grid()).toEqual(viewOf(first, "推荐汇总表"));
    expect(fake.snapshot()).toEqual(first);
    const fixed = {
      ...state,
      records: state.records.map((r, i) => (i === 0 ? { ...r, contact: "刘建国" } : r)),
    };
    await host.showPrefecture(fixed);
    expect(fake.sheet("推荐汇总表")!.value("F5")).toBe("刘建国");
    const kinds = fake
      .operations()
      .slice(ops)
      .map((o) => o.kind);
    expect(kinds.filter((k) => /^worksheets?\.(add|delete|name)$/.test(k))).toEqual([]);
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
    const col = (h: string) => letterOf(d.grid(), h);
    expect(d.value(`${col("案例名称")}2`)).toBe('=HYPERLINK("http://example.invalid","点我")');
    expect(d.formula(`${col("案例名称")}2`)).toBeNull();
    expect(d.value(`${col("统一社会信用代码")}2`)).toBe("914403001922038216");
    expect(d.numberFormat(`${col("统一社会信用代码")}2`)).toBe("@");
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
    const grid = fake.sheet("明细")!.grid();
    const phone = `明细!${letterOf(grid, "联系方式")}3`;
    const problems = `明细!${letterOf(grid, "问题")}3`;
    expect(fake.selection()).toBe(phone);
    expect(fake.activeSheet()).toBe("明细");
    // a column we do not show goes to the 问题 cell; a row we do not have is not found
    await expect(host.selectFinding({ ...f, column: "Z" })).resolves.toBe(true);
    expect(fake.selection()).toBe(problems);
    await expect(host.selectFinding({ ...f, row: 60 })).resolves.toBe(false);
    expect(fake.log.filter((l) => l.startsWith("select"))).toEqual([
      `select ${phone}`,
      `select ${problems}`,
    ]);
  });
});

describe("showIndicators", () => {
  it("writes the 附件2 form's lines with checks beside the values and derived cells below", async () => {
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
      header: { unitName: "株洲市工业和信息化局", classifiedManagement: "是" },
      lists: {},
      source: { file: "a.xlsx", sheet: "附件2", row: null },
      cells: {},
    };
    await host.showIndicators("株洲市", values);
    expect(fake.sheetNames()).toEqual(["Sheet1", "成效突出地区申报表"]);
    const s = fake.sheet("成效突出地区申报表")!;
    const grid = s.grid();
    const rowOf = (label: string) => grid.findIndex((r) => r[0] === label) + 1;
    expect(s.value("A1")).toBe("护航新型工业化网络安全成效突出地区申报表");
    expect(s.value(`B${rowOf("申报单位名称")}`)).toBe("株洲市工业和信息化局");
    expect(s.value(`B${rowOf("是否组织开展工业互联网安全分类分级管理")}`)).toBe("是");
    expect(s.value(`B${rowOf("三级工业互联网企业（家）")}`)).toBe(6);
    expect(s.value(`C${rowOf("三级工业互联网企业（家）")}`)).toBe("家");
    expect(s.value(`D${rowOf("三级工业互联网企业（家）")}`)).toBe("请附名单");
    expect(s.value(`B${rowOf("完成符合性评测的企业（家）")}`)).toBe("");
    // a percentage as a fraction in a percent cell, as the reader takes it back
    const pct = rowOf("其中重点行业规上企业占比（%）");
    expect(s.value(`B${pct}`)).toBe(0.85);
    expect(s.numberFormat(`B${pct}`)).toBe("0.0%");
    const found = rowOf("评估发现企业安全风险（项）");
    const fixed = rowOf("评估发现风险已整改（项）");
    expect(s.formula(`E${fixed}`)).toBe(
      `=IF(AND(ISNUMBER(B${fixed}),ISNUMBER(B${found})),IF(B${fixed}>B${found},"整改项数大于发现风险项数",""),"")`
    );
    expect(s.formula(`C${rowOf("工控风险整改率")}`)).toBe(
      `=HUHANG.RATIO(IF(ISBLANK(B${fixed}),"",B${fixed}),IF(ISBLANK(B${found}),"",B${found}))`
    );
    expect(s.formula(`C${rowOf("培训重点行业规上企业占比")}`)).toMatch(
      /^=HUHANG\.COVERAGE\(IF\(ISBLANK\((B\d+)\),"",\1\),IF\(ISBLANK\((B\d+)\),"",\2\)\)$/
    );
    // the levels of 明细, as far as its 序号 column goes
    expect(s.formula(`C${rowOf("推荐案例中三级（个）")}`)).toBe(
      '=IFERROR(HUHANG.TIERCOUNT(INDIRECT("明细!I2:I"&MAX(2,COUNTA(INDIRECT("明细!A:A")))),"三级"),"")'
    );
    // input rules on the values: whole numbers ≥ 0, a percentage between 0% and 100%, 是/否
    const rule = (r: number) => s.validations.find((v) => v.address === `B${r}`);
    expect(rule(found)).toMatchObject({ type: "wholeNumber", formula1: 0 });
    expect(rule(pct)).toMatchObject({
      type: "decimal",
      operator: "Between",
      formula1: 0,
      formula2: 1,
    });
    expect(rule(rowOf("是否组织开展工业互联网安全分类分级管理"))?.list).toEqual(["是", "否"]);
    // 明细 does not exist yet: the INDIRECT text names it
    expect(fake.formulaProblems()).toEqual([
      `成效突出地区申报表!C${rowOf("推荐案例中三级（个）")}: 没有工作表 明细`,
      expect.any(String),
      expect.any(String),
    ]);
    await host.showPrefecture(await zhuzhouState());
    expect(fake.formulaProblems()).toEqual([]);
    // shown again with other values: the same sheet, updated where it stands
    const ops = fake.operations().length;
    await host.showIndicators("株洲市", { ...values, values: { ...values.values, tier3: 7 } });
    expect(fake.sheet("成效突出地区申报表")!.value(`B${rowOf("三级工业互联网企业（家）")}`)).toBe(
      7
    );
    expect(sheetOps(fake, ops)).toEqual([]);
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

describe("print setup (ExcelApi 1.9)", () => {
  it("is the sheets' own: A4, orientation, centred, header rows on every page, page numbers", async () => {
    const { fake, host } = hostOnFake();
    await host.showPrefecture(await zhuzhouState());
    await host.showIndicators("株洲市", null);
    const footer = "第 &P 页 共 &N 页";
    expect(fake.sheet("推荐汇总表")!.print).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      centerHorizontally: true,
      titleRows: "$4:$4",
      centerFooter: footer,
    });
    expect(fake.sheet("明细")!.print).toMatchObject({
      orientation: "Landscape",
      titleRows: "$1:$1",
    });
    expect(fake.sheet("成效突出地区申报表")!.print).toEqual({
      orientation: "Portrait",
      paperSize: "A4",
      centerHorizontally: true,
      titleRows: null,
      centerFooter: footer,
    });
  });
});
