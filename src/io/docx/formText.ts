/**
 * The parts of the form written as paragraphs: the cover lines ("案 例 名 称：…") and the narrative sections
 * 二、总体情况 and 三、成效与亮点. The template's own guidance paragraphs are recognised and left out, so that an
 * untouched section reads as empty.
 */
import { cleanMultiline, toHalfWidth } from "../../core/text";
import { blockText, type DocBlock } from "./docxModel";
import type { FieldKey } from "./formTable";

const COVER_LABELS: ReadonlyArray<[string, FieldKey]> = [
  ["案例名称", "caseName"],
  ["申报单位", "applicant"],
  ["推荐单位", "recommender"],
  ["申报日期", "date"],
];

/** "案 例 名 称：…" with any spacing between the characters; the value is what follows the colon. */
const COVER_RES = COVER_LABELS.map(
  // "申 报 单 位：", also with the seal note before the colon: "申报单位（盖章）：", "推荐单位(加盖单位公章):"
  ([label, key]) =>
    [
      new RegExp(
        `^[\\s\\u3000]*${[...label].join("[\\s\\u3000]*")}[\\s\\u3000]*(?:[（(][^）)]{0,8}[）)])?[\\s\\u3000]*[:：][\\s\\u3000]*(.*)$`
      ),
      key,
    ] as const
);

export interface CoverLine {
  key: FieldKey;
  value: string;
}

/** Cover lines among the paragraphs before the 基本情况 heading (or before the first table when there is none). */
export function readCover(blocks: DocBlock[]): CoverLine[] {
  const out: CoverLine[] = [];
  for (const b of blocks) {
    if (b.kind === "table") break;
    if (/^[\s\u3000]*一[\s\u3000]*[、.．][\s\u3000]*申报单位基本情况/.test(b.text)) break;
    for (const line of b.text.split("\n")) {
      const c = coverLine(line);
      if (c) out.push(c);
    }
  }
  return out;
}

/** One cover line ("案 例 名 称：…", "申报单位（盖章）：…"), or null. */
export function coverLine(line: string): CoverLine | null {
  for (const [re, key] of COVER_RES) {
    const m = re.exec(line);
    if (m) return { key, value: m[1] };
  }
  return null;
}

const HEADINGS = {
  overview:
    /^[\s\u3000]*(二|2)[\s\u3000]*[、.．][\s\u3000]*总[\s\u3000]*体[\s\u3000]*情[\s\u3000]*况/,
  highlights:
    /^[\s\u3000]*(三|3)[\s\u3000]*[、.．][\s\u3000]*成[\s\u3000]*效[\s\u3000]*与[\s\u3000]*亮[\s\u3000]*点/,
  pledge:
    /^[\s\u3000]*(四|4)[\s\u3000]*[、.．][\s\u3000]*真[\s\u3000]*实[\s\u3000]*性[\s\u3000]*承[\s\u3000]*诺/,
};

/** Opening words of the template's guidance paragraphs (whitespace removed). */
const GUIDANCE = [
  "各申报主体围绕申报案例方向",
  "工业企业、工业互联网平台企业和标识解析企业按照",
  "智能网联汽车生产企业、车联网服务平台企业开展车联网",
  "工业企业按照《工业控制系统网络安全防护要求》",
  "网络安全企业、工业控制产品厂商、工业企业按照",
  "基础电信企业发挥网络优势",
  "根据申报方向，梳理在发现漏洞",
];
const SUBHEADING =
  /^[(（][一二三四五][)）](工业互联网安全分类分级|车联网网络安全防护|工业控制系统安全评估|工业控制产品漏洞治理|网络安全威胁监测服务)方向$/;

export interface Sections {
  overview: string;
  highlights: string;
  /** Whether the headings were found at all (a form without them is read from the table only). */
  foundOverview: boolean;
  foundHighlights: boolean;
}

export function readSections(blocks: DocBlock[]): Sections {
  const acc: Record<"overview" | "highlights", string[]> = { overview: [], highlights: [] };
  const found = { overview: false, highlights: false };
  let current: "overview" | "highlights" | null = null;
  for (const b of blocks) {
    const text = blockText(b);
    if (b.kind === "p") {
      if (HEADINGS.overview.test(text)) {
        current = "overview";
        found.overview = true;
        continue;
      }
      if (HEADINGS.highlights.test(text)) {
        current = "highlights";
        found.highlights = true;
        continue;
      }
      if (HEADINGS.pledge.test(text)) {
        current = null;
        continue;
      }
    }
    if (current && !isGuidance(text)) acc[current].push(text);
  }
  return {
    overview: narrative(acc.overview),
    highlights: narrative(acc.highlights),
    foundOverview: found.overview,
    foundHighlights: found.highlights,
  };
}

function isGuidance(text: string): boolean {
  const s = text.replace(/[\s\u3000]+/g, "");
  return GUIDANCE.some((g) => s.startsWith(g));
}

/** Paragraphs joined; empty when nothing but the template's sub-headings is left. */
function narrative(paras: string[]): string {
  const text = cleanMultiline(paras.join("\n"));
  const content = text
    .split("\n")
    .filter((l) => l !== "" && !SUBHEADING.test(toHalfWidth(l).replace(/\s+/g, "")));
  return content.length === 0 ? "" : text;
}

/** The intro cell without the template's guidance ("企业基本情况（经营情况…），不超过 1000 字。"). */
export function stripIntroGuidance(text: string): string {
  const t = cleanMultiline(text);
  const flat = t.replace(/\s+/g, "");
  if (!flat.startsWith("企业基本情况")) return t;
  const m = /不超过\s*1000\s*字[。.]?/.exec(t);
  return m && m.index < 300 ? cleanMultiline(t.slice(m.index + m[0].length)) : t;
}
