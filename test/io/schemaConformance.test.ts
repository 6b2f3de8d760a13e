/**
 * What the readers hand over satisfies the boundary schemas (src/core/model.ts, the types are inferred from them) — on every committed workbook and
 * Word fixture written by openpyxl, LibreOffice and python-docx.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { applicationToRecord } from "../../src/core/application";
import {
  applicationSchema,
  caseRecordSchema,
  describeIssues,
  indicatorValuesSchema,
} from "../../src/core/schemas";
import { settingsSchema } from "../../src/core/schemas";
import { defaultSettings } from "../../src/core/settings";
import { readApplicationDocx } from "../../src/io/docx/readApplication";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";

const xlsxDir = path.join(__dirname, "xlsx", "fixtures");
const docxDir = path.join(__dirname, "docx", "fixtures");
const files = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort();

it("every record and indicator set read from the workbook fixtures fits the schemas", async () => {
  let records = 0;
  let indicatorSets = 0;
  for (const f of files(xlsxDir, ".xlsx")) {
    const sub = await readWorkbook(new Uint8Array(readFileSync(path.join(xlsxDir, f))), f);
    for (const r of sub.records) {
      const parsed = caseRecordSchema.safeParse(r);
      if (!parsed.success)
        throw new Error(`${f} 第 ${r.source.row} 行：${describeIssues(parsed.error).join("；")}`);
      records++;
    }
    if (sub.indicators) {
      expect(indicatorValuesSchema.safeParse(sub.indicators).success).toBe(true);
      indicatorSets++;
    }
  }
  expect(records).toBeGreaterThan(5000);
  expect(indicatorSets).toBeGreaterThan(1);
});

it("every Word form read fits the application schema, and its proposed row the record schema", async () => {
  let forms = 0;
  for (const f of files(docxDir, ".docx")) {
    const { application } = await readApplicationDocx(
      new Uint8Array(readFileSync(path.join(docxDir, f))),
      f
    );
    if (!application) continue;
    expect(applicationSchema.safeParse(application).success).toBe(true);
    expect(caseRecordSchema.safeParse(applicationToRecord(application, 1, "长沙市")).success).toBe(
      true
    );
    forms++;
  }
  expect(forms).toBeGreaterThanOrEqual(12);
});

it("settings are checked with Chinese messages", () => {
  expect(settingsSchema.safeParse(defaultSettings(2025)).success).toBe(true);
  const bad = settingsSchema.safeParse({ ...defaultSettings(), year: 1999, deadline: "12月25日" });
  expect(bad.success).toBe(false);
  const lines = describeIssues(bad.error!);
  expect(lines).toContain("字段 year：年度应不早于 2020 年");
  expect(lines).toContain("字段 deadline：截止日期应为 yyyy-mm-dd 日期");
});
