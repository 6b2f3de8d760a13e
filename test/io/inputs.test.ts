/**
 * The dispatcher's Word branch: a .docx / .docm is recognised by its content as 附件1 forms, a 附件3 table or an 附件2,
 * and assembled into the submissions a batch gives (the Word fixtures of test/io/docx, written by python-docx and
 * LibreOffice; hand-written WordprocessingML for a document holding several annexes).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { strToU8, zipSync } from "fflate";
import { assembleSubmissions, readInput, type InputRead } from "../../src/io/inputs";

const DOCX = join(__dirname, "docx");
const load = (dir: string, name: string) => new Uint8Array(readFileSync(join(DOCX, dir, name)));

const kindOf = (read: InputRead) =>
  read.kind === "workbook" ? `workbook/${read.submission.kind}` : read.kind;

describe("a Word document is read as the annex it is", () => {
  it.each([
    ["fixtures", "pd_glyph_before.docx", "forms"],
    ["fixtures", "lo_form_ict.docx", "forms"],
    ["shown", "pd_two_forms.docx", "forms"],
    ["annex", "pd_annex3.docx", "workbook/annex3"],
    ["annex", "lo_annex3.docx", "workbook/annex3"],
    ["annex", "pd_annex2.docx", "workbook/annex2"],
    ["annex", "lo_annex2.docx", "workbook/annex2"],
    ["fixtures", "legacy_renamed.docx", "rejected"],
  ])("%s/%s → %s", async (dir, name, kind) => {
    expect(kindOf(await readInput(name, load(dir, name)))).toBe(kind);
  });

  it("a .docm is a Word document too", async () => {
    const read = await readInput("附件3.docm", load("annex", "pd_annex3.docx"));
    expect(kindOf(read)).toBe("workbook/annex3");
  });

  it("a Word document that is none of the annexes is rejected with one FILE finding", async () => {
    const doc = zipSync({
      "word/document.xml": strToU8(
        '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>会议通知</w:t></w:r></w:p></w:body></w:document>'
      ),
    });
    const read = await readInput("通知.docx", doc);
    expect(read.kind).toBe("rejected");
    expect(
      read.kind === "rejected" && read.findings.map((f) => [f.code, f.file, f.message])
    ).toEqual([
      [
        "FILE",
        "通知.docx",
        "文件是 Word 文档，但其中没有申报表（附件1）的封面和“申报单位基本情况”表，没有推荐汇总表（附件3）的表头，也没有成效突出地区申报表（附件2）的内容：请确认是否选错了文件",
      ],
    ]);
  });
});

describe("a batch of Word documents", () => {
  it("a prefecture's 附件3, 附件2 and forms become its submissions, each as it reads", async () => {
    const reads = await Promise.all([
      readInput("pd_annex3.docx", load("annex", "pd_annex3.docx")),
      readInput("pd_annex2.docx", load("annex", "pd_annex2.docx")),
      readInput("cb_mixed_symbols.docx", load("fixtures", "cb_mixed_symbols.docx")),
    ]);
    const subs = assembleSubmissions(reads);
    expect(
      subs.map((s) => [s.file, s.kind, s.prefecture, s.records.length, s.indicators !== null, s.ok])
    ).toEqual([
      ["pd_annex3.docx", "annex3", "株洲市", 4, false, true],
      ["pd_annex2.docx", "annex2", "株洲市", 0, true, true],
      ["郴州市申报表（1 份）", "docx", "郴州市", 1, false, true],
    ]);
  });

  it("a Word 附件3 of another prefecture than the one chosen keeps its own, with a warning", async () => {
    const [sub] = assembleSubmissions(
      [await readInput("lo_annex3.docx", load("annex", "lo_annex3.docx"))],
      {
        prefecture: "长沙市",
      }
    );
    expect(sub.prefecture).toBe("岳阳市");
    expect(sub.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      [
        "MAT",
        "warning",
        "文档的推荐单位为岳阳市，不是指定的长沙市：已按文档自身的岳阳市读取，请核对是否选错文件或市州",
      ],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// One document holding several annexes

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const r = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const p = (t: string) => `<w:p>${r(t)}</w:p>`;
const row = (cells: string[]) =>
  `<w:tr>${cells.map((c) => `<w:tc><w:p>${r(c)}</w:p></w:tc>`).join("")}</w:tr>`;
const doc = (body: string) =>
  zipSync({
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`
    ),
  });
const ANNEX3 =
  p("推荐单位（盖章）：永州市工业和信息化局") +
  `<w:tbl>${row(["序号", "案例名称", "企业名称", "企业类别", "案例申报方向和简述", "联系人", "联系方式"])}${row(["1", "锂电工厂分类分级", "湖南永州锂电新材料有限公司", "工业企业", "工业互联网安全分类分级案例：完成定级", "唐亮", "0746-8321234"])}</w:tbl>`;
const ANNEX2 =
  p("护航新型工业化网络安全成效突出地区申报表") +
  p("一、安全管理成效") +
  p("1.三级工业互联网企业5家（请附名单），二级工业互联网企业9家，一级工业互联网企业20家。");
const FORM = `<w:tbl>${row(["单位名称", "湖南永州某公司"])}${row(["联系人", "甲"])}${row(["联系电话", "1"])}${row(["企业类别", "□工业企业"])}</w:tbl>`;

describe("one Word document holding several annexes", () => {
  it("附件3 and 附件2 together are one submission with rows and indicators", async () => {
    const read = await readInput("永州.docx", doc(ANNEX3 + ANNEX2));
    expect(read.kind).toBe("workbook");
    if (read.kind !== "workbook") return;
    const sub = read.submission;
    expect(sub).toMatchObject({ kind: "workbook", prefecture: "永州市", ok: true, findings: [] });
    expect(sub.meta.recommender).toBe("永州市工业和信息化局");
    expect(sub.records.map((x) => [x.order, x.enterprise, x.direction])).toEqual([
      [1, "湖南永州锂电新材料有限公司", "工业互联网安全分类分级案例"],
    ]);
    expect(sub.indicators?.prefecture).toBe("永州市");
    expect(sub.indicators?.values).toMatchObject({
      tier3: 5,
      tier2: 9,
      tier1: 20,
      conformity: null,
    });
  });

  it("a 附件1 form inside a 附件3 document is not imported silently: a warning says so", async () => {
    const read = await readInput("永州.docx", doc(ANNEX3 + FORM));
    expect(
      read.kind === "workbook" &&
        read.submission.findings.map((f) => [f.code, f.severity, f.message])
    ).toEqual([
      [
        "FILE",
        "warning",
        "文档中还有 1 份企业申报表（附件1），未作为申报表导入：请把每份申报表单独保存为一个 .docx 后再导入",
      ],
    ]);
  });
});
