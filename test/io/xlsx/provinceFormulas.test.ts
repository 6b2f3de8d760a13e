/**
 * The 地区指标 formulas compute the right numbers in a real spreadsheet: LibreOffice headless recalculates the written
 * workbook (with our cached results stripped first) and its numbers are compared with sums worked out here from the
 * inputs. Two LibreOffice runs: the realistic sample, and zero denominators / blanks.
 */
import { INDICATOR_DEFS } from "../../../src/core/indicatorDefs";
import type { MergeResult } from "../../../src/core/merge";
import type { IndicatorKey } from "../../../src/core/model";
import { writeProvinceWorkbook } from "../../../src/io/xlsx/writeProvince";
import { PROVINCE_COLUMNS } from "../../../src/sheets/indicators";
import {
  cachedVal,
  dumpXlsx,
  recalcWithLibreOffice,
  sheet,
  sofficeMissing,
  val,
  type DumpSheet,
} from "./inspect/python";
import { CS_IND, ZZ_IND, sampleMerge } from "./inspect/sampleMerge";

const missing = sofficeMissing();
if (missing) console.warn(missing);
const describeWithLibreOffice = missing ? describe.skip : describe;

const OPTS = { recommender: "湖南省工业和信息化厅", generatedAt: "2024-12-20T09:30:00+08:00" };
/** Column of each indicator and of the derived columns, from the sheet's one description. */
const col = (key: IndicatorKey) => PROVINCE_COLUMNS.byKey[key];
const { tierTotal: TT, icsFixRate: ICS, hazardFixRate: HZ } = PROVINCE_COLUMNS.derived;
const TOTAL = 16;

describeWithLibreOffice("地区指标 formulas recomputed by LibreOffice", () => {
  it("全省合计 equals the sums over the prefectures, ratios are ratios of the sums", async () => {
    const s: DumpSheet = sheet(
      recalcWithLibreOffice(await writeProvinceWorkbook(sampleMerge(), OPTS)),
      "地区指标"
    );
    // every count column: 长沙 + 株洲, a blank counting as nothing
    for (const def of INDICATOR_DEFS) {
      if (def.kind !== "count") continue;
      const expected = (CS_IND[def.key] ?? 0) + (ZZ_IND[def.key] ?? 0);
      expect([def.key, cachedVal(s, `${col(def.key)}${TOTAL}`)]).toEqual([def.key, expected]);
    }
    expect(cachedVal(s, `${TT}2`)).toBe(12 + 30 + 55);
    expect(cachedVal(s, `${TT}3`)).toBe(5 + 18);
    expect(cachedVal(s, `${TT}${TOTAL}`)).toBe(120);
    expect(cachedVal(s, `${ICS}2`) as number).toBeCloseTo(79 / 86, 10);
    expect(cachedVal(s, `${ICS}3`) as number).toBeCloseTo(30 / 41, 10);
    expect(cachedVal(s, `${ICS}${TOTAL}`) as number).toBeCloseTo((79 + 30) / (86 + 41), 10);
    // 株洲 did not give 完成整改: only 长沙's pair counts
    expect(cachedVal(s, `${HZ}${TOTAL}`) as number).toBeCloseTo(214 / 230, 10);
    // training share weighted by enterprises covered, not the mean of 62.5 and 40
    expect(cachedVal(s, `${col("trainingKeyPct")}${TOTAL}`) as number).toBeCloseTo(
      (420 * 62.5 + 180 * 40) / (420 + 180),
      10
    );
  });

  it("zero denominators give an empty cell, not 0% and not an error; missing stays missing", async () => {
    const result: MergeResult = sampleMerge();
    const base = result.indicators["长沙市"]!;
    result.indicators = {
      长沙市: {
        ...base,
        values: {
          icsRisksFound: 0,
          icsRisksFixed: 0,
          trainingEnterprises: 0,
          trainingKeyPct: 50,
          tier3: 0,
        },
      },
      株洲市: {
        ...base,
        prefecture: "株洲市",
        values: { noticeHazards: 0, noticeHazardsFixed: 0, talents: 7 },
      },
    };
    const bytes = await writeProvinceWorkbook(result, OPTS);
    const ours = sheet(dumpXlsx(bytes), "地区指标");
    const lo = sheet(recalcWithLibreOffice(bytes), "地区指标");
    for (const s of [ours, lo]) {
      // 0/0 → "" (IFERROR), per prefecture and for the province
      for (const addr of [`${ICS}2`, `${ICS}${TOTAL}`, `${HZ}3`, `${HZ}${TOTAL}`])
        expect([addr, cachedVal(s, addr) ?? ""]).toEqual([addr, ""]);
      // a real 0 is shown as 0
      expect(cachedVal(s, `${col("tier3")}2`)).toBe(0);
      expect(cachedVal(s, `${col("tier3")}${TOTAL}`)).toBe(0);
      expect(cachedVal(s, `${col("talents")}${TOTAL}`)).toBe(7);
    }
    // the formulas are there so a later edit recomputes
    expect(val(ours, `${ICS}2`)).toBe(
      `=IFERROR(${col("icsRisksFixed")}2/${col("icsRisksFound")}2,"")`
    );
    // 50 % of 0 enterprises: no weighted share; nobody reported 一级: no total
    expect(val(ours, `${col("trainingKeyPct")}${TOTAL}`)).toBeNull();
    expect(val(ours, `${col("tier1")}${TOTAL}`)).toBeNull();
  });
});
