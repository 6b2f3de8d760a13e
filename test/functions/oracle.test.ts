/**
 * The HUHANG functions against an oracle nobody here wrote: fixtures/formula-oracle.xlsx holds 附件3 / 附件2 ranges
 * typed the way clerks type them, the meaning of every cell written by hand beside it, and COUNTIF / COUNTIFS /
 * SUMPRODUCT formulas over that meaning, computed by LibreOffice (see make_formula_oracle.py / .sh).
 */
import * as path from "path";
import { readFileSync } from "fs";
import ExcelJS from "exceljs";
import { coverage, crossRegion, multiDirection, ratio, tierCount } from "../../src/core/formulas";
import {
  coverageFn,
  crossRegionFn,
  multiDirectionFn,
  ratioFn,
  tierCountFn,
} from "../../src/functions/functions";

type Matrix = unknown[][];

interface Oracle {
  cases: { enterprise: Matrix; direction: Matrix; prefecture: Matrix; level: Matrix };
  directionCount: number[];
  prefectureCount: number[];
  tiers: number[];
  indicators: { found: Matrix; fixed: Matrix; covered: Matrix; percent: Matrix };
  ratio: number;
  coverage: number;
}

/**
 * A cell as Excel hands it to a custom function: its value, the cached result of a formula, the plain text of rich
 * text (LibreOffice stores "3级" as two font runs), null when blank.
 */
function plain(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && "result" in v) return v.result;
  if (typeof v === "object" && "richText" in v) return v.richText.map((run) => run.text).join("");
  return v;
}

async function loadOracle(): Promise<Oracle> {
  const wb = new ExcelJS.Workbook();
  const bytes = readFileSync(path.join(__dirname, "fixtures", "formula-oracle.xlsx"));
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );
  const cases = wb.getWorksheet("附件3")!;
  const ind = wb.getWorksheet("指标")!;
  const col = (ws: ExcelJS.Worksheet, letter: string, from: number, to: number): Matrix => {
    const out: Matrix = [];
    for (let r = from; r <= to; r++) out.push([plain(ws.getCell(`${letter}${r}`).value)]);
    return out;
  };
  const num = (ws: ExcelJS.Worksheet, ref: string) => Number(plain(ws.getCell(ref).value));
  const last = 27; // 26 case rows under the header
  return {
    cases: {
      enterprise: col(cases, "A", 2, last),
      direction: col(cases, "B", 2, last),
      prefecture: col(cases, "C", 2, last),
      level: col(cases, "D", 2, last),
    },
    directionCount: col(cases, "L", 2, last).map((r) => Number(r[0])),
    prefectureCount: col(cases, "M", 2, last).map((r) => Number(r[0])),
    tiers: ["O2", "P2", "Q2"].map((ref) => num(cases, ref)),
    indicators: {
      found: col(ind, "B", 2, 15),
      fixed: col(ind, "C", 2, 15),
      covered: col(ind, "D", 2, 15),
      percent: col(ind, "E", 2, 15),
    },
    ratio: num(ind, "M2"),
    coverage: num(ind, "N2"),
  };
}

/** Excel for the web passes blank cells as "" rather than null: both must give the same answers. */
const asEmptyStrings = (m: Matrix): Matrix => m.map((row) => row.map((v) => (v === null ? "" : v)));
const asUndefined = (m: Matrix): Matrix =>
  m.map((row) => row.map((v) => (v === null ? undefined : v)));
/** Excel on Windows and Mac passes a blank cell as 0 (office-js #4702, #5262). */
const asZeros = (m: Matrix): Matrix => m.map((row) => row.map((v) => (v === null ? 0 : v)));

let oracle: Oracle;
beforeAll(async () => {
  oracle = await loadOracle();
});

describe.each([
  ["blanks as null", (m: Matrix) => m],
  ['blanks as ""', asEmptyStrings],
  ["blanks as undefined", asUndefined],
])("against LibreOffice formulas (%s)", (_label, blanks) => {
  test("TIERCOUNT agrees with COUNTIF over the meaning of each level cell", () => {
    const levels = blanks(oracle.cases.level);
    expect(oracle.tiers).toEqual([6, 7, 5]); // the fixture is what it claims to be
    expect(tierCount(levels)).toEqual([oracle.tiers]);
    expect(tierCount(levels, "三级")).toBe(oracle.tiers[0]);
    expect(tierCount(levels, 2)).toBe(oracle.tiers[1]);
    expect(tierCount(levels, "第一级")).toBe(oracle.tiers[2]);
    expect(tierCountFn(levels as unknown[][])).toEqual([oracle.tiers]);
  });

  test("RATIO agrees with SUMPRODUCT(整改)/SUMPRODUCT(发现) over rows where both are numbers", () => {
    const got = ratio(blanks(oracle.indicators.fixed), blanks(oracle.indicators.found));
    expect(typeof got).toBe("number");
    expect(got as number).toBeCloseTo(oracle.ratio, 12);
    expect(
      ratioFn(blanks(oracle.indicators.fixed), blanks(oracle.indicators.found)) as number
    ).toBeCloseTo(119 / 146, 12);
  });

  test("COVERAGE agrees with the SUMPRODUCT weighted share", () => {
    const got = coverage(blanks(oracle.indicators.covered), blanks(oracle.indicators.percent));
    expect(got as number).toBeCloseTo(oracle.coverage, 12);
    expect(
      coverageFn(blanks(oracle.indicators.covered), blanks(oracle.indicators.percent)) as number
    ).toBeCloseTo(799.5 / 1470, 12);
  });

  test("MULTIDIRECTION flags exactly the rows whose enterprise has ≥ 2 distinct directions (COUNTIFS)", () => {
    const out = multiDirection(blanks(oracle.cases.enterprise), blanks(oracle.cases.direction));
    expect(out).toHaveLength(oracle.directionCount.length);
    expect(out.map((r) => r[0] !== "")).toEqual(oracle.directionCount.map((n) => n >= 2));
    // the texts, written by hand from the fixture
    expect(out.slice(0, 3)).toEqual([
      ["多方向：分类分级、工控评估"],
      ["多方向：分类分级、工控评估"],
      ["多方向：分类分级、工控评估"],
    ]);
    expect(out.slice(5, 8)).toEqual([
      ["多方向：工控评估、漏洞治理"],
      ["多方向：工控评估、漏洞治理"],
      ["多方向：工控评估、漏洞治理"],
    ]);
    expect(out.slice(17, 19)).toEqual([
      ["多方向：分类分级、威胁监测"],
      ["多方向：分类分级、威胁监测"],
    ]);
    expect(
      multiDirectionFn(blanks(oracle.cases.enterprise), blanks(oracle.cases.direction))
    ).toEqual(out);
  });

  test("CROSSREGION flags exactly the rows whose enterprise has ≥ 2 distinct prefectures (COUNTIFS)", () => {
    const out = crossRegion(blanks(oracle.cases.enterprise), blanks(oracle.cases.prefecture));
    expect(out.map((r) => r[0] !== "")).toEqual(oracle.prefectureCount.map((n) => n >= 2));
    const e4 = ["多地推荐：株洲市、湘潭市、湘西土家族苗族自治州"];
    expect(out.slice(8, 11)).toEqual([e4, e4, e4]);
    expect(out.slice(12, 14)).toEqual([["多地推荐：衡阳市、岳阳市"], ["多地推荐：衡阳市、岳阳市"]]);
    expect(out.slice(17, 19)).toEqual([
      ["多地推荐：常德市、张家界市"],
      ["多地推荐：常德市、张家界市"],
    ]);
    expect(out.slice(23, 25)).toEqual([
      ["多地推荐：娄底市、湘西土家族苗族自治州"],
      ["多地推荐：娄底市、湘西土家族苗族自治州"],
    ]);
    expect(crossRegionFn(blanks(oracle.cases.enterprise), blanks(oracle.cases.prefecture))).toEqual(
      out
    );
  });
});

describe("against LibreOffice formulas (blanks as 0, as Excel desktop passes them)", () => {
  // RATIO and COVERAGE are left out: 0 is a value there, and the sheets pass blanks as "" (test/excel/indicatorFormulas)
  test("TIERCOUNT, MULTIDIRECTION and CROSSREGION give the same answers as with blanks as null", () => {
    const { enterprise, direction, prefecture, level } = oracle.cases;
    expect(enterprise.flat().filter((v) => v === null).length).toBeGreaterThan(0);
    expect(tierCount(asZeros(level))).toEqual([oracle.tiers]);
    expect(multiDirection(asZeros(enterprise), asZeros(direction))).toEqual(
      multiDirection(enterprise, direction)
    );
    expect(crossRegion(asZeros(enterprise), asZeros(prefecture))).toEqual(
      crossRegion(enterprise, prefecture)
    );
  });
});
