/**
 * Only what Word shows is read, and ticks are read as Chinese offices make them (issue #10). Fixtures: shown/
 * make_shown.py (python-docx + raw WordprocessingML) and make_shown_lo.py (LibreOffice from flat ODT and HTML); the
 * expected values are copied by hand from those scripts. The old reader read every one of these forms wrongly: a
 * hidden consortium, placeholder text as the contact, Wingdings 2 "R"/"£" as seven categories, 带圈字符 ticks as none.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Application } from "../../../src/core/model";
import { checkAll } from "../../../src/core/rules";
import { defaultSettings } from "../../../src/core/settings";
import { assembleSubmissions, formRecord, readInput } from "../../../src/io/inputs";
import { readApplicationsDocx } from "../../../src/io/docx/readApplication";

const DIR = join(__dirname, "shown");
const load = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

type Fields = Omit<Application, "source">;

/** make_shown.py base(): every python-docx form is this one, plus what its hooks or tick style change. */
const BASE: Fields = {
  caseName: "钢铁企业工业互联网安全分类分级实践",
  applicant: "湖南华菱涟钢信息有限公司",
  recommender: "娄底市工业和信息化局",
  date: "2024-12-06",
  dateRaw: "2024年12月6日",
  unitName: "湖南华菱涟钢信息有限公司",
  uscc: "91431300MA4QW7D20P",
  founded: "2012-05-08",
  address: "娄底市娄星区黄泥塘街道涟钢路1号",
  capital: 8000,
  capitalRaw: "8000",
  nature: "国有控股企业",
  natureOther: "",
  contact: "曾志刚",
  phone: "0738-8861234",
  fax: "0738-8861235",
  email: "zengzg@lgxx.com",
  category: "工业企业",
  categoriesTicked: ["工业企业"],
  direction: "工业互联网安全分类分级案例",
  directionsTicked: ["工业互联网安全分类分级案例"],
  level: "二级",
  levelsTicked: ["二级"],
  intro: "公司是钢铁集团的信息化子公司，负责集团工业互联网平台和生产控制网络的建设运维。",
  overview: "公司按照分类分级管理办法完成自主定级（二级）并通过定级核查。",
  highlights: "完成符合性评测，整改问题23项，全年未发生网络安全事件。",
};

/** What a clerk sees for the forms of one file: reading's findings, then the rules on the records. */
async function readAndCheck(name: string) {
  const read = await readApplicationsDocx(load(name), name);
  const records = read.applications.map((a, i) => formRecord(a, i + 1));
  const findings = [...read.findings, ...checkAll(records, {}, defaultSettings(2024))];
  return {
    read,
    records,
    findings: findings.map((f) => [f.code, f.severity, f.sheet, f.column, f.message]),
  };
}

const only = (read: { applications: Application[] }, file: string) => {
  expect(read.applications).toHaveLength(1);
  const { source, ...fields } = read.applications[0];
  expect(source).toEqual({ file, sheet: "申报表", row: null });
  return fields;
};

describe("text Word does not show is not data", () => {
  it("pd_hidden: a consortium in a hidden run, a hidden second tick, hidden character and paragraph styles", async () => {
    const { read, findings } = await readAndCheck("pd_hidden.docx");
    expect(only(read, "pd_hidden.docx")).toEqual(BASE);
    // no R1 (the hidden consortium), no two categories
    expect(findings).toEqual([]);
  });

  it("pd_placeholders: placeholders are empty (with or without showingPlcHdr), a filled control is read", async () => {
    const { read, findings } = await readAndCheck("pd_placeholders.docx");
    expect(only(read, "pd_placeholders.docx")).toEqual({
      ...BASE,
      date: null,
      dateRaw: "",
      contact: "",
      phone: "",
      fax: "",
    });
    expect(findings).toEqual([
      [
        "REQ",
        "error",
        "封面",
        "申报日期",
        "封面“申报日期”为空：请填写申报日期（如 2024年12月5日）",
      ],
      ["REQ", "error", "申报表", "联系人", "“联系人”为空"],
      ["REQ", "error", "申报表", "联系电话", "“联系方式”为空"],
    ]);
  });

  it("pd_revisions: deleted text, ticks, rows and moved-from text are gone; inserted and moved-to text is shown", async () => {
    const { read, findings } = await readAndCheck("pd_revisions.docx");
    expect(only(read, "pd_revisions.docx")).toEqual({
      ...BASE,
      highlights: "全年未发生网络安全事件。完成符合性评测，整改问题23项。",
    });
    expect(findings).toEqual([]);
  });

  it("lo_shown (LibreOffice): hidden span and hidden style, tracked deletion, placeholders, Wingdings 2, check boxes", async () => {
    const read = await readApplicationsDocx(load("lo_shown.docx"), "lo_shown.docx");
    expect(only(read, "lo_shown.docx")).toEqual({
      caseName: "有色冶炼工业互联网平台安全分类分级",
      applicant: "湖南株冶有色金属有限公司",
      recommender: "株洲市工业和信息化局",
      date: "2024-12-11",
      dateRaw: "2024年12月11日",
      unitName: "湖南株冶有色金属有限公司",
      uscc: "91430200MA4PX5H33X",
      founded: "2009-03-02",
      address: "株洲市天元区株冶路9号",
      capital: 52000,
      capitalRaw: "52000",
      nature: "国有企业",
      natureOther: "",
      contact: "",
      phone: "0731-28391234",
      fax: "",
      email: "zhuye@zyys.com",
      category: "工业互联网平台企业",
      categoriesTicked: ["工业互联网平台企业"],
      direction: "工业互联网安全分类分级案例",
      directionsTicked: ["工业互联网安全分类分级案例"],
      level: "三级",
      levelsTicked: ["三级"],
      intro: "公司运营有色冶炼行业工业互联网平台，接入冶炼企业42家。",
      overview: "平台完成自主定级（三级）并通过定级核查。",
      highlights: "完成符合性评测和安全整改，平台全年可用率99.98%。",
    });
    const records = read.applications.map((a, i) => formRecord(a, i + 1));
    expect(
      checkAll(records, {}, defaultSettings(2024)).map((f) => [
        f.code,
        f.sheet,
        f.column,
        f.message,
      ])
    ).toEqual([["REQ", "申报表", "联系人", "“联系人”为空"]]);
  });
});

describe("ticks as Chinese offices make them", () => {
  it("pd_wingdings2: every list in Wingdings 2 letters (R = ☑, £ = □)", async () => {
    const { read, findings } = await readAndCheck("pd_wingdings2.docx");
    expect(only(read, "pd_wingdings2.docx")).toEqual({
      ...BASE,
      nature: "民营企业",
      category: "工业互联网平台企业",
      categoriesTicked: ["工业互联网平台企业"],
    });
    expect(findings).toEqual([]);
  });

  it("pd_symbol_fonts: private-use code points, w:sym Wingdings 2 and Webdings letters", async () => {
    const { read, findings } = await readAndCheck("pd_symbol_fonts.docx");
    expect(only(read, "pd_symbol_fonts.docx")).toEqual(BASE);
    expect(findings).toEqual([]);
  });

  it("pd_circled: 带圈字符 EQ fields (split over runs, or fldSimple with a cached result) and Symbol √ after the option", async () => {
    const { read, findings } = await readAndCheck("pd_circled.docx");
    expect(only(read, "pd_circled.docx")).toEqual(BASE);
    expect(findings).toEqual([]);
  });
});

describe("a document holding two forms", () => {
  const SECOND: Fields = {
    caseName: "冷轧产线工控系统安全评估",
    applicant: "湖南娄底冷轧薄板有限公司",
    recommender: "娄底市工业和信息化局",
    date: "2024-12-09",
    dateRaw: "2024年12月9日",
    unitName: "湖南娄底冷轧薄板有限公司",
    uscc: "91431300MA4RR2K68X",
    founded: "2009-07-01",
    address: "娄底市经济技术开发区冷轧路8号",
    capital: 26000,
    capitalRaw: "26000",
    nature: "国有企业",
    natureOther: "",
    contact: "彭丽",
    phone: "0738-8331234",
    fax: "",
    email: "pengli@ldlz.com",
    category: "工业企业",
    categoriesTicked: ["工业企业"],
    direction: "工业控制系统安全评估案例",
    directionsTicked: ["工业控制系统安全评估案例"],
    level: null,
    levelsTicked: [],
    intro: "公司拥有冷轧薄板生产线两条，年产能150万吨。",
    overview: "对照《工业控制系统网络安全防护要求》开展冷轧产线控制系统安全评估。",
    highlights: "评估发现风险18项，已整改16项。",
  };

  it("pd_two_forms (python-docx): two applications, 申报表 and 申报表（2）", async () => {
    const read = await readApplicationsDocx(load("pd_two_forms.docx"), "pd_two_forms.docx");
    expect(read.findings).toEqual([]);
    expect(read.applications.map((a) => a.source)).toEqual([
      { file: "pd_two_forms.docx", sheet: "申报表", row: null },
      { file: "pd_two_forms.docx", sheet: "申报表（2）", row: null },
    ]);
    const [first, second] = read.applications.map(({ source: _s, ...f }) => f);
    expect(first).toEqual(BASE);
    expect(second).toEqual(SECOND);
  });

  it("both become rows of the prefecture's list, each with its own part for its findings", async () => {
    const read = await readInput("pd_two_forms.docx", load("pd_two_forms.docx"));
    expect(read.kind).toBe("forms");
    const [sub] = assembleSubmissions([read]);
    expect(sub.prefecture).toBe("娄底市");
    expect(sub.records.map((r) => [r.order, r.enterprise, r.source.sheet])).toEqual([
      [1, "湖南华菱涟钢信息有限公司", "申报表"],
      [2, "湖南娄底冷轧薄板有限公司", "申报表（2）"],
    ]);
  });

  it("lo_two_forms (LibreOffice from HTML): two applications in document order", async () => {
    const read = await readApplicationsDocx(load("lo_two_forms.docx"), "lo_two_forms.docx");
    expect(read.findings).toEqual([]);
    expect(
      read.applications.map((a) => [
        a.source.sheet,
        a.caseName,
        a.unitName,
        a.uscc,
        a.contact,
        a.direction,
        a.highlights,
      ])
    ).toEqual([
      [
        "申报表",
        "化工园区工控系统网络安全评估",
        "湖南衡阳金源化工有限公司",
        "91430400MA4L7Y9E62",
        "谭永红",
        "工业控制系统安全评估案例",
        "评估发现安全风险41项，已整改39项，整改率95%。形成化工行业评估模板一套。",
      ],
      [
        "申报表（2）",
        "硬质合金产线工控漏洞治理",
        "湖南株洲硬质合金工具有限公司",
        "91430200MA4QQ8M1XL",
        "谭晓",
        "工业控制产品漏洞治理案例",
        "全部漏洞在30日内完成处置。",
      ],
    ]);
    // the second form's rule findings are on its own parts
    const records = read.applications.map((a, i) => formRecord(a, i + 1, { prefecture: "衡阳市" }));
    expect(
      checkAll(records, {}, defaultSettings(2024)).map((f) => [f.code, f.sheet, f.column])
    ).toEqual([["MAT", "封面（2）", "推荐单位"]]);
  });
});

describe("placeholder text left as plain text", () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
  const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join("")}</w:tr>`;
  it("Word's placeholder phrase copied into a cell is no value", async () => {
    const { zipSync, strToU8 } = await import("fflate");
    const doc = zipSync({
      "word/document.xml": strToU8(
        `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>案例名称：测试案例</w:t></w:r></w:p><w:tbl>` +
          row("单位名称", "湖南测试有限公司") +
          row("联系人", "单击或点击此处输入文字。", "联系电话", "0731-1") +
          row("电子邮箱", "Click or tap here to enter text.") +
          `</w:tbl></w:body></w:document>`
      ),
    });
    const { applications } = await readApplicationsDocx(doc, "t.docx");
    expect(applications.map((a) => [a.unitName, a.contact, a.phone, a.email])).toEqual([
      ["湖南测试有限公司", "", "0731-1", ""],
    ]);
  });
});
