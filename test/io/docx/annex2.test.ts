/**
 * 附件2 成效突出地区申报表 sent in Word (issue #10): the header and every blank of 重点任务完成情况 into the indicators
 * (a blank still underscored is null, never 0), the 附名单, and the IND rules firing on Word-read values, located at
 * their paragraph. Fixtures: annex/make_annex2.py (python-docx, LibreOffice from HTML); expected values copied by hand
 * from its fills; hand-written WordprocessingML below for hidden and deleted numbers, content controls, Strict OOXML.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { strToU8, zipSync } from "fflate";
import { describeLocation } from "../../../src/core/findings";
import {
  INDICATOR_KEYS,
  type IndicatorKey,
  type PrefectureSubmission,
} from "../../../src/core/model";
import { checkAll } from "../../../src/core/rules";
import { defaultSettings } from "../../../src/core/settings";
import { assembleSubmissions, readInput } from "../../../src/io/inputs";

const DIR = join(__dirname, "annex");
const load = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const PART = "重点任务完成情况";

async function submission(
  name: string,
  bytes: Uint8Array = load(name)
): Promise<PrefectureSubmission> {
  const read = await readInput(name, bytes);
  expect(read.kind).toBe("workbook");
  if (read.kind !== "workbook") throw new Error(read.kind);
  return read.submission;
}

/** The paragraph (from 一、安全管理成效 = 1) each blank of the notice's layout is in. */
const PARAGRAPH: Record<IndicatorKey, number> = {
  tier3: 2,
  tier2: 2,
  tier1: 2,
  conformity: 2,
  fiveSteps: 2,
  vehicleFiled: 3,
  vehicleProtected: 3,
  icsPilots: 4,
  icsRisksFound: 4,
  icsRisksFixed: 4,
  noticeIssues: 5,
  noticeHazards: 5,
  noticeHazardsFixed: 5,
  icsVulns: 5,
  trainings: 6,
  trainingEnterprises: 6,
  trainingKeyPct: 6,
  monitorTelecoms: 8,
  monitorIndustrial: 8,
  monitorVehicle: 8,
  insurancePlans: 9,
  platformAssessed: 10,
  deepCities: 11,
  deepEnterprises: 11,
  drillIndustrial: 12,
  drillVehicle: 12,
  talents: 13,
};

const LABELS: Record<IndicatorKey, string> = {
  tier3: "三级工业互联网企业（家）",
  tier2: "二级工业互联网企业（家）",
  tier1: "一级工业互联网企业（家）",
  conformity: "完成符合性评测的企业（家）",
  fiveSteps: "完成“五步走”全环节工作的企业（家）",
  vehicleFiled: "车联网网络安全防护定级备案企业（家）",
  vehicleProtected: "完成防护、评测等工作的车联网企业（家）",
  icsPilots: "工业控制系统网络安全评估试点企业（家）",
  icsRisksFound: "评估发现企业安全风险（项）",
  icsRisksFixed: "评估发现风险已整改（项）",
  noticeIssues: "网络安全风险通报（期/次）",
  noticeHazards: "通报风险隐患数量（个）",
  noticeHazardsFixed: "风险隐患完成整改（个）",
  icsVulns: "发现、验证、修复工控产品漏洞（个）",
  trainings: "网络安全政策宣贯培训（场）",
  trainingEnterprises: "培训覆盖企业（家）",
  trainingKeyPct: "其中重点行业规上企业占比（%）",
  monitorTelecoms: "监测服务试点基础电信企业（家）",
  monitorIndustrial: "监测服务重点工业企业（家）",
  monitorVehicle: "监测服务车联网企业（家）",
  insurancePlans: "网络安全保险服务方案（个）",
  platformAssessed: "完成安全评估的工业互联网平台企业（家）",
  deepCities: "“深度行”覆盖地市（个）",
  deepEnterprises: "“深度行”覆盖工业企业（家）",
  drillIndustrial: "“铸网”演练覆盖工业互联网企业（家）",
  drillVehicle: "“铸网”演练覆盖车联网企业（家）",
  talents: "选拔培养网络安全专业人才（名）",
};

/** Every blank of the notice located at its paragraph. */
const ALL_CELLS = Object.fromEntries(
  INDICATOR_KEYS.map((k) => [k, { sheet: PART, row: PARAGRAPH[k], column: LABELS[k] }])
);

describe("python-docx: the notice's layout", () => {
  it("pd_annex2: the header, every blank as filled, the attached list", async () => {
    const sub = await submission("pd_annex2.docx");
    expect(sub).toMatchObject({
      file: "pd_annex2.docx",
      kind: "annex2",
      prefecture: "株洲市",
      meta: {
        recommender: "株洲市工业和信息化局",
        date: "2024-12-15",
        contact: "李华",
        phone: "0731-28260000",
      },
      records: [],
      ok: true,
    });
    const ind = sub.indicators!;
    expect(ind.prefecture).toBe("株洲市");
    expect(ind.source).toEqual({ file: "pd_annex2.docx", sheet: PART, row: null });
    expect(ind.header).toEqual({
      unitName: "株洲市工业和信息化局",
      leader: "张志远",
      leaderTitle: "局长",
      contactName: "李华",
      contactDept: "网络安全科 科长",
      contactPhone: "0731-28260000",
      contactEmail: "lihua@zzgxj.gov.cn",
      classifiedManagement: "是",
      keyEnterpriseList: "否",
      regionDirection: "安全管理成效突出地区",
    });
    expect(ind.values).toEqual({
      tier3: 12, // its own underlined run "  12  "
      tier2: 35, // full-width digits
      tier1: 108, // "1 0 8"
      conformity: 40,
      fiveSteps: null, // left as underscores
      vehicleFiled: 6,
      vehicleProtected: 4,
      icsPilots: 15,
      icsRisksFound: 120,
      icsRisksFixed: 98,
      noticeIssues: 24,
      noticeHazards: 310,
      noticeHazardsFixed: 350,
      icsVulns: 17,
      trainings: 8,
      trainingEnterprises: 600,
      trainingKeyPct: 65,
      monitorTelecoms: 3,
      monitorIndustrial: 210,
      monitorVehicle: null,
      insurancePlans: 2, // a content control
      platformAssessed: null, // a content control showing its placeholder
      deepCities: 9,
      deepEnterprises: 320,
      drillIndustrial: 30,
      drillVehicle: 5,
      talents: null, // "若干"
    });
    expect(ind.cells).toEqual(ALL_CELLS);
    expect(ind.lists).toEqual({
      tier3: [
        "湖南株洲硬质合金集团有限公司",
        "株洲时代电气装备有限公司",
        "株洲中车时代电气股份有限公司",
        "湖南株冶有色金属有限公司",
        "株洲旗滨玻璃有限公司",
        "株洲千金药业股份有限公司",
        "株洲钻石切削刀具股份有限公司",
        "湖南华鑫电子有限公司",
        "株洲天桥起重机股份有限公司",
        "株洲冶炼集团股份有限公司",
        "株洲南方阀门股份有限公司",
      ],
    });
    expect(sub.findings.map((f) => [f.code, f.severity, describeLocation(f), f.message])).toEqual([
      [
        "REQ",
        "error",
        "文件 pd_annex2.docx，重点任务完成情况，第 13 段，“选拔培养网络安全专业人才（名）”",
        "地区指标“选拔培养网络安全专业人才（名）”的填空“若干”不是数字，无法汇总：请填写阿拉伯数字",
      ],
    ]);
  });

  it("the IND rules fire on the Word values, located at their paragraph", async () => {
    const sub = await submission("pd_annex2.docx");
    const findings = checkAll([], { 株洲市: sub.indicators! }, defaultSettings(2024));
    expect(findings.map((f) => [f.code, f.prefecture, describeLocation(f), f.message])).toEqual([
      [
        "IND",
        "株洲市",
        "文件 pd_annex2.docx，重点任务完成情况，第 5 段，“风险隐患完成整改（个）”",
        "株洲市：完成整改的风险隐患不能多于通报的风险隐患（风险隐患完成整改（个） 350 > 通报风险隐患数量（个） 310）",
      ],
      [
        "IND",
        "株洲市",
        "文件 pd_annex2.docx，重点任务完成情况，第 2 段，“三级工业互联网企业（家）”",
        "株洲市：三级工业互联网企业填报 12 家，但所附名单列出 11 家",
      ],
    ]);
  });
});

describe("LibreOffice from HTML", () => {
  it("lo_annex2: ticks after the options, the blanks as body paragraphs, lists as a table and a paragraph", async () => {
    const sub = await submission("lo_annex2.docx");
    expect(sub).toMatchObject({
      kind: "annex2",
      prefecture: "湘潭市",
      meta: {
        recommender: "湘潭市工业和信息化局",
        date: "2024-12-16",
        contact: "钱芳",
        phone: "0731-58581234",
      },
      findings: [],
    });
    const ind = sub.indicators!;
    expect(ind.header).toEqual({
      unitName: "湘潭市工业和信息化局",
      leader: "赵建国",
      leaderTitle: "副局长",
      contactName: "钱芳",
      contactDept: "信息化推进科 副科长",
      contactPhone: "0731-58581234",
      contactEmail: "qianfang@xtgxj.gov.cn",
      classifiedManagement: "是",
      keyEnterpriseList: "是",
      regionDirection: "安全管理成效突出地区",
    });
    const filled = {
      tier3: 8,
      tier2: 21,
      tier1: 64,
      conformity: 30,
      fiveSteps: 12,
      vehicleFiled: 3,
      vehicleProtected: null,
      icsPilots: 10,
      icsRisksFound: 10,
      icsRisksFixed: 12,
      noticeIssues: 12,
      noticeHazards: 86,
      noticeHazardsFixed: 80,
      icsVulns: 6,
      trainings: 5,
      trainingEnterprises: 260,
      trainingKeyPct: 72.5,
    };
    const unfilled = Object.fromEntries(
      INDICATOR_KEYS.filter((k) => !(k in filled)).map((k) => [k, null])
    );
    expect(ind.values).toEqual({ ...filled, ...unfilled });
    expect(ind.cells).toEqual(ALL_CELLS);
    expect(ind.lists).toEqual({
      vehicleFiled: [
        "湖南湘潭吉利汽车部件有限公司",
        "湘潭电机驱动系统有限公司",
        "湖南湘潭车联网科技有限公司",
      ],
      tier2: ["湘潭钢铁集团有限公司", "湘潭电化科技股份有限公司"],
    });
    expect(
      checkAll([], { 湘潭市: ind }, defaultSettings(2024)).map((f) => [
        describeLocation(f),
        f.message,
      ])
    ).toEqual([
      [
        "文件 lo_annex2.docx，重点任务完成情况，第 4 段，“评估发现风险已整改（项）”",
        "湘潭市：工控安全评估整改项数不能多于发现的风险项数（评估发现风险已整改（项） 12 > 评估发现企业安全风险（项） 10）",
      ],
      [
        "文件 lo_annex2.docx，重点任务完成情况，第 2 段，“二级工业互联网企业（家）”",
        "湘潭市：二级工业互联网企业填报 21 家，但所附名单列出 2 家",
      ],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Hand-written WordprocessingML: what only Word writes

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const r = (t: string, rPr = "") =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
const control = (t: string, placeholder = false) =>
  `<w:sdt><w:sdtPr>${placeholder ? "<w:showingPlcHdr/>" : ""}</w:sdtPr><w:sdtContent>${r(t)}</w:sdtContent></w:sdt>`;
const REV = 'w:author="审核" w:date="2024-12-01T00:00:00Z"';

const BODY = [
  para(r("申报单位名称：邵阳市工业和信息化局")),
  para(r("是否组织开展工业互联网安全分类分级管理：是")),
  para(r("一、安全管理成效")),
  para(
    r("1.三级工业互联网企业"),
    r("      ", '<w:u w:val="single"/>'), // an underlined blank left empty
    r("家（请附名单），二级工业互联网企业"),
    r("99", "<w:vanish/>"), // a hidden number
    r("____家，一级工业互联网企业"),
    `<w:del w:id="1" ${REV}><w:r><w:delText>5</w:delText></w:r></w:del>`,
    `<w:ins w:id="2" ${REV}>${r("7")}</w:ins>`,
    r("家。其中完成符合性评测的企业"),
    control("单击或点击此处输入文字。", true),
    r("家，完成“五步走”全环节工作的企业"),
    control("3"),
    r("家")
  ),
  para(
    r("3.组织 十二 家企业开展工业控制系统网络安全评估试点，发现企业安全风险 2 0 项，整改____项")
  ),
  para(r("5.开展____场网络安全政策宣贯培训，覆盖____家相关企业，其中 ８５ ％为重点行业规上企业")),
].join("");

function docx(body: string, ns = W): Uint8Array {
  return zipSync({
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${ns}"><w:body>${body}</w:body></w:document>`
    ),
  });
}

describe("hand-written WordprocessingML", () => {
  const expected = {
    tier3: null,
    tier2: null,
    tier1: 7,
    conformity: null,
    fiveSteps: 3,
    icsPilots: 12,
    icsRisksFound: 20,
    icsRisksFixed: null,
    trainings: null,
    trainingEnterprises: null,
    trainingKeyPct: 85,
  };

  it.each([
    ["Transitional", W],
    ["Strict", STRICT_W],
  ])(
    "%s: underlined empty blank, hidden and deleted numbers, content controls, Chinese numerals",
    async (_name, ns) => {
      const sub = await submission("邵阳.docx", docx(BODY, ns));
      expect(sub).toMatchObject({ kind: "annex2", prefecture: "邵阳市", findings: [] });
      const ind = sub.indicators!;
      expect(ind.header).toEqual({ unitName: "邵阳市工业和信息化局", classifiedManagement: "是" });
      const others = Object.fromEntries(
        INDICATOR_KEYS.filter((k) => !(k in expected)).map((k) => [k, null])
      );
      expect(ind.values).toEqual({ ...expected, ...others });
      expect(ind.cells.tier1).toEqual({ sheet: PART, row: 2, column: LABELS.tier1 });
      expect(ind.cells.icsPilots).toEqual({ sheet: PART, row: 3, column: LABELS.icsPilots });
      expect(ind.cells.trainingKeyPct).toEqual({
        sheet: PART,
        row: 4,
        column: LABELS.trainingKeyPct,
      });
      expect(ind.cells.drillVehicle).toBeUndefined();
    }
  );

  it("numbers written with 共 / 约 / 余, 个 for 家, placeholder text left as text; lists as lines under a title", async () => {
    const body = [
      para(r("申报单位名称：郴州市工业和信息化局")),
      para(r("一、安全管理成效")),
      para(
        r(
          "1.三级工业互联网企业共3家（请附名单），二级工业互联网企业约10家，一级工业互联网企业30余家。其中完成符合性评测的企业6个，完成“五步走”全环节工作的企业单击或点击此处输入文字。家"
        )
      ),
      para(r("附件1：三级工业互联网企业名单")),
      para(r("1. 郴州钻石钨制品有限责任公司")),
      para(r("2．湖南郴州粮油机械有限公司")),
      para(r("湖南有色郴州氟化学有限公司")),
      para(r("二级工业互联网企业名单：甲公司、乙公司；丙公司")),
    ];
    const sub = await submission("郴州.docx", docx(body.join("")));
    expect(sub).toMatchObject({ kind: "annex2", prefecture: "郴州市", findings: [] });
    const ind = sub.indicators!;
    expect(ind.values).toMatchObject({
      tier3: 3,
      tier2: 10,
      tier1: 30,
      conformity: 6,
      fiveSteps: null,
    });
    expect(ind.lists).toEqual({
      tier3: [
        "郴州钻石钨制品有限责任公司",
        "湖南郴州粮油机械有限公司",
        "湖南有色郴州氟化学有限公司",
      ],
      tier2: ["甲公司", "乙公司", "丙公司"],
    });
    // the counts agree with the three names of the tier3 list; tier2 does not
    expect(
      checkAll([], { 郴州市: ind }, defaultSettings(2024)).map((f) => [
        describeLocation(f),
        f.message,
      ])
    ).toEqual([
      [
        "文件 郴州.docx，重点任务完成情况，第 2 段，“二级工业互联网企业（家）”",
        "郴州市：二级工业互联网企业填报 10 家，但所附名单列出 3 家",
      ],
    ]);
  });

  it("the indicators laid out as a table of labels and values, located by table row and column", async () => {
    const cell = (t: string) => `<w:tc>${para(r(t))}</w:tc>`;
    const trow = (...cells: string[]) => `<w:tr>${cells.map(cell).join("")}</w:tr>`;
    const body =
      para(r("护航新型工业化网络安全成效突出地区申报表")) +
      `<w:tbl>${trow("申报单位名称", "张家界市工业和信息化局")}` +
      trow("三级工业互联网企业（家）", "4") +
      trow("二级工业互联网企业（家）", "６") +
      trow("一级工业互联网企业（家）", "____") +
      trow("完成符合性评测的企业（家）", "12") +
      trow("通报风险隐患数量（个）", "9") +
      trow("风险隐患完成整改（个）", "8") +
      "</w:tbl>";
    const sub = await submission("附件2.docx", docx(body));
    expect(sub).toMatchObject({ kind: "annex2", prefecture: "张家界市", findings: [] });
    const ind = sub.indicators!;
    expect(ind.values).toMatchObject({
      tier3: 4,
      tier2: 6,
      tier1: null,
      conformity: 12,
      noticeHazards: 9,
      noticeHazardsFixed: 8,
      talents: null,
    });
    expect(ind.cells.conformity).toEqual({ sheet: "申报表", row: 5, column: "B" });
    expect(
      checkAll([], { 张家界市: ind }, defaultSettings(2024)).map((f) => [
        describeLocation(f),
        f.message,
      ])
    ).toEqual([
      [
        "文件 附件2.docx，申报表，第 5 行，B 列",
        "张家界市：完成符合性评测的企业（12 家）不能多于三级、二级、一级企业之和（10 家）",
      ],
    ]);
  });

  it("an 附件2 without prefecture takes the one the clerk chose, indicators included", async () => {
    const body = [
      para(r("一、安全管理成效")),
      para(r("1.三级工业互联网企业12家，二级工业互联网企业3家")),
    ];
    const read = await readInput("附件2.docx", docx(body.join("")));
    const [sub] = assembleSubmissions([read], { prefecture: "怀化市" });
    expect(sub).toMatchObject({ kind: "annex2", prefecture: "怀化市", ok: true });
    expect(sub.indicators?.prefecture).toBe("怀化市");
    expect(sub.indicators?.values).toMatchObject({ tier3: 12, tier2: 3, tier1: null });
  });

  it("an 附件2 whose blanks cannot be found says so", async () => {
    const body = [
      para(r("护航新型工业化网络安全成效突出地区申报表")),
      para(r("重点任务完成情况")),
      para(r("我市全面推进工业互联网安全工作。")),
    ];
    const sub = await submission("娄底市附件2.docx", docx(body.join("")));
    expect(sub.prefecture).toBe("娄底市");
    expect(sub.findings.map((f) => [f.code, f.severity, f.sheet, f.message])).toEqual([
      [
        "FILE",
        "warning",
        PART,
        "文件是成效突出地区申报表（附件2），但没有找到“重点任务完成情况”中的填空（如“三级工业互联网企业____家”）：请按通知附件2的格式填写后再导入",
      ],
    ]);
  });
});
