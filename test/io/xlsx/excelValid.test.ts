/**
 * Every kind of workbook the project writes opens in Excel without a repair prompt: the shared OOXML check (schemas
 * and Excel's own rules) passes with no warning at all, "cell without r" included.
 */
import { writeRecommendationList } from "../../../src/io/xlsx/exportList";
import { writeTemplate } from "../../../src/io/xlsx/template";
import { writeProvinceWorkbook } from "../../../src/io/xlsx/writeProvince";
import { checkXlsx } from "../../support/ooxmlCheck";
import { sampleMerge } from "./inspect/sampleMerge";

const OPTS = {
  recommender: "湖南省工业和信息化厅",
  date: "2024年12月20日",
  contact: "刘明",
  phone: "0731-88954321",
  generatedAt: "2024-12-20T09:30:00+08:00",
};

it("province workbook, recommendation list and both templates pass the OOXML check without warnings", async () => {
  const merged = sampleMerge();
  const report = checkXlsx({
    province: await writeProvinceWorkbook(merged, OPTS),
    prefecture: await writeProvinceWorkbook(
      { ...merged, records: merged.records.filter((r) => r.prefecture === "长沙市") },
      { ...OPTS, recommender: "长沙市工业和信息化局" }
    ),
    empty: await writeProvinceWorkbook(
      { ...merged, records: [], findings: [], indicators: {} },
      OPTS
    ),
    list: await writeRecommendationList(merged.records, OPTS),
    annex2: await writeTemplate("annex2"),
    annex3: await writeTemplate("annex3"),
  });
  expect(report.output).toMatch(/## overall: PASS/);
  expect(report.ok).toBe(true);
  expect(report.warnings).toEqual([]);
});
