/**
 * Sample data for `huhang demo` and the benchmarks: 13 of the 14 prefectures (张家界市 has not reported), realistic
 * enterprises and cases, and deliberately planted problems so that every finding code shows up once in the demo.
 * Deterministic: the same arguments give the same data.
 */
import type { IndicatorKey } from "../../core/model";
import { makeUscc } from "../../core/uscc";
import {
  PREFECTURES,
  type Category,
  type Prefecture,
  type PrefectureName,
} from "../../core/vocabulary";

export interface SampleRow {
  caseName: string;
  enterprise: string;
  uscc: string | number;
  category: string;
  direction: number;
  level: string;
  summary: string;
  contact: string;
  phone: string;
}

export interface SamplePrefecture {
  prefecture: Prefecture;
  rows: SampleRow[];
  indicators: Partial<Record<IndicatorKey, number | string>>;
  contact: string;
  phone: string;
  date: string;
}

/** A small seeded generator (mulberry32): the same values on every run (the demo's data, the tests' value sets). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BRANDS = [
  "华菱",
  "中联",
  "远大",
  "湘电",
  "楚天",
  "金杯",
  "晟通",
  "山河",
  "湘钢",
  "博云",
  "威胜",
  "科力远",
  "天易",
  "九华",
  "华曙",
  "长缆",
  "湘投",
  "时代",
  "鸿远",
  "衡钢",
  "岳化",
  "桃花江",
  "五凌",
  "金天",
  "东江",
  "潇湘",
  "雪峰",
  "梅山",
  "武陵",
  "酉水",
];
const TRADES: ReadonlyArray<[string, Category, number]> = [
  ["钢铁", "工业企业", 1],
  ["工程机械", "工业企业", 3],
  ["电机", "工业企业", 1],
  ["石化", "工业企业", 3],
  ["有色金属", "工业企业", 1],
  ["工业互联网平台", "工业互联网平台企业", 1],
  ["标识解析", "工业互联网标识解析企业", 1],
  ["智能网联汽车", "智能网联汽车生产企业", 2],
  ["车联网科技", "车联网服务平台企业", 2],
  ["自动化仪表", "工业控制产品厂商", 4],
  ["网络安全技术", "网络安全企业", 4],
  ["电子", "工业企业", 4],
];
const SUFFIX = ["有限公司", "股份有限公司", "集团有限公司", "科技有限公司"];
const SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗";
const GIVEN = [
  "建国",
  "海燕",
  "志强",
  "丽华",
  "文斌",
  "晓东",
  "红梅",
  "俊杰",
  "思远",
  "雅琴",
  "立新",
  "春生",
];
const CASE_WORDS: Record<number, string[]> = {
  1: ["工业互联网安全分类分级管理实践", "分级防护体系建设", "自主定级与符合性评测全流程实践"],
  2: ["车联网平台网络安全防护实践", "智能网联汽车数据安全防护", "车云一体安全防护体系"],
  3: ["工业控制系统安全评估与整改", "生产线工控安全基线评估", "DCS系统网络安全评估实践"],
  4: ["工控产品漏洞发现与闭环治理", "PLC产品漏洞众测与修复", "工控设备漏洞全生命周期管理"],
  5: ["工业企业专线流量威胁监测服务", "面向园区的网络安全威胁监测", "工业互联网威胁监测与通报处置"],
};
const SUMMARY_WORDS: Record<number, string> = {
  1: "完成自主定级和定级核查，按三级要求部署分级防护措施，通过符合性评测并整改风险隐患{n}项，形成可复制的分类分级管理做法。",
  2: "完成车联网平台定级备案，建成车端、管端、云端协同防护体系，开展安全评测并整改隐患{n}项。",
  3: "对照防护指南33项基线要求开展评估，覆盖{n}套控制系统，发现并整改高危风险，运营值守常态化。",
  4: "建立漏洞发现、验证、修复、处置闭环机制，年内处置工控产品漏洞{n}个，参与国家级漏洞众测。",
  5: "汇聚{n}家工业企业互联网专线流量，实时发现攻击和恶意程序传播，数据上报省级平台并支撑通报处置。",
};
const TELECOMS = [
  "中国电信股份有限公司湖南分公司",
  "中国移动通信集团湖南有限公司",
  "中国联合网络通信有限公司湖南省分公司",
];

/** Prefectures that report in the demo: all but 张家界市. */
export const DEMO_MISSING: PrefectureName = "张家界市";

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function person(r: () => number): string {
  return pick(r, [...SURNAMES]) + pick(r, GIVEN);
}

function mobile(r: () => number): string {
  return (
    "1" + pick(r, ["39", "58", "73", "86", "89"]) + String(Math.floor(r() * 1e8)).padStart(8, "0")
  );
}

function makeRow(r: () => number, p: Prefecture, i: number, used: Set<string>): SampleRow {
  const [trade, category, direction0] = pick(r, TRADES);
  const telecom = direction0 === 4 && r() < 0.1;
  const direction = telecom ? 5 : direction0;
  let enterprise = telecom
    ? pick(r, TELECOMS).replace("湖南", `湖南${p.short}`)
    : `湖南${pick(r, BRANDS)}${trade}${i > 0 ? i : ""}${pick(r, SUFFIX)}`.replace(
        /(\d+)/,
        (d) => `${p.short}${d}号`
      );
  // two prefectures drawing the same brand and trade would be an unplanted R2/R3: prefix the prefecture instead
  if (used.has(enterprise)) enterprise = enterprise.replace(/^湖南/, `湖南${p.short}`);
  used.add(enterprise);
  const level =
    direction === 1
      ? pick(r, ["三级", "二级", "一级", "3级", "第二级"])
      : direction === 2
        ? pick(r, ["三级", "四级", "二级"])
        : "";
  const body = String(Math.floor(r() * 1e8)).padStart(8, "0");
  return {
    caseName: `${pick(r, BRANDS)}${pick(r, CASE_WORDS[direction])}`,
    enterprise,
    uscc: makeUscc(p.code, body),
    category: telecom ? "基础电信企业" : category,
    direction,
    level,
    summary: SUMMARY_WORDS[direction].replace("{n}", String(5 + Math.floor(r() * 60))),
    contact: person(r),
    phone:
      r() < 0.5
        ? mobile(r)
        : `0${p.code.startsWith("4331") ? "743" : "73" + (1 + Math.floor(r() * 9))}-${String(Math.floor(r() * 1e7)).padStart(8, "8")}`,
  };
}

function makeIndicators(r: () => number, scale: number): SamplePrefecture["indicators"] {
  const n = (lo: number, hi: number) => Math.round((lo + r() * (hi - lo)) * scale);
  const tier3 = n(2, 15);
  const tier2 = n(10, 40);
  const tier1 = n(20, 90);
  const conformity = Math.min(tier3 + tier2 + tier1, n(15, 60));
  const found = n(20, 200);
  const hazards = n(10, 90);
  const out: SamplePrefecture["indicators"] = {
    tier3,
    tier2,
    tier1,
    conformity,
    fiveSteps: Math.floor(conformity * 0.7),
    vehicleFiled: n(0, 6),
    icsPilots: n(3, 20),
    icsRisksFound: found,
    icsRisksFixed: Math.floor(found * (0.7 + r() * 0.3)),
    noticeIssues: n(4, 24),
    noticeHazards: hazards,
    noticeHazardsFixed: Math.floor(hazards * (0.8 + r() * 0.2)),
    icsVulns: n(0, 30),
    trainings: n(2, 12),
    trainingEnterprises: n(50, 400),
    trainingKeyPct: Math.round(40 + r() * 55),
    monitorTelecoms: 3,
    monitorIndustrial: n(50, 500),
    monitorVehicle: n(0, 10),
    insurancePlans: n(0, 4),
    platformAssessed: n(0, 8),
    deepCities: 1,
    deepEnterprises: n(10, 80),
    drillIndustrial: n(2, 20),
    drillVehicle: n(0, 5),
    talents: n(5, 60),
  };
  out.vehicleProtected = Math.min(Number(out.vehicleFiled), n(0, 6));
  return out;
}

/**
 * The demo's 13 prefectures. `rowsPerPrefecture` sets the size (the demo uses 6–9; benchmarks 1,000 and 5,000).
 * Planted problems (only with `plant`): see the comments below; each names the finding it must produce.
 */
export function sampleData(
  rowsPerPrefecture?: number,
  plant = true,
  allPrefectures = false
): SamplePrefecture[] {
  const out: SamplePrefecture[] = [];
  const used = new Set<string>();
  for (const p of PREFECTURES) {
    if (p.name === DEMO_MISSING && !allPrefectures) continue;
    const r = seededRandom(Number(p.code));
    const count = rowsPerPrefecture ?? 6 + Math.floor(r() * 4);
    const rows = Array.from({ length: count }, (_, i) =>
      makeRow(r, p, rowsPerPrefecture ? i : 0, used)
    );
    out.push({
      prefecture: p,
      rows,
      indicators: makeIndicators(r, 1),
      contact: person(r),
      phone: mobile(r),
      date: "2024年12月16日",
    });
  }
  if (plant) plantProblems(out);
  return out;
}

function byName(list: SamplePrefecture[], name: PrefectureName): SamplePrefecture {
  return list.find((s) => s.prefecture.name === name)!;
}

function plantProblems(list: SamplePrefecture[]): void {
  const cs = byName(list, "长沙市");
  // R1: a consortium
  cs.rows[2] = {
    ...cs.rows[2],
    enterprise: "湖南麓谷智造科技有限公司、长沙工控安全研究院有限公司联合体",
  };
  // R2: one enterprise under direction 1 in 株洲 and direction 3 in 湘潭 (the 湘潭 row gives no credit code)
  const shared = {
    enterprise: "湖南湘江重工装备股份有限公司",
    uscc: makeUscc("430200", "55667788"),
  };
  const zz = byName(list, "株洲市");
  zz.rows[1] = {
    ...zz.rows[1],
    ...shared,
    category: "工业企业",
    direction: 1,
    level: "二级",
    caseName: "重型装备制造分类分级防护实践",
  };
  const xt = byName(list, "湘潭市");
  xt.rows[0] = {
    ...xt.rows[0],
    enterprise: "湖南湘江重工装备股份有限公司（盖章）",
    uscc: "",
    category: "工业企业",
    direction: 3,
    level: "",
    caseName: "焊装产线工控系统安全评估",
  };
  // R3: the same case recommended by 衡阳 and 岳阳
  const sameCase = {
    enterprise: "湖南南岳电控设备有限公司",
    uscc: makeUscc("430400", "31415926"),
    category: "工业控制产品厂商",
    direction: 4,
    level: "",
    caseName: "电力控制器漏洞闭环治理实践",
  };
  byName(list, "衡阳市").rows[0] = { ...byName(list, "衡阳市").rows[0], ...sameCase };
  byName(list, "岳阳市").rows[3] = {
    ...byName(list, "岳阳市").rows[3],
    ...sameCase,
    caseName: "电力控制器漏洞闭环治理实践案例",
  };
  // R5: a summary over 100 characters
  const cd = byName(list, "常德市");
  cd.rows[1] = { ...cd.rows[1], summary: cd.rows[1].summary.repeat(3) };
  // R7: an industrial enterprise under the telecoms-only direction 5
  const yy = byName(list, "益阳市");
  yy.rows[0] = { ...yy.rows[0], category: "工业企业", direction: 5, level: "" };
  // ID: a wrong check character, and a code Excel stored as a number
  const cz = byName(list, "郴州市");
  cz.rows[0] = {
    ...cz.rows[0],
    uscc:
      String(cz.rows[0].uscc).slice(0, 17) + (String(cz.rows[0].uscc).endsWith("1") ? "2" : "1"),
  };
  // an 18-digit code typed into Excel as a number keeps 15–17 significant digits: the tail is lost
  cz.rows[1] = { ...cz.rows[1], uscc: Number("914310001922038216") };
  // REQ: a row without contact person and phone
  const yz = byName(list, "永州市");
  yz.rows[2] = { ...yz.rows[2], contact: "", phone: "" };
  // IND: more hazards fixed than notified
  const hh = byName(list, "怀化市");
  hh.indicators.noticeHazardsFixed = Number(hh.indicators.noticeHazards) + 7;
  // numbers as text with full-width digits and units, and a percent written "85%"
  const ld = byName(list, "娄底市");
  ld.indicators.tier3 = "１２家";
  ld.indicators.trainingKeyPct = "85%";
}
