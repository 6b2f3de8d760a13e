/**
 * The command line on prefecture packages and folders: a package folder (附件3 + 申报表 + proofs) and a .zip are
 * checked against their forms; a folder of forms alone and a folder of prefecture workbooks read as before; files that
 * are not inputs are counted in one "已跳过" line; each command's --help is its own.
 */
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cliReportSchema } from "../../src/cli/reportSchema";
import { COMMANDS } from "../../src/cli/commands";
import { huhang, tempDir } from "./cliHarness";

const PKG = path.join(__dirname, "..", "io", "package", "fixtures");
const DOCX = path.join(__dirname, "..", "io", "docx", "fixtures");
const XLSX = path.join(__dirname, "..", "io", "xlsx", "fixtures");

async function check(...args: string[]) {
  const r = await huhang("check", ...args, "--json");
  return { ...r, report: cliReportSchema.parse(JSON.parse(r.stdout)) };
}

describe("a package folder", () => {
  it("is checked against its forms; its proofs and notes are attachments, not skipped files", async () => {
    const dir = tempDir();
    cpSync(path.join(PKG, "folder", "长沙市报送材料"), path.join(dir, "长沙市报送材料"), {
      recursive: true,
    });
    const { code, stderr, report } = await check(path.join(dir, "长沙市报送材料"));
    expect(code).toBe(0);
    expect(stderr).not.toContain("已跳过");
    const root = "长沙市报送材料";
    expect(report.inputs).toEqual([
      {
        file: `${root}/附件3-长沙市推荐汇总表.xlsx`,
        kind: "annex3",
        prefecture: "长沙市",
        rows: 4,
        status: "ok",
        package: {
          name: root,
          forms: [
            `${root}/附件1申报表/01-长沙麓谷智造装备有限公司.docx`,
            `${root}/附件1申报表/02-长沙星城控制技术有限公司.docx`,
            `${root}/附件1申报表/03-湖南湘江云联科技有限公司.docx`,
            `${root}/附件1申报表/05-长沙望城电机有限公司.docx`,
          ],
          attachments: [
            `${root}/报送函.docx`,
            `${root}/证明材料/定级报告-麓谷智造.pdf`,
            `${root}/证明材料/营业执照扫描件.jpg`,
            `${root}/说明.txt`,
          ],
        },
      },
    ]);
    expect(report.findings.map((f) => [f.code, f.severity, f.file, f.row, f.column])).toEqual([
      ["MAT", "warning", `${root}/附件1申报表/05-长沙望城电机有限公司.docx`, null, "案例名称"],
      ["MAT", "error", `${root}/附件3-长沙市推荐汇总表.xlsx`, 5, "E"],
      ["MAT", "error", `${root}/附件3-长沙市推荐汇总表.xlsx`, 6, "B"],
      ["MAT", "error", `${root}/附件3-长沙市推荐汇总表.xlsx`, 6, "D"],
      ["MAT", "warning", `${root}/附件3-长沙市推荐汇总表.xlsx`, 7, "B"],
    ]);
    expect(
      report.records.map((r) => [r.order, r.enterprise, r.uscc, r.form?.applicant ?? null])
    ).toEqual([
      [1, "长沙麓谷智造装备有限公司", "91430104MA4L7A017E", "长沙麓谷智造装备有限公司"],
      [2, "长沙星城控制技术有限公司", "91430104MA4L7B028R", "长沙星城控制技术有限公司"],
      [3, "湖南湘江云联科技有限公司", "91430104MA4L7C0395", "湖南湘江云联科技有限公司"],
      [4, "长沙宁乡新材料有限公司", "", null],
    ]);
  });

  it("a province folder: two package folders of two prefectures and a loose workbook", async () => {
    const dir = tempDir();
    cpSync(path.join(PKG, "folder", "长沙市报送材料"), path.join(dir, "长沙"), { recursive: true });
    copyFileSync(path.join(XLSX, "zhuzhou_official.xlsx"), path.join(dir, "株洲市.xlsx"));
    copyFileSync(path.join(PKG, "长沙市报送材料-gbk.zip"), path.join(dir, "长沙重报.zip"));
    const { code, report } = await check(dir);
    expect(code).toBe(0);
    expect(
      report.inputs.map((i) => [
        i.file,
        i.prefecture,
        i.rows,
        i.note ?? null,
        i.package?.forms.length ?? null,
      ])
    ).toEqual([
      ["株洲市.xlsx", "株洲市", 3, null, null],
      [
        "长沙/附件3-长沙市推荐汇总表.xlsx",
        "长沙市",
        4,
        "已被同一市州较新的文件取代，未计入汇总",
        4,
      ],
      ["长沙重报.zip/长沙市报送材料/附件3-长沙市推荐汇总表.xlsx", "长沙市", 4, null, 4],
    ]);
  });
});

describe("folders as before", () => {
  it("a folder of forms alone is the clerk's batch (--prefecture), named by file", async () => {
    const dir = tempDir();
    for (const f of ["pd_glyph_before.docx", "pd_glyph_after.docx"])
      copyFileSync(path.join(DOCX, f), path.join(dir, f));
    const { report } = await check(dir, "--prefecture", "长沙市");
    expect(
      report.inputs.map((i) => [i.file, i.kind, i.prefecture, i.rows, i.package ?? null])
    ).toEqual([["长沙市申报表（2 份）", "docx", "长沙市", 2, null]]);
    expect(report.records.map((r) => r.source.file)).toEqual([
      "pd_glyph_after.docx",
      "pd_glyph_before.docx",
    ]);
    // no materials check on a batch of forms: only the form's own cover warning, as before
    expect(
      report.findings.filter((f) => f.code === "MAT").map((f) => [f.file, f.sheet, f.column])
    ).toEqual([["pd_glyph_after.docx", "封面", "推荐单位"]]);
  });

  it("a folder of prefecture workbooks merges as before, with no materials check", async () => {
    const dir = tempDir();
    copyFileSync(path.join(XLSX, "zhuzhou_official.xlsx"), path.join(dir, "株洲市.xlsx"));
    copyFileSync(path.join(XLSX, "xiangtan_notice_style.xlsx"), path.join(dir, "湘潭市.xlsx"));
    const { report } = await check(dir);
    expect(report.inputs.map((i) => [i.file, i.prefecture, i.rows, i.package ?? null])).toEqual([
      ["株洲市.xlsx", "株洲市", 3, null],
      ["湘潭市.xlsx", "湘潭市", 11, null],
    ]);
    expect(report.findings.filter((f) => f.code === "MAT")).toEqual([]);
  });

  it("scripts, data and notes in a folder: no FILE finding, one 已跳过 line", async () => {
    const dir = tempDir();
    copyFileSync(path.join(XLSX, "zhuzhou_official.xlsx"), path.join(dir, "株洲市.xlsx"));
    for (const f of ["make.py", "data.json", "说明.txt", "README", "notes.md"])
      writeFileSync(path.join(dir, f), "x");
    mkdirSync(path.join(dir, "sub"));
    writeFileSync(path.join(dir, "sub", "more.py"), "x");
    const { stderr, report } = await check(dir);
    expect(report.findings.filter((f) => f.code === "FILE")).toEqual([]);
    expect(report.inputs.map((i) => i.file)).toEqual(["株洲市.xlsx"]);
    const lines = stderr.split("\n").filter((l) => l.includes("已跳过"));
    expect(lines).toEqual(["已跳过 6 个不是申报材料的文件（如 README）"]);
  });
});

describe("huhang <command> --help", () => {
  it.each(COMMANDS.map((c) => c.name))("%s shows its own options and an example", async (name) => {
    const r = await huhang(name, "--help");
    expect(r.code).toBe(0);
    const command = COMMANDS.find((c) => c.name === name)!;
    expect(r.stdout).toContain(`用法：huhang ${command.usage}`);
    for (const option of Object.keys(command.options)) expect(r.stdout).toContain(`--${option}`);
    expect(r.stdout).toContain(`示例：\n  ${command.example}`);
    // not the global text
    expect(r.stdout).not.toContain("运行 huhang <命令> --help");
    for (const other of COMMANDS.filter((c) => c.name !== name))
      expect(r.stdout).not.toContain(`用法：huhang ${other.usage}`);
  });
});
