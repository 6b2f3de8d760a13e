/**
 * The 附件2 成效突出地区 indicators: one definition per blank ("__ 家") of the form, in the form's order, with the
 * Chinese label used when writing and the patterns used to recognise the label when reading a clerk's sheet.
 */
import { memoOfString } from "./memo";
import type { IndicatorHeaderKey, IndicatorKey } from "./model";

export interface IndicatorDef {
  key: IndicatorKey;
  /** 一 安全管理成效 / 二 服务赋能成效, and the item number inside it (as on the form). */
  section: "安全管理成效" | "服务赋能成效";
  item: number;
  /** Label as written on our sheets. */
  label: string;
  unit: "家" | "项" | "个" | "期/次" | "场" | "%" | "名";
  /** Patterns matched against a label cell (half-width, no spaces). The first def whose pattern matches wins. */
  match: RegExp[];
  /** Count of enterprises / items (whole ≥ 0) or a percentage (0–100). */
  kind: "count" | "percent";
}

export const INDICATOR_DEFS: readonly IndicatorDef[] = [
  {
    key: "tier3",
    section: "安全管理成效",
    item: 1,
    label: "三级工业互联网企业（家）",
    unit: "家",
    kind: "count",
    match: [/三级(工业互联网)?企业/, /^三级$/, /^三级企业数?/],
  },
  {
    key: "tier2",
    section: "安全管理成效",
    item: 1,
    label: "二级工业互联网企业（家）",
    unit: "家",
    kind: "count",
    match: [/二级(工业互联网)?企业/, /^二级$/],
  },
  {
    key: "tier1",
    section: "安全管理成效",
    item: 1,
    label: "一级工业互联网企业（家）",
    unit: "家",
    kind: "count",
    match: [/一级(工业互联网)?企业/, /^一级$/],
  },
  {
    key: "conformity",
    section: "安全管理成效",
    item: 1,
    label: "完成符合性评测的企业（家）",
    unit: "家",
    kind: "count",
    match: [/符合性评测/],
  },
  {
    key: "fiveSteps",
    section: "安全管理成效",
    item: 1,
    label: "完成“五步走”全环节工作的企业（家）",
    unit: "家",
    kind: "count",
    match: [/五步走|全环节/],
  },
  {
    key: "vehicleFiled",
    section: "安全管理成效",
    item: 2,
    label: "车联网网络安全防护定级备案企业（家）",
    unit: "家",
    kind: "count",
    match: [/定级备案/],
  },
  {
    key: "vehicleProtected",
    section: "安全管理成效",
    item: 2,
    label: "完成防护、评测等工作的车联网企业（家）",
    unit: "家",
    kind: "count",
    match: [/完成防护|防护[、,]?评测/],
  },
  {
    key: "icsPilots",
    section: "安全管理成效",
    item: 3,
    label: "工业控制系统网络安全评估试点企业（家）",
    unit: "家",
    kind: "count",
    match: [/评估试点|工控.*评估.*企业|组织.*企业.*评估/],
  },
  {
    key: "icsRisksFound",
    section: "安全管理成效",
    item: 3,
    label: "评估发现企业安全风险（项）",
    unit: "项",
    kind: "count",
    match: [/发现.*安全风险|发现风险/],
  },
  {
    key: "icsRisksFixed",
    section: "安全管理成效",
    item: 3,
    label: "评估发现风险已整改（项）",
    unit: "项",
    kind: "count",
    match: [/风险.*整改|^整改(项|数)?/],
  },
  {
    key: "noticeIssues",
    section: "安全管理成效",
    item: 4,
    label: "网络安全风险通报（期/次）",
    unit: "期/次",
    kind: "count",
    match: [/风险通报|通报.*期/],
  },
  {
    key: "noticeHazards",
    section: "安全管理成效",
    item: 4,
    label: "通报风险隐患数量（个）",
    unit: "个",
    kind: "count",
    match: [/通报风险隐患|风险隐患数量|通报.*隐患/],
  },
  {
    key: "noticeHazardsFixed",
    section: "安全管理成效",
    item: 4,
    label: "风险隐患完成整改（个）",
    unit: "个",
    kind: "count",
    match: [/隐患.*完成整改|完成整改/],
  },
  {
    key: "icsVulns",
    section: "安全管理成效",
    item: 4,
    label: "发现、验证、修复工控产品漏洞（个）",
    unit: "个",
    kind: "count",
    match: [/漏洞/],
  },
  {
    key: "trainings",
    section: "安全管理成效",
    item: 5,
    label: "网络安全政策宣贯培训（场）",
    unit: "场",
    kind: "count",
    match: [/宣贯培训|培训场次|培训.*场/],
  },
  {
    key: "trainingEnterprises",
    section: "安全管理成效",
    item: 5,
    label: "培训覆盖企业（家）",
    unit: "家",
    kind: "count",
    match: [/覆盖.*相关企业|培训覆盖|覆盖企业/],
  },
  {
    key: "trainingKeyPct",
    section: "安全管理成效",
    item: 5,
    label: "其中重点行业规上企业占比（%）",
    unit: "%",
    kind: "percent",
    match: [/规上|重点行业.*%|占比/],
  },
  {
    key: "monitorTelecoms",
    section: "服务赋能成效",
    item: 1,
    label: "监测服务试点基础电信企业（家）",
    unit: "家",
    kind: "count",
    match: [/基础电信企业/],
  },
  {
    key: "monitorIndustrial",
    section: "服务赋能成效",
    item: 1,
    label: "监测服务重点工业企业（家）",
    unit: "家",
    kind: "count",
    match: [/监测服务.*工业企业|重点工业企业/],
  },
  {
    key: "monitorVehicle",
    section: "服务赋能成效",
    item: 1,
    label: "监测服务车联网企业（家）",
    unit: "家",
    kind: "count",
    match: [/监测.*车联网/],
  },
  {
    key: "insurancePlans",
    section: "服务赋能成效",
    item: 2,
    label: "网络安全保险服务方案（个）",
    unit: "个",
    kind: "count",
    match: [/保险/],
  },
  {
    key: "platformAssessed",
    section: "服务赋能成效",
    item: 3,
    label: "完成安全评估的工业互联网平台企业（家）",
    unit: "家",
    kind: "count",
    match: [/平台企业.*评估|体检评估|评估.*平台企业/],
  },
  {
    key: "deepCities",
    section: "服务赋能成效",
    item: 4,
    label: "“深度行”覆盖地市（个）",
    unit: "个",
    kind: "count",
    match: [/深度行.*地市|覆盖.*地市/],
  },
  {
    key: "deepEnterprises",
    section: "服务赋能成效",
    item: 4,
    label: "“深度行”覆盖工业企业（家）",
    unit: "家",
    kind: "count",
    match: [/深度行.*企业/],
  },
  {
    key: "drillIndustrial",
    section: "服务赋能成效",
    item: 5,
    label: "“铸网”演练覆盖工业互联网企业（家）",
    unit: "家",
    kind: "count",
    match: [/(铸网|演练).*工业互联网企业/],
  },
  {
    key: "drillVehicle",
    section: "服务赋能成效",
    item: 5,
    label: "“铸网”演练覆盖车联网企业（家）",
    unit: "家",
    kind: "count",
    match: [/(铸网|演练).*车联网/],
  },
  {
    key: "talents",
    section: "服务赋能成效",
    item: 6,
    label: "选拔培养网络安全专业人才（名）",
    unit: "名",
    kind: "count",
    match: [/人才|赛事/],
  },
];

export const INDICATOR_DEF_BY_KEY: Readonly<Record<IndicatorKey, IndicatorDef>> =
  Object.fromEntries(INDICATOR_DEFS.map((d) => [d.key, d])) as Record<IndicatorKey, IndicatorDef>;

/**
 * Match a label cell to an indicator. Tries the most specific definitions first so that "监测服务车联网企业" is not
 * taken for "定级备案" and "演练…车联网企业" is not taken for "监测…车联网". Each text's answer is kept: the 14
 * workbooks of a merge carry the notice's same few dozen labels (1,652 cells, 65 texts), each tried against some 60
 * patterns.
 */
export const matchIndicatorLabel: (label: string) => IndicatorKey | null = memoOfString(
  matchIndicatorLabelOf,
  20_000
);

function matchIndicatorLabelOf(label: string): IndicatorKey | null {
  const s = label.replace(/\s/g, "");
  if (s === "") return null;
  for (const key of MATCH_ORDER) {
    if (INDICATOR_DEF_BY_KEY[key].match.some((re) => re.test(s))) return key;
  }
  return null;
}

const MATCH_ORDER: IndicatorKey[] = [
  "drillIndustrial",
  "drillVehicle",
  "deepCities",
  "deepEnterprises",
  "monitorVehicle",
  "monitorIndustrial",
  "monitorTelecoms",
  "platformAssessed",
  "insurancePlans",
  "trainingKeyPct",
  "trainingEnterprises",
  "trainings",
  "fiveSteps",
  "conformity",
  "vehicleProtected",
  "vehicleFiled",
  "noticeHazardsFixed",
  "noticeHazards",
  "noticeIssues",
  "icsVulns",
  "icsRisksFixed",
  "icsRisksFound",
  "icsPilots",
  "tier3",
  "tier2",
  "tier1",
  "talents",
];

export const INDICATOR_HEADER_LABELS: Record<IndicatorHeaderKey, string> = {
  unitName: "申报单位名称",
  leader: "负责人",
  leaderTitle: "职务",
  contactName: "联系人姓名",
  contactDept: "部门及职务",
  contactPhone: "联系电话",
  contactEmail: "邮箱地址",
  classifiedManagement: "是否组织开展工业互联网安全分类分级管理",
  keyEnterpriseList: "是否建立属地工业互联网领域网络安全重点企业清单",
  regionDirection: "申报方向",
};
