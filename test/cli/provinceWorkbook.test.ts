/**
 * The province workbook as other programs see it: LibreOffice renders all four sheets to PDF, and a workbook whose
 * 评审得分 column an expert filled in with openpyxl exports in score order.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { hasPythonModule, hasSoffice, PYTHON, requireTool, SOFFICE } from "./externalTools";
import { huhang, tempDir } from "./cliHarness";

const dir = tempDir();
const province = path.join(dir, "湖南省推荐汇总表.xlsx");

beforeAll(async () => {
  const r = await huhang("demo", "--out", dir);
  expect(r.code).toBe(0);
}, 120000);

it("opens in LibreOffice: all four sheets render to PDF", () => {
  if (!requireTool(hasSoffice(), "LibreOffice (soffice)")) return;
  const out = path.join(dir, "pdf");
  const r = spawnSync(
    SOFFICE,
    [
      "--headless",
      `-env:UserInstallation=file://${dir}/lo-profile`,
      "--convert-to",
      "pdf",
      "--outdir",
      out,
      province,
    ],
    { encoding: "utf8", timeout: 120000 }
  );
  expect(r.status).toBe(0);
  const pdf = path.join(out, "湖南省推荐汇总表.pdf");
  expect(existsSync(pdf)).toBe(true);
  const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  if (text.status !== 0) {
    requireTool(false, "pdftotext (poppler-utils)");
    return;
  }
  expect(text.stdout).toContain("护航新型工业化网络安全典型案例推荐汇总表"); // 推荐汇总表
  expect(text.stdout).toContain("来源文件"); // 明细
  expect(text.stdout).toContain("全省合计"); // 地区指标
  expect(text.stdout).toContain("问题类型"); // 问题清单
}, 180000);

it("export orders by the scores an expert typed into 明细 (written by openpyxl)", async () => {
  if (!requireTool(hasPythonModule("openpyxl"), "python3-openpyxl")) return;
  const scored = path.join(dir, "已评分.xlsx");
  // give the first three detail rows scores 70, 95 (as text) and 88.5; leave the rest blank
  const script = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['明细']
header = [c.value for c in ws[1]]
col = header.index('评审得分') + 1
ws.cell(row=2, column=col, value=70)
ws.cell(row=3, column=col, value='95')
ws.cell(row=4, column=col, value=88.5)
wb.save(sys.argv[2])
name = header.index('案例名称') + 1
for r in (2, 3, 4): print(ws.cell(row=r, column=name).value)
`;
  const py = spawnSync(PYTHON, ["-c", script, province, scored], { encoding: "utf8" });
  expect(py.stderr).toBe("");
  const names = py.stdout.trim().split("\n");
  expect(names).toHaveLength(3);

  const list = path.join(dir, "推荐名单.xlsx");
  const r = await huhang("export", scored, "--out", list, "--top", "5");
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(list);
  const sheet = wb.worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  const headerAt = rows.findIndex((row) => row[0] === "序号");
  const body = rows.slice(headerAt + 1).filter((row) => /^\d+$/.test(row[0]));
  expect(body.map((row) => row[0])).toEqual(["1", "2", "3", "4", "5"]);
  expect(body.slice(0, 3).map((row) => row[1])).toEqual([names[1], names[2], names[0]]);
  expect(rows.some((row) => row.join("").includes("湖南省工业和信息化厅"))).toBe(true);
});

it("templates carry dropdowns for 企业类别, 申报方向 and 网络安全级别", async () => {
  const out = path.join(dir, "tpl.xlsx");
  expect((await huhang("template", "annex3", "--out", out)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.worksheets[0];
  const lists = Object.values(
    (
      ws as unknown as {
        dataValidations: { model: Record<string, { type: string; formulae: string[] }> };
      }
    ).dataValidations.model
  )
    .filter((v) => v.type === "list")
    .map((v) => v.formulae.join(","));
  expect(lists.some((f) => f.includes("工业互联网平台企业"))).toBe(true);
  expect(lists.some((f) => f.includes("车联网网络安全防护案例") || f.includes("车联网"))).toBe(
    true
  );
  expect(lists.some((f) => f.includes("三级"))).toBe(true);
  expect(readdirSync(dir)).toContain("tpl.xlsx");
  expect((await huhang("template", "annex2", "--out", path.join(dir, "a2.xlsx"))).code).toBe(0);
});
