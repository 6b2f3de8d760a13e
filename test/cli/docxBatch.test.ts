/**
 * A prefecture clerk's batch: a folder of Word 申报表 (written by python-docx and LibreOffice, plus the bad files
 * clerks receive) becomes that prefecture's 推荐汇总表.
 */
import { copyFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { cliReportSchema } from "../../src/cli/reportSchema";
import { huhang, tempDir } from "./cliHarness";

const fixtures = path.join(__dirname, "..", "io", "docx", "fixtures");
const dir = tempDir();
for (const f of readdirSync(fixtures))
  if (!f.endsWith(".py")) copyFileSync(path.join(fixtures, f), path.join(dir, f));

it("huhang check reads every form, keeps going past bad files and reports form problems", async () => {
  const r = await huhang("check", dir, "--prefecture", "长沙", "--json");
  expect(r.code).toBe(0);
  const report = cliReportSchema.parse(JSON.parse(r.stdout));
  const rejected = report.inputs
    .filter((i) => i.status === "rejected")
    .map((i) => i.file)
    .sort();
  expect(rejected).toEqual([
    "empty.docx",
    "encrypted.docx",
    "legacy_form.doc",
    "legacy_renamed.docx",
    "scan_form.pdf",
    "scan_page.png",
    "truncated.docx",
    "xxe.docx",
  ]);
  for (const f of rejected) {
    const file = report.findings.filter((x) => x.file === f);
    expect(file.map((x) => x.code)).toEqual(["FILE"]);
  }
  expect(report.findings.find((f) => f.file === "legacy_form.doc")!.message).toContain("另存为");

  const forms = report.records;
  expect(forms.length).toBe(15);
  expect(new Set(forms.map((x) => x.prefecture))).toEqual(new Set(["长沙市"]));
  expect(forms.map((x) => x.order)).toEqual(forms.map((_, i) => i + 1));
  expect(forms.every((x) => x.source.sheet === "申报表" && x.source.row === null)).toBe(true);

  const codesOf = (file: string) =>
    report.findings.filter((f) => f.file === file).map((f) => f.code);
  expect(codesOf("pd_date_2023.docx")).toEqual(expect.arrayContaining(["R4", "ID", "R1"]));
  expect(codesOf("pd_two_directions.docx")).toEqual(expect.arrayContaining(["R2", "R7"]));
  expect(codesOf("pd_consortium.docx")).toContain("R1");
  expect(codesOf("pd_long_text.docx")).toContain("R5");
  const r4 = report.findings.find((f) => f.code === "R4")!;
  expect(r4).toMatchObject({ severity: "warning", sheet: "申报表", column: "申报日期" });
  // the form's own "未勾选" and the row rule's "未填写" name one problem once
  expect(
    report.findings.filter((f) => f.file === "pd_incomplete.docx" && f.column === "申报方向")
  ).toHaveLength(1);
});

it("huhang merge --prefecture builds that prefecture’s 推荐汇总表", async () => {
  const out = path.join(dir, "out", "长沙市推荐汇总表.xlsx");
  const r = await huhang("merge", dir, "--prefecture", "长沙市", "--out", out);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("推荐汇总表")!;
  const texts: string[] = [];
  ws.eachRow((row) =>
    texts.push(
      (row.values as unknown[])
        .slice(1)
        .map((v) => String(v ?? ""))
        .join("|")
    )
  );
  expect(texts.some((t) => t.includes("推荐单位（盖章）：长沙市工业和信息化局"))).toBe(true);
  const body = texts.filter((t) => /^\d+\|/.test(t));
  expect(body).toHaveLength(15);
  expect(body[0]).toContain("车联网网络安全防护案例：");
});
