/** The 附件3 row a form proposes and the checks only the form supports, on hand-written applications. */
import { applicationToRecord, proposeSummary } from "../../src/core/application";
import { checkForm } from "../../src/core/rules";
import { namesSeveralEnterprises as namesSeveral } from "../../src/core/normalize";
import type { Application } from "../../src/core/model";
import { defaultSettings, type CampaignSettings } from "../../src/core/settings";
import { countChars } from "../../src/core/text";

/** The form's own checks, on the record the form becomes (listed under 长沙市, the form's own 推荐单位). */
const checkApplication = (a: Application, settings: CampaignSettings) =>
  checkForm(applicationToRecord(a, 1, "长沙市"), settings);

function app(over: Partial<Application> = {}): Application {
  return {
    caseName: "工程机械智能工厂工业互联网安全分类分级实践",
    applicant: "湖南湘江智造装备有限公司",
    recommender: "长沙市工业和信息化局",
    date: "2024-12-05",
    dateRaw: "2024年12月5日",
    unitName: "湖南湘江智造装备有限公司",
    uscc: " 91430104ma4l0x1bxm ",
    founded: "2015-03-18",
    address: "长沙市岳麓区麓谷大道627号",
    capital: 12000,
    capitalRaw: "12000",
    nature: "国有控股企业",
    natureOther: "",
    contact: "刘建华",
    phone: "0731-88612345",
    fax: "",
    email: "liujh@xjzz.com.cn",
    category: "工业企业",
    categoriesTicked: ["工业企业"],
    direction: "工业互联网安全分类分级案例",
    directionsTicked: ["工业互联网安全分类分级案例"],
    level: "三级",
    levelsTicked: ["三级"],
    intro: "公司是一家工程机械企业。",
    overview: "公司建立网络安全管理制度。",
    highlights:
      "（一）主要成效\n公司完成三级防护建设，全年整改高危漏洞36个。安全事件同比下降60%。经验已在集团推广。",
    source: { file: "湘江智造.docx", sheet: "申报表", row: null },
    ...over,
  };
}

describe("proposeSummary", () => {
  it("takes whole sentences of the first content paragraph of 三、成效与亮点, skipping its heading", () => {
    expect(proposeSummary(app())).toBe(
      "公司完成三级防护建设，全年整改高危漏洞36个。安全事件同比下降60%。经验已在集团推广。"
    );
  });

  it("stops before a sentence that would push the 附件3 cell over 100 字", () => {
    const s1 = "甲".repeat(40) + "。";
    const s2 = "乙".repeat(40) + "。";
    const s = proposeSummary(app({ highlights: s1 + s2 + "丙丙丙。" }));
    // "工业互联网安全分类分级案例：" is 14 字: 14 + 41 + 41 = 96, the third sentence (4 字) would make 100 → still fits
    expect(s).toBe(s1 + s2 + "丙丙丙。");
    const t = proposeSummary(app({ highlights: s1 + s2 + "丙丙丙丙丙。" }));
    expect(t).toBe(s1 + s2);
  });

  it("never cuts a first sentence longer than 100 字", () => {
    const long = "公司" + "持续加强网络安全防护能力建设".repeat(8) + "。后话。";
    const s = proposeSummary(app({ highlights: long }));
    expect(s).toBe("公司" + "持续加强网络安全防护能力建设".repeat(8) + "。");
    expect(countChars(s)).toBe(2 + 14 * 8 + 1);
  });

  it("falls back to 二、总体情况, then to the case name", () => {
    expect(
      proposeSummary(app({ highlights: "", overview: "开展自主定级、分级防护和符合性评测。" }))
    ).toBe("开展自主定级、分级防护和符合性评测。");
    expect(proposeSummary(app({ highlights: "", overview: "" }))).toBe(
      "工程机械智能工厂工业互联网安全分类分级实践"
    );
  });
});

describe("applicationToRecord", () => {
  it("fills the 附件3 row from the form, with the form labels as columns", () => {
    const r = applicationToRecord(app(), 3, "长沙市");
    expect(r).toEqual({
      prefecture: "长沙市",
      order: 3,
      caseName: "工程机械智能工厂工业互联网安全分类分级实践",
      enterprise: "湖南湘江智造装备有限公司",
      uscc: "91430104MA4L0X1BXM",
      category: "工业企业",
      categoryRaw: "工业企业",
      direction: "工业互联网安全分类分级案例",
      directionRaw: "工业互联网安全分类分级案例",
      level: "三级",
      levelRaw: "三级",
      summary:
        "公司完成三级防护建设，全年整改高危漏洞36个。安全事件同比下降60%。经验已在集团推广。",
      summaryCell:
        "工业互联网安全分类分级案例：公司完成三级防护建设，全年整改高危漏洞36个。安全事件同比下降60%。经验已在集团推广。",
      contact: "刘建华",
      phone: "0731-88612345",
      date: "2024-12-05",
      score: null,
      source: { file: "湘江智造.docx", sheet: "申报表", row: null },
      columns: {
        caseName: "案例名称",
        enterprise: "单位名称",
        uscc: "组织机构代码/三证合一码",
        category: "企业类别",
        direction: "申报方向",
        level: "网络安全级别",
        summary: "案例申报方向和简述",
        contact: "联系人",
        phone: "联系电话",
        date: "申报日期",
      },
      // the form's other fields travel with the record
      form: {
        applicant: "湖南湘江智造装备有限公司",
        recommender: "长沙市工业和信息化局",
        dateRaw: "2024年12月5日",
        founded: "2015-03-18",
        address: "长沙市岳麓区麓谷大道627号",
        capitalRaw: "12000",
        nature: "国有控股企业",
        natureOther: "",
        fax: "",
        email: "liujh@xjzz.com.cn",
        intro: "公司是一家工程机械企业。",
        categoriesTicked: ["工业企业"],
        directionsTicked: ["工业互联网安全分类分级案例"],
        levelsTicked: ["三级"],
        overviewFilled: true,
        highlightsFilled: true,
      },
    });
  });

  it("never fills an empty 单位名称 from the cover (a REQ names the cover's unit); keeps a long 简述 whole", () => {
    const long = "公司" + "持续加强网络安全防护能力建设".repeat(8) + "。";
    const r = applicationToRecord(
      app({
        unitName: "",
        applicant: "湖南湘江智造装备有限公司（加盖单位公章）",
        highlights: long,
      }),
      1,
      null
    );
    expect(r.enterprise).toBe("");
    const req = checkForm(r, defaultSettings(2024)).filter((f) => f.column === "单位名称");
    expect(req.map((f) => f.code)).toEqual(["REQ"]);
    expect(req[0].message).toContain("封面申报单位为“湖南湘江智造装备有限公司（加盖单位公章）”");
    expect(r.summaryCell).toBe("工业互联网安全分类分级案例：" + long);
    expect(countChars(r.summaryCell)).toBe(14 + 115);
  });

  it("lists every tick in the raw fields when several were ticked", () => {
    const r = applicationToRecord(
      app({
        directionsTicked: ["工业互联网安全分类分级案例", "工业控制系统安全评估案例"],
        categoriesTicked: ["工业企业", "工业控制产品厂商"],
      }),
      1,
      null
    );
    expect(r.directionRaw).toBe("工业互联网安全分类分级案例、工业控制系统安全评估案例");
    expect(r.categoryRaw).toBe("工业企业、工业控制产品厂商");
  });
});

describe("the form's own checks (rules/form.ts)", () => {
  const settings = defaultSettings(2024);
  const codes = (a: Application) =>
    checkApplication(a, settings).map((f) => [f.code, f.severity, f.sheet, f.column]);

  it("a complete form has nothing to report", () => {
    expect(checkApplication(app(), settings)).toEqual([]);
  });

  it("REQ for each empty form-only field, located on 封面 or 申报表 by its label", () => {
    const a = app({
      applicant: "",
      recommender: "",
      dateRaw: "",
      date: null,
      founded: "",
      address: "",
      nature: "",
      email: "",
      intro: "",
      overview: "",
      highlights: "",
      directionsTicked: [],
      direction: null,
    });
    expect(codes(a)).toEqual([
      ["REQ", "error", "封面", "申报单位"],
      ["REQ", "error", "封面", "推荐单位"],
      ["REQ", "error", "封面", "申报日期"],
      ["REQ", "error", "申报表", "成立时间"],
      ["REQ", "error", "申报表", "单位地址"],
      ["REQ", "error", "申报表", "单位性质"],
      ["REQ", "error", "申报表", "电子邮箱"],
      ["REQ", "error", "申报表", "申报单位简介"],
      ["REQ", "error", "申报表", "二、总体情况"],
      ["REQ", "error", "申报表", "三、成效与亮点"],
      ["REQ", "error", "申报表", "申报方向"],
    ]);
  });

  it("an unreadable date is REQ with what was written", () => {
    const [f] = checkApplication(app({ date: null, dateRaw: "十二月初" }), settings);
    expect(f).toMatchObject({
      code: "REQ",
      column: "申报日期",
      file: "湘江智造.docx",
      enterprise: "湖南湘江智造装备有限公司",
    });
    expect(f.message).toContain("“十二月初”");
  });

  it("R2 for two directions, R7 for two categories or two levels", () => {
    const a = app({
      directionsTicked: ["工业互联网安全分类分级案例", "工业控制系统安全评估案例"],
      categoriesTicked: ["工业企业", "工业控制产品厂商"],
      levelsTicked: ["三级", "二级"],
    });
    expect(codes(a)).toEqual([
      ["R2", "error", "申报表", "申报方向"],
      ["R7", "error", "申报表", "企业类别"],
      ["R7", "error", "申报表", "网络安全级别"],
    ]);
  });

  it("R1 for a consortium or several companies on the cover, and for a cover that names another company", () => {
    expect(
      codes(app({ applicant: "湖南楚天汽车制造有限公司、长沙智行科技有限公司联合体" }))
    ).toEqual([["R1", "error", "封面", "申报单位"]]);
    expect(codes(app({ applicant: "湖南甲科技有限公司和湖南乙信息技术有限公司" }))).toEqual([
      ["R1", "error", "封面", "申报单位"],
    ]);
    const [f] = checkApplication(app({ applicant: "湖南涟钢信息技术有限公司" }), settings);
    expect(f.code).toBe("R1");
    expect(f.message).toContain("湖南涟钢信息技术有限公司");
    expect(f.message).toContain("湖南湘江智造装备有限公司");
  });

  it("the same company written with full-width brackets, spaces or a seal note is not R1", () => {
    expect(
      checkApplication(
        app({ unitName: "湖南华菱(集团)有限公司", applicant: "湖南华菱 （集团）有限公司（盖章）" }),
        settings
      )
    ).toEqual([]);
  });

  it("warns when the intro is over 1000 字; 其他 needs its text", () => {
    const [f] = checkApplication(app({ intro: "字".repeat(1001) }), settings);
    expect(f).toMatchObject({ code: "REQ", severity: "warning", column: "申报单位简介" });
    expect(f.message).toContain("1001 字");
    expect(checkApplication(app({ intro: "字".repeat(1000) }), settings)).toEqual([]);
    expect(codes(app({ nature: "其他", natureOther: "" }))).toEqual([
      ["REQ", "error", "申报表", "单位性质"],
    ]);
  });
});

describe("namesSeveral", () => {
  it.each([
    ["湖南甲公司、湖南乙公司联合体", true],
    ["湖南和光科技有限公司", false],
    ["中国电信股份有限公司湖南分公司", false],
    ["湖南大学与湖南某某有限公司", true],
    ["", false],
  ])("%s → %s", (name, several) => {
    expect(namesSeveral(name)).toBe(several);
  });
});
