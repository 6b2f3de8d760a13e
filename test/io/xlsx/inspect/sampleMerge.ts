/**
 * A realistic province roll-up, built by hand: 长沙市 (3 cases), 株洲市 (3, one from a Word form), 湘西州 (2), findings
 * of several kinds, indicators for 长沙市 and 株洲市 (株洲 left some blanks). Expected values in the tests are written
 * from these numbers by hand.
 */
import { compareFindings, finding, type Finding } from "../../../../src/core/findings";
import type { MergeResult } from "../../../../src/core/merge";
import type { CaseRecord, IndicatorKey, IndicatorValues } from "../../../../src/core/model";
import { defaultSettings } from "../../../../src/core/settings";
import { PREFECTURE_NAMES, type PrefectureName } from "../../../../src/core/vocabulary";
import { ANNEX3_SOURCE_COLUMNS } from "../../../core/records";

export const CS_FILE = "长沙市推荐汇总表.xlsx";
export const ZZ_FILE = "株洲市推荐汇总表.xlsx";
export const ZZ_DOCX = "株洲天元智造科技有限公司申报表.docx";
export const XX_FILE = "湘西州推荐汇总表.xlsx";
export const EVIL_ENTERPRISE = '=HYPERLINK("http://evil.example/x","点击查看")';

function rec(
  p: Partial<CaseRecord> &
    Pick<CaseRecord, "prefecture" | "order" | "caseName" | "enterprise" | "source">
): CaseRecord {
  return {
    form: null,
    uscc: "",
    category: null,
    categoryRaw: "",
    direction: null,
    directionRaw: "",
    level: null,
    levelRaw: "",
    summary: "",
    summaryCell: "",
    contact: "",
    phone: "",
    date: null,
    score: null,
    columns: p.source.row === null ? {} : { ...ANNEX3_SOURCE_COLUMNS },
    ...p,
  };
}

export const RECORDS: CaseRecord[] = [
  rec({
    prefecture: "长沙市",
    order: 1,
    caseName: "工程机械行业工业互联网安全分类分级实践",
    enterprise: "三一重工股份有限公司",
    uscc: "91430000722591425D",
    category: "工业企业",
    categoryRaw: "工业企业",
    direction: "工业互联网安全分类分级案例",
    directionRaw: "工业互联网安全分类分级案例",
    level: "三级",
    levelRaw: "三级",
    summary: "完成自主定级与符合性评测，覆盖12个工厂。",
    summaryCell: "工业互联网安全分类分级案例：完成自主定级与符合性评测，覆盖12个工厂。",
    contact: "王伟",
    phone: "0731-84031234",
    date: "2024-11-20",
    source: { file: CS_FILE, sheet: "推荐汇总表", row: 5 },
  }),
  rec({
    prefecture: "长沙市",
    order: 2,
    caseName: "智能网联汽车数据安全防护体系建设",
    enterprise: "湖南湘江智能科技创新中心有限公司",
    category: "车联网服务平台企业",
    categoryRaw: "车联网相关企业",
    direction: "车联网网络安全防护案例",
    directionRaw: "车联网",
    level: "三级",
    levelRaw: "3级",
    summary: "建成车联网安全监测平台，接入车辆一万余台，".repeat(5),
    summaryCell: "【车联网】" + "建成车联网安全监测平台，接入车辆一万余台，".repeat(5),
    contact: "李娜",
    phone: "13807311234",
    date: "2024-12-02",
    source: { file: CS_FILE, sheet: "推荐汇总表", row: 6 },
  }),
  rec({
    prefecture: "长沙市",
    order: 3,
    caseName: "工控系统安全评估与整改",
    enterprise: "长沙某电子材料有限公司",
    categoryRaw: "材料企业",
    direction: "工业控制系统安全评估案例",
    directionRaw: "3",
    summary: "评估发现风险23项，已全部整改。",
    summaryCell: "3.评估发现风险23项，已全部整改。",
    contact: "赵强",
    phone: "0731-88880000",
    source: { file: CS_FILE, sheet: "推荐汇总表", row: 7 },
  }),
  rec({
    prefecture: "株洲市",
    order: 1,
    caseName: "轨道交通装备工控漏洞闭环治理",
    enterprise: "中车株洲电力机车有限公司",
    uscc: "91430200183811467K",
    category: "工业企业",
    categoryRaw: "工业企业",
    direction: "工业控制产品漏洞治理案例",
    directionRaw: "工业控制产品漏洞治理案例",
    summary: "建立漏洞发现、验证、修复闭环机制。",
    summaryCell: "工业控制产品漏洞治理案例：建立漏洞发现、验证、修复闭环机制。",
    contact: "陈静",
    phone: "0731-28491111",
    date: "2023-06-30",
    source: { file: ZZ_FILE, sheet: "Sheet1", row: 5 },
  }),
  rec({
    prefecture: "株洲市",
    order: 2,
    caseName: "硬质合金工厂分类分级防护",
    enterprise: "株洲硬质合金集团有限公司",
    category: "工业企业",
    categoryRaw: "工业企业",
    direction: "工业互联网安全分类分级案例",
    directionRaw: "分类分级",
    level: "二级",
    levelRaw: "二级",
    summary: "分级防护全覆盖。",
    summaryCell: "分类分级：分级防护全覆盖。",
    contact: "刘洋",
    phone: "0731-22001234",
    date: "2024-10-08",
    source: { file: ZZ_FILE, sheet: "Sheet1", row: 6 },
  }),
  rec({
    prefecture: "株洲市",
    order: 3,
    caseName: "面向中小企业的网络安全威胁监测服务",
    enterprise: "株洲天元智造科技有限公司",
    uscc: "91430211MA4L12345X",
    category: "基础电信企业",
    categoryRaw: "基础电信企业",
    direction: "网络安全威胁监测服务案例",
    directionRaw: "网络安全威胁监测服务案例",
    summary: "为300家中小企业提供7×24小时监测。",
    summaryCell: "网络安全威胁监测服务案例：为300家中小企业提供7×24小时监测。",
    contact: "周敏",
    phone: "18673300001",
    date: "2024-12-10",
    source: { file: ZZ_DOCX, sheet: "申报表", row: null },
  }),
  rec({
    prefecture: "湘西土家族苗族自治州",
    order: 1,
    caseName: "湘西州工业企业网络安全评估",
    enterprise: "三一重工股份有限公司",
    uscc: "91430000722591425D",
    category: "工业企业",
    categoryRaw: "工业企业",
    direction: "工业控制系统安全评估案例",
    directionRaw: "工控评估",
    summary: "开展工控系统安全评估。",
    summaryCell: "工控评估：开展工控系统安全评估。",
    contact: "彭丽",
    phone: "0743-8221234",
    date: "2024-12-12",
    source: { file: XX_FILE, sheet: "推荐汇总表", row: 5 },
  }),
  rec({
    prefecture: "湘西土家族苗族自治州",
    order: 2,
    caseName: "+cmd|' /C calc'!A0",
    enterprise: EVIL_ENTERPRISE,
    categoryRaw: "@SUM(1+1)",
    summary: "-2+3",
    summaryCell: "-2+3",
    contact: "@张三",
    phone: "+86 743 1234",
    date: "2024-12-15",
    source: { file: XX_FILE, sheet: "推荐汇总表", row: 6 },
  }),
];

function f(
  code: Finding["code"],
  where: Parameters<typeof finding>[1],
  message: string,
  enterprise: string | null,
  prefecture: string | null,
  severity?: Finding["severity"]
): Finding {
  return finding(code, where, message, {
    enterprise,
    prefecture,
    ...(severity ? { severity } : {}),
  });
}

export const FINDINGS: Finding[] = [
  f(
    "R2",
    { file: CS_FILE, sheet: "推荐汇总表", row: 5, column: "E" },
    "三一重工股份有限公司同时申报了工业互联网安全分类分级案例和工业控制系统安全评估案例（湘西土家族苗族自治州）",
    "三一重工股份有限公司",
    "长沙市"
  ),
  f(
    "R5",
    { file: CS_FILE, sheet: "推荐汇总表", row: 6, column: "E" },
    "案例申报方向和简述共 110 字，超过 100 字的限制",
    "湖南湘江智能科技创新中心有限公司",
    "长沙市"
  ),
  f(
    "R7",
    { file: CS_FILE, sheet: "推荐汇总表", row: 7, column: "D" },
    "企业类别“材料企业”无法识别",
    "长沙某电子材料有限公司",
    "长沙市"
  ),
  f(
    "R4",
    { file: ZZ_FILE, sheet: "Sheet1", row: 5, column: null },
    "申报日期 2023-06-30 不在 2024 年度",
    "中车株洲电力机车有限公司",
    "株洲市"
  ),
  f(
    "ID",
    { file: ZZ_DOCX, sheet: "基本情况", row: null, column: "组织机构代码/三证合一码" },
    "统一社会信用代码 91430211MA4L12345X 第 18 位校验码应为 Y",
    "株洲天元智造科技有限公司",
    "株洲市"
  ),
  f(
    "R2",
    { file: XX_FILE, sheet: "推荐汇总表", row: 5, column: "E" },
    "三一重工股份有限公司同时申报了工业互联网安全分类分级案例（长沙市）和工业控制系统安全评估案例",
    "三一重工股份有限公司",
    "湘西土家族苗族自治州"
  ),
  f(
    "FILE",
    { file: "娄底市推荐汇总表.xls" },
    "这是旧版 .xls 文件，请另存为 .xlsx 后重新导入",
    null,
    "娄底市"
  ),
].sort(compareFindings);

const V = (
  pref: PrefectureName,
  file: string,
  values: Partial<Record<IndicatorKey, number | null>>
): IndicatorValues => ({
  prefecture: pref,
  values,
  header: {},
  lists: {},
  source: { file, sheet: "附件2", row: null },
  cells: {},
});

export const CS_IND: Partial<Record<IndicatorKey, number | null>> = {
  tier3: 12,
  tier2: 30,
  tier1: 55,
  conformity: 40,
  fiveSteps: 25,
  vehicleFiled: 6,
  vehicleProtected: 4,
  icsPilots: 10,
  icsRisksFound: 86,
  icsRisksFixed: 79,
  noticeIssues: 12,
  noticeHazards: 230,
  noticeHazardsFixed: 214,
  icsVulns: 17,
  trainings: 8,
  trainingEnterprises: 420,
  trainingKeyPct: 62.5,
  monitorTelecoms: 3,
  monitorIndustrial: 150,
  monitorVehicle: 5,
  insurancePlans: 2,
  platformAssessed: 4,
  deepCities: 1,
  deepEnterprises: 60,
  drillIndustrial: 15,
  drillVehicle: 3,
  talents: 40,
};
/** 株洲 left 一级 and 风险隐患完成整改 blank: those are "no data", never 0. */
export const ZZ_IND: Partial<Record<IndicatorKey, number | null>> = {
  tier3: 5,
  tier2: 18,
  tier1: null,
  conformity: 20,
  fiveSteps: 12,
  vehicleFiled: 2,
  vehicleProtected: 2,
  icsPilots: 6,
  icsRisksFound: 41,
  icsRisksFixed: 30,
  noticeIssues: 6,
  noticeHazards: 95,
  noticeHazardsFixed: null,
  icsVulns: 4,
  trainings: 5,
  trainingEnterprises: 180,
  trainingKeyPct: 40,
  monitorTelecoms: 2,
  monitorIndustrial: 60,
  monitorVehicle: 0,
  insurancePlans: 1,
  platformAssessed: 0,
  deepCities: 1,
  deepEnterprises: 25,
  drillIndustrial: 8,
  drillVehicle: 0,
  talents: 12,
};

export function sampleMerge(): MergeResult {
  const reported = new Set<PrefectureName>(["长沙市", "株洲市", "湘西土家族苗族自治州"]);
  return {
    settings: defaultSettings(2024),
    inputs: [],
    replaced: [],
    records: RECORDS.map((r) => ({ ...r, source: { ...r.source }, columns: { ...r.columns } })),
    findings: FINDINGS.map((x) => ({ ...x })),
    missingPrefectures: PREFECTURE_NAMES.filter((p) => !reported.has(p)),
    indicators: {
      长沙市: V("长沙市", "长沙市附件2.xlsx", CS_IND),
      株洲市: V("株洲市", "株洲市附件2.xlsx", ZZ_IND),
    },
    meta: {},
  };
}
