import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { cliReportSchema } from "../../src/cli/reportSchema";
import { huhang, tempDir } from "./cliHarness";

/** The demo is the realistic input set: 13 prefectures, planted problems, 张家界市 missing. */
const demoDir = tempDir();
let demoInputs: string;

beforeAll(async () => {
  const r = await huhang("demo", "--out", demoDir);
  expect(r.code).toBe(0);
  demoInputs = path.join(demoDir, "市州报送");
}, 120000);

async function sheetValues(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const vals = (row.values as unknown[])
      .slice(1)
      .map((v) =>
        v && typeof v === "object" && "result" in (v as object)
          ? (v as { result: unknown }).result
          : v
      );
    rows.push(vals);
  });
  return rows;
}

describe("huhang demo", () => {
  it("writes 13 prefecture workbooks and the province workbook with four sheets", async () => {
    expect(readdirSync(demoInputs).filter((f) => f.endsWith(".xlsx"))).toHaveLength(13);
    const out = path.join(demoDir, "湖南省推荐汇总表.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "推荐汇总表",
      "明细",
      "地区指标",
      "问题清单",
    ]);
  });
});

describe("huhang check --json on the demo inputs", () => {
  let report: ReturnType<typeof cliReportSchema.parse>;
  beforeAll(async () => {
    const r = await huhang("check", demoInputs, "--json");
    expect(r.code).toBe(0);
    report = cliReportSchema.parse(JSON.parse(r.stdout));
  });

  it("reports the missing prefecture and every input", () => {
    expect(report.output).toBeNull();
    expect(report.missingPrefectures).toEqual(["张家界市"]);
    expect(report.inputs).toHaveLength(13);
    expect(report.inputs.every((i) => i.status === "ok")).toBe(true);
  });

  it("finds each planted problem at its place", () => {
    const by = (code: string) => report.findings.filter((f) => f.code === code);
    expect(by("R1").map((f) => f.prefecture)).toEqual(["长沙市"]);
    expect(
      by("R2")
        .map((f) => f.prefecture)
        .sort()
    ).toEqual(["株洲市", "湘潭市"].sort());
    expect(
      by("R3")
        .map((f) => f.prefecture)
        .sort()
    ).toEqual(["岳阳市", "衡阳市"].sort());
    expect(by("R5").map((f) => f.prefecture)).toEqual(["常德市"]);
    expect(
      by("R7").some((f) => f.prefecture === "益阳市" && f.message.includes("基础电信企业"))
    ).toBe(true);
    const id = by("ID").filter((f) => f.prefecture === "郴州市");
    expect(id).toHaveLength(2);
    expect(id.some((f) => f.message.includes("被 Excel 当作数字保存"))).toBe(true);
    expect(
      by("REQ")
        .filter((f) => f.prefecture === "永州市")
        .map((f) => f.message)
        .sort()
    ).toEqual(["“联系人”为空", "“联系方式”为空"]);
    expect(by("IND").map((f) => f.prefecture)).toEqual(["怀化市"]);
    for (const f of report.findings) {
      expect(f.file).toMatch(/\.xlsx$/);
      if (f.code !== "IND") expect(f.row).toBeGreaterThan(4);
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it("reads records with full names and source rows", () => {
    const cs = report.records.filter((r) => r.prefecture === "长沙市");
    expect(cs.length).toBeGreaterThanOrEqual(6);
    expect(cs.map((r) => r.order)).toEqual(cs.map((_, i) => i + 1));
    expect(cs[0].source.row).toBe(5);
    for (const r of report.records) {
      expect(r.direction).not.toBeNull();
      expect(r.category).not.toBeNull();
    }
    const ld = report.indicators["娄底市"] as Record<string, number>;
    expect(ld.tier3).toBe(12);
    expect(ld.trainingKeyPct).toBe(85);
  });
});

describe("bad inputs and exit codes", () => {
  it("a corrupt or non-xlsx input is a FILE finding and the others still merge", async () => {
    const dir = tempDir();
    for (const f of readdirSync(demoInputs).slice(0, 3))
      copyFileSync(path.join(demoInputs, f), path.join(dir, f));
    writeFileSync(path.join(dir, "邵阳市推荐汇总表.xlsx"), "PK\u0003\u0004 truncated");
    writeFileSync(path.join(dir, "旧表.xls"), "x");
    const out = path.join(dir, "out", "汇总.xlsx");
    const r = await huhang("merge", dir, "--out", out, "--json");
    expect(r.code).toBe(0);
    const report = cliReportSchema.parse(JSON.parse(r.stdout));
    expect(report.output).toBe(out);
    expect(existsSync(out)).toBe(true);
    expect(
      report.inputs
        .filter((i) => i.status === "rejected")
        .map((i) => i.file)
        .sort()
    ).toEqual(["旧表.xls", "邵阳市推荐汇总表.xlsx"].sort());
    const file = report.findings.filter((f) => f.code === "FILE");
    expect(file.find((f) => f.file === "旧表.xls")!.message).toContain("另存为");
    expect(report.records.length).toBeGreaterThan(10);
  });

  it("exit 1 when no output could be written, exit 2 on bad usage", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.pdf"), "%PDF-1.4");
    const out = path.join(dir, "x.xlsx");
    expect((await huhang("merge", dir, "--out", out)).code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect((await huhang("merge", dir)).code).toBe(2);
    expect((await huhang("merge", dir, "--out", out, "--bogus")).code).toBe(2);
    expect((await huhang("frobnicate")).code).toBe(2);
    expect((await huhang("check", dir, "--year", "1999")).code).toBe(2);
    const help = await huhang("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("huhang merge");
  });

  it("an option without its value is a usage error in Chinese, never a file named after the next option", async () => {
    const dir = tempDir();
    const r = await huhang("merge", path.join(dir, "x.xlsx"), "--out", "--json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("用法错误：选项 --out 缺少参数值（后面紧跟的是另一个选项）");
    expect(existsSync(path.join(process.cwd(), "--json"))).toBe(false);
    const missing = await huhang("export", "a.xlsx", "--out");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("选项 --out 需要一个值");
    const flag = await huhang("check", dir, "--json=yes");
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("选项 --json 不带参数值");
    const unknown = await huhang("check", dir, "--bogus");
    expect(unknown.stderr).toContain("未知选项 --bogus");
    expect(unknown.stderr).toContain("huhang check --help");
  });
});

describe("merging is repeatable", () => {
  it("the same inputs twice, in another order, or one file twice give the same workbook", async () => {
    const base = tempDir();
    const a = path.join(base, "a.xlsx");
    const b = path.join(base, "b.xlsx");
    const c = path.join(base, "c.xlsx");
    const files = readdirSync(demoInputs).map((f) => path.join(demoInputs, f));
    expect((await huhang("merge", ...files, "--out", a)).code).toBe(0);
    expect((await huhang("merge", ...[...files].reverse(), "--out", b)).code).toBe(0);
    expect((await huhang("merge", ...files, files[0], demoInputs, "--out", c)).code).toBe(0);
    for (const sheet of ["推荐汇总表", "明细", "地区指标", "问题清单"]) {
      const va = await sheetValues(a, sheet);
      expect(await sheetValues(b, sheet)).toEqual(va);
      expect(await sheetValues(c, sheet)).toEqual(va);
    }
    expect(readFileSync(a).length).toBeGreaterThan(5000);
  });
});
