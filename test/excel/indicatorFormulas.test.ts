/**
 * 地区指标 in Excel must show the CLI's numbers (src/core/indicators.ts) although Excel on Windows and Mac hands an
 * empty cell to HUHANG.RATIO / HUHANG.COVERAGE as 0: the formulas the add-in writes are evaluated here with Excel's
 * rules for blanks (formulaEval.ts), on the demo's 13 prefectures (张家界 not reported) where three prefectures left one
 * number of a pair blank — 长沙 整改, 湘潭 通报隐患, 株洲 the training share.
 */
import { columnLetter } from "../../src/core/findings";
import { deriveIndicators, indicatorTable } from "../../src/core/indicators";
import { mergeSubmissions, type MergeResult } from "../../src/core/merge";
import type { IndicatorKey, IndicatorValues } from "../../src/core/model";
import { defaultSettings } from "../../src/core/settings";
import { sampleData } from "../../src/cli/demo/sampleData";
import { writeSampleWorkbook } from "../../src/cli/demo/writeSample";
import { createExcelHost } from "../../src/excel/excelHost";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";
import { createFakeExcel, type FakeSheetView } from "../support/fakeExcel";
import { evaluate, type Blanks } from "./formulaEval";

let merged: MergeResult;

function without(v: IndicatorValues, key: IndicatorKey): IndicatorValues {
  const values = { ...v.values };
  delete values[key];
  return { ...v, values };
}

beforeAll(async () => {
  const samples = sampleData();
  const subs = await Promise.all(
    samples.map(async (s, i) =>
      readWorkbook(await writeSampleWorkbook(s, i % 3), `${s.prefecture.name}推荐汇总表.xlsx`)
    )
  );
  const result = mergeSubmissions(subs, defaultSettings(2024));
  const ind = { ...result.indicators };
  ind["长沙市"] = without(ind["长沙市"]!, "icsRisksFixed");
  ind["湘潭市"] = without(ind["湘潭市"]!, "noticeHazards");
  ind["株洲市"] = without(ind["株洲市"]!, "trainingKeyPct");
  merged = { ...result, indicators: ind };
});

/** The unwrapped argument the add-in used to write: what Excel desktop then computed. */
const unwrapped = (f: string) => f.replace(/IF\(ISBLANK\(([A-Z0-9:]+)\),"",\1\)/g, "$1");

async function provinceSheet(): Promise<FakeSheetView> {
  const fake = createFakeExcel();
  await createExcelHost(fake.run, {
    download: async () => undefined,
    createWorkbook: fake.createWorkbook,
  }).showProvince(merged);
  return fake.sheet("地区指标")!;
}

const close = (got: unknown, want: number | null) =>
  want === null ? got === "" : typeof got === "number" && Math.abs(got - want) < 1e-12;

describe.each<Blanks>(["desktop", "web"])(
  "province 地区指标, empty cells as Excel %s passes them",
  (blanks) => {
    it("every ratio and the training share equal the CLI's", async () => {
      const s = await provinceSheet();
      const grid = s.grid();
      const col = (label: string) => columnLetter(grid[0].indexOf(label) + 1);
      const table = indicatorTable(merged.indicators);
      const ics = col("工控风险整改率（整改÷发现）");
      const hazard = col("风险隐患整改率（完成整改÷通报）");
      const pct = col("其中重点行业规上企业占比（%）");
      table.forEach((row, i) => {
        const r = i + 2;
        expect(grid[r - 1][0]).toBe(row.prefecture);
        const got = {
          ics: evaluate(s.formula(`${ics}${r}`)!, s, blanks),
          hazard: evaluate(s.formula(`${hazard}${r}`)!, s, blanks),
        };
        expect({ row: row.prefecture, ics: close(got.ics, row.derived.icsFixRate) }).toEqual({
          row: row.prefecture,
          ics: true,
        });
        expect({
          row: row.prefecture,
          hazard: close(got.hazard, row.derived.hazardFixRate),
        }).toEqual({
          row: row.prefecture,
          hazard: true,
        });
      });
      const total = table[14];
      expect(total.prefecture).toBe("全省合计");
      expect(close(evaluate(s.formula(`${pct}16`)!, s, blanks), total.derived.trainingKeyPct)).toBe(
        true
      );
      // the rows whose pair is half blank have no rate of their own
      expect(evaluate(s.formula(`${ics}2`)!, s, blanks)).toBe(""); // 长沙
      expect(evaluate(s.formula(`${hazard}4`)!, s, blanks)).toBe(""); // 湘潭
    });
  }
);

test("without IF(ISBLANK(…)), Excel desktop would have shown other numbers (what the wrapper is for)", async () => {
  const s = await provinceSheet();
  const grid = s.grid();
  const col = (label: string) => columnLetter(grid[0].indexOf(label) + 1);
  const table = indicatorTable(merged.indicators);
  const ics = `${col("工控风险整改率（整改÷发现）")}16`;
  const pct = `${col("其中重点行业规上企业占比（%）")}16`;
  const wrong = evaluate(unwrapped(s.formula(ics)!), s, "desktop") as number;
  expect(wrong).toBeLessThan(table[14].derived.icsFixRate! - 0.01);
  expect(
    evaluate(unwrapped(s.formula(`${col("工控风险整改率（整改÷发现）")}2`)!), s, "desktop")
  ).toBe(0);
  const wrongPct = evaluate(unwrapped(s.formula(pct)!), s, "desktop") as number;
  expect(wrongPct).toBeLessThan(table[14].derived.trainingKeyPct! - 0.5);
  // on the web the unwrapped formula was already right
  expect(close(evaluate(unwrapped(s.formula(ics)!), s, "web"), table[14].derived.icsFixRate)).toBe(
    true
  );
});

describe.each<Blanks>(["desktop", "web"])(
  "prefecture 地区指标, empty cells as Excel %s passes them",
  (blanks) => {
    it("the derived ratios equal the CLI's, also when one number of a pair is blank", async () => {
      const fake = createFakeExcel();
      const host = createExcelHost(fake.run, {
        download: async () => undefined,
        createWorkbook: fake.createWorkbook,
      });
      for (const values of [
        { icsRisksFound: 120, noticeHazards: 40, noticeHazardsFixed: 38, trainingEnterprises: 200 },
        { icsRisksFound: 120, icsRisksFixed: 0, noticeHazardsFixed: 5, trainingKeyPct: 85 },
        { icsRisksFound: 0, icsRisksFixed: 0, trainingEnterprises: 200, trainingKeyPct: 60 },
      ] as const) {
        const set: IndicatorValues = {
          prefecture: "株洲市",
          values,
          header: {},
          lists: {},
          source: { file: "株洲市附件2.xlsx", sheet: "附件2", row: null },
          cells: {},
        };
        await host.showIndicators("株洲市", set);
        const s = fake.sheet("地区指标")!;
        const grid = s.grid();
        const at = (label: string) => `C${grid.findIndex((r) => r[0] === label) + 1}`;
        const cli = deriveIndicators([set]);
        const got = (label: string) => evaluate(s.formula(at(label))!, s, blanks);
        expect({ values, ics: close(got("工控风险整改率"), cli.icsFixRate) }).toEqual({
          values,
          ics: true,
        });
        expect({ values, hazard: close(got("风险隐患整改率"), cli.hazardFixRate) }).toEqual({
          values,
          hazard: true,
        });
        const share = got("培训重点行业规上企业占比");
        expect({
          values,
          share: close(share, cli.trainingKeyPct === null ? null : cli.trainingKeyPct / 100),
        }).toEqual({ values, share: true });
      }
    });
  }
);
