/**
 * 附件2 成效突出地区 indicators: label/value pairs, one-row and multi-prefecture tables, name lists, percentages in
 * every spelling. Expected values copied by hand from fixtures/make_workbooks.py and make_libreoffice.py.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PrefectureSubmission } from "../../../src/core/model";
import { readWorkbook } from "../../../src/io/xlsx/readWorkbook";
import { toPercent } from "../../../src/core/indicators";

const FIX = join(__dirname, "fixtures");

async function read(
  name: string,
  opts?: Parameters<typeof readWorkbook>[2]
): Promise<PrefectureSubmission> {
  return readWorkbook(new Uint8Array(readFileSync(join(FIX, name))), name, opts);
}

describe("label/value pairs with unit cells (岳阳, openpyxl)", () => {
  let sub: PrefectureSubmission;
  beforeAll(async () => {
    sub = await read("yueyang_annex2_pairs.xlsx");
  });

  it("is an 附件2-only file of 岳阳市 (prefecture from 申报单位名称)", () => {
    expect(sub.ok).toBe(true);
    expect(sub.kind).toBe("annex2");
    expect(sub.records).toEqual([]);
    expect(sub.prefecture).toBe("岳阳市");
    expect(sub.indicators?.prefecture).toBe("岳阳市");
  });

  it('reads every filled value: numbers, "１２" full-width, "25家", "85%"; blank stays null', () => {
    expect(sub.indicators?.values).toEqual({
      tier3: 3,
      tier2: 12,
      tier1: 25,
      conformity: 8,
      fiveSteps: 5,
      vehicleFiled: 0,
      vehicleProtected: null,
      icsPilots: 6,
      icsRisksFound: 40,
      icsRisksFixed: 35,
      noticeIssues: 4,
      noticeHazards: 60,
      noticeHazardsFixed: 58,
      icsVulns: null,
      trainings: 10,
      trainingEnterprises: 300,
      trainingKeyPct: 85,
      monitorTelecoms: 2,
      monitorIndustrial: 120,
      talents: 15,
    });
  });

  it("records the cell of each value so IND findings can point at it", () => {
    const cells = sub.indicators!.cells;
    expect(cells.tier3).toEqual({ sheet: "成效突出地区申报表", row: 11, column: "B" });
    expect(cells.trainingKeyPct).toEqual({ sheet: "成效突出地区申报表", row: 27, column: "B" });
    expect(cells.talents).toEqual({ sheet: "成效突出地区申报表", row: 31, column: "B" });
    // not filled: the cell where the value belongs
    expect(cells.vehicleProtected).toEqual({ sheet: "成效突出地区申报表", row: 17, column: "B" });
  });

  it("reads the header answers, the ticked 申报方向 and the contact block under a merged 联系人", () => {
    expect(sub.indicators?.header).toEqual({
      unitName: "岳阳市工业和信息化局",
      leader: "王强",
      leaderTitle: "副局长",
      contactName: "陈晓",
      contactDept: "信息化科 科长",
      contactPhone: "0730-8881234",
      contactEmail: "yyxxk@example.cn",
      classifiedManagement: "是",
      keyEnterpriseList: "否",
      regionDirection: "总体成效突出地区",
    });
  });

  it('reads a 名单 written in one cell and reports "若干" as unreadable at its cell', () => {
    expect(sub.indicators?.lists).toEqual({
      tier3: ["岳阳巴陵石化设备有限公司", "岳阳临港智造有限公司", "湖南洞庭纸业有限公司"],
    });
    expect(sub.findings).toHaveLength(1);
    const f = sub.findings[0];
    expect([f.code, f.sheet, f.row, f.column, f.prefecture]).toEqual([
      "REQ",
      "成效突出地区申报表",
      24,
      "B",
      "岳阳市",
    ]);
    expect(f.message).toContain("“若干”不是数字");
    expect(f.message).toContain("发现、验证、修复工控产品漏洞");
  });
});

describe("one-row table with a percent-formatted 0.85 and a 三级企业名单 sheet (常德, openpyxl)", () => {
  it("reads the row under the labels and the list", async () => {
    const sub = await read("changde_annex2_table.xlsx");
    expect(sub.kind).toBe("annex2");
    expect(sub.prefecture).toBe("常德市");
    expect(sub.indicators?.values).toEqual({
      tier3: 2,
      tier2: 7, // "7" stored as text
      tier1: 15,
      conformity: 6,
      trainings: 8,
      trainingEnterprises: 200,
      trainingKeyPct: 85,
    });
    expect(sub.indicators?.cells.trainingKeyPct).toEqual({
      sheet: "地区指标",
      row: 3,
      column: "H",
    });
    expect(sub.indicators?.lists).toEqual({
      tier3: ["常德德山精工机械有限公司", "湖南沅澧烟草机械有限公司"],
    });
    expect(sub.findings).toEqual([]);
  });
});

describe("附件3 + a multi-prefecture indicator table + a 级别 list (娄底, openpyxl)", () => {
  it("is a workbook; picks the row of its own prefecture; 85 stays 85", async () => {
    const sub = await read("loudi_workbook.xlsx");
    expect(sub.kind).toBe("workbook");
    expect(sub.prefecture).toBe("娄底市");
    expect(sub.records).toHaveLength(2);
    expect(sub.indicators?.values).toEqual({
      tier3: 1,
      tier2: 4,
      tier1: 9,
      trainingEnterprises: 150,
      trainingKeyPct: 85,
    });
    expect(sub.indicators?.cells.tier1).toEqual({ sheet: "指标", row: 2, column: "D" });
    expect(sub.indicators?.lists).toEqual({
      tier3: ["娄底钢联冷轧板材有限公司"],
      tier2: ["湖南涟水新材料有限公司", "娄底冷江锑业科技有限公司", "双峰农机装备有限公司"],
      tier1: ["新化文印数码科技有限公司"],
    });
  });

  it("picks the 邵阳市 row when the caller says the file is 邵阳市", async () => {
    const sub = await read("loudi_workbook.xlsx", { prefecture: "邵阳市" });
    expect(sub.indicators?.values).toEqual({
      tier3: 2,
      tier2: 5,
      tier1: 11,
      trainingEnterprises: 90,
      trainingKeyPct: 70,
    });
    expect(sub.indicators?.cells.tier3).toEqual({ sheet: "指标", row: 3, column: "B" });
  });

  it("reads nothing from a multi-prefecture table whose prefecture is absent, and says so", async () => {
    const sub = await read("loudi_workbook.xlsx", { prefecture: "怀化市" });
    expect(sub.indicators?.values).toEqual({
      tier3: null,
      tier2: null,
      tier1: null,
      trainingEnterprises: null,
      trainingKeyPct: null,
    });
    const f = sub.findings.find((x) => x.sheet === "指标");
    expect(f?.code).toBe("FILE");
    expect(f?.message).toContain("未找到“怀化市”所在行");
  });
});

describe("written by LibreOffice (张家界, from .fods)", () => {
  it("reads a cached formula total and a percent-formatted cell", async () => {
    const sub = await read("lo_zhangjiajie.xlsx");
    expect(sub.kind).toBe("annex2");
    expect(sub.prefecture).toBe("张家界市");
    expect(sub.indicators?.values).toEqual({
      tier3: 1,
      tier2: 3,
      tier1: 6,
      conformity: 9, // =B3+B4
      trainings: 5,
      trainingEnterprises: 80,
      trainingKeyPct: 85,
      deepCities: 2,
      drillIndustrial: 12,
    });
    expect(sub.indicators?.header).toEqual({ unitName: "张家界市工业和信息化局" });
  });
});

describe("percentages stored 0–100", () => {
  it("treats a percent sign or a value above 1 as a percent and a fraction as a share", () => {
    // toPercent(value, had a % sign): a fraction in a percent-formatted cell is a number ≤ 1 like any other
    expect(toPercent(85, true)).toBe(85); // "85%"
    expect(toPercent(0.85, false)).toBe(85); // 0.85
    expect(toPercent(85, false)).toBe(85); // 85
    expect(toPercent(0.07, false)).toBe(7); // 7% formatted
    expect(toPercent(40, false)).toBe(40); // 40 stored in a percent cell by a program that keeps what was typed
    expect(toPercent(0.5, true)).toBe(0.5); // "0.5%" is half a percent
  });
});
