/**
 * Files that are not what their name says, or not readable at all: each gives exactly one Chinese FILE finding that
 * tells the clerk what to do, and nothing is imported. Corpus: test/fixtures/bad/make_bad.py.
 */
import { readApplicationDocx } from "../../src/io/docx/readApplication";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";
import { bad } from "./corpus.helpers";

describe("workbooks that cannot be read", () => {
  it.each([
    ["truncated.xlsx", /^文件已损坏（压缩包不完整/],
    ["xls_as.xlsx", /^文件为旧版 Excel（\.xls\/\.et）格式/],
    ["csv_as.xlsx", /^文件内容是纯文本（如 CSV）格式，不是 Excel 工作簿/],
    ["html_as.xlsx", /^文件内容是网页（HTML）格式/],
    ["pdf_as.xlsx", /^PDF 扫描件无法读取表格内容/],
    ["ods_as.xlsx", /OpenDocument（\.ods）/],
    ["encrypted.xlsx", /^文件设置了打开密码（已加密）.*取消密码/],
    ["empty.xlsx", /^文件为空（0 字节）/],
    [
      "merged_only.xlsx",
      /^未找到推荐汇总表（附件3）或地区指标（附件2）：工作簿中的工作表（“合并”）/,
    ],
    ["no_header.xlsx", /^未找到推荐汇总表（附件3）.*（“Sheet”）/],
  ])("%s → one FILE finding: %s", async (name, message) => {
    const started = Date.now();
    const sub = await readWorkbook(bad(name), name);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(sub.ok).toBe(false);
    expect(sub.records).toEqual([]);
    expect(sub.findings).toHaveLength(1);
    expect(sub.findings[0]).toMatchObject({ code: "FILE", severity: "error", file: name });
    expect(sub.findings[0].message).toMatch(message);
  });

  it("a .docx sent as a workbook is named as a Word document", async () => {
    // the reverse case: the good workbook renamed .docx
    const { application, findings } = await readApplicationDocx(
      bad("xlsx_as.docx"),
      "xlsx_as.docx"
    );
    expect(application).toBeNull();
    expect(findings.map((f) => [f.code, f.file])).toEqual([["FILE", "xlsx_as.docx"]]);
    expect(findings[0].message).toMatch(/不是 Word 文档（可能是 Excel 表格/);
  });
});

describe("Word forms that cannot be read", () => {
  it.each([
    ["doc_as.docx", /旧版 Word 97-2003（\.doc）.*另存为” Word 文档（\*\.docx）/],
    ["empty.docx", /^文件是空的/],
    ["truncated.docx", /^文件已损坏或不完整.*找不到 ZIP 目录/],
    ["encrypted.docx", /^文件设置了打开密码（已加密）/],
  ])("%s → one FILE finding: %s", async (name, message) => {
    const { application, findings } = await readApplicationDocx(bad(name), name);
    expect(application).toBeNull();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: "FILE", severity: "error", file: name });
    expect(findings[0].message).toMatch(message);
  });
});

describe("hostile Word forms", () => {
  it("refuses an external entity in document.xml and never shows what it points at", async () => {
    const { application, findings } = await readApplicationDocx(bad("xxe.docx"), "xxe.docx");
    expect(application).toBeNull();
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(/word\/document\.xml 含有 DOCTYPE \/ ENTITY 声明/);
    expect(findings[0].message).not.toMatch(/passwd|root:/);
  });

  it("refuses a parameter entity pointing at a web address in _rels/.rels", async () => {
    const { application, findings } = await readApplicationDocx(
      bad("xxe_rels.docx"),
      "xxe_rels.docx"
    );
    expect(application).toBeNull();
    expect(findings[0].message).toMatch(/_rels\/\.rels 含有 DOCTYPE/);
    expect(findings[0].message).not.toContain("evil.example");
  });

  it("imports a form with a remote image link without following it", async () => {
    const fetchSpy = jest.spyOn(globalThis, "fetch").mockImplementation(() => {
      throw new Error("network used");
    });
    try {
      const { application, findings } = await readApplicationDocx(
        bad("external_image.docx"),
        "external_image.docx"
      );
      expect(application).toMatchObject({
        caseName: "长沙远程图片案例",
        unitName: "长沙外链科技有限公司",
        uscc: "91430100MA4L00038B",
        direction: "工业控制系统安全评估案例",
        category: "工业企业",
      });
      expect(findings.filter((f) => f.code === "FILE")).toEqual([]);
      expect(JSON.stringify(findings)).not.toContain("evil.example");
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });
});
