/**
 * `huhang template annex2 --out X.docx` writes the notice's Word 附件2, which reads back as a blank form; the .xlsx
 * templates stay; any other extension (or annex3 as .docx) is a usage error, exit 2, in Chinese.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { writeAnnex2Docx } from "../../../../src/io/docx/write/annex2";
import { huhang, tempDir } from "../../../cli/cliHarness";
import { fullValues, readBack } from "./support";

const dir = tempDir();

it("annex2 --out .docx writes the Word template, byte for byte the writer's, read back as a blank form", async () => {
  const out = path.join(dir, "附件2申报表.docx");
  const r = await huhang("template", "annex2", "--out", out);
  expect(r).toEqual({
    code: 0,
    stdout: `已写出附件2 成效突出地区申报表 Word 模板（通知原格式）：${out}`,
    stderr: "",
  });
  const bytes = new Uint8Array(readFileSync(out));
  expect(bytes).toEqual(writeAnnex2Docx());
  const sub = await readBack(bytes, "附件2申报表.docx");
  expect(sub).toMatchObject({ kind: "annex2", prefecture: null, findings: [] });
  expect(sub.indicators!.values).toEqual(fullValues({}));
});

it("the .xlsx templates are as before", async () => {
  for (const kind of ["annex2", "annex3"]) {
    const out = path.join(dir, `${kind}.XLSX`);
    expect((await huhang("template", kind, "--out", out)).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  }
});

it.each([
  [
    "annex2",
    "附件2.pdf",
    "--out “{out}”：附件2 模板可写出 .docx（通知原格式的 Word 申报表）或 .xlsx（指标表）",
  ],
  [
    "annex2",
    "附件2",
    "--out “{out}”：附件2 模板可写出 .docx（通知原格式的 Word 申报表）或 .xlsx（指标表）",
  ],
  ["annex3", "附件3.docx", "--out “{out}”：附件3 模板只能写出 .xlsx"],
])("%s --out %s is a usage error, nothing written", async (kind, name, message) => {
  const out = path.join(dir, name);
  const r = await huhang("template", kind, "--out", out);
  expect(r).toEqual({
    code: 2,
    stdout: "",
    stderr: `用法错误：${message.replace("{out}", out)}\n运行 huhang template --help 查看用法。`,
  });
  expect(existsSync(out)).toBe(false);
});

it("its help names the .docx and shows it in the example", async () => {
  const r = await huhang("template", "--help");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("用法：huhang template annex2|annex3 --out <文件.xlsx|文件.docx>");
  expect(r.stdout).toContain("huhang template annex2 --out 附件2申报表.docx");
});
