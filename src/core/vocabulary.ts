/**
 * The words of the notice (湘工信信软〔2024〕469号): prefectures, enterprise categories, application directions and
 * security levels, with the spellings clerks actually use, and parsers that map those spellings to one canonical form.
 */
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

export const PROVINCE_NAME = "湖南省";
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

export function prefectureByName(name: PrefectureName): Prefecture {
  return PREFECTURES[prefectureIndex(name)];
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

const CIRCLED = "①②③④⑤";
const CHINESE_DIGITS = "一二三四五";

/**
 * A direction written as a full name, a short name (分类分级, 车联网, 工控评估, 漏洞治理, 威胁监测), a number 1–5
 * (also 方向1, ①, 一) or the name without 案例. Returns null when nothing matches.
 */
export function parseDirection(input: unknown): DirectionName | null {
  const s = toHalfWidth(cleanText(input)).replace(/\s/g, "");
  if (s === "") return null;
  const num = /^(?:方向)?[（(]?([1-5])[）)]?[.、．]?$/.exec(s);
  if (num) return directionByNo(Number(num[1]))!.name;
  if (s.length === 1 && CIRCLED.includes(s)) return directionByNo(CIRCLED.indexOf(s) + 1)!.name;
  if (/^(?:方向)?[一二三四五]$/.test(s))
    return directionByNo(CHINESE_DIGITS.indexOf(s.slice(-1)) + 1)!.name;
  for (const d of DIRECTIONS)
    if (s === d.name || s === d.name.replace(/案例$/, "") || s === d.short) return d.name;
  for (const d of DIRECTIONS) if (d.keys.some((k) => s.includes(k))) return d.name;
  return null;
}

/**
 * The direction named by the text in front of a 简述, and nothing more: a number (1–5, ①, 一, 方向2), a full name, the
 * name without 案例, a short name, or the notice's wording with 安全 ("工业控制产品安全漏洞治理"). A first clause that
 * merely mentions a direction ("完成分类分级定级与防护") is not a head.
 */
export function parseDirectionHead(input: unknown): DirectionName | null {
  const h = toHalfWidth(cleanText(input))
    .replace(/\s/g, "")
    .replace(/^(申报)?方向[:：]?/, "")
    .replace(/^[【[（(]+|[】\]）):：;；。,，、.．]+$/g, "");
  if (/^[(（]?[1-5①②③④⑤一二三四五][)）]?$/.test(h))
    return parseDirection(h.replace(/[()（）]/g, ""));
  const bare = h.replace(/(案例|方向)$/, "");
  const plain = (x: string) => x.replace(/安全|案例/g, "");
  for (const d of DIRECTIONS) {
    const forms = [d.name, d.name.replace(/案例$/, ""), d.short];
    if (forms.includes(h) || forms.includes(bare) || plain(bare) === plain(d.name)) return d.name;
  }
  return null;
}

export interface DirectionCell {
  direction: DirectionName | null;
  /** The direction as written in front of the 简述 ("车联网网络安全防护", "4"), '' when none leads the cell. */
  head: string;
  summary: string;
}

/**
 * The 附件3 "案例申报方向和简述" cell leads with the direction, written in many ways:
 * "工业互联网安全分类分级案例：…", "【车联网网络安全防护】…", "方向：工业控制系统安全评估；简述：…", "3.…", "（4）…".
 * Splits it into the direction (when one leads the cell) and the summary text.
 */
export function splitDirectionCell(input: unknown): DirectionCell {
  const raw = cleanText(input);
  if (raw === "") return { direction: null, head: "", summary: "" };
  const s = toHalfWidth(raw);
  // [pattern, whether the head is explicitly labelled as a direction (then any spelling parseDirection knows counts)]
  const patterns: Array<[RegExp, boolean]> = [
    [/^(?:申报)?方向[:：]\s*([^;；。\n]+?)\s*[;；。]\s*(?:简述[:：]\s*)?([\s\S]*)$/, true],
    [/^[【[]([^】\]]+)[】\]]\s*[:：]?\s*([\s\S]*)$/, true],
    [/^(?:申报)?方向\s*([1-5])\s*[:：.、]\s*([\s\S]*)$/, true],
    [/^[（(]([1-5])[）)]\s*([\s\S]*)$/, false],
    [/^([1-5①②③④⑤])\s*[:：.、．]\s*([\s\S]*)$/, false],
    [/^([^:：;；。,，]{2,20}?)\s*[:：]\s*([\s\S]*)$/, false],
    [/^([^:：;；。,，]{2,20}?)\s*[;；。,，]\s*([\s\S]*)$/, false],
  ];
  for (const [re, labelled] of patterns) {
    const m = re.exec(s);
    if (!m) continue;
    const dir = labelled ? parseDirection(m[1]) : parseDirectionHead(m[1]);
    if (!dir) continue;
    const summary = raw
      .slice(raw.length - m[2].length)
      .trim()
      .replace(/^简述[:：]\s*/, "");
    return { direction: dir, head: m[1].trim(), summary };
  }
  // A cell that starts with the full name without punctuation: "工业互联网安全分类分级案例 企业…"
  for (const d of DIRECTIONS) {
    for (const name of [d.name, d.name.replace(/案例$/, "")]) {
      if (s.startsWith(name))
        return {
          direction: d.name,
          head: name,
          summary: raw.slice(name.length).replace(/^[\s:：;；,，。-]+/, ""),
        };
    }
  }
  return { direction: null, head: "", summary: raw };
}

/** Write the 附件3 cell back the way it is read: "方向：简述". */
export function joinDirectionCell(direction: DirectionName | null, summary: string): string {
  if (!direction) return summary;
  return summary ? `${direction}：${summary}` : direction;
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

const LEVEL_DIGITS: Record<string, number> = {
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  "5": 5,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  Ⅰ: 1,
  Ⅱ: 2,
  Ⅲ: 3,
  Ⅳ: 4,
  Ⅴ: 5,
  ⅰ: 1,
  ⅱ: 2,
  ⅲ: 3,
  ⅳ: 4,
  ⅴ: 5,
  I: 1,
  II: 2,
  III: 3,
  IV: 4,
  V: 5,
};

/** 三级 / 3级 / 第三级 / Ⅲ级 / 三 / 3 / 3.0 / "Level 3" → 三级. Returns null for anything else (blank included). */
export function parseLevel(input: unknown): Level | null {
  if (typeof input === "number")
    return Number.isInteger(input) && input >= 1 && input <= 5 ? LEVELS[5 - input] : null;
  const s = toHalfWidth(cleanText(input)).replace(/\s/g, "").toUpperCase();
  if (s === "") return null;
  const m = /^(?:第|LEVEL|L)?([1-5一二三四五ⅠⅡⅢⅣⅤ]|I{1,3}|IV|V)(?:\.0+)?(?:级|等级|级别)?$/.exec(s);
  if (!m) return null;
  const n = LEVEL_DIGITS[m[1]];
  return n ? LEVELS[5 - n] : null;
}
