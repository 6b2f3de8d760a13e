/** Tick reading: glyph conventions, leftovers, content-control state over its glyph, legacy check boxes, dates. */
import { strToU8, zipSync } from "fflate";
import { otherText, readChoices } from "../../../src/io/docx/choices";
import { parseDateText as parseFormDate } from "../../../src/core/dates";
import { readApplicationDocx } from "../../../src/io/docx/readApplication";

const NATURES = ["国有企业", "民营企业", "合资企业", "国有控股企业", "国有参股企业", "其他"];

describe("readChoices", () => {
  it.each([
    ["☑国有企业 □民营企业 □合资企业", ["国有企业"]],
    ["□国有企业 ☒民营企业 □合资企业", ["民营企业"]],
    ["□ 国有企业  ■ 合资企业", ["合资企业"]],
    ["国有企业□ 民营企业✔ 合资企业□", ["民营企业"]],
    ["国有企业□民营企业□合资企业✓", ["合资企业"]],
    ["□国有企业 □民营企业√ □合资企业", ["民营企业"]],
    ["√国有控股企业 □国有企业", ["国有控股企业"]],
    ["民营企业", ["民营企业"]],
    ["国 有 参 股 企 业", ["国有参股企业"]],
    ["□国有企业 □民营企业", []],
    ["☑其他(请注明:混合所有制企业)", ["其他"]],
    ["国有企业□ 其他(请注明:集体企业)■", ["其他"]],
    ["☑国有企业 ☑民营企业", ["国有企业", "民营企业"]],
  ])("%s → %j", (text, ticked) => {
    expect(readChoices(text, NATURES).ticked).toEqual(ticked);
  });

  it('a list with every option and no mark at all is unreadable, not "all ticked"', () => {
    expect(readChoices(NATURES.join(" "), NATURES)).toEqual({ ticked: [], mode: "none" });
  });

  it("reads the 其他 free text without prompt, brackets or blanks", () => {
    expect(otherText("□民营企业 ☑其他（请注明：混合所有制企业）")).toBe("混合所有制企业");
    expect(otherText("☑其他(请注明): 集体企业 ____")).toBe("集体企业");
    expect(otherText("□其他(请注明): ________")).toBe("");
  });
});

describe("parseFormDate", () => {
  it.each([
    ["2024年12月5日", "2024-12-05"],
    ["2024 年 12 月 5 日", "2024-12-05"],
    ["2024-12-05", "2024-12-05"],
    ["2024.12.5", "2024-12-05"],
    ["2024/12/5", "2024-12-05"],
    ["２０２４年１２月５日", "2024-12-05"],
    ["二〇二四年十二月五日", "2024-12-05"],
    ["二〇二四年十一月二十八日", "2024-11-28"],
    ["20241205", "2024-12-05"],
    ["2024年2月30日", null],
    ["____年___月___日", null],
    ["十二月", null],
  ])("%s → %s", (text, iso) => {
    expect(parseFormDate(text)).toBe(iso);
  });
});

// A minimal form built by hand, to pin down how check-box XML is read independently of the generators' habits.
const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const box = (checked: string | null, glyph: string) =>
  `<w:sdt><w:sdtPr><w14:checkbox>${checked === null ? "" : `<w14:checked w14:val="${checked}"/>`}</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>${glyph}</w:t></w:r></w:sdtContent></w:sdt>`;
const cell = (inner: string) => `<w:tc><w:p>${inner}</w:p></w:tc>`;
const run = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;
const form = (directionCell: string) =>
  zipSync({
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${p("案例名称：测试案例")}<w:tbl>` +
        `<w:tr>${cell(run("单位名称"))}${cell(run("湖南测试有限公司"))}</w:tr>` +
        `<w:tr>${cell(run("申报方向"))}${cell(directionCell)}</w:tr>` +
        `</w:tbl></w:body></w:document>`
    ),
  });

describe("check box XML", () => {
  it("a w14:checkbox is read from its checked state, not from the glyph it shows", async () => {
    const xml =
      box("1", "☐") +
      run("工业互联网安全分类分级案例") +
      box("0", "☒") +
      run("车联网网络安全防护案例") +
      box("true", "☐") +
      run("工业控制系统安全评估案例");
    const { application } = await readApplicationDocx(form(xml), "t.docx");
    expect(application?.directionsTicked).toEqual([
      "工业互联网安全分类分级案例",
      "工业控制系统安全评估案例",
    ]);
  });

  it("a w14:checkbox without w14:checked is unticked", async () => {
    const xml =
      box(null, "☐") +
      run("工业互联网安全分类分级案例") +
      box("1", "☒") +
      run("车联网网络安全防护案例");
    const { application } = await readApplicationDocx(form(xml), "t.docx");
    expect(application?.directionsTicked).toEqual(["车联网网络安全防护案例"]);
  });

  it("legacy FORMCHECKBOX fields and Wingdings symbols", async () => {
    const legacy = (on: boolean) =>
      `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/>${on ? "<w:checked/>" : '<w:default w:val="0"/>'}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const xml1 =
      legacy(false) +
      run("工业互联网安全分类分级案例") +
      legacy(true) +
      run("工业控制产品漏洞治理案例");
    expect((await readApplicationDocx(form(xml1), "t.docx")).application?.directionsTicked).toEqual(
      ["工业控制产品漏洞治理案例"]
    );
    const sym = (c: string) => `<w:r><w:sym w:font="Wingdings 2" w:char="${c}"/></w:r>`;
    const xml2 =
      sym("F0A3") + run("网络安全威胁监测服务案例") + sym("F052") + run("车联网网络安全防护案例");
    expect((await readApplicationDocx(form(xml2), "t.docx")).application?.directionsTicked).toEqual(
      ["车联网网络安全防护案例"]
    );
  });

  it("deleted text (tracked changes) is not read", async () => {
    const xml =
      `<w:del><w:r><w:delText>☑工业互联网安全分类分级案例</w:delText></w:r></w:del>` +
      run("□工业互联网安全分类分级案例 ☑车联网网络安全防护案例");
    expect((await readApplicationDocx(form(xml), "t.docx")).application?.directionsTicked).toEqual([
      "车联网网络安全防护案例",
    ]);
  });
});
