/**
 * The words of the notice (湘工信信软〔2024〕469号): prefectures, enterprise categories, application directions and
 * security levels, with the spellings clerks actually use, and parsers that map those spellings to one canonical form.
 * How a direction is written in front of a 简述, and the 附件3 cell read and written, are in ./directionText.
 */
import { oneToFive } from "./numerals";
import { cleanText, toHalfWidth } from "./text";

// ---------------------------------------------------------------------------------------------------------------
// 14 prefectures of Hunan, GB/T 2260 order

export const PREFECTURES = [
  { code: "430100", name: "长沙市", short: "长沙" },
  { code: "430200", name: "株洲市", short: "株洲" },
  { code: "430300", name: "湘潭市", short: "湘潭" },
  { code: "430400", name: "衡阳市", short: "衡阳" },
  { code: "430500", name: "邵阳市", short: "邵阳" },
  { code: "430600", name: "岳阳市", short: "岳阳" },
  { code: "430700", name: "常德市", short: "常德" },
  { code: "430800", name: "张家界市", short: "张家界" },
  { code: "430900", name: "益阳市", short: "益阳" },
  { code: "431000", name: "郴州市", short: "郴州" },
  { code: "431100", name: "永州市", short: "永州" },
  { code: "431200", name: "怀化市", short: "怀化" },
  { code: "431300", name: "娄底市", short: "娄底" },
  { code: "433100", name: "湘西土家族苗族自治州", short: "湘西州" },
] as const;

export type Prefecture = (typeof PREFECTURES)[number];
export type PrefectureName = Prefecture["name"];
export const PREFECTURE_NAMES: readonly PrefectureName[] = PREFECTURES.map((p) => p.name);

export const PROVINCE_BUREAU = "湖南省工业和信息化厅";

/** The 推荐单位 of a prefecture's 推荐汇总表: its 工业和信息化局; '' when the prefecture is not known. */
export function bureauName(prefecture: PrefectureName | null): string {
  return prefecture ? `${prefecture}工业和信息化局` : "";
}

/**
 * Map a prefecture as written (长沙 / 长沙市 / 长沙市工业和信息化局 / 湘西州 / 湘西自治州 / 430100) to its full name.
 * Returns null when nothing matches.
 */
export function parsePrefecture(input: unknown): PrefectureName | null {
  const s = toHalfWidth(cleanText(input)).replace(/\s/g, "");
  if (s === "") return null;
  for (const p of PREFECTURES) if (s === p.code) return p.name;
  if (/湘西/.test(s)) return "湘西土家族苗族自治州";
  for (const p of PREFECTURES) if (s.startsWith(p.short) || s.includes(p.name)) return p.name;
  // a bureau's name somewhere inside a longer text: "推荐单位：株洲市工业和信息化局"
  for (const p of PREFECTURES) if (s.includes(p.short + "市")) return p.name;
  return null;
}

export function prefectureIndex(name: PrefectureName): number {
  return PREFECTURE_NAMES.indexOf(name);
}

// ---------------------------------------------------------------------------------------------------------------
// Enterprise categories (企业类别)

export const CATEGORIES = [
  "工业企业",
  "工业互联网平台企业",
  "工业互联网标识解析企业",
  "智能网联汽车生产企业",
  "车联网服务平台企业",
  "工业控制产品厂商",
  "基础电信企业",
  "网络安全企业",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Shorter spellings seen on 附件3 (the hint says 平台企业/标识解析企业, 车联网相关企业, 工控产品厂商). */
const CATEGORY_SYNONYMS: ReadonlyArray<[RegExp, Category]> = [
  [/标识解析/, "工业互联网标识解析企业"],
  [/(工业互联网)?平台/, "工业互联网平台企业"],
  [/智能网联|汽车生产|整车/, "智能网联汽车生产企业"],
  [/车联网/, "车联网服务平台企业"],
  [/工控|工业控制/, "工业控制产品厂商"],
  [/基础电信|电信运营|运营商/, "基础电信企业"],
  [/网络安全|网安|安全企业/, "网络安全企业"],
  [/^联网工业企业$|^工业企业$|^工业$|制造业?企业/, "工业企业"],
];

export function parseCategory(input: unknown): Category | null {
  const s = toHalfWidth(cleanText(input)).replace(/\s/g, "");
  if (s === "") return null;
  for (const c of CATEGORIES) if (s === c) return c;
  for (const [re, c] of CATEGORY_SYNONYMS) if (re.test(s)) return c;
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Application directions (申报方向), numbered 1–5 as in the notice

export const DIRECTIONS = [
  { no: 1, name: "工业互联网安全分类分级案例", short: "分类分级", keys: ["分类分级"] },
  { no: 2, name: "车联网网络安全防护案例", short: "车联网", keys: ["车联网"] },
  {
    no: 3,
    name: "工业控制系统安全评估案例",
    short: "工控评估",
    keys: ["安全评估", "工控评估", "工控系统评估", "控制系统"],
  },
  { no: 4, name: "工业控制产品漏洞治理案例", short: "漏洞治理", keys: ["漏洞"] },
  {
    no: 5,
    name: "网络安全威胁监测服务案例",
    short: "威胁监测",
    keys: ["威胁监测", "监测服务", "监测"],
  },
] as const;
export type Direction = (typeof DIRECTIONS)[number];
export type DirectionName = Direction["name"];
export type DirectionNo = Direction["no"];

export function directionByNo(no: number): Direction | undefined {
  return DIRECTIONS.find((d) => d.no === no);
}

export function directionByName(name: DirectionName): Direction {
  return DIRECTIONS.find((d) => d.name === name)!;
}

// ---------------------------------------------------------------------------------------------------------------
// Security levels (网络安全级别)

export const LEVELS = ["五级", "四级", "三级", "二级", "一级"] as const;
export type Level = (typeof LEVELS)[number];

/** Levels each direction accepts; other directions take none. 三级 is the highest for 分类分级, 五级 for 车联网. */
export const LEVELS_BY_DIRECTION: Readonly<Partial<Record<DirectionName, readonly Level[]>>> = {
  工业互联网安全分类分级案例: ["三级", "二级", "一级"],
  车联网网络安全防护案例: ["五级", "四级", "三级", "二级", "一级"],
};

/** 三级 / 3级 / 第三级 / Ⅲ级 / 三 / 3 / 3.0 / "Level 3" → 三级. Returns null for anything else (blank included). */
export function parseLevel(input: unknown): Level | null {
  if (typeof input === "number")
    return Number.isInteger(input) && input >= 1 && input <= 5 ? LEVELS[5 - input] : null;
  // a blank cell (most rows: the official table has no level column) is no level, without folding
  if (input === "") return null;
  const s = toHalfWidth(cleanText(input)).replace(/\s/g, "").toUpperCase();
  if (s === "") return null;
  const m = /^(?:第|LEVEL|L)?([1-5一二三四五ⅠⅡⅢⅣⅤ]|I{1,3}|IV|V)(?:\.0+)?(?:级|等级|级别)?$/.exec(s);
  if (!m) return null;
  const n = oneToFive(m[1]);
  return n ? LEVELS[5 - n] : null;
}
