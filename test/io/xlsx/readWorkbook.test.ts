/**
 * 附件3 推荐汇总表 read from workbooks written by openpyxl and LibreOffice (generators in fixtures/make_*.py).
 * Expected values are copied by hand from what the generators wrote.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CaseRecord, PrefectureSubmission } from "../../../src/core/model";
import { readWorkbook } from "../../../src/io/xlsx/readWorkbook";
import { ANNEX3_SOURCE_COLUMNS } from "../../core/records";

const FIX = join(__dirname, "fixtures");

async function read(
  name: string,
  opts?: Parameters<typeof readWorkbook>[2]
): Promise<PrefectureSubmission> {
  return readWorkbook(new Uint8Array(readFileSync(join(FIX, name))), name, opts);
}

/** The fields a clerk sees in the table, for compact row-by-row comparison. */
function row(r: CaseRecord) {
  return {
    order: r.order,
    caseName: r.caseName,
    enterprise: r.enterprise,
    category: r.category,
    direction: r.direction,
    summary: r.summary,
    contact: r.contact,
    phone: r.phone,
    row: r.source.row,
  };
}

describe("official layout (株洲, openpyxl)", () => {
  let sub: PrefectureSubmission;
  beforeAll(async () => {
    sub = await read("zhuzhou_official.xlsx");
  });

  it("reads the three cases under the merged title, skipping the blank row and stopping at 注：", () => {
    expect(sub.ok).toBe(true);
    expect(sub.kind).toBe("annex3");
    expect(sub.findings).toEqual([]);
    expect(sub.records.map(row)).toEqual([
      {
        order: 1,
        caseName: "硬质合金智能工厂分类分级防护实践",
        enterprise: "株洲岳峰硬质合金有限公司",
        category: "工业企业",
        direction: "工业互联网安全分类分级案例",
        summary: "完成自主定级为二级，部署工控安全监测与边界防护，实现生产网与办公网隔离。",
        contact: "刘建军",
        phone: "0731-28861234",
        row: 4,
      },
      {
        order: 2,
        caseName: "轨道交通装备工控系统安全评估",
        enterprise: "株洲湘江重工机械有限公司",
        category: "工业企业",
        direction: "工业控制系统安全评估案例",
        summary: "对12条产线PLC和DCS开展评估，发现并整改高危风险23项。",
        contact: "周敏",
        phone: "13907335678", // written with full-width digits
        row: 5,
      },
      {
        order: 3,
        caseName: "电瓷产业链标识解析二级节点安全防护",
        enterprise: "湖南醴陵瓷谷电瓷有限公司",
        category: "工业互联网标识解析企业",
        direction: "工业互联网安全分类分级案例",
        summary: "标识解析二级节点完成定级，建立数据分类分级保护制度。",
        contact: "谭小红",
        phone: "0731 23456789", // an ideographic space folded to a plain one
        row: 7,
      },
    ]);
  });

  it("keeps the whole 方向和简述 cell, the source and the column of every field", () => {
    const first = sub.records[0];
    expect(first.summaryCell).toBe(
      "工业互联网安全分类分级案例：完成自主定级为二级，部署工控安全监测与边界防护，实现生产网与办公网隔离。"
    );
    expect(first.directionRaw).toBe("工业互联网安全分类分级案例");
    expect(first.source).toEqual({ file: "zhuzhou_official.xlsx", sheet: "推荐汇总表", row: 4 });
    expect(first.columns).toEqual(ANNEX3_SOURCE_COLUMNS);
    expect(first.uscc).toBe("");
    expect(first.level).toBeNull();
  });

  it("takes the prefecture from the 推荐单位 line and the meta from the title and footer", () => {
    expect(sub.prefecture).toBe("株洲市");
    expect(sub.records.every((r) => r.prefecture === "株洲市")).toBe(true);
    expect(sub.meta).toEqual({
      recommender: "株洲市工业和信息化局",
      date: "2024-12-10",
      contact: "陈立平",
      phone: "13807331234 / 0731-28825678",
    });
  });

  it("accepts an ArrayBuffer and lets the caller name the prefecture", async () => {
    const bytes = readFileSync(join(FIX, "zhuzhou_official.xlsx"));
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const other = await readWorkbook(ab, "株洲.xlsx", { prefecture: "长沙市" });
    expect(other.prefecture).toBe("长沙市");
    expect(other.records.map((r) => r.prefecture)).toEqual(["长沙市", "长沙市", "长沙市"]);
  });
});

describe("two-row merged header, synonyms, name merged down (长沙, openpyxl)", () => {
  let sub: PrefectureSubmission;
  beforeAll(async () => {
    sub = await read("changsha_two_row_header.xlsx");
  });

  it("maps 联系人 / 姓名 / 电话 under the merged group and the synonyms 单位名称, 单位类别, 方向和简述", () => {
    expect(sub.records[0].columns).toEqual(ANNEX3_SOURCE_COLUMNS);
    expect(sub.records.map(row)).toEqual([
      {
        order: 1, // "１" typed as full-width text
        caseName: "工业互联网平台安全分类分级管理实践",
        enterprise: "长沙麓谷云智工业互联网有限公司",
        category: "工业互联网平台企业",
        direction: "工业互联网安全分类分级案例",
        summary: "平台完成三级定级，建立覆盖设备、平台、数据的分级防护体系。",
        contact: "何静",
        phone: "0731-85551234",
        row: 5,
      },
      {
        order: 2,
        caseName: "数控系统漏洞协同治理",
        enterprise: "长沙麓谷云智工业互联网有限公司", // merged down from row 5
        category: "工业控制产品厂商",
        direction: "工业控制产品漏洞治理案例",
        summary: "建立漏洞响应中心，年内修复数控系统漏洞18个。",
        contact: "何静",
        phone: "0731-85551234",
        row: 6,
      },
      {
        order: 3,
        caseName: "智能网联汽车数据安全防护",
        enterprise: "长沙星沙智行汽车有限公司",
        category: "智能网联汽车生产企业",
        direction: "车联网网络安全防护案例",
        summary: "建成车辆安全运营中心，实现车云通信全程加密。",
        contact: "邓伟",
        phone: "18673105566",
        row: 7,
      },
    ]);
    expect(sub.records[1].categoryRaw).toBe("工控产品厂商");
    expect(sub.records[2].directionRaw).toBe("车联网网络安全防护");
  });

  it("reads 推荐单位 and 日期 written as label cell + value cell, and the footer 联系人 | 罗芳 | 手机 | …", () => {
    expect(sub.prefecture).toBe("长沙市");
    expect(sub.meta).toEqual({
      recommender: "长沙市工业和信息化局",
      date: "2024-12-12",
      contact: "罗芳",
      phone: "13975112345",
    });
  });
});

describe("hidden junk sheet, table on the 2nd sheet, optional columns (湘潭, openpyxl)", () => {
  let sub: PrefectureSubmission;
  beforeAll(async () => {
    sub = await read("xiangtan_hidden_second_sheet.xlsx");
  });

  it("finds the table on the second sheet and skips the two blank rows", () => {
    expect(sub.kind).toBe("annex3");
    expect(sub.records.map((r) => [r.source.sheet, r.source.row, r.order])).toEqual([
      ["湘潭推荐", 4, 1],
      ["湘潭推荐", 5, 2],
      ["湘潭推荐", 8, 3],
    ]);
    expect(sub.records[0].columns).toEqual({
      order: "A",
      caseName: "B",
      enterprise: "C",
      uscc: "D",
      category: "E",
      level: "F",
      summary: "G",
      contact: "H",
      phone: "I",
      date: "J",
    });
  });

  it("reads credit codes (full-width and lower case folded), levels, 方向：…；简述：… and dates in three forms", () => {
    expect(sub.records.map((r) => r.uscc)).toEqual([
      "91430300MA4L2X3B3G",
      "91430302183746250J",
      "91430304MA4QK7N10H",
    ]);
    expect(sub.records.map((r) => [r.level, r.levelRaw])).toEqual([
      ["三级", "三级"],
      [null, ""],
      [null, ""],
    ]);
    expect(sub.records.map((r) => r.direction)).toEqual([
      "工业互联网安全分类分级案例",
      "工业控制系统安全评估案例",
      "工业控制产品漏洞治理案例",
    ]);
    expect(sub.records[0].summary).toBe("建成覆盖炼钢、轧钢的安全监测体系。");
    expect(sub.records[1].summary).toBe("对风机主控系统开展安全评估，整改风险15项。");
    // "2024年11月5日" as text, 45616 as a bare serial number, a real date cell
    expect(sub.records.map((r) => r.date)).toEqual(["2024-11-05", "2024-11-20", "2024-12-01"]);
    expect(sub.records[1].phone).toBe("13317321234"); // stored as a number
    expect(sub.records[0].enterprise).toBe("湘潭钢城智造有限公司");
  });

  it("splits 推荐单位 and 日期 written in one cell and stops at 备注", () => {
    expect(sub.meta).toEqual({
      recommender: "湘潭市工业和信息化局",
      date: "2024-12-09",
      contact: "彭涛",
      phone: "13574012345",
    });
    expect(sub.prefecture).toBe("湘潭市");
    expect(sub.findings).toEqual([]);
  });
});

describe("separate 申报方向 column, error cells, 合计 footer (衡阳, openpyxl)", () => {
  let sub: PrefectureSubmission;
  beforeAll(async () => {
    sub = await read("hengyang_direction_column.xlsx");
  });

  it("lets the 申报方向 column win and still strips a leading number from the 简述", () => {
    const [a, b, c, d] = sub.records;
    expect(sub.records).toHaveLength(4);
    expect([a.direction, a.directionRaw, a.summary]).toEqual([
      "工业控制产品漏洞治理案例",
      "4",
      "建立漏洞发现、验证、修复闭环机制，修复漏洞31个。",
    ]);
    expect(a.columns.direction).toBe("E");
    expect([b.direction, b.directionRaw, b.summary]).toEqual([
      "网络安全威胁监测服务案例",
      "网络安全威胁监测服务",
      "面向化工园区32家企业提供7×24小时威胁监测服务。",
    ]);
    // a 简述 that merely mentions 分类分级 in its first clause keeps its whole text
    expect([c.direction, c.directionRaw, c.summary]).toEqual([
      "工业互联网安全分类分级案例",
      "1",
      "完成分类分级定级与防护，建立安全管理制度。",
    ]);
    expect([c.level, c.levelRaw]).toEqual(["二级", "二级"]);
    // an empty direction column falls back to the 简述 cell
    expect([d.direction, d.summary]).toEqual([
      "工业控制系统安全评估案例",
      "完成冶炼产线控制系统评估，整改风险12项。",
    ]);
    expect([d.category, d.categoryRaw]).toEqual(["工业企业", "制造企业"]);
  });

  it("keeps error cells as their error text for the rules to report", () => {
    expect(sub.records[2].caseName).toBe("#REF!");
    expect(sub.records[2].contact).toBe("#N/A");
    expect(sub.records[2].enterprise).toBe("衡阳金雁化工有限公司");
    expect(sub.records[0].phone).toBe("13873412345");
  });
});

describe("numbered directions and a 座机 footer (娄底, openpyxl)", () => {
  it('reads "3." and "（1）" as directions 3 and 1', async () => {
    const sub = await read("loudi_workbook.xlsx");
    expect(sub.records.map((r) => [r.direction, r.directionRaw, r.summary])).toEqual([
      ["工业控制系统安全评估案例", "3", "完成冷轧产线控制系统安全评估，发现风险17项并全部整改。"],
      ["工业互联网安全分类分级案例", "1", "完成自主定级与符合性评测，建成安全运营平台。"],
    ]);
    expect(sub.meta).toEqual({
      recommender: "娄底市工业和信息化局",
      date: "",
      contact: "肖勇",
      phone: "0738-8321234",
    });
  });
});

describe("province list with a 所属市州 column (openpyxl)", () => {
  it("gives each row its own prefecture and score; the file has no single prefecture", async () => {
    const sub = await read("shengji_huizong.xlsx");
    expect(sub.prefecture).toBeNull();
    expect(sub.records.map((r) => [r.order, r.prefecture, r.enterprise, r.score])).toEqual([
      [1, "长沙市", "长沙麓谷云智工业互联网有限公司", 92.5],
      [2, "湘西土家族苗族自治州", "湘西武陵药业有限公司", 88],
      [3, "郴州市", "郴州宝山有色金属有限公司", 85.5],
    ]);
    expect(sub.records[0].columns).toEqual({
      order: "A",
      caseName: "C",
      enterprise: "D",
      category: "E",
      summary: "F",
      contact: "G",
      phone: "H",
      score: "I",
    });
    expect(sub.records.map((r) => r.source.row)).toEqual([2, 3, 4]);
  });
});

describe("prefecture from the sheet name; formulas without cached results (openpyxl)", () => {
  it("numbers the rows by position and warns at each formula cell", async () => {
    const sub = await read("sheet_tuijian.xlsx");
    expect(sub.prefecture).toBe("邵阳市");
    expect(sub.records.map((r) => [r.order, r.enterprise, r.source.row])).toEqual([
      [1, "邵阳宝庆纺织有限公司", 3],
      [2, "中国移动通信集团湖南有限公司邵阳分公司", 4],
    ]);
    expect(sub.findings.map((f) => [f.code, f.severity, f.sheet, f.row, f.column])).toEqual([
      ["FILE", "warning", "邵阳市", 3, "A"],
      ["FILE", "warning", "邵阳市", 4, "A"],
    ]);
    expect(sub.findings[0].message).toContain("没有保存计算结果");
  });
});

describe("template and non-table workbooks (openpyxl)", () => {
  it("reads the unfilled official template as a table with no cases", async () => {
    const sub = await read("template_blank.xlsx");
    expect(sub.ok).toBe(true);
    expect(sub.kind).toBe("annex3");
    expect(sub.records).toEqual([]);
    expect(sub.meta).toEqual({ recommender: "", date: "", contact: "", phone: "" });
    expect(sub.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      ["FILE", "warning", "推荐汇总表中没有填写任何案例行"],
    ]);
  });

  it("rejects a contact list (单位 / 姓名 / 电话) with a FILE finding", async () => {
    const sub = await read("tongxunlu.xlsx");
    expect(sub.ok).toBe(false);
    expect(sub.kind).toBe("unknown");
    expect(sub.records).toEqual([]);
    expect(sub.findings).toHaveLength(1);
    expect(sub.findings[0].code).toBe("FILE");
    expect(sub.findings[0].file).toBe("tongxunlu.xlsx");
    expect(sub.findings[0].message).toMatch(/^未找到推荐汇总表（附件3）或地区指标（附件2）/);
    expect(sub.findings[0].message).toContain("“通讯录”");
  });
});

describe("workbooks written by LibreOffice", () => {
  it("reads cached formula results: =ROW()-3, CONCATENATE, =1/0 (永州, from .fods)", async () => {
    const sub = await read("lo_yongzhou.xlsx");
    expect(sub.prefecture).toBe("永州市");
    expect(
      sub.records.map((r) => [r.order, r.enterprise, r.contact, r.phone, r.source.row])
    ).toEqual([
      [1, "永州潇湘数控机床有限公司", "唐亮", "13974612345", 4],
      [2, "永州金锰新材料有限公司", "#DIV/0!", "0746-8221234", 5],
      [3, "中国联合网络通信有限公司永州市分公司", "蒋文", "0746-8331234", 6],
    ]);
    expect(sub.records.map((r) => r.direction)).toEqual([
      "工业控制系统安全评估案例",
      "工业互联网安全分类分级案例",
      "网络安全威胁监测服务案例",
    ]);
    expect(sub.meta).toEqual({
      recommender: "永州市工业和信息化局",
      date: "2024-12-11",
      contact: "唐亮",
      phone: "13974612345",
    });
    expect(sub.findings).toEqual([]);
  });

  it("reads an HTML table with colspan/rowspan as merged cells (郴州, from .html)", async () => {
    const sub = await read("lo_chenzhou.xlsx");
    expect(sub.records[0].columns).toEqual(ANNEX3_SOURCE_COLUMNS);
    expect(sub.records.map(row)).toEqual([
      {
        order: 1,
        caseName: "有色冶炼工业互联网分类分级防护",
        enterprise: "郴州安和有色金属有限公司",
        category: "工业企业",
        direction: "工业互联网安全分类分级案例",
        summary: "完成二级定级，建成冶炼车间安全监测平台。",
        contact: "黄蓉",
        phone: "0735-2881234",
        row: 5,
      },
      {
        order: 2,
        caseName: "冶炼控制系统安全评估",
        enterprise: "郴州安和有色金属有限公司",
        category: "工业企业",
        direction: "工业控制系统安全评估案例",
        summary: "完成熔炼控制系统评估，整改风险9项。",
        contact: "黄蓉",
        phone: "0735-2881234",
        row: 6,
      },
      {
        order: 3,
        caseName: "有色行业网络安全威胁监测",
        enterprise: "郴州网盾信息安全技术有限公司",
        category: "网络安全企业",
        direction: "网络安全威胁监测服务案例",
        summary: "为全市28家有色企业提供威胁监测服务。",
        contact: "雷鸣",
        phone: "0735-2665588",
        row: 7,
      },
    ]);
    expect(sub.meta).toEqual({
      recommender: "郴州市工业和信息化局",
      date: "2024-12-16",
      contact: "黄蓉",
      phone: "13707351234",
    });
  });
});
