/**
 * src/core/formulas.ts: shapes, errors and spellings with hand-written expectations, and properties checked
 * against tiny hand-written COUNTIF / SUMPRODUCT implementations over values whose meaning the test knows.
 */
import fc from "fast-check";
import {
  FormulaError,
  coverage,
  crossRegion,
  multiDirection,
  parsePercent,
  ratio,
  tierCount,
  usccProblem,
} from "../../src/core/formulas";

const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

function formulaError(run: () => unknown): FormulaError {
  try {
    run();
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw e;
  }
  throw new Error("expected a FormulaError");
}

describe("TIERCOUNT", () => {
  test("every spelling of a level is the same level; words and blanks count nowhere", () => {
    const levels = col(
      "三级",
      "3级",
      "第三级",
      "Ⅲ级",
      "三",
      3,
      "3",
      " 三级 ",
      "二级",
      "２级",
      "Ⅱ级",
      2,
      "一级",
      "",
      null,
      "无",
      "待定",
      "五级"
    );
    expect(tierCount(levels)).toEqual([[8, 4, 1]]);
    expect(tierCount(levels, "三级")).toBe(8);
    expect(tierCount(levels, "Ⅲ级")).toBe(8);
    expect(tierCount(levels, 1)).toBe(1);
    expect(tierCount(levels, "五级")).toBe(1);
  });

  test("1×1, a row and a block are counted cell by cell", () => {
    expect(tierCount([["二级"]])).toEqual([[0, 1, 0]]);
    expect(tierCount("三级")).toEqual([[1, 0, 0]]);
    expect(
      tierCount([
        ["三级", "二级", "二级"],
        ["一级", "", "三"],
      ])
    ).toEqual([[2, 2, 1]]);
  });

  test('a blank tier argument means "all three"; an unreadable one is an error that says what to write', () => {
    expect(tierCount(col("三级"), "")).toEqual([[1, 0, 0]]);
    expect(tierCount(col("三级"), null)).toEqual([[1, 0, 0]]);
    const e = formulaError(() => tierCount(col("三级"), "高级"));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toContain("高级");
    expect(e.message).toContain("三级、二级、一级");
  });

  test("property: equals COUNTIF over the known meaning of each cell", () => {
    const spellings: Record<string, unknown[]> = {
      三级: ["三级", "3级", "第三级", "Ⅲ级", "三", 3, "３"],
      二级: ["二级", "2级", "第二级", "Ⅱ级", "二", 2],
      一级: ["一级", "1级", "第一级", "Ⅰ级", "一", 1],
      none: ["", null, "无", "不涉及", "高"],
    };
    const cell = fc.constantFrom(
      ...Object.entries(spellings).flatMap(([k, vs]) => vs.map((v) => ({ k, v })))
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), (cells) => {
        const countif = (k: string) => cells.filter((c) => c.k === k).length;
        expect(tierCount(cells.map((c) => [c.v]))).toEqual([
          [countif("三级"), countif("二级"), countif("一级")],
        ]);
      })
    );
  });
});

describe("RATIO", () => {
  test("ratio of the sums over rows where both are numbers; text numbers and full-width digits count", () => {
    // 整改 / 发现 for five prefectures, one not reported, one with a dash
    const fixed = col(36, "20", "１２", "", "—");
    const found = col(40, "25", "１５", 9, 7);
    expect(ratio(fixed, found)).toBeCloseTo((36 + 20 + 12) / (40 + 25 + 15), 12);
  });

  test("the ratio of the sums, never the mean of the ratios", () => {
    expect(ratio(col(1, 90), col(10, 100))).toBeCloseTo(91 / 110, 12);
  });

  test('zero denominators give "" (no data), not 0 and not an error', () => {
    expect(ratio(col(0, 0), col(0, 0))).toBe("");
    expect(ratio(col("", ""), col("", ""))).toBe("");
    expect(ratio([[5]], [[0]])).toBe("");
  });

  test("ranges of different shape are an error naming both shapes", () => {
    const e = formulaError(() => ratio(col(1, 2, 3), col(1, 2)));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toContain("3 行 × 1 列");
    expect(e.message).toContain("2 行 × 1 列");
    expect(() => ratio([[1, 2]], col(1, 2))).toThrow(FormulaError);
  });

  test("property: equals SUMPRODUCT(ISNUMBER(n)*ISNUMBER(d), n) / SUMPRODUCT(…, d)", () => {
    // a value and how a clerk may have typed it
    const typed = fc.oneof(
      fc.integer({ min: 0, max: 500 }).map((n) => ({ n: n as number | null, v: n as unknown })),
      fc
        .integer({ min: 0, max: 500 })
        .map((n) => ({ n: n as number | null, v: String(n) as unknown })),
      fc.integer({ min: 0, max: 500 }).map((n) => ({
        n: n as number | null,
        v: String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) as unknown,
      })),
      fc.constantFrom<{ n: number | null; v: unknown }>(
        { n: null, v: "" },
        { n: null, v: null },
        { n: null, v: "未填报" }
      )
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(typed, typed), { maxLength: 40 }), (rows) => {
        let sn = 0;
        let sd = 0;
        for (const [a, b] of rows) {
          if (a.n !== null && b.n !== null) {
            sn += a.n;
            sd += b.n;
          }
        }
        const got = ratio(
          rows.map(([a]) => [a.v]),
          rows.map(([, b]) => [b.v])
        );
        if (sd === 0) expect(got).toBe("");
        else expect(got as number).toBeCloseTo(sn / sd, 10);
      })
    );
  });
});

describe("COVERAGE", () => {
  test("every way of writing a percentage", () => {
    expect(
      [0.85, "85%", "８５％", 85, "85", "0.85", 1, "100%", 0, "", "约八成"].map(parsePercent)
    ).toEqual([0.85, 0.85, 0.85, 0.85, 0.85, 0.85, 1, 1, 0, null, null]);
  });

  test("weighted by the enterprises covered, as a fraction", () => {
    // 长沙 120 家 85%, 株洲 80 家 "75%", 湘潭 60 家 90, 邵阳 not reported
    expect(coverage(col(120, "80", 60, ""), col(0.85, "75%", 90, ""))).toBeCloseTo(
      (102 + 60 + 54) / 260,
      12
    );
    expect(coverage(col(0, ""), col(0.5, 0.9))).toBe("");
  });

  test("a percentage outside 0–100% is an error naming its row", () => {
    const e = formulaError(() => coverage(col(10, 20), col(0.5, "150%")));
    expect(e.message).toContain("第 2 行");
    expect(e.message).toContain("150%");
  });
});

describe("MULTIDIRECTION", () => {
  test("short names in 1–5 order on every row of the enterprise, whatever the spelling and order", () => {
    const out = multiDirection(
      col(
        "湖南湘江智造科技有限公司",
        "株洲红旗电控股份有限公司",
        "湖南湘江智造科技有限公司（盖章）",
        "",
        "湖南湘江智造科技有限公司"
      ),
      col("网络安全威胁监测服务案例", "分类分级", 1, "车联网", "5")
    );
    expect(out).toEqual([
      ["多方向：分类分级、威胁监测"],
      [""],
      ["多方向：分类分级、威胁监测"],
      [""],
      ["多方向：分类分级、威胁监测"],
    ]);
  });

  test("the same direction twice is not a break; blank or unreadable directions neither count nor get flagged", () => {
    expect(
      multiDirection(col("甲公司", "甲公司"), col("车联网", "车联网网络安全防护案例"))
    ).toEqual([[""], [""]]);
    expect(multiDirection(col("甲公司", "甲公司", "甲公司"), col("车联网", "", "其他"))).toEqual([
      [""],
      [""],
      [""],
    ]);
  });

  test("1×1 and a single row work; columns of different height are an error", () => {
    expect(multiDirection([["甲公司"]], [["车联网"]])).toEqual([[""]]);
    expect(multiDirection([["甲公司", "甲公司"]], [["车联网", "漏洞治理"]])).toEqual([
      ["多方向：车联网、漏洞治理"],
      ["多方向：车联网、漏洞治理"],
    ]);
    expect(() => multiDirection(col("甲", "乙"), col("1"))).toThrow(/大小不一致/);
    expect(() =>
      multiDirection(
        [
          ["甲", "乙"],
          ["丙", "丁"],
        ],
        [
          ["1", "2"],
          ["3", "4"],
        ]
      )
    ).toThrow(/单列/);
  });
});

describe("CROSSREGION", () => {
  test("full names in GB/T 2260 order; a credit code matches itself in any case and width", () => {
    const code = "91430100MA4L12346D";
    const fullWidth = code.replace(/[0-9A-Z]/g, (ch) =>
      String.fromCharCode(ch.charCodeAt(0) + 0xfee0)
    );
    const out = crossRegion(
      col(code, fullWidth.toLowerCase(), "乙公司", code),
      col("湘西州", "长沙", "长沙", "长沙市")
    );
    const flag = ["多地推荐：长沙市、湘西土家族苗族自治州"];
    expect(out).toEqual([flag, flag, [""], flag]);
  });
});

describe("USCC", () => {
  test('valid codes and blank cells give ""', () => {
    expect(usccProblem("91430100MA4L12346D")).toBe("");
    expect(usccProblem(" 91430100ma4l12346d ")).toBe("");
    expect(usccProblem("")).toBe("");
    expect(usccProblem(null)).toBe("");
  });

  test("each problem is named in Chinese", () => {
    expect(usccProblem("91430100MA4L12346E")).toMatch(/第 18 位校验码应为“D”/);
    expect(usccProblem("91430100MA4L12356D")).toMatch(/第 17 位/);
    expect(usccProblem("91430100MA4L1234")).toMatch(/16 位，应为 18 位/);
    expect(usccProblem("9143010OMA4L12346D")).toMatch(/第 8 位“O”不是合法字符/);
    expect(usccProblem(Number("914403001922038216"))).toMatch(/Excel 当作数字/);
    expect(usccProblem("440301103177236")).toMatch(/(15 位工商注册号|不是有效的工商注册号)/);
  });
});
