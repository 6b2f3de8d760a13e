/**
 * 附件3 推荐汇总表 sent as a Word table (issue #10): the same records and meta as the workbook reader gives for the same
 * table. Fixtures: annex/make_annex3.py (python-docx, LibreOffice from HTML; the reference workbooks by openpyxl);
 * expected values copied by hand from its ROWS / LO_ROWS; hand-written WordprocessingML below for tracked changes and
 * Strict OOXML.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { strToU8, zipSync } from "fflate";
import { describeLocation } from "../../../src/core/findings";
import type { CaseRecord, PrefectureSubmission } from "../../../src/core/model";
import { checkAll } from "../../../src/core/rules";
import { defaultSettings } from "../../../src/core/settings";
import { assembleSubmissions, readInput } from "../../../src/io/inputs";
import { ANNEX3_SOURCE_COLUMNS } from "../../core/records";

const DIR = join(__dirname, "annex");
const load = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

async function submission(
  name: string,
  bytes: Uint8Array = load(name)
): Promise<PrefectureSubmission> {
  const read = await readInput(name, bytes);
  expect(read.kind).toBe("workbook");
  if (read.kind !== "workbook") throw new Error(read.kind);
  return read.submission;
}

/** A record without where it was read: what the Word and the workbook table must agree on. */
const content = ({ source: _s, ...r }: CaseRecord) => r;

type Row = [number, string, string, string, string, string, string, string, number];

/** order, caseName, enterprise, category, direction, 案例申报方向和简述 as written, contact, phone, table row */
function expectRows(records: CaseRecord[], file: string, rows: Row[]): void {
  expect(
    records.map((r) => [
      r.order,
      r.caseName,
      r.enterprise,
      r.category,
      r.direction,
      r.summaryCell,
      r.contact,
      r.phone,
      r.source.row,
    ])
  ).toEqual(rows);
  for (const r of records) {
    expect(r.source).toMatchObject({ file, sheet: "推荐汇总表" });
    expect(r.columns).toEqual(ANNEX3_SOURCE_COLUMNS);
    expect([r.uscc, r.level, r.levelRaw, r.date, r.score, r.form]).toEqual([
      "",
      null,
      "",
      null,
      null,
      null,
    ]);
  }
}

const ZHUZHOU: Row[] = [
  [
    1,
    "硬质合金智能工厂分类分级防护实践",
    "株洲岳峰硬质合金有限公司",
    "工业企业",
    "工业互联网安全分类分级案例",
    "工业互联网安全分类分级案例：完成自主定级和分级防护，建成覆盖全部产线的安全监测平台",
    "刘建军",
    "0731-28861234",
    2,
  ],
  [
    2,
    "轨道交通装备工控系统安全评估",
    "株洲时代电气装备有限公司",
    "工业企业",
    "工业控制系统安全评估案例",
    "【工业控制系统安全评估】对 12 条产线开展评估，整改风险 36 项",
    "陈立",
    "13807330001",
    3,
  ],
  [
    3,
    "车联网服务平台纵深防御体系",
    "湖南株洲智行车联科技有限公司",
    "车联网服务平台企业",
    "车联网网络安全防护案例",
    "车联网网络安全防护案例：平台完成定级备案（三级）和安全评测，修复高危漏洞 8 个",
    "周敏",
    "0731-22881234",
    4,
  ],
  // after a blank row (5) and the header typed again (6)
  [
    4,
    "工业控制器漏洞闭环治理",
    "株洲中控自动化股份有限公司",
    "工业控制产品厂商",
    "工业控制产品漏洞治理案例",
    "工业控制产品漏洞治理案例：全年修复控制器固件漏洞 12 个，补丁覆盖率 100%",
    "王敏",
    "13807331234",
    7,
  ],
];

const ZHUZHOU_META = {
  recommender: "株洲市工业和信息化局",
  date: "2024-12-10",
  contact: "李华",
  phone: "13907330000 / 0731-28260000",
};

describe("python-docx: the notice's table", () => {
  it("pd_annex3: title, 推荐单位 and 日期 above, a repeated header, a blank row, a merged note row, the footer", async () => {
    const sub = await submission("pd_annex3.docx");
    expect(sub).toMatchObject({
      file: "pd_annex3.docx",
      kind: "annex3",
      prefecture: "株洲市",
      meta: ZHUZHOU_META,
      indicators: null,
      findings: [],
      ok: true,
    });
    expectRows(sub.records, "pd_annex3.docx", ZHUZHOU);
    expect(sub.records.every((r) => r.prefecture === "株洲市")).toBe(true);
    expect(checkAll(sub.records, {}, defaultSettings(2024))).toEqual([]);
  });

  it("gives the records and meta the workbook reader gives for the same table", async () => {
    const word = await submission("pd_annex3.docx");
    const book = await submission("pd_annex3.xlsx");
    expect(book.kind).toBe("annex3");
    expect(word.meta).toEqual(book.meta);
    expect(word.records.map(content)).toEqual(book.records.map(content));
  });

  it("pd_annex3_split: a table broken in two by a page break reads as one, rows numbered on", async () => {
    const sub = await submission("pd_annex3_split.docx");
    expect(sub.meta).toEqual(ZHUZHOU_META);
    expect(sub.findings).toEqual([]);
    expectRows(sub.records, "pd_annex3_split.docx", ZHUZHOU);
  });

  it("locates a record's cells as table rows and column letters", async () => {
    const [, second] = (await submission("pd_annex3.docx")).records;
    expect(
      describeLocation({
        file: "pd_annex3.docx",
        sheet: second.source.sheet,
        row: second.source.row,
        column: second.columns.summary!,
      })
    ).toBe("文件 pd_annex3.docx，推荐汇总表，第 3 行，E 列");
  });
});

describe("LibreOffice from HTML: a two-row header", () => {
  const YUEYANG: Row[] = [
    [
      1,
      "石化装置工控系统安全评估",
      "湖南岳阳长炼石化有限公司",
      "工业企业",
      "工业控制系统安全评估案例",
      "工业控制系统安全评估案例：完成 3 套装置 DCS 安全评估，整改高风险问题 14 项",
      "彭涛",
      "0730-8451234",
      3,
    ],
    [
      2,
      "纸业智能工厂分类分级实践",
      "岳阳林纸智造有限公司",
      "工业企业",
      "工业互联网安全分类分级案例",
      "【工业互联网安全分类分级】完成自主定级（二级）和符合性评测",
      "易红",
      "13973001234",
      4,
    ],
    [
      3,
      "园区工业企业威胁监测服务",
      "中国电信股份有限公司岳阳分公司",
      "基础电信企业",
      "网络安全威胁监测服务案例",
      "网络安全威胁监测服务案例：监测园区企业专线流量，通报处置威胁事件 126 起",
      "黄杰",
      "0730-8221234",
      6,
    ],
  ];

  it("lo_annex3: 序号 … merged down, 联系人 over 姓名 / 联系方式, 推荐单位 and 日期 on one line", async () => {
    const sub = await submission("lo_annex3.docx");
    expect(sub).toMatchObject({
      kind: "annex3",
      prefecture: "岳阳市",
      meta: {
        recommender: "岳阳市工业和信息化局",
        date: "2024-12-12",
        contact: "方敏",
        phone: "0730-8888123",
      },
      findings: [],
      ok: true,
    });
    expectRows(sub.records, "lo_annex3.docx", YUEYANG);
  });

  it("agrees with the workbook reader on the same table", async () => {
    const word = await submission("lo_annex3.docx");
    const book = await submission("lo_annex3.xlsx");
    expect(word.meta).toEqual(book.meta);
    expect(word.records.map(content)).toEqual(book.records.map(content));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Hand-written WordprocessingML

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const tc = (inner: string) => `<w:tc><w:p>${inner}</w:p></w:tc>`;
const r = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const row = (cells: string[], trPr = "") =>
  `<w:tr>${trPr}${cells.map((c) => tc(c.startsWith("<") ? c : r(c))).join("")}</w:tr>`;
const HEADER = [
  "序号",
  "案例名称",
  "企业名称",
  "企业类别",
  "案例申报方向和简述",
  "联系人",
  "联系方式",
];

function docx(body: string, ns = W): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns === W ? "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" : "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"}" Target="word/document.xml"/></Relationships>`
    ),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${ns}"><w:body>${body}</w:body></w:document>`
    ),
  });
}

const DEL = 'w:id="1" w:author="审核" w:date="2024-12-01T00:00:00Z"';
const TABLE = (trHeader: string) =>
  p("推荐单位（盖章）：常德市工业和信息化局") +
  `<w:tbl>${row(HEADER, trHeader)}` +
  row([
    "1",
    "烟草工厂工控安全评估",
    "常德卷烟厂",
    "工业企业",
    "工业控制系统安全评估案例：评估",
    "向东",
    "0736-7001234",
  ]) +
  // a case row deleted with tracked changes: not read
  row(
    [
      "2",
      "撤回的案例",
      "撤回企业",
      "工业企业",
      "工业控制系统安全评估案例：撤回",
      "某人",
      "0736-1",
    ].map((t) => `<w:del ${DEL}><w:r><w:delText>${t}</w:delText></w:r></w:del>`),
    `<w:trPr><w:del ${DEL}/></w:trPr>`
  ) +
  // hidden text in a cell is not part of it
  row([
    "2",
    "常德车联网平台防护",
    `${r("湖南常德智联科技有限公司")}<w:r><w:rPr><w:vanish/></w:rPr><w:t>、湖南常德合作伙伴有限公司</w:t></w:r>`,
    "车联网服务平台企业",
    "车联网网络安全防护案例：定级备案",
    "覃敏",
    "0736-7002234",
  ]) +
  "</w:tbl>" +
  p("联系人：吴琼") +
  p("手机/座机：13907361234");

describe("hand-written WordprocessingML", () => {
  const expected: Row[] = [
    [
      1,
      "烟草工厂工控安全评估",
      "常德卷烟厂",
      "工业企业",
      "工业控制系统安全评估案例",
      "工业控制系统安全评估案例：评估",
      "向东",
      "0736-7001234",
      2,
    ],
    [
      2,
      "常德车联网平台防护",
      "湖南常德智联科技有限公司",
      "车联网服务平台企业",
      "车联网网络安全防护案例",
      "车联网网络安全防护案例：定级备案",
      "覃敏",
      "0736-7002234",
      3,
    ],
  ];

  it("a deleted row and hidden text are not read", async () => {
    const sub = await submission("常德.docx", docx(TABLE("<w:trPr><w:tblHeader/></w:trPr>")));
    expect(sub.meta).toEqual({
      recommender: "常德市工业和信息化局",
      date: "",
      contact: "吴琼",
      phone: "13907361234",
    });
    expect(sub.prefecture).toBe("常德市");
    expectRows(sub.records, "常德.docx", expected);
  });

  it("Strict OOXML is read as Transitional", async () => {
    const sub = await submission("常德strict.docx", docx(TABLE(""), STRICT_W));
    expect(sub.prefecture).toBe("常德市");
    expectRows(sub.records, "常德strict.docx", expected);
  });

  it("a second table headed again after a 续表 line continues the list; another table after text does not", async () => {
    const caseRow = (n: string, name: string) =>
      row([n, `案例${n}`, name, "工业企业", "工业控制系统安全评估案例：评估", "张三", "0739-1"]);
    const body =
      `<w:tbl>${row(HEADER)}${caseRow("1", "邵阳甲有限公司")}</w:tbl>` +
      p("续表") +
      `<w:tbl>${row(HEADER)}${caseRow("2", "邵阳乙有限公司")}</w:tbl>` +
      p("联系人：刘洋") +
      p("附：其他说明") +
      `<w:tbl>${row(["序号", "企业名称", "备注"])}${row(["1", "不是案例", "x"])}</w:tbl>`;
    const sub = await submission("邵阳市.docx", docx(body));
    expect(sub.records.map((x) => [x.order, x.enterprise, x.source.row])).toEqual([
      [1, "邵阳甲有限公司", 2],
      [2, "邵阳乙有限公司", 4],
    ]);
    expect(sub.meta.contact).toBe("刘洋");
    expect(sub.prefecture).toBe("邵阳市");
  });

  it("a table with the header and no case: a warning on the part, the prefecture from the file name", async () => {
    const sub = await submission(
      "益阳市推荐汇总表.docx",
      docx(`<w:tbl>${row(HEADER)}${row(["", "", "", "", "", "", ""])}</w:tbl>`)
    );
    expect(sub).toMatchObject({ kind: "annex3", prefecture: "益阳市", records: [], ok: true });
    expect(sub.findings.map((f) => [f.code, f.severity, f.sheet, f.prefecture, f.message])).toEqual(
      [["FILE", "warning", "推荐汇总表", "益阳市", "推荐汇总表中没有填写任何案例行"]]
    );
    const [assembled] = assembleSubmissions([
      await readInput("益阳市推荐汇总表.docx", docx(`<w:tbl>${row(HEADER)}</w:tbl>`)),
    ]);
    expect(assembled).toMatchObject({ kind: "annex3", prefecture: "益阳市", ok: true });
  });
});
