/**
 * Packages that can be read in more than one way are refused, by the Word and the workbook readers alike, with one
 * Chinese FILE finding naming the part: which copy a program reads is not defined, and a mail scanner may have seen
 * another one. Corpus: test/fixtures/bad/make_containers.py (python-docx / openpyxl files rewritten by zipfile and
 * patched byte by byte).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { readInput } from "../../src/io/inputs";
import { readApplicationDocx } from "../../src/io/docx/readApplication";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";
import { listZip, ZipError } from "../../src/io/zip";

const BAD = path.join(__dirname, "..", "fixtures", "bad");
const bad = (name: string) => new Uint8Array(readFileSync(path.join(BAD, name)));
const NO_LIMITS = { maxEntryBytes: Infinity, maxTotalBytes: Infinity, maxRatio: Infinity };

const WORD_TAIL =
  "：不同程序可能读到不同的内容（邮件查毒看到的也可能是另一份），已拒绝读取。请让报送单位用 Word 或 WPS 重新另存为 .docx 后再发送";
const XLSX_TAIL =
  "：不同程序可能读到不同的内容（邮件查毒看到的也可能是另一份），已拒绝读取。请让报送单位用 Excel/WPS 重新另存为 .xlsx 后再发送";

describe("Word documents that can be read in more than one way", () => {
  it.each([
    ["zip_duplicate.docx", "压缩包内有两个同名部件 “word/document.xml”"],
    ["zip_duplicate_lo.docx", "压缩包内有两个同名部件 “word/document.xml”"],
    [
      "zip_lying_name.docx",
      "目录中的“word/document.xml”与其本地文件头不符：本地文件头中的名称是“word/documenx.xml”",
    ],
    [
      "zip_lying_size.docx",
      "目录中的“word/document.xml”与其本地文件头不符：本地文件头的大小（8125 字节）与目录（4029 字节）不同",
    ],
    ["zip_hidden_entry.docx", "压缩包内有目录中未列出的部件“word/document.xml”"],
  ])("%s → one FILE finding", async (name, what) => {
    const { application, findings } = await readApplicationDocx(bad(name), name);
    expect(application).toBeNull();
    expect(findings).toEqual([
      {
        code: "FILE",
        severity: "error",
        file: name,
        sheet: null,
        row: null,
        column: null,
        enterprise: null,
        prefecture: null,
        message: `文件结构异常，已拒绝读取：${what}${WORD_TAIL}`,
      },
    ]);
    // through the dispatcher too: rejected, nothing imported
    const read = await readInput(name, bad(name));
    expect(read.kind).toBe("rejected");
    expect(read.kind === "rejected" && read.findings.map((f) => f.message)).toEqual([
      `文件结构异常，已拒绝读取：${what}${WORD_TAIL}`,
    ]);
  });

  it("the good file they were made from reads", async () => {
    const { application, findings } = await readApplicationDocx(
      bad("form_good.docx"),
      "form_good.docx"
    );
    expect(application?.unitName).toBe("长沙智造装备有限公司");
    expect(findings).toEqual([]);
  });
});

describe("workbooks that can be read in more than one way", () => {
  it.each([
    ["zip_duplicate.xlsx", "压缩包内有两个同名部件 “xl/worksheets/sheet1.xml”"],
    [
      "zip_duplicate_case.xlsx",
      "压缩包内有两个同名部件 “xl/worksheets/sheet1.xml”和“/XL/Worksheets/Sheet1.xml”",
    ],
    [
      "zip_lying_offset.xlsx",
      "目录中的“xl/worksheets/sheet1.xml”与其本地文件头不符：本地文件头中的名称是“xl/styles.xml”",
    ],
    ["zip_overlap.xlsx", "压缩包内“xl/styles.xml”与“_rels/.rels”的数据相互重叠"],
  ])("%s → one FILE finding", async (name, what) => {
    const sub = await readWorkbook(bad(name), name);
    expect(sub.ok).toBe(false);
    expect(sub.records).toEqual([]);
    expect(sub.findings.map((f) => [f.code, f.severity, f.file, f.sheet, f.message])).toEqual([
      ["FILE", "error", name, null, `文件结构异常，未读取：${what}${XLSX_TAIL}`],
    ]);
  });

  it("the good file they were made from reads", async () => {
    const sub = await readWorkbook(bad("good_zhuzhou.xlsx"), "good_zhuzhou.xlsx");
    expect(sub.ok).toBe(true);
    expect(sub.records.map((r) => r.enterprise)).toEqual([
      "株洲岳峰硬质合金有限公司",
      "株洲时代电气装备有限公司",
    ]);
  });
});

describe("listZip", () => {
  it("lists the same files without the consistency checks when asked (the sniffer only lists)", () => {
    const entries = listZip(bad("zip_duplicate.docx"), NO_LIMITS, { consistent: false });
    expect(entries.filter((e) => e.name === "word/document.xml")).toHaveLength(2);
    expect(() => listZip(bad("zip_duplicate.docx"), NO_LIMITS)).toThrow(ZipError);
  });

  it("accepts packages written with data descriptors (sizes after the data, zero in the local header)", () => {
    const zip = zipSync({ "a.xml": strToU8("<a/>".repeat(100)), "b.xml": strToU8("<b/>") });
    const out = zip.slice();
    const view = new DataView(out.buffer);
    // mark the first local header as "sizes in a data descriptor" and zero its sizes, as streaming writers do
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    view.setUint16(6, view.getUint16(6, true) | 8, true);
    view.setUint32(14, 0, true);
    view.setUint32(18, 0, true);
    view.setUint32(22, 0, true);
    expect(listZip(out, NO_LIMITS).map((e) => e.name)).toEqual(["a.xml", "b.xml"]);
  });

  it("names a directory entry whose local header is missing as damaged", () => {
    const zip = zipSync({ "a.xml": strToU8("<a/>") });
    const out = zip.slice();
    out[0] = 0; // the local header's signature
    expect(() => listZip(out, NO_LIMITS)).toThrow("“a.xml”的本地文件头已损坏");
  });
});

describe("names in a legacy code page", () => {
  it("two GBK names that decode to the same replacement characters are not the same part", () => {
    // 张.txt and 李.txt in GBK (D5C5, C0EE), without the UTF-8 flag: both decode as "��.txt"
    const zip = zipSync({ "ab.txt": strToU8("1"), "cd.txt": strToU8("2") }).slice();
    const patch = (from: string, to: number[]) => {
      const f = strToU8(from);
      for (let i = 0; i + f.length <= zip.length; i++)
        if (f.every((b, j) => zip[i + j] === b)) to.forEach((b, j) => (zip[i + j] = b));
    };
    patch("ab.txt", [0xd5, 0xc5]);
    patch("cd.txt", [0xc0, 0xee]);
    const entries = listZip(zip, NO_LIMITS);
    expect(entries.map((e) => e.name)).toEqual(["\ufffd\ufffd.txt", "\ufffd\ufffd.txt"]);
  });
});
