/**
 * Every kind of workbook the project writes opens in Excel without a repair prompt: the shared OOXML check (schemas
 * and Excel's own rules) passes with no warning at all, "cell without r" included — the province roll-up, a
 * prefecture's list (with and without its 附件2), the list for MIIT, both templates, and what the page downloads.
 */
import { writeRecommendationList } from "../../../src/io/xlsx/exportList";
import { writeTemplate } from "../../../src/io/xlsx/template";
import { writePrefectureWorkbook, writeProvinceWorkbook } from "../../../src/io/xlsx/writeProvince";
import { writeList, writePrefectureList, writeProvince } from "../../../src/taskpane/io/writeFiles";
import { checkXlsx } from "../../support/ooxmlCheck";
import { sampleMerge } from "./inspect/sampleMerge";

const OPTS = {
  recommender: "湖南省工业和信息化厅",
  date: "2024年12月20日",
  contact: "刘明",
  phone: "0731-88954321",
  generatedAt: "2024-12-20T09:30:00+08:00",
};

it("every workbook kind passes the OOXML check without warnings", async () => {
  const merged = sampleMerge();
  const cs = merged.records.filter((r) => r.prefecture === "长沙市");
  const meta = {
    recommender: "长沙市工业和信息化局",
    date: "2024-12-18",
    contact: "李娜",
    phone: "0731-88886666",
  };
  const list = {
    prefecture: "长沙市" as const,
    meta,
    records: cs,
    findings: merged.findings,
    indicators: null,
  };
  const now = new Date(2024, 11, 20, 9, 30);
  const page = {
    province: (await writeProvince(merged, now)).bytes,
    list: (await writeList(merged.records, now)).bytes,
    prefecture: (await writePrefectureList(list, merged.indicators["长沙市"] ?? null, now)).bytes,
  };
  const report = checkXlsx({
    province: await writeProvinceWorkbook(merged, OPTS),
    prefecture: await writePrefectureWorkbook(list, OPTS.generatedAt),
    prefectureWithAnnex2: await writePrefectureWorkbook(
      { ...list, indicators: merged.indicators["长沙市"]! },
      OPTS.generatedAt
    ),
    empty: await writeProvinceWorkbook(
      { ...merged, records: [], findings: [], indicators: {} },
      OPTS
    ),
    emptyList: await writePrefectureWorkbook(
      { ...list, records: [], findings: [] },
      OPTS.generatedAt
    ),
    miit: await writeRecommendationList(merged.records, OPTS),
    annex2: await writeTemplate("annex2"),
    annex3: await writeTemplate("annex3"),
    pageProvince: page.province,
    pageList: page.list,
    pagePrefecture: page.prefecture,
  });
  expect(report.output).toMatch(/## overall: PASS/);
  expect(report.ok).toBe(true);
  expect(report.warnings).toEqual([]);
});
