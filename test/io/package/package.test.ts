/**
 * Prefecture packages (.zip) as bureaus send them: written by Python's zipfile with GBK names (flag bit 11 clear) and
 * with UTF-8 names, holding an openpyxl 附件3, python-docx 附件1 forms, a Word cover letter, PDF and image proofs, in
 * nested folders (generator: fixtures/make_packages.py). The list is checked against the forms (MAT).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync, strToU8 } from "fflate";
import { mergeSubmissions } from "../../../src/core/merge";
import type { PrefectureSubmission } from "../../../src/core/model";
import { defaultSettings } from "../../../src/core/settings";
import { assembleSubmissions, readInput, type InputRead } from "../../../src/io/inputs";

const FIX = join(__dirname, "fixtures");
const D1 = "工业互联网安全分类分级案例";
const D3 = "工业控制系统安全评估案例";
const D4 = "工业控制产品漏洞治理案例";

async function readPackage(name: string): Promise<InputRead> {
  return readInput(name, new Uint8Array(readFileSync(join(FIX, name))));
}

function expectedFor(zip: string) {
  const root = `${zip}/长沙市报送材料`;
  const list = `${root}/附件3-长沙市推荐汇总表.xlsx`;
  const form = (n: string) => `${root}/附件1申报表/${n}.docx`;
  return { root, list, form };
}

describe.each(["长沙市报送材料-gbk.zip", "长沙市报送材料-utf8.zip"])("package %s", (zip) => {
  const { root, list, form } = expectedFor(zip);
  let read: InputRead;
  let subs: PrefectureSubmission[];
  beforeAll(async () => {
    read = await readPackage(zip);
    subs = assembleSubmissions([read]);
  });

  it("lists every file under its Chinese name, nested folders included", () => {
    expect(read.kind).toBe("package");
    if (read.kind !== "package") return;
    expect(read.findings).toEqual([]);
    expect(read.items.map((i) => [i.path, i.read?.kind ?? null, i.unrecognised ?? false])).toEqual([
      ["长沙市报送材料/附件3-长沙市推荐汇总表.xlsx", "workbook", false],
      ["长沙市报送材料/报送函.docx", "rejected", true],
      ["长沙市报送材料/证明材料/定级报告-麓谷智造.pdf", null, false],
      ["长沙市报送材料/证明材料/营业执照扫描件.jpg", null, false],
      ["长沙市报送材料/说明.txt", null, false],
      ["长沙市报送材料/附件1申报表/01-长沙麓谷智造装备有限公司.docx", "forms", false],
      ["长沙市报送材料/附件1申报表/02-长沙星城控制技术有限公司.docx", "forms", false],
      ["长沙市报送材料/附件1申报表/03-湖南湘江云联科技有限公司.docx", "forms", false],
      ["长沙市报送材料/附件1申报表/05-长沙望城电机有限公司.docx", "forms", false],
    ]);
  });

  it("becomes 长沙市's submission: the list's rows in order, the forms and attachments counted", () => {
    expect(subs).toHaveLength(1);
    const [s] = subs;
    expect([s.file, s.kind, s.prefecture, s.ok]).toEqual([list, "annex3", "长沙市", true]);
    expect(s.package).toEqual({
      name: zip,
      forms: [
        form("01-长沙麓谷智造装备有限公司"),
        form("02-长沙星城控制技术有限公司"),
        form("03-湖南湘江云联科技有限公司"),
        form("05-长沙望城电机有限公司"),
      ],
      attachments: [
        `${root}/报送函.docx`,
        `${root}/证明材料/定级报告-麓谷智造.pdf`,
        `${root}/证明材料/营业执照扫描件.jpg`,
        `${root}/说明.txt`,
      ],
    });
    // rows enriched with their form's facts: credit code, 申报日期, the form's level (the list has no level column)
    expect(
      s.records.map((r) => [
        r.order,
        r.source.row,
        r.enterprise,
        r.uscc,
        r.direction,
        r.level,
        r.date,
        r.columns.level ?? null,
        r.form?.source?.file ?? null,
      ])
    ).toEqual([
      [
        1,
        4,
        "长沙麓谷智造装备有限公司",
        "91430104MA4L7A017E",
        D1,
        "二级",
        "2024-12-06",
        "网络安全级别",
        form("01-长沙麓谷智造装备有限公司"),
      ],
      [
        2,
        5,
        "长沙星城控制技术有限公司",
        "91430104MA4L7B028R",
        D4,
        null,
        "2024-12-06",
        null,
        form("02-长沙星城控制技术有限公司"),
      ],
      [
        3,
        6,
        "湖南湘江云联科技有限公司",
        "91430104MA4L7C0395",
        D1,
        "三级",
        "2024-12-06",
        "网络安全级别",
        form("03-湖南湘江云联科技有限公司"),
      ],
      [4, 7, "长沙宁乡新材料有限公司", "", D3, null, null, null, null],
    ]);
    expect(s.records[0].form).toMatchObject({
      applicant: "长沙麓谷智造装备有限公司",
      recommender: "长沙市工业和信息化局",
      address: "长沙市岳麓区麓谷大道627号",
      directionsTicked: [D1],
    });
  });

  it("the materials findings, located at the 附件3 row or at the form", () => {
    expect(
      subs[0].findings.map((f) => [f.code, f.severity, f.file, f.sheet, f.row, f.column, f.message])
    ).toEqual([
      [
        "MAT",
        "error",
        list,
        "推荐汇总表",
        5,
        "E",
        `推荐汇总表第 5 行的申报方向为“${D4}”，申报表“02-长沙星城控制技术有限公司.docx”勾选的是“${D3}”：请核对后统一`,
      ],
      [
        "MAT",
        "error",
        list,
        "推荐汇总表",
        6,
        "B",
        "推荐汇总表第 6 行的案例名称“工业互联网平台分类分级管理”与申报表“03-湖南湘江云联科技有限公司.docx”封面的案例名称“工业互联网平台安全防护体系建设”不一致：请核对后统一",
      ],
      [
        "MAT",
        "error",
        list,
        "推荐汇总表",
        6,
        "D",
        "推荐汇总表第 6 行的企业类别为“工业企业”，申报表“03-湖南湘江云联科技有限公司.docx”勾选的是“工业互联网平台企业”：请核对后统一",
      ],
      [
        "MAT",
        "warning",
        list,
        "推荐汇总表",
        7,
        "B",
        "推荐汇总表第 7 行的案例“新材料工厂控制系统安全评估”（长沙宁乡新材料有限公司）在报送材料中没有对应的申报表（附件1）：请补充该企业的申报表 .docx，或核对申报表中的单位名称和案例名称",
      ],
      [
        "MAT",
        "warning",
        form("05-长沙望城电机有限公司"),
        "申报表",
        null,
        "案例名称",
        "申报表“05-长沙望城电机有限公司.docx”（长沙望城电机有限公司，案例“电机产线安全评估”）不在推荐汇总表中：如要推荐，请把它列入推荐汇总表；否则请从报送材料中移除",
      ],
    ]);
  });

  it("merged, the rules see the form's facts and the materials findings stay", () => {
    const result = mergeSubmissions(subs, defaultSettings(2024));
    expect(result.inputs).toEqual([
      {
        file: list,
        kind: "annex3",
        prefecture: "长沙市",
        rows: 4,
        status: "ok",
        package: subs[0].package,
      },
    ]);
    // (the form's file sorts before the list's: 附件1… < 附件3…)
    expect(result.findings.map((f) => [f.code, f.row, f.column])).toEqual([
      ["MAT", null, "案例名称"],
      ["MAT", 5, "E"],
      ["MAT", 6, "B"],
      ["MAT", 6, "D"],
      // the list calls 湘江云联 an 工业企业 under direction 1: eligible, no R7; 星城 (工控产品厂商) under 4: eligible
      ["MAT", 7, "B"],
    ]);
  });
});

describe("packages that are not complete", () => {
  const list = readFileSync(join(FIX, "folder", "长沙市报送材料", "附件3-长沙市推荐汇总表.xlsx"));
  const aForm = readFileSync(
    join(FIX, "folder", "长沙市报送材料", "附件1申报表", "01-长沙麓谷智造装备有限公司.docx")
  );

  it("a .zip with the list and proofs but no 申报表: one warning, not one per row", async () => {
    const zip = zipSync({
      "附件3.xlsx": new Uint8Array(list),
      "证明.pdf": strToU8("%PDF-1.4\n%%EOF"),
    });
    const subs = assembleSubmissions([await readInput("长沙.zip", zip)]);
    expect(subs).toHaveLength(1);
    expect(subs[0].package).toEqual({
      name: "长沙.zip",
      forms: [],
      attachments: ["长沙.zip/证明.pdf"],
    });
    expect(subs[0].findings.map((f) => [f.code, f.severity, f.file, f.message])).toEqual([
      [
        "MAT",
        "warning",
        "长沙.zip/附件3.xlsx",
        "报送材料“长沙.zip”中没有企业申报表（附件1 .docx）：推荐汇总表的 4 个案例都无法与申报表核对，请补齐各企业的申报表",
      ],
    ]);
  });

  it("a .zip of forms without a list: the forms as usual, and a warning", async () => {
    const zip = zipSync({ "a.docx": new Uint8Array(aForm) });
    const subs = assembleSubmissions([await readInput("株洲.zip", zip)], { prefecture: "株洲市" });
    expect(subs.map((s) => [s.file, s.kind, s.prefecture, s.ok, s.records.length])).toEqual([
      ["株洲.zip", "unknown", null, true, 0],
      ["株洲市申报表（1 份）", "docx", "株洲市", true, 1],
    ]);
    expect(subs[0].findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      [
        "MAT",
        "warning",
        "压缩包“株洲.zip”中有 1 份申报表，但没有附件3 推荐汇总表：申报表按文件名顺序列出，无法与推荐顺序核对，请补充推荐汇总表",
      ],
    ]);
  });

  it("a damaged .zip, an old .doc and a nested archive inside", async () => {
    const bad = await readInput("坏.zip", strToU8("PK\u0003\u0004 not really"));
    expect(bad.kind).toBe("rejected");
    expect(bad.kind === "rejected" && bad.findings.map((f) => [f.code, f.message])).toEqual([
      [
        "FILE",
        "压缩包已损坏或不完整，无法读取：找不到 ZIP 目录（文件不完整或已损坏）。请重新打包或重新发送",
      ],
    ]);
    const zip = zipSync({
      "附件3.xlsx": new Uint8Array(list),
      "a.docx": new Uint8Array(aForm),
      "旧申报表.doc": new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]),
      "更多.zip": new Uint8Array([0x50, 0x4b, 0x05, 0x06]),
    });
    const subs = assembleSubmissions([await readInput("长沙.zip", zip)]);
    expect(subs).toHaveLength(1);
    expect(subs[0].package?.attachments).toEqual(["长沙.zip/旧申报表.doc", "长沙.zip/更多.zip"]);
    expect(
      subs[0].findings.filter((f) => f.code === "FILE").map((f) => [f.severity, f.file, f.message])
    ).toEqual([
      [
        "warning",
        "长沙.zip/旧申报表.doc",
        "“旧申报表.doc”是旧版 Word 文档（.doc），未读取，按附件计：如它是申报表或推荐汇总表，请用 Word/WPS/Excel 打开后另存为 .docx / .xlsx 再报送",
      ],
      [
        "warning",
        "长沙.zip/更多.zip",
        "报送材料中还有压缩包“更多.zip”，未展开，按附件计：如其中有推荐汇总表或申报表，请解压后一并导入",
      ],
    ]);
    // the one form matched row 1; rows 2–4 have none
    expect(subs[0].findings.filter((f) => f.code === "MAT").map((f) => f.row)).toEqual([5, 6, 7]);
  });
});
