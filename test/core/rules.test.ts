import { checkAll, checkRecord, checkQuota } from "../../src/core/rules";
import { checkIndicators } from "../../src/core/rules/indicators";
import { defaultSettings } from "../../src/core/settings";
import { joinDirectionCell, parseDirection } from "../../src/core/directionText";
import { indicators, rec, USCC } from "./records";

const settings = defaultSettings(2024);
const codes = (fs: { code: string }[]) => fs.map((f) => f.code).sort();

describe("row rules", () => {
  it("a complete, eligible row has no findings", () => {
    expect(checkRecord(rec(), settings)).toEqual([]);
    expect(checkRecord(rec({ uscc: USCC.hualing }), settings)).toEqual([]);
  });

  it("REQ: empty required fields, located at their column", () => {
    const f = checkRecord(rec({ contact: "", phone: " " }), settings);
    expect(f.map((x) => [x.code, x.column, x.row])).toEqual([
      ["REQ", "F", 5],
      ["REQ", "G", 5],
    ]);
    expect(f[0].message).toBe("“联系人”为空");
  });

  it("REQ: error cells and unknown categories / directions are unreadable", () => {
    const f = checkRecord(
      rec({ enterprise: "#REF!", categoryRaw: "食品企业", category: null }),
      settings
    );
    expect(f.find((x) => x.column === "C")!.message).toContain("错误值 #REF!");
    expect(f.find((x) => x.column === "D")!.message).toContain("企业类别“食品企业”无法识别");
    const d = checkRecord(
      rec({ direction: null, directionRaw: "数据安全", summaryCell: "数据安全：……" }),
      settings
    );
    expect(
      d.some((x) => x.code === "REQ" && x.message.includes("申报方向“数据安全”无法识别"))
    ).toBe(true);
  });

  it("REQ: a 方向和简述 cell headed by a direction that is none of the five names it, not 未填写", () => {
    const message = (summary: string) =>
      checkRecord(rec({ direction: null, directionRaw: "", summary }), settings).find(
        (x) => x.code === "REQ" && x.message.includes("申报方向")
      )?.message;
    for (const [summary, head] of [
      ["（二）工业控制系统安全防护方向：建设纵深防御体系。", "工业控制系统安全防护方向"],
      ["【数据安全案例】：完成数据分类分级。", "数据安全案例"],
      ["方向三 供应链安全方向：梳理供应商清单。", "供应链安全方向"],
    ])
      expect(message(summary)).toContain(`申报方向“${head}”无法识别：应为五个方向之一`);
    // prose that does not start like a heading: the direction is simply missing
    for (const summary of ["公司：建成覆盖全部产线的防护体系。", "建成覆盖全部产线的防护体系。"])
      expect(message(summary)).toMatch(/^未填写申报方向/);
  });

  it("REQ: 统一社会信用代码 only where the source has a column for it", () => {
    expect(checkRecord(rec(), settings)).toEqual([]);
    const f = checkRecord(rec({ columns: { ...rec().columns, uscc: "H" } }), settings);
    expect(f.map((x) => [x.code, x.column])).toEqual([["REQ", "H"]]);
  });

  it("ID: malformed codes are errors, legacy codes warnings", () => {
    const bad = checkRecord(rec({ uscc: "914403001922038217" }), settings);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({
      code: "ID",
      severity: "error",
      enterprise: "湖南华菱涟钢特种钢材有限公司",
    });
    const legacy = checkRecord(rec({ uscc: "110108000000016" }), settings);
    expect(legacy[0]).toMatchObject({ code: "ID", severity: "warning" });
  });

  it("R1: consortium or two enterprises in one application", () => {
    for (const name of [
      "湖南甲科技有限公司、湖南乙信息技术有限公司",
      "长沙智造联合体",
      "中联重科股份有限公司和湖南工控安全研究院有限公司",
    ]) {
      expect(codes(checkRecord(rec({ enterprise: name }), settings))).toContain("R1");
    }
    for (const name of [
      "湖南和顺石油化工有限公司",
      "株洲中车时代电气股份有限公司",
      "湖南省通信产业服务有限公司（盖章）",
    ]) {
      expect(codes(checkRecord(rec({ enterprise: name }), settings))).not.toContain("R1");
    }
  });

  it("R4: 申报日期 outside the campaign year or after the deadline (a warning)", () => {
    expect(checkRecord(rec({ date: "2024-12-05" }), settings)).toEqual([]);
    const old = checkRecord(rec({ date: "2023-11-30" }), settings);
    expect(old).toMatchObject([{ code: "R4", severity: "warning" }]);
    expect(old[0].message).toContain("不在 2024 年度");
    expect(checkRecord(rec({ date: "2024-12-26" }), settings)[0].message).toContain(
      "晚于报送截止日 2024-12-25"
    );
    expect(checkRecord(rec({ date: "2025-03-01" }), defaultSettings(2025))).toEqual([]);
  });

  it("R5: counts the whole 方向和简述 cell as a person does (whitespace not counted)", () => {
    const dir = parseDirection(1)!; // 13 characters + "：" = 14
    const exactly = "a".repeat(86);
    expect(
      checkRecord(rec({ summary: exactly, summaryCell: joinDirectionCell(dir, exactly) }), settings)
    ).toEqual([]);
    const spaced = exactly.split("").join(" "); // spaces do not count
    expect(
      checkRecord(rec({ summary: spaced, summaryCell: joinDirectionCell(dir, spaced) }), settings)
    ).toEqual([]);
    const over = "企".repeat(87);
    const f = checkRecord(
      rec({ summary: over, summaryCell: joinDirectionCell(dir, over) }),
      settings
    );
    expect(f).toMatchObject([{ code: "R5", column: "E" }]);
    expect(f[0].message).toContain("共 101 字");
  });

  it("R7: category not eligible for the direction", () => {
    const f = checkRecord(
      rec({ direction: parseDirection(5), category: "工业企业", level: null, levelRaw: "" }),
      settings
    );
    expect(f).toMatchObject([{ code: "R7", column: "D" }]);
    expect(f[0].message).toContain("面向基础电信企业");
    expect(
      checkRecord(
        rec({ direction: parseDirection(4), category: "网络安全企业", level: null, levelRaw: "" }),
        settings
      )
    ).toEqual([]);
  });

  it("R7: level required for 分类分级 and 车联网 (where the source has a level), forbidden elsewhere", () => {
    const withLevelColumn = { ...rec().columns, level: "I" };
    expect(
      codes(checkRecord(rec({ level: null, levelRaw: "", columns: withLevelColumn }), settings))
    ).toEqual(["R7"]);
    // the official 7-column table has no level column: nothing to miss
    expect(checkRecord(rec({ level: null, levelRaw: "" }), settings)).toEqual([]);
    const vehicle = rec({
      direction: parseDirection(2),
      category: "车联网服务平台企业",
      level: "五级",
      levelRaw: "五级",
    });
    expect(checkRecord(vehicle, settings)).toEqual([]);
    const tier5 = checkRecord(rec({ level: "五级", levelRaw: "五级" }), settings);
    expect(tier5[0].message).toContain("不适用于");
    const ics = checkRecord(
      rec({ direction: parseDirection(3), level: "二级", levelRaw: "二级" }),
      settings
    );
    expect(ics).toMatchObject([{ code: "R7", column: "网络安全级别" }]);
    expect(ics[0].message).toContain("不填写网络安全级别，但填了“二级”");
  });
});

describe("cross-row rules", () => {
  it("R2: same enterprise (by code, or by name joined to its code) under two directions flags every row", () => {
    const a = rec({ prefecture: "长沙市", uscc: USCC.hualing, row: 5 });
    const b = rec({
      prefecture: "娄底市",
      enterprise: "湖南华菱涟钢特种钢材有限公司（盖章）",
      uscc: "",
      row: 7,
      file: "娄底市.xlsx",
      caseName: "轧钢产线工控系统安全评估",
      direction: parseDirection(3),
      level: null,
      levelRaw: "",
    });
    const c = rec({ enterprise: "湖南另一家钢铁有限公司", row: 6 });
    const f = checkAll([a, b, c], {}, settings).filter((x) => x.code === "R2");
    expect(f.map((x) => [x.file, x.row])).toEqual([
      ["长沙市推荐汇总表.xlsx", 5],
      ["娄底市.xlsx", 7],
    ]);
    expect(f[0].message).toContain("工业互联网安全分类分级案例、工业控制系统安全评估案例");
    expect(f[0].message).toContain("娄底市");
  });

  it("R2: different enterprises with the same direction are fine; same enterprise, same direction is not R2", () => {
    const f = checkAll(
      [rec(), rec({ enterprise: "湖南另一家钢铁有限公司", row: 6 })],
      {},
      settings
    );
    expect(f).toEqual([]);
  });

  it("R3: same case from two prefectures, and twice in one list", () => {
    const cs = rec({ prefecture: "长沙市", row: 5 });
    const zz = rec({
      prefecture: "株洲市",
      row: 9,
      file: "株洲市.xlsx",
      caseName: "钢铁企业工业互联网安全分类分级防护实践案例",
    });
    const f = checkAll([cs, zz], {}, settings).filter((x) => x.code === "R3");
    expect(f).toHaveLength(2);
    expect(f[0].message).toContain("被多个市州重复推荐");
    const twice = checkAll([rec({ row: 5 }), rec({ row: 8, order: 4 })], {}, settings).filter(
      (x) => x.code === "R3"
    );
    expect(twice.map((x) => x.row)).toEqual([5, 8]);
    expect(twice[0].message).toContain("在同一推荐表中重复出现");
  });

  it("R3: same enterprise with a genuinely different case is not R3", () => {
    const f = checkAll(
      [rec({ row: 5 }), rec({ row: 6, caseName: "炼钢车间5G专网安全防护" })],
      {},
      settings
    );
    expect(f.filter((x) => x.code === "R3")).toEqual([]);
  });

  it("R6: quota, only when the setting is on", () => {
    const rows = [1, 2, 3].map((i) =>
      rec({ enterprise: `湖南企业${i}有限公司`, order: i, row: 4 + i })
    );
    const ind = { 长沙市: indicators("长沙市", { tier3: 5, tier2: 3, tier1: 2 }) };
    expect(checkQuota(rows, ind, settings)).toEqual([]);
    const on = { ...settings, quota: { enabled: true, percent: 20 } };
    const f = checkQuota(rows, ind, on);
    expect(f).toMatchObject([{ code: "R6", severity: "warning", prefecture: "长沙市" }]);
    expect(f[0].message).toContain("推荐 3 个案例，超过名额 2 个");
    expect(checkQuota(rows.slice(0, 2), ind, on)).toEqual([]);
  });
});

describe("IND: indicator consistency", () => {
  it("a consistent set has no findings", () => {
    const ok = indicators("长沙市", {
      tier3: 12,
      tier2: 30,
      tier1: 55,
      conformity: 60,
      fiveSteps: 40,
      icsRisksFound: 120,
      icsRisksFixed: 118,
      noticeHazards: 80,
      noticeHazardsFixed: 80,
      trainingKeyPct: 85,
      vehicleFiled: 5,
      vehicleProtected: 5,
    });
    expect(checkIndicators(ok, "a.xlsx")).toEqual([]);
  });

  it("each break is located at its cell", () => {
    const bad = indicators(
      "株洲市",
      {
        tier3: 2,
        tier2: 3,
        tier1: 1,
        conformity: 9,
        fiveSteps: 10,
        icsRisksFound: 5,
        icsRisksFixed: 6,
        noticeHazards: 3,
        noticeHazardsFixed: 4,
        trainingKeyPct: 120,
        vehicleFiled: 1,
        vehicleProtected: 2,
        trainings: 2.5,
        talents: -1,
      },
      { cells: { icsRisksFixed: { sheet: "附件2", row: 14, column: "C" } } }
    );
    const f = checkIndicators(bad, "株洲市.xlsx");
    expect(f.every((x) => x.code === "IND" && x.severity === "error")).toBe(true);
    const msgs = f.map((x) => x.message).join("\n");
    expect(msgs).toContain("整改项数不能多于发现的风险项数");
    expect(msgs).toContain("完成整改的风险隐患不能多于通报的风险隐患");
    expect(msgs).toContain("五步走");
    expect(msgs).toContain("不能多于三级、二级、一级企业之和（6 家）");
    expect(msgs).toContain("应在 0% 到 100% 之间");
    expect(msgs).toContain("定级备案");
    expect(msgs).toContain("为 2.5，应为不小于 0 的整数");
    expect(msgs).toContain("为 -1，应为不小于 0 的整数");
    expect(f.find((x) => x.message.includes("风险项数"))).toMatchObject({
      sheet: "附件2",
      row: 14,
      column: "C",
    });
    expect(f).toHaveLength(8);
  });

  it("a tier count that disagrees with its name list", () => {
    const f = checkIndicators(
      indicators("湘潭市", { tier3: 3 }, { lists: { tier3: ["甲公司", "乙公司"] } }),
      "x.xlsx"
    );
    expect(f[0].message).toContain("三级工业互联网企业填报 3 家，但所附名单列出 2 家");
    expect(
      checkIndicators(
        indicators("湘潭市", { tier3: 2 }, { lists: { tier3: ["甲公司", "乙公司"] } }),
        "x.xlsx"
      )
    ).toEqual([]);
  });
});
