/**
 * The blank templates handed to prefecture clerks: checked with openpyxl (dropdowns, input messages, layout), then
 * filled with openpyxl as a clerk would and read back by our workbook reader.
 */
import { INDICATOR_DEFS, matchIndicatorLabel } from "../../../src/core/indicatorDefs";
import { CATEGORIES, DIRECTIONS, LEVELS } from "../../../src/core/vocabulary";
import { readWorkbook } from "../../../src/io/xlsx/readWorkbook";
import { writeTemplate } from "../../../src/io/xlsx/template";
import {
  dumpXlsx,
  fillCells,
  openpyxlMissing,
  rowValues,
  val,
  type DumpSheet,
  type DumpValidation,
} from "./inspect/python";

const missing = openpyxlMissing();
if (missing) console.warn(missing);
const describeWithPython = missing ? describe.skip : describe;

/** The validation covering a cell (openpyxl gives squeezed ranges such as "D5:D34"). */
function validationAt(s: DumpSheet, addr: string): DumpValidation | undefined {
  const [, colS, rowS] = /^([A-Z]+)(\d+)$/.exec(addr)!;
  const row = Number(rowS);
  return s.validations.find((v) =>
    v.sqref.split(" ").some((ref) => {
      const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref)!;
      const [c1, r1, c2, r2] = [m[1], Number(m[2]), m[3] ?? m[1], Number(m[4] ?? m[2])];
      return colS >= c1 && colS <= c2 && colS.length === c1.length && row >= r1 && row <= r2;
    })
  );
}

describeWithPython('writeTemplate("annex3")', () => {
  let s: DumpSheet;
  beforeAll(async () => {
    const dump = dumpXlsx(await writeTemplate("annex3"));
    expect(dump.sheets.map((x) => x.name)).toEqual(["推荐汇总表"]);
    s = dump.sheets[0];
  });

  it("has the official title and header plus 申报方向, 网络安全级别, 统一社会信用代码, and 30 numbered rows", () => {
    expect(val(s, "A1")).toBe("护航新型工业化网络安全典型案例推荐汇总表");
    expect(val(s, "A2")).toBe("推荐单位（盖章）：");
    expect(rowValues(s, 4, 10)).toEqual([
      "序号",
      "案例名称",
      "企业名称",
      "企业类别",
      "案例申报方向和简述（100字内）",
      "联系人",
      "联系方式",
      "申报方向",
      "网络安全级别",
      "统一社会信用代码",
    ]);
    expect(Array.from({ length: 30 }, (_, i) => val(s, `A${5 + i}`))).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1)
    );
    expect(val(s, "A35")).toBeNull();
    expect(val(s, "A36")).toBe("联系人：");
    expect(val(s, "A37")).toBe("手机/座机：");
    expect([s.orientation, s.paperSize, s.printTitleRows]).toEqual(["landscape", 9, "$4:$4"]);
    // credit codes and phones are text cells, so Excel keeps every digit
    expect(s.cells.J5.fmt).toBe("@");
    expect(s.cells.G34.fmt).toBe("@");
  });

  it("offers dropdowns with Chinese input messages on 企业类别, 申报方向 and 网络安全级别 for all 30 rows", () => {
    for (const row of [5, 20, 34]) {
      const cat = validationAt(s, `D${row}`)!;
      expect(cat).toMatchObject({
        type: "list",
        formula1: `"${CATEGORIES.join(",")}"`,
        showInputMessage: true,
      });
      expect(cat.prompt).toMatch(/企业类别/);
      const dir = validationAt(s, `H${row}`)!;
      expect(dir).toMatchObject({
        type: "list",
        formula1: `"${DIRECTIONS.map((d) => d.name).join(",")}"`,
      });
      expect(dir.prompt).toMatch(/1 个方向/);
      const lvl = validationAt(s, `I${row}`)!;
      expect(lvl).toMatchObject({ type: "list", formula1: `"${LEVELS.join(",")}"` });
      expect(lvl.prompt).toMatch(/分类分级/);
      expect(validationAt(s, `J${row}`)).toMatchObject({
        type: "textLength",
        operator: "equal",
        formula1: "18",
      });
      expect(validationAt(s, `E${row}`)).toMatchObject({
        type: "textLength",
        operator: "lessThanOrEqual",
        formula1: "100",
      });
    }
    expect(validationAt(s, "D35")).toBeUndefined();
    // one rule per column range, not one per cell
    expect(s.validations.map((v) => v.sqref).sort()).toEqual([
      "D5:D34",
      "E5:E34",
      "H5:H34",
      "I5:I34",
      "J5:J34",
    ]);
    // the inline lists stay under Excel's 255-character limit
    for (const v of s.validations)
      if (v.type === "list") expect(v.formula1!.length).toBeLessThanOrEqual(255);
  });

  it("reads back what a clerk fills in, and the untouched numbered rows give nothing", async () => {
    const filled = fillCells(await writeTemplate("annex3"), {
      推荐汇总表: {
        A2: "推荐单位（盖章）：株洲市工业和信息化局",
        A3: "日期：2024年12月18日",
        B5: "硬质合金工厂分类分级防护",
        C5: "株洲硬质合金集团有限公司",
        D5: "工业企业",
        E5: "分级防护全覆盖，完成符合性评测。",
        F5: "刘洋",
        G5: "0731-22001234",
        H5: "工业互联网安全分类分级案例",
        I5: "二级",
        J5: "914302001838001234",
        B6: "轨道交通装备工控漏洞闭环治理",
        C6: "中车株洲电力机车有限公司",
        D6: "工业企业",
        E6: "建立漏洞发现、验证、修复闭环机制。",
        F6: "陈静",
        G6: "0731-28491111",
        H6: "工业控制产品漏洞治理案例",
      },
    });
    const sub = await readWorkbook(filled, "株洲市推荐汇总表.xlsx");
    expect(sub.ok).toBe(true);
    expect(sub.prefecture).toBe("株洲市");
    expect(
      sub.records.map((r) => [
        r.order,
        r.enterprise,
        r.category,
        r.direction,
        r.level,
        r.uscc,
        r.summary,
        r.phone,
      ])
    ).toEqual([
      [
        1,
        "株洲硬质合金集团有限公司",
        "工业企业",
        "工业互联网安全分类分级案例",
        "二级",
        "914302001838001234",
        "分级防护全覆盖，完成符合性评测。",
        "0731-22001234",
      ],
      [
        2,
        "中车株洲电力机车有限公司",
        "工业企业",
        "工业控制产品漏洞治理案例",
        null,
        "",
        "建立漏洞发现、验证、修复闭环机制。",
        "0731-28491111",
      ],
    ]);
  });
});

describeWithPython('writeTemplate("annex2")', () => {
  let s: DumpSheet;
  beforeAll(async () => {
    const dump = dumpXlsx(await writeTemplate("annex2"));
    expect(dump.sheets).toHaveLength(1);
    s = dump.sheets[0];
  });

  /** Row of the column-A cell holding exactly this text. */
  const rowOf = (text: string): number => {
    const hit = Object.entries(s.cells).find(([addr, c]) => /^A\d+$/.test(addr) && c.v === text);
    if (!hit) throw new Error(`no label ${text}`);
    return Number(hit[0].slice(1));
  };

  it("lists every indicator under its section with its unit, labels in A and an input cell in B", () => {
    expect(val(s, "A1")).toBe("护航新型工业化网络安全成效突出地区申报表");
    const first = rowOf("一、安全管理成效");
    const second = rowOf("二、服务赋能成效");
    expect(first).toBeLessThan(second);
    for (const def of INDICATOR_DEFS) {
      const r = rowOf(def.label);
      expect([def.key, r > first, r > second]).toEqual([
        def.key,
        true,
        def.section === "服务赋能成效",
      ]);
      expect(val(s, `C${r}`)).toBe(def.unit);
      expect(val(s, `B${r}`)).toBeNull();
      expect(s.cells[`B${r}`].fill).toBe("FFE2EFDA");
    }
    // INDICATOR_DEFS order is kept
    const rows = INDICATOR_DEFS.map((d) => rowOf(d.label));
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
  });

  it("every label cell is recognised as its own indicator, and no other text in column A is taken for one", () => {
    for (const [addr, c] of Object.entries(s.cells)) {
      if (!/^A\d+$/.test(addr) || typeof c.v !== "string") continue;
      const def = INDICATOR_DEFS.find((d) => d.label === c.v);
      expect([c.v, matchIndicatorLabel(c.v)]).toEqual([c.v, def ? def.key : null]);
    }
    expect(matchIndicatorLabel(String(val(s, "A2")))).toBeNull();
  });

  it("has 是/否 and 申报方向 dropdowns, whole numbers ≥ 0 on counts and 0–100 on the percent", () => {
    expect(validationAt(s, `B${rowOf("是否组织开展工业互联网安全分类分级管理")}`)).toMatchObject({
      type: "list",
      formula1: '"是,否"',
    });
    expect(
      validationAt(s, `B${rowOf("是否建立属地工业互联网领域网络安全重点企业清单")}`)
    ).toMatchObject({ type: "list", formula1: '"是,否"' });
    expect(validationAt(s, `B${rowOf("申报方向")}`)).toMatchObject({
      type: "list",
      formula1: '"总体成效突出地区,安全管理成效突出地区,服务赋能成效突出地区"',
    });
    expect(validationAt(s, `B${rowOf("申报单位名称")}`)).toBeUndefined();
    for (const def of INDICATOR_DEFS) {
      const v = validationAt(s, `B${rowOf(def.label)}`)!;
      if (def.kind === "count")
        expect([def.key, v.type, v.operator, v.formula1]).toEqual([
          def.key,
          "whole",
          "greaterThanOrEqual",
          "0",
        ]);
      else
        expect([
          def.key,
          v.type,
          v.operator ?? "between" /* the OOXML default */,
          v.formula1,
          v.formula2,
        ]).toEqual([def.key, "decimal", "between", "0", "1"] /* a percent cell: 0%–100% */);
      expect(v.prompt).toBeTruthy();
    }
  });

  it("reads back the values a clerk fills in", async () => {
    const bytes = await writeTemplate("annex2");
    const name = dumpXlsx(bytes).sheets[0].name;
    const b = (label: string) => `B${rowOf(label)}`;
    const filled = fillCells(bytes, {
      [name]: {
        [b("申报单位名称")]: "株洲市工业和信息化局",
        [b("是否组织开展工业互联网安全分类分级管理")]: "是",
        [b("申报方向")]: "安全管理成效突出地区",
        [b("三级工业互联网企业（家）")]: 5,
        [b("二级工业互联网企业（家）")]: 18,
        [b("评估发现企业安全风险（项）")]: 41,
        [b("评估发现风险已整改（项）")]: 30,
        [b("其中重点行业规上企业占比（%）")]: 40,
        [b("选拔培养网络安全专业人才（名）")]: 12,
      },
    });
    const sub = await readWorkbook(filled, "株洲市附件2.xlsx");
    expect(sub.ok).toBe(true);
    expect(sub.indicators).not.toBeNull();
    const values = Object.fromEntries(
      Object.entries(sub.indicators!.values).filter(([, v]) => v !== null && v !== undefined)
    );
    expect(values).toEqual({
      tier3: 5,
      tier2: 18,
      icsRisksFound: 41,
      icsRisksFixed: 30,
      trainingKeyPct: 40,
      talents: 12,
    });
    expect(sub.indicators!.header.classifiedManagement).toBe("是");
    expect(sub.indicators!.header.regionDirection).toBe("安全管理成效突出地区");
  });
});

describe("writeTemplate is deterministic", () => {
  it("gives the same bytes twice", async () => {
    for (const kind of ["annex2", "annex3"] as const) {
      expect(
        Buffer.from(await writeTemplate(kind)).equals(Buffer.from(await writeTemplate(kind)))
      ).toBe(true);
    }
  });
});
