/**
 * The indicator sheets in Excel must show the CLI's numbers (src/core/indicators.ts): 地区指标 with the file's plain
 * formulas, the 附件2 sheet with HUHANG.RATIO / HUHANG.COVERAGE although Excel on Windows and Mac hands an empty cell
 * to a custom function as 0. The formulas the add-in writes are evaluated here with Excel's rules for blanks
 * (formulaEval.ts), on the demo's 13 prefectures (张家界 not reported) where three prefectures left one number of a
 * pair blank — 长沙 整改, 湘潭 通报隐患, 株洲 the training share.
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
  want === null
    ? got === "" || got === null
    : typeof got === "number" && Math.abs(got - want) < 1e-9;

describe.each<Blanks>(["desktop", "web"])(
  "province 地区指标, empty cells as Excel %s passes them",
  (blanks) => {
    it("every total, rate and the training share equal the CLI's", async () => {
      const s = await provinceSheet();
      const grid = s.grid();
      const col = (label: string) => columnLetter(grid[0].indexOf(label) + 1);
      const table = indicatorTable(merged.indicators);
      const at = (label: string, r: number) => {
        const f = s.formula(`${col(label)}${r}`);
        // no formula where the CLI has no value
        return f === null ? null : evaluate(f, s, blanks);
      };
      table.forEach((row, i) => {
        const r = i + 2;
        expect(grid[r - 1][0]).toBe(row.prefecture);
        const got = {
          ics: at("工控风险整改率（整改÷发现）", r),
          hazard: at("风险隐患整改率（完成整改÷通报）", r),
          tiers: at("三级+二级+一级合计（家）", r),
        };
        expect({ row: row.prefecture, ics: close(got.ics, row.derived.icsFixRate) }).toEqual({
          row: row.prefecture,
          ics: true,
        });
        expect({
          row: row.prefecture,
          hazard: close(got.hazard, row.derived.hazardFixRate),
        }).toEqual({ row: row.prefecture, hazard: true });
        expect({ row: row.prefecture, tiers: close(got.tiers, row.derived.tierTotal) }).toEqual({
          row: row.prefecture,
          tiers: true,
        });
      });
      const total = table[14];
      expect(total.prefecture).toBe("全省合计");
      expect(close(at("其中重点行业规上企业占比（%）", 16), total.values.trainingKeyPct!)).toBe(
        true
      );
      expect(close(at("三级工业互联网企业（家）", 16), total.values.tier3!)).toBe(true);
      // the rows whose pair is half blank have no rate of their own
      expect(at("工控风险整改率（整改÷发现）", 2)).toBeNull(); // 长沙
      expect(at("风险隐患整改率（完成整改÷通报）", 4)).toBeNull(); // 湘潭
    });
  }
);

describe.each<Blanks>(["desktop", "web"])(
  "prefecture 附件2, empty cells as Excel %s passes them",
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
        const s = fake.sheet("成效突出地区申报表")!;
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
        // what the wrapper is for: unwrapped, Excel desktop would count the blank 整改 as 0 of 120
        if (!("icsRisksFixed" in values) && blanks === "desktop")
          expect(evaluate(unwrapped(s.formula(at("工控风险整改率"))!), s, blanks)).toBe(0);
      }
    });
  }
);
