import { countChars, parseLooseNumber, toHalfWidth } from "../../src/core/text";
import { parseDateLoose } from "../../src/core/dates";
import { enterpriseKey, normalizeEnterpriseName } from "../../src/core/normalize";
import { enterpriseIdentities, sameCaseName } from "../../src/core/duplicates";
import { parseCategory, parseLevel, parsePrefecture } from "../../src/core/vocabulary";
import { parseDirection, splitDirectionCell } from "../../src/core/directionText";
import { USCC } from "./records";

describe("vocabulary as clerks write it", () => {
  it("prefectures: short forms, bureau names and codes to full names", () => {
    expect(parsePrefecture("长沙")).toBe("长沙市");
    expect(parsePrefecture("湘西州")).toBe("湘西土家族苗族自治州");
    expect(parsePrefecture("湘西自治州")).toBe("湘西土家族苗族自治州");
    expect(parsePrefecture("推荐单位（盖章）：张家界市工业和信息化局")).toBe("张家界市");
    expect(parsePrefecture("431000")).toBe("郴州市");
    expect(parsePrefecture("武汉市")).toBeNull();
  });

  it("directions: full names, short names, numbers", () => {
    expect(parseDirection("车联网")).toBe("车联网网络安全防护案例");
    expect(parseDirection("３")).toBe("工业控制系统安全评估案例");
    expect(parseDirection("方向4")).toBe("工业控制产品漏洞治理案例");
    expect(parseDirection("工业控制产品安全漏洞治理")).toBe("工业控制产品漏洞治理案例");
    expect(parseDirection("数据安全")).toBeNull();
  });

  it("the 方向和简述 cell in each style clerks use", () => {
    const split = (s: string) => {
      const r = splitDirectionCell(s);
      return [r.direction, r.head, r.summary];
    };
    expect(split("工业互联网安全分类分级案例：完成三级定级。")).toEqual([
      "工业互联网安全分类分级案例",
      "工业互联网安全分类分级案例",
      "完成三级定级。",
    ]);
    expect(split("【车联网网络安全防护】建成车云协同防护")).toEqual([
      "车联网网络安全防护案例",
      "车联网网络安全防护",
      "建成车云协同防护",
    ]);
    expect(split("方向：工业控制系统安全评估；简述：对照33项基线评估")).toEqual([
      "工业控制系统安全评估案例",
      "工业控制系统安全评估",
      "对照33项基线评估",
    ]);
    expect(split("4.建立漏洞闭环机制")).toEqual([
      "工业控制产品漏洞治理案例",
      "4",
      "建立漏洞闭环机制",
    ]);
    expect(split("工业控制产品安全漏洞治理：建立闭环机制")[0]).toBe("工业控制产品漏洞治理案例");
    expect(split("建成覆盖全部产线的防护体系")).toEqual([null, "", "建成覆盖全部产线的防护体系"]);
    // a first clause that only mentions a direction is summary, not a direction
    expect(split("完成分类分级定级与防护，建立安全管理制度")).toEqual([
      null,
      "",
      "完成分类分级定级与防护，建立安全管理制度",
    ]);
    expect(split("开展威胁监测：覆盖园区企业")).toEqual([null, "", "开展威胁监测：覆盖园区企业"]);
  });

  it("levels: 三级 / 3级 / 第三级 / Ⅲ级 / 三 / 3 are one level", () => {
    for (const s of ["三级", "3级", "第三级", "Ⅲ级", "三", "3", "３级", 3])
      expect(parseLevel(s)).toBe("三级");
    expect(parseLevel("")).toBeNull();
    expect(parseLevel("高")).toBeNull();
  });

  it("categories from the 附件3 hint words", () => {
    expect(parseCategory("平台企业")).toBe("工业互联网平台企业");
    expect(parseCategory("工控产品厂商")).toBe("工业控制产品厂商");
    expect(parseCategory("标识解析企业")).toBe("工业互联网标识解析企业");
    expect(parseCategory("网络安全企业")).toBe("网络安全企业");
  });
});

describe("text", () => {
  it("counts characters as a person does", () => {
    expect(countChars("工业互联网：ABC 123，。")).toBe(14);
    expect(countChars("a\u200bb\u3000c\n")).toBe(3);
    expect(countChars("👍é")).toBe(2);
  });

  it("reads numbers typed as text", () => {
    expect(parseLooseNumber("１２家")).toBe(12);
    expect(parseLooseNumber(" 1,234 ")).toBe(1234);
    expect(parseLooseNumber("85%")).toBe(85);
    expect(parseLooseNumber("约12")).toBeNull();
    expect(parseLooseNumber("")).toBeNull();
    expect(toHalfWidth("（ＡＢＣ）")).toBe("(ABC)");
  });

  it("reads dates in the forms the notice and clerks use", () => {
    expect(parseDateLoose("2024年12月5日")).toBe("2024-12-05");
    expect(parseDateLoose("2024.12.5")).toBe("2024-12-05");
    expect(parseDateLoose("2024-12-05")).toBe("2024-12-05");
    expect(parseDateLoose(45631)).toBe("2024-12-05");
    expect(parseDateLoose("2024年2月30日")).toBeNull();
    expect(parseDateLoose("____年__月__日")).toBeNull();
  });
});

describe("enterprise identity", () => {
  it("normalises width, spaces, brackets and seal notes", () => {
    expect(normalizeEnterpriseName("湖南 华菱（集团）有限公司（盖章）")).toBe(
      normalizeEnterpriseName("湖南华菱(集团)有限公司")
    );
    expect(normalizeEnterpriseName("湖南华菱有限公司（加盖单位公章）")).toBe("湖南华菱有限公司");
    expect(enterpriseKey("任意名称", USCC.hualing)).toBe("C:" + USCC.hualing);
    expect(enterpriseKey("湖南华菱有限公司", "12345")).toBe("N:湖南华菱有限公司");
  });

  it("a row with only a name joins the code its name is known under", () => {
    const ids = enterpriseIdentities([
      { enterprise: "湖南华菱有限公司", uscc: USCC.hualing },
      { enterprise: "湖南华菱有限公司（盖章）" },
      { enterprise: "湖南华菱有限公司 ", uscc: USCC.hualing },
      { enterprise: "另一家公司" },
      { enterprise: "" },
    ]);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[1]).toBe(ids[2]);
    expect(ids[3]).not.toBe(ids[0]);
    expect(ids[4]).toBe("");
  });

  it("asked again for the same list, answers as the list is now: a name or code changed in place counts", () => {
    const rows: Array<{ enterprise: string; uscc?: string }> = [
      { enterprise: "湖南华菱有限公司", uscc: USCC.hualing },
      { enterprise: "另一家公司" },
    ];
    const first = enterpriseIdentities(rows);
    expect(enterpriseIdentities(rows)).toEqual(first);
    expect(first[1]).not.toBe(first[0]);
    rows[1].enterprise = "湖南华菱有限公司（盖章）";
    expect(enterpriseIdentities(rows)[1]).toBe(first[0]);
    rows[0] = { enterprise: "湖南华菱有限公司" };
    expect(enterpriseIdentities(rows)[0]).toBe("N:湖南华菱有限公司");
    rows.push({ enterprise: "第三家公司" });
    expect(enterpriseIdentities(rows)).toHaveLength(3);
  });

  it("near-same case names", () => {
    expect(sameCaseName("电力控制器漏洞闭环治理实践", "《电力控制器漏洞闭环治理实践》案例")).toBe(
      true
    );
    expect(sameCaseName("钢铁企业分类分级防护实践", "钢铁企业分类分级防护实践（2024）")).toBe(true);
    expect(sameCaseName("钢铁企业分类分级防护实践", "炼钢车间5G专网安全防护")).toBe(false);
  });
});
