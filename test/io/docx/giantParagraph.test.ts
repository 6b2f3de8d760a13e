/**
 * A 32 MB .docx of one giant paragraph (a real cover, then a pasted report of ~200,000 runs) is refused before it is
 * parsed: its model would cost hundreds of MB (1.24 GB before the element limit). The file is generated here
 * (test/support/giantDocx.ts). In a child process, the built `huhang` reads it; its peak memory is printed, not
 * asserted (`npm run bench` reports it too).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readApplicationDocx } from "../../../src/io/docx/readApplication";
import { readInput } from "../../../src/io/inputs";
import { tempDir } from "../../cli/cliHarness";
import { giantParagraphDocx } from "../../support/giantDocx";

const ROOT = path.join(__dirname, "..", "..", "..");
const MESSAGE =
  "文件正文（word/document.xml）的 XML 元素超过 200000 个（一份申报表约一千个）：内容过多或结构异常（例如整篇报告粘贴成一个段落），已拒绝读取：请删去申报表以外的内容，用 Word 或 WPS 打开后“另存为” Word 文档（*.docx）再导入";

const giant = giantParagraphDocx(32 * 1024 * 1024);

describe("a 32 MB .docx of one giant paragraph", () => {
  it("is refused with one FILE finding naming the part and the limit", async () => {
    expect(giant.length).toBeGreaterThan(32 * 1024 * 1024);
    const { application, findings } = await readApplicationDocx(giant, "申报表（粘贴全文）.docx");
    expect(application).toBeNull();
    expect(findings).toEqual([
      {
        code: "FILE",
        severity: "error",
        file: "申报表（粘贴全文）.docx",
        sheet: null,
        row: null,
        column: null,
        enterprise: null,
        prefecture: null,
        message: MESSAGE,
      },
    ]);
    const read = await readInput("申报表（粘贴全文）.docx", giant);
    expect(read.kind).toBe("rejected");
  });

  it("the same cover with a normal paragraph reads as a form; the limit is a setting", async () => {
    const small = giantParagraphDocx(64 * 1024);
    const ok = await readApplicationDocx(small, "申报表.docx");
    expect(ok.findings.map((f) => f.message)).not.toContain(MESSAGE);
    expect(ok.application?.caseName).toBe("工业互联网安全分类分级管理实践");
    const tight = await readApplicationDocx(small, "申报表.docx", { limits: { maxElements: 100 } });
    expect(tight.application).toBeNull();
    expect(tight.findings[0].message).toMatch(
      /^文件正文（word\/document\.xml）的 XML 元素超过 100 个/
    );
  });

  it("the built command refuses it in a child process and goes on (peak memory printed)", () => {
    const dir = tempDir();
    const file = path.join(dir, "申报表（粘贴全文）.docx");
    writeFileSync(file, giant);
    const time = "/usr/bin/time";
    const rss = path.join(dir, "rss.txt");
    const cli = [path.join(ROOT, "bin", "huhang.js"), "check", file, "--json"];
    const started = Date.now();
    const r = existsSync(time)
      ? spawnSync(time, ["-f", "%M", "-o", rss, process.execPath, ...cli], {
          encoding: "utf8",
          timeout: 60_000, // a hang guard; speed and memory are for the benchmark
        })
      : spawnSync(process.execPath, cli, { encoding: "utf8", timeout: 60_000 });
    const ms = Date.now() - started;
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { inputs: Array<{ status: string; error?: string }> };
    expect(report.inputs).toEqual([expect.objectContaining({ status: "rejected" })]);
    expect(r.stdout).toContain("XML 元素超过 200000 个");
    // /usr/bin/time writes "Command exited with non-zero status 1" first: the figure is the last line
    const peak = existsSync(rss)
      ? `${(Number(readFileSync(rss, "utf8").trim().split("\n").pop()) / 1024).toFixed(0)} MB`
      : "—";
    console.log(`[docx 32 MB 单段落] huhang check：${ms} ms，峰值内存 ${peak}`);
  });
});
