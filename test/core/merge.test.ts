import { mergeSubmissions } from "../../src/core/merge";
import { indicatorTable } from "../../src/core/indicators";
import { orderForExport } from "../../src/core/ordering";
import { defaultSettings } from "../../src/core/settings";
import { finding } from "../../src/core/findings";
import { parseDirection } from "../../src/core/directionText";
import { indicators, rec, submission, USCC } from "./records";

const settings = defaultSettings(2024);

function inputs() {
  const cs = submission(
    "长沙市",
    "长沙市推荐汇总表.xlsx",
    [
      rec({
        order: 1,
        row: 5,
        enterprise: "湖南三一智能控制设备有限公司",
        uscc: USCC.sanyi,
        caseName: "工程机械工控系统安全评估",
        direction: parseDirection(3),
        level: null,
        levelRaw: "",
      }),
      rec({ order: 2, row: 6 }),
    ],
    {
      indicators: indicators("长沙市", {
        tier3: 10,
        tier2: 20,
        tier1: 30,
        icsRisksFound: 40,
        icsRisksFixed: 30,
        trainingEnterprises: 100,
        trainingKeyPct: 80,
      }),
    }
  );
  const zz = submission(
    "株洲市",
    "株洲市推荐汇总表.xlsx",
    [
      rec({
        order: 1,
        row: 5,
        enterprise: "株洲中车时代电气股份有限公司",
        uscc: USCC.zhuche,
        caseName: "轨道交通装备漏洞治理",
        direction: parseDirection(4),
        category: "工业控制产品厂商",
        level: null,
        levelRaw: "",
      }),
      // the Changsha enterprise again, under another direction: R2 across prefectures
      rec({
        order: 2,
        row: 6,
        enterprise: "湖南三一智能控制设备有限公司",
        caseName: "设备联网分类分级管理",
        direction: parseDirection(1),
      }),
    ],
    {
      indicators: indicators("株洲市", {
        tier3: 5,
        tier2: 5,
        tier1: 0,
        icsRisksFound: 0,
        icsRisksFixed: 0,
        trainingEnterprises: 300,
        trainingKeyPct: 0.6 * 100,
      }),
    }
  );
  const broken = {
    ...submission("湘潭市", "湘潭市.xlsx", []),
    ok: false,
    findings: [finding("FILE", { file: "湘潭市.xlsx" }, "文件已损坏")],
  };
  return [cs, zz, broken];
}

describe("merge of prefecture submissions", () => {
  it("keeps provenance, orders by prefecture then recommendation order, lists missing prefectures", () => {
    const r = mergeSubmissions(inputs(), settings);
    expect(r.records.map((x) => [x.prefecture, x.order, x.source.file, x.source.row])).toEqual([
      ["长沙市", 1, "长沙市推荐汇总表.xlsx", 5],
      ["长沙市", 2, "长沙市推荐汇总表.xlsx", 6],
      ["株洲市", 1, "株洲市推荐汇总表.xlsx", 5],
      ["株洲市", 2, "株洲市推荐汇总表.xlsx", 6],
    ]);
    expect(r.missingPrefectures).toHaveLength(12);
    expect(r.missingPrefectures).toContain("湘潭市"); // its only file was unreadable
    expect(r.inputs.find((i) => i.file === "湘潭市.xlsx")).toMatchObject({
      status: "rejected",
      error: "文件已损坏",
    });
    expect(r.findings.filter((f) => f.code === "R2").map((f) => f.prefecture)).toEqual([
      "长沙市",
      "株洲市",
    ]);
  });

  it("gives the same result whatever the input order, and when a file is given twice", () => {
    const a = mergeSubmissions(inputs(), settings);
    const b = mergeSubmissions([...inputs()].reverse(), settings);
    const c = mergeSubmissions([...inputs(), ...inputs()], settings);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it("a prefecture's corrected workbook replaces its earlier rows", () => {
    const first = { ...inputs()[0], indicators: null };
    const corrected = submission(
      "长沙市",
      "长沙市推荐汇总表（修改版）.xlsx",
      [rec({ order: 1, row: 5, caseName: "修改后的案例" })],
      {
        meta: {
          recommender: "长沙市工业和信息化局",
          date: "2024年12月18日",
          contact: "",
          phone: "",
        },
      }
    );
    for (const order of [
      [first, corrected],
      [corrected, first],
    ]) {
      const r = mergeSubmissions(order, settings);
      expect(r.records.map((x) => x.caseName)).toEqual(["修改后的案例"]);
      expect(r.inputs.find((i) => i.file === "长沙市推荐汇总表.xlsx")!.status).toBe("superseded");
      expect(r.findings.find((f) => f.code === "FILE")!.message).toContain(
        "推荐案例已采用较新的“长沙市推荐汇总表（修改版）.xlsx”"
      );
    }
  });

  it("a corrected 附件3 without indicators keeps the indicators of the earlier file", () => {
    const first = inputs()[0];
    const corrected = submission("长沙市", "长沙市推荐汇总表v2.xlsx", [
      rec({ order: 1, row: 5, caseName: "修改后的案例" }),
    ]);
    const r = mergeSubmissions([corrected, first], settings);
    expect(r.records.map((x) => x.caseName)).toEqual(["修改后的案例"]);
    expect(r.indicators["长沙市"]!.values.tier3).toBe(10);
    expect(r.inputs.map((i) => i.status)).toEqual(["ok", "ok"]);
  });

  it("province indicator totals are sums, ratios of sums and a weighted percent", () => {
    const r = mergeSubmissions(inputs(), settings);
    const table = indicatorTable(r.indicators);
    const total = table[table.length - 1];
    expect(total.prefecture).toBe("全省合计");
    expect(total.values.tier3).toBe(15);
    expect(total.derived.tierTotal).toBe(70);
    expect(total.derived.icsFixRate).toBeCloseTo(30 / 40); // not the mean of 75 % and "no data"
    expect(total.derived.trainingKeyPct).toBeCloseTo((100 * 80 + 300 * 60) / 400);
    const zz = table.find((t) => t.prefecture === "株洲市")!;
    expect(zz.derived.icsFixRate).toBeNull(); // 0 found: no data, not 0 %
    expect(table.find((t) => t.prefecture === "湘潭市")!.reported).toBe(false);
  });
});

describe("export order", () => {
  it("by score high to low; ties and unscored rows by direction, prefecture, own order", () => {
    const rows = [
      rec({
        prefecture: "株洲市",
        order: 1,
        caseName: "A",
        score: 90,
        direction: parseDirection(1),
      }),
      rec({
        prefecture: "长沙市",
        order: 2,
        caseName: "B",
        score: null,
        direction: parseDirection(1),
      }),
      rec({
        prefecture: "长沙市",
        order: 1,
        caseName: "C",
        score: 95,
        direction: parseDirection(3),
      }),
      rec({
        prefecture: "长沙市",
        order: 1,
        caseName: "D",
        score: 90,
        direction: parseDirection(1),
      }),
      rec({
        prefecture: "湘西土家族苗族自治州",
        order: 1,
        caseName: "E",
        score: null,
        direction: parseDirection(1),
      }),
      rec({
        prefecture: "长沙市",
        order: 3,
        caseName: "F",
        score: null,
        direction: parseDirection(5),
      }),
      rec({
        prefecture: "株洲市",
        order: 2,
        caseName: "G",
        score: null,
        direction: parseDirection(2),
      }),
    ];
    expect(orderForExport(rows).map((r) => r.caseName)).toEqual([
      "C",
      "D",
      "A",
      "B",
      "E",
      "G",
      "F",
    ]);
    expect(orderForExport(rows, 2).map((r) => r.caseName)).toEqual(["C", "D"]);
  });
});
