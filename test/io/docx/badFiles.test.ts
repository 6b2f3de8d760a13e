/**
 * Files that are not importable 申报表: each gives one FILE finding saying what to do, none throws, and the good
 * files of the same batch still import. Zip bombs are built here with fflate (never committed).
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { strToU8, zipSync } from "fflate";
import { readApplicationDocx, sniffDocFormat } from "../../../src/io/docx/readApplication";

const FIX = join(__dirname, "fixtures");
const load = (name: string) => new Uint8Array(readFileSync(join(FIX, name)));

async function onlyFileFinding(bytes: Uint8Array, name: string): Promise<string> {
  const { application, findings } = await readApplicationDocx(bytes, name);
  expect(application).toBeNull();
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({
    code: "FILE",
    severity: "error",
    file: name,
    sheet: null,
    row: null,
    column: null,
  });
  return findings[0].message;
}

describe("files that are not .docx", () => {
  it.each([
    ["legacy_form.doc", /旧版 Word 97-2003（\.doc）.*另存为” Word 文档（\*\.docx）/],
    ["legacy_renamed.docx", /旧版 Word 97-2003（\.doc）/],
    ["scan_form.pdf", /是 PDF.*索取 Word 版原件（\*\.docx）/],
    ["scan_page.png", /是图片（扫描件或照片）.*\.docx/],
    ["empty.docx", /文件是空的/],
    ["encrypted.docx", /设置了打开密码（已加密）.*取消密码后用 Word 或 WPS 打开后“另存为”/],
    ["truncated.docx", /损坏或不完整/],
  ])("%s → FILE: %s", async (name, pattern) => {
    expect(await onlyFileFinding(load(name), name)).toMatch(pattern);
  });

  it("reports a .wps (an OLE file, like .doc) with the same save-as advice", async () => {
    const msg = await onlyFileFinding(load("legacy_form.doc"), "申报表.wps");
    expect(msg).toContain("WPS（.wps）");
  });

  it("an .xlsx or other zip sent instead of the form", async () => {
    const zip = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "xl/workbook.xml": strToU8("<workbook/>"),
    });
    expect(await onlyFileFinding(zip, "汇总.docx")).toContain("不是 Word 文档");
  });

  it("a Word document that is not the 申报表", async () => {
    const doc = zipSync({
      "word/document.xml": strToU8(
        '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>会议通知</w:t></w:r></w:p></w:body></w:document>'
      ),
    });
    expect(await onlyFileFinding(doc, "通知.docx")).toContain("没有找到申报表的封面");
  });
});

describe("hostile packages", () => {
  it("refuses a document.xml with an external entity, and never shows the entity target", async () => {
    const msg = await onlyFileFinding(load("xxe.docx"), "xxe.docx");
    expect(msg).toContain("DOCTYPE");
    expect(msg).not.toMatch(/root:|\/bin\/|passwd/);
  });

  it("imports a form with an external image link without fetching anything", async () => {
    const fetchSpy = jest.fn();
    const saved = (globalThis as { fetch?: unknown }).fetch;
    (globalThis as { fetch?: unknown }).fetch = fetchSpy;
    try {
      const { application, findings } = await readApplicationDocx(
        load("external_image.docx"),
        "external_image.docx"
      );
      expect(application?.caseName).toBe("工程机械智能工厂工业互联网安全分类分级实践");
      expect(application?.level).toBe("三级");
      expect(findings).toEqual([]);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      (globalThis as { fetch?: unknown }).fetch = saved;
    }
  });

  it("refuses a 200 MB highly compressible document.xml before inflating it", async () => {
    const huge = new Uint8Array(200 * 1024 * 1024); // zeros: deflates to ~200 KB
    const bomb = zipSync(
      { "word/document.xml": huge, "_rels/.rels": strToU8("<Relationships/>") },
      { level: 1 }
    );
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const msg = await onlyFileFinding(bomb, "bomb.docx");
    expect(msg).toMatch(/压缩炸弹/);
  });

  it("refuses a part under the size cap whose compression ratio is absurd", async () => {
    const bomb = zipSync({ "word/document.xml": new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(await onlyFileFinding(bomb, "ratio.docx")).toMatch(/压缩比异常/);
  });

  it("refuses an entry whose data inflates past its declared size (lying header)", async () => {
    const body = strToU8("<w:document>" + "x".repeat(50000) + "</w:document>");
    const zip = zipSync({ "word/document.xml": body });
    // patch the uncompressed size of the only entry to 100 bytes, in its local header and in the directory alike
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let cd = -1;
    for (let i = zip.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x02014b50) cd = i;
    expect(cd).toBeGreaterThan(0);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    view.setUint32(cd + 24, 100, true);
    view.setUint32(22, 100, true);
    const msg = await onlyFileFinding(zip, "liar.docx");
    expect(msg).toMatch(/超过其声明的大小/);
  });

  it("refuses a document nested deeper than Word ever writes, with a FILE finding, without hanging", async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const n = 20000;
    const body =
      "<w:sdt><w:sdtContent>".repeat(n) +
      "<w:p><w:r><w:t>x</w:t></w:r></w:p>" +
      "</w:sdtContent></w:sdt>".repeat(n);
    const doc = zipSync({
      "word/document.xml": strToU8(
        `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`
      ),
    });
    expect(await onlyFileFinding(doc, "deep.docx")).toBe(
      "文件结构异常（内容嵌套层次过深，Word 不会这样保存），已拒绝读取：请让报送单位用 Word 或 WPS 重新另存为 .docx"
    );
  });

  it("refuses a package whose declared sizes add up to an absurd total", async () => {
    const msg = (
      await readApplicationDocx(load("pd_glyph_before.docx"), "x.docx", {
        limits: { maxTotalBytes: 1000 },
      })
    ).findings[0].message;
    expect(msg).toMatch(/总大小超过/);
  });

  it("refuses a file over maxBytes", async () => {
    const { findings } = await readApplicationDocx(load("pd_glyph_before.docx"), "big.docx", {
      limits: { maxBytes: 1000 },
    });
    expect(findings.map((f) => f.code)).toEqual(["FILE"]);
    expect(findings[0].message).toMatch(/^文件有 38 KB，超过 Word 文档 1000 字节 的上限/);
  });
});

describe("a batch with bad files", () => {
  it("imports every good form of the fixtures folder and reports each bad one", async () => {
    const names = readdirSync(FIX)
      .filter((n) => /\.(docx|doc|pdf|png)$/.test(n))
      .sort();
    const results = await Promise.all(names.map((n) => readApplicationDocx(load(n), n)));
    const good = names.filter((_, i) => results[i].application !== null);
    const bad = names.filter((_, i) => results[i].application === null);
    expect(good).toHaveLength(15);
    expect(bad.sort()).toEqual(
      [
        "empty.docx",
        "encrypted.docx",
        "legacy_form.doc",
        "legacy_renamed.docx",
        "scan_form.pdf",
        "scan_page.png",
        "truncated.docx",
        "xxe.docx",
      ].sort()
    );
    for (const i of names.keys()) {
      if (results[i].application === null)
        expect(results[i].findings.map((f) => f.code)).toEqual(["FILE"]);
      else expect(results[i].findings.every((f) => f.code !== "FILE")).toBe(true);
    }
  });
});

describe("sniffDocFormat", () => {
  it.each([
    ["pd_glyph_before.docx", "docx"],
    ["lo_form_ict.docx", "docx"],
    ["truncated.docx", "docx"],
    ["legacy_form.doc", "ole"],
    ["encrypted.docx", "ole"],
    ["scan_form.pdf", "pdf"],
    ["scan_page.png", "image"],
    ["empty.docx", "empty"],
  ])("%s is %s", (name, kind) => {
    expect(sniffDocFormat(load(name))).toBe(kind);
  });

  it("tells rtf, jpeg, a plain zip and text apart", () => {
    expect(sniffDocFormat(strToU8("{\\rtf1\\ansi 申报表}"))).toBe("rtf");
    expect(sniffDocFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("image");
    expect(sniffDocFormat(zipSync({ "a.txt": strToU8("a") }))).toBe("zip");
    expect(sniffDocFormat(strToU8("案例名称：xx"))).toBe("unknown");
  });
});
