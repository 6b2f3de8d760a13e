/**
 * The province workbook as a person sees it, read back by openpyxl (an independent reader): sheet order, the official
 * 附件3 layout and print setup, the 明细 fields and highlighting, the 地区指标 formulas, the 问题清单.
 */
import { strFromU8, unzipSync } from "fflate";
import {
  writeProvinceWorkbook,
  type ProvinceWriteOptions,
} from "../../../src/io/xlsx/writeProvince";
import {
  dumpXlsx,
  openpyxlMissing,
  rowValues,
  sheet,
  val,
  cachedVal,
  type Dump,
  type DumpSheet,
} from "./inspect/python";
import { CS_FILE, EVIL_ENTERPRISE, XX_FILE, ZZ_DOCX, sampleMerge } from "./inspect/sampleMerge";
import { columnLetter } from "../../../src/core/findings";
import { PROVINCE_COLUMNS } from "../../../src/sheets/indicators";
import { DETAIL_COLUMNS } from "../../../src/sheets/records";

const OPTS: ProvinceWriteOptions = {
  recommender: "湖南省工业和信息化厅",
  date: "2024年12月20日",
  contact: "刘明",
  phone: "0731-88954321",
  generatedAt: "2024-12-20T09:30:00+08:00",
};

const missing = openpyxlMissing();
if (missing) console.warn(missing);
const describeWithPython = missing ? describe.skip : describe;

describeWithPython("writeProvinceWorkbook, read by openpyxl", () => {
  let dump: Dump;
  beforeAll(async () => {
    dump = dumpXlsx(await writeProvinceWorkbook(sampleMerge(), OPTS));
  });

  it("has the four sheets in order, visible", () => {
    expect(dump.sheets.map((s) => s.name)).toEqual(["推荐汇总表", "明细", "地区指标", "问题清单"]);
    expect(dump.sheets.every((s) => s.state === "visible")).toBe(true);
    expect(dump.creator).toBe("护航汇总");
    expect(dump.created).toBe("2024-12-20 01:30:00");
  });

  it("推荐汇总表 follows the official 附件3 layout", () => {
    const s = sheet(dump, "推荐汇总表");
    expect(val(s, "A1")).toBe("护航新型工业化网络安全典型案例推荐汇总表");
    expect(s.merged).toContain("A1:G1");
    expect(s.cells.A1.bold).toBe(true);
    expect(val(s, "A2")).toBe("推荐单位（盖章）：湖南省工业和信息化厅");
    expect(val(s, "A3")).toBe("日期：2024年12月20日");
    expect(rowValues(s, 4, 7)).toEqual([
      "序号",
      "案例名称",
      "企业名称",
      "企业类别",
      "案例申报方向和简述（100字内）",
      "联系人",
      "联系方式",
    ]);
    // 8 records, renumbered 1..8 across prefectures, in the given order
    expect([5, 6, 7, 8, 9, 10, 11, 12].map((r) => val(s, `A${r}`))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(rowValues(s, 5, 7)).toEqual([
      1,
      "工程机械行业工业互联网安全分类分级实践",
      "三一重工股份有限公司",
      "工业企业",
      "工业互联网安全分类分级案例：完成自主定级与符合性评测，覆盖12个工厂。",
      "王伟",
      "0731-84031234",
    ]);
    // direction leads the cell in its full name, whatever the clerk wrote ("3.…", "【车联网】…")
    expect(val(s, "E7")).toBe("工业控制系统安全评估案例：评估发现风险23项，已全部整改。");
    expect(val(s, "E6")).toBe(
      "车联网网络安全防护案例：" + "建成车联网安全监测平台，接入车辆一万余台，".repeat(5)
    );
    // an unknown category is written as the clerk wrote it
    expect(val(s, "D7")).toBe("材料企业");
    // 湘西's second row has no direction: its cell is written as given
    expect(val(s, "E12")).toBe("-2+3");
    expect(val(s, "A13")).toBeNull();
    expect(val(s, "A14")).toBe("联系人：刘明");
    expect(val(s, "A15")).toBe("手机/座机：0731-88954321");
    expect(s.cells.B5.wrap).toBe(true);
  });

  it("推荐汇总表 prints on A4 landscape, one page wide, header repeated, header frozen", () => {
    const s = sheet(dump, "推荐汇总表");
    expect(s.orientation).toBe("landscape");
    expect(s.paperSize).toBe(9);
    expect(s.fitToPage).toBe(true);
    expect(s.fitToWidth).toBe(1);
    expect(s.fitToHeight).toBe(0);
    expect(s.printTitleRows).toBe("$4:$4");
    expect(s.freeze).toBe("A5");
  });

  /** The column letter of a header in row 1 of a dumped sheet. */
  const col = (s: DumpSheet, header: string): string => {
    for (let c = 1; c <= 60; c++) {
      const letter = columnLetter(c);
      if (val(s, `${letter}1`) === header) return letter;
    }
    throw new Error(`no column “${header}” in ${s.name}`);
  };

  it("明细 has every field, provenance, the form's facts, problems and an empty unlocked 评审得分 column", () => {
    const s = sheet(dump, "明细");
    expect(rowValues(s, 1, DETAIL_COLUMNS.length)).toEqual(DETAIL_COLUMNS.map((c) => c.header));
    // the headers a clerk reads, in this order, before the internal ones
    expect(DETAIL_COLUMNS.filter((c) => !c.hidden).map((c) => c.header)).toEqual([
      "序号",
      "所属市州",
      "推荐顺序",
      "案例名称",
      "企业名称",
      "统一社会信用代码",
      "企业类别",
      "申报方向",
      "网络安全级别",
      "简述",
      "联系人",
      "联系方式",
      "申报日期",
      "单位地址",
      "成立时间",
      "注册资本（万元）",
      "单位性质",
      "传真",
      "电子邮箱",
      "申报单位简介",
      "来源文件",
      "来源工作表",
      "来源行",
      "导入时间",
      "问题",
      "评审得分",
      "信用代码检查",
      "多方向提示",
      "多地推荐提示",
    ]);
    const last = columnLetter(DETAIL_COLUMNS.length);
    expect(s.freeze).toBe("A2");
    expect(s.autofilter).toBe(`A1:${last}9`);
    expect(s.maxRow).toBe(9);
    expect(rowValues(s, 2, 13)).toEqual([
      1,
      "长沙市",
      1,
      "工程机械行业工业互联网安全分类分级实践",
      "三一重工股份有限公司",
      "91430000722591425D",
      "工业企业",
      "工业互联网安全分类分级案例",
      "三级",
      "完成自主定级与符合性评测，覆盖12个工厂。",
      "王伟",
      "0731-84031234",
      "2024-11-20",
    ]);
    expect(val(s, `${col(s, "来源文件")}2`)).toBe(CS_FILE);
    expect(val(s, `${col(s, "来源工作表")}2`)).toBe("推荐汇总表");
    expect(val(s, `${col(s, "来源行")}2`)).toBe(5);
    // the wall clock it was written at, not an ISO string
    expect(val(s, `${col(s, "导入时间")}2`)).toBe("2024-12-20 09:30");
    const problems = col(s, "问题");
    expect(val(s, `${problems}2`)).toBe(
      "【R2】三一重工股份有限公司同时申报了工业互联网安全分类分级案例和工业控制系统安全评估案例（湘西土家族苗族自治州）"
    );
    // the 湘西 row and the 株洲 Word form keep their prefecture (full name) and source
    expect(rowValues(s, 8, 3)).toEqual([7, "湘西土家族苗族自治州", 1]);
    expect(val(s, `${col(s, "来源文件")}7`)).toBe(ZZ_DOCX);
    expect(val(s, `${col(s, "来源行")}7`)).toBeNull();
    expect(val(s, `${problems}7`)).toBe(
      "【ID】统一社会信用代码 91430211MA4L12345X 第 18 位校验码应为 Y"
    );
    expect(val(s, `${col(s, "来源文件")}9`)).toBe(XX_FILE);
    // a row without findings has no problem text
    expect(val(s, `${problems}6`)).toBeNull();
    const score = col(s, "评审得分");
    for (let r = 2; r <= 9; r++) {
      expect(val(s, `${score}${r}`)).toBeNull();
      expect(s.cells[`${score}${r}`].locked).toBe(false);
      expect(s.cells[`${score}${r}`].fill).toBe("FFE2EFDA");
    }
    // the live flags, as values for readers without the add-in: 三一 is under two directions
    expect(val(s, `${col(s, "多方向提示")}2`)).toBe("多方向：分类分级、工控评估");
    expect(val(s, `${col(s, "信用代码检查")}7`)).toMatch(
      /^统一社会信用代码“91430211MA4L12345X”第 17 位/
    );
    // the 18-digit credit code and phone columns are text, so Excel never turns them into numbers
    expect(s.cells.F2.t).toBe("s");
    expect(s.cells.F2.fmt).toBe("@");
  });

  it("明细 explains 评审得分 in the input prompt of one rule over the whole column (no cell notes), internal columns hidden", () => {
    const s = sheet(dump, "明细");
    const score = col(s, "评审得分");
    const rule = s.validations.find((v) => v.sqref === `${score}2:${score}9`);
    expect(rule).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formula1: "0",
      promptTitle: "评审得分",
    });
    expect(rule!.prompt).toBe("专家评审后在本列填写得分（数字），再导入本工作簿即可按得分排序。");
    // dropdowns on the enumerated columns, one rule each over the whole column
    for (const header of ["企业类别", "申报方向", "网络安全级别"]) {
      const c = col(s, header);
      expect(s.validations.find((v) => v.sqref === `${c}2:${c}9`)?.type).toBe("list");
    }
    expect(s.hiddenColumns).toEqual(
      ["企业标识", "来源列", "申报表信息", "案例标识", "写出校验"].map((h) => col(s, h))
    );
  });

  it("明细 rows with errors are light red, with only warnings light yellow, clean rows plain", () => {
    const s = sheet(dump, "明细");
    const fillOf = (r: number) => s.cells[`D${r}`].fill;
    expect(fillOf(2)).toBe("FFFFC7CE"); // R2
    expect(fillOf(3)).toBe("FFFFC7CE"); // R5
    expect(fillOf(4)).toBe("FFFFC7CE"); // R7
    expect(fillOf(5)).toBe("FFFFEB9C"); // R4 only (warning)
    expect(fillOf(6)).toBeNull(); // clean
    expect(fillOf(7)).toBe("FFFFC7CE"); // ID on the Word form
  });

  it("地区指标: 14 prefectures in GB/T 2260 order + 全省合计, blanks for no data, formulas for totals", () => {
    const s = sheet(dump, "地区指标");
    const names = Array.from({ length: 15 }, (_, i) => val(s, `A${i + 2}`));
    expect(names).toEqual([
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
    const status = col(s, "状态");
    expect([2, 3, 4, 16].map((r) => val(s, `${status}${r}`))).toEqual([
      "已报",
      "已报",
      "未报",
      "已报 2/14",
    ]);
    expect(rowValues(s, 1, 4)).toEqual([
      "市州",
      "三级工业互联网企业（家）",
      "二级工业互联网企业（家）",
      "一级工业互联网企业（家）",
    ]);
    const k = PROVINCE_COLUMNS.byKey;
    const d = PROVINCE_COLUMNS.derived;
    expect(val(s, `${d.tierTotal}1`)).toBe("三级+二级+一级合计（家）");
    expect(String(val(s, `${d.icsFixRate}1`))).toMatch(/^工控风险整改率/);
    expect(String(val(s, `${d.hazardFixRate}1`))).toMatch(/^风险隐患整改率/);
    // 株洲 left 一级 and 完成整改 blank: empty cells, not 0; its hazard ratio is empty too; 0 stays 0
    expect(val(s, `${k.tier3}3`)).toBe(5);
    expect(val(s, `${k.tier1}3`)).toBeNull();
    expect(val(s, `${k.noticeHazardsFixed}3`)).toBeNull();
    expect(val(s, `${d.hazardFixRate}3`)).toBeNull();
    expect(val(s, `${k.monitorVehicle}3`)).toBe(0);
    // an unreported prefecture is all blank
    for (const c of [k.tier3, k.icsRisksFound, k.trainingKeyPct, d.tierTotal, d.icsFixRate])
      expect(val(s, `${c}4`)).toBeNull();

    expect(val(s, `${k.tier3}16`)).toBe(`=SUM(${k.tier3}2:${k.tier3}15)`);
    expect(val(s, `${d.tierTotal}2`)).toBe(`=SUM(${k.tier3}2:${k.tier1}2)`);
    expect(val(s, `${d.tierTotal}16`)).toBe(`=SUM(${d.tierTotal}2:${d.tierTotal}15)`);
    const [fixed, found] = [k.icsRisksFixed, k.icsRisksFound];
    expect(val(s, `${d.icsFixRate}2`)).toBe(`=IFERROR(${fixed}2/${found}2,"")`);
    const mask = `(${fixed}2:${fixed}15<>"")*(${found}2:${found}15<>"")`;
    expect(val(s, `${d.icsFixRate}16`)).toBe(
      `=IFERROR(SUMPRODUCT(${mask},${fixed}2:${fixed}15)/SUMPRODUCT(${mask},${found}2:${found}15),"")`
    );
    const [w, p] = [k.trainingEnterprises, k.trainingKeyPct];
    const pmask = `(${w}2:${w}15<>"")*(${p}2:${p}15<>"")`;
    expect(val(s, `${p}16`)).toBe(
      `=IFERROR(SUMPRODUCT(${pmask},${w}2:${w}15,${p}2:${p}15)/SUMPRODUCT(${pmask},${w}2:${w}15),"")`
    );
    // only SUM, SUMPRODUCT and IFERROR, so WPS and old Excel recompute them
    for (const cell of Object.values(s.cells)) {
      if (cell.t !== "f") continue;
      const fns = String(cell.v).match(/[A-Z]+(?=\()/g) ?? [];
      expect(fns.filter((f) => !["SUM", "SUMPRODUCT", "IFERROR"].includes(f))).toEqual([]);
    }
    expect(s.cells[`${k.tier3}16`].fmt).toBe("0");
    expect(s.cells[`${d.icsFixRate}16`].fmt).toBe("0.0%");
    expect(s.cells[`${p}16`].fmt).toBe("0.0");
  });

  it("地区指标 caches the results for viewers that do not recalculate", () => {
    const s = sheet(dump, "地区指标");
    const k = PROVINCE_COLUMNS.byKey;
    const d = PROVINCE_COLUMNS.derived;
    // 长沙 12+30+55, 株洲 5+18; 发现 86+41, 整改 79+30; 隐患 only 长沙 gave both (214/230); 培训 (420×62.5+180×40)/600
    expect(cachedVal(s, `${k.tier3}16`)).toBe(17);
    expect(cachedVal(s, `${d.tierTotal}2`)).toBe(97);
    expect(cachedVal(s, `${d.tierTotal}3`)).toBe(23);
    expect(cachedVal(s, `${d.tierTotal}16`)).toBe(120);
    expect(cachedVal(s, `${k.icsRisksFound}16`)).toBe(127);
    expect(cachedVal(s, `${k.noticeHazards}16`)).toBe(325);
    expect(cachedVal(s, `${d.icsFixRate}16`)).toBeCloseTo(109 / 127, 12);
    expect(cachedVal(s, `${d.hazardFixRate}16`)).toBeCloseTo(214 / 230, 12);
    expect(cachedVal(s, `${k.trainingKeyPct}16`)).toBeCloseTo(55.75, 12);
  });

  it("问题清单 lists every finding with its location, in the given order", () => {
    const s = sheet(dump, "问题清单");
    expect(rowValues(s, 1, 11)).toEqual([
      "序号",
      "级别",
      "代码",
      "问题类型",
      "市州",
      "文件",
      "工作表",
      "行",
      "列",
      "企业",
      "说明",
    ]);
    expect(s.maxRow).toBe(8);
    expect(s.freeze).toBe("A2");
    expect(s.autofilter).toBe("A1:K8");
    expect(rowValues(s, 2, 11)).toEqual([
      1,
      "错误",
      "FILE",
      "文件无法读取",
      "娄底市",
      "娄底市推荐汇总表.xls",
      null,
      null,
      null,
      null,
      "这是旧版 .xls 文件，请另存为 .xlsx 后重新导入",
    ]);
    expect(rowValues(s, 4, 9)).toEqual([
      3,
      "提醒",
      "R4",
      "申报日期或工作年度不在本年度遴选范围",
      "株洲市",
      "株洲市推荐汇总表.xlsx",
      "Sheet1",
      5,
      null,
    ]);
    expect(rowValues(s, 7, 11)).toEqual([
      6,
      "错误",
      "R5",
      "案例申报方向和简述超过100字",
      "长沙市",
      CS_FILE,
      "推荐汇总表",
      6,
      "E",
      "湖南湘江智能科技创新中心有限公司",
      "案例申报方向和简述共 110 字，超过 100 字的限制",
    ]);
  });

  it("writes input text that looks like a formula as plain text, never as a formula", () => {
    const list = sheet(dump, "推荐汇总表");
    const detail = sheet(dump, "明细");
    expect(list.cells.C12).toMatchObject({ v: EVIL_ENTERPRISE, t: "s" });
    expect(list.cells.B12).toMatchObject({ v: "+cmd|' /C calc'!A0", t: "s" });
    expect(list.cells.D12).toMatchObject({ v: "@SUM(1+1)", t: "s" });
    expect(list.cells.E12).toMatchObject({ v: "-2+3", t: "s" });
    expect(list.cells.F12).toMatchObject({ v: "@张三", t: "s" });
    expect(detail.cells.E9).toMatchObject({ v: EVIL_ENTERPRISE, t: "s" });
    for (const name of ["推荐汇总表", "明细", "问题清单"]) {
      expect(Object.values(sheet(dump, name).cells).filter((c) => c.t === "f")).toEqual([]);
    }
  });
});

describe("writeProvinceWorkbook output is deterministic", () => {
  it("gives the same bytes for the same input, and every part is identical", async () => {
    const a = await writeProvinceWorkbook(sampleMerge(), OPTS);
    await new Promise((r) => setTimeout(r, 2100)); // two seconds later (zip times have 2 s steps): no clock may leak into the file
    const b = await writeProvinceWorkbook(sampleMerge(), OPTS);
    const pa = unzipSync(a);
    const pb = unzipSync(b);
    expect(Object.keys(pa)).toEqual(Object.keys(pb));
    expect(Object.keys(pa)).toEqual(
      expect.arrayContaining(["xl/workbook.xml", "xl/worksheets/sheet1.xml", "docProps/core.xml"])
    );
    for (const name of Object.keys(pa)) expect(strFromU8(pa[name])).toBe(strFromU8(pb[name]));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("has no comment parts, one drawing (the tier chart on 地区指标), and one shared look per kind of cell", async () => {
    const parts = unzipSync(await writeProvinceWorkbook(sampleMerge(), OPTS));
    expect(Object.keys(parts).filter((n) => /comment|vml/i.test(n))).toEqual([]);
    expect(
      Object.keys(parts)
        .filter((n) => /drawing|chart/i.test(n))
        .sort()
    ).toEqual([
      "xl/charts/chart1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
    ]);
    expect(strFromU8(parts["xl/worksheets/_rels/sheet3.xml.rels"])).toContain(
      "../drawings/drawing1.xml"
    );
    const xfs = Number(/<cellXfs count="(\d+)"/.exec(strFromU8(parts["xl/styles.xml"]))![1]);
    expect(xfs).toBeLessThan(30);
  });

  it("takes the document date from generatedAt, or a fixed epoch without it", async () => {
    const core = async (generatedAt?: string) =>
      strFromU8(
        unzipSync(await writeProvinceWorkbook(sampleMerge(), { ...OPTS, generatedAt }))[
          "docProps/core.xml"
        ]
      );
    expect(await core("2025-01-02T03:04:05Z")).toContain("2025-01-02T03:04:05Z");
    const noStamp = await core(undefined);
    expect(noStamp).toContain("2000-01-01T00:00:00Z");
    expect(await core(undefined)).toBe(noStamp);
  });

  it("writes input formulas as shared strings: no <f> element outside 地区指标", async () => {
    const parts = unzipSync(await writeProvinceWorkbook(sampleMerge(), OPTS));
    const sheets = [
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/sheet4.xml",
    ];
    for (const p of sheets) expect(strFromU8(parts[p])).not.toMatch(/<f[ >]/);
    expect(strFromU8(parts["xl/worksheets/sheet3.xml"])).toMatch(/<f>SUM\(C2:C15\)<\/f>/);
    expect(strFromU8(parts["xl/sharedStrings.xml"])).toContain(
      "=HYPERLINK(&quot;http://evil.example/x&quot;,&quot;点击查看&quot;)"
    );
  });
});
