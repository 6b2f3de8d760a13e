/**
 * The 附件2 成效突出地区申报表 as the notice lays it out: a header table (申报单位名称, 负责人, 职务, 联系人 姓名 /
 * 部门及职务 / 联系电话 / 邮箱地址, the two 是/否 questions, the 申报方向 tick), then 重点任务完成情况 as fill-in-the-blank
 * paragraphs ("三级工业互联网企业____家（请附名单）…", inside the table or after it), and the attached name lists (附名单)
 * as tables.
 *
 * Each blank is found by the template words around it (its label before it, or its unit and the words after it:
 * "组织____家企业开展工业控制系统…"), on the paragraph's text with spaces, quotes and punctuation folded, so that
 * "1 2 家", "１２家", a number in its own or underlined run or in a content control all read. A blank still underscored
 * (or left as spaces) is not filled: null, never 0. Keys and definitions are those of the workbook reader
 * (src/core/indicatorDefs.ts, src/io/xlsx/reader/annex2.ts, whose header-label and name-list readers are reused on the
 * Word tables); each value is located at its paragraph (part 重点任务完成情况, row = paragraph number, column = the
 * indicator's label) so the IND rules (src/core/rules/indicators.ts) point at it.
 */
import { finding, WORD_TEXT_PART, type Finding } from "../../core/findings";
import { INDICATOR_DEF_BY_KEY, matchIndicatorLabel } from "../../core/indicatorDefs";
import {
  emptyIndicatorValues,
  INDICATOR_KEYS,
  type IndicatorHeaderKey,
  type IndicatorKey,
  type IndicatorValues,
} from "../../core/model";
import { isBlankDate, parseDateText } from "../../core/dates";
import { stripSealNote } from "../../core/normalize";
import { chineseNumber } from "../../core/numerals";
import { cleanText, parseLooseNumber, stripInvisible, toHalfWidth } from "../../core/text";
import { parsePrefecture, type PrefectureName } from "../../core/vocabulary";
import { matchHeaderAnswer, mergeIndicatorValues, readIndicators } from "../xlsx/reader/annex2";
import { readLists } from "../xlsx/reader/lists";
import { readChoices } from "./choices";
import { isPlaceholderText, type DocBlock, type DocCell } from "./docxModel";
import { readCover } from "./formText";
import { tableGrid } from "./tableGrid";

/** The part the blanks are located in (describeLocation prints its rows as paragraphs). */
export const ANNEX2_TEXT_PART = WORD_TEXT_PART;
/** The part of the header table (its rows are table rows). */
export const ANNEX2_TABLE_PART = "申报表";

/** Paragraph text folded for matching: half-width, no spaces, no quotes, one separator for ，、；. */
export function fold(text: string): string {
  return toHalfWidth(stripInvisible(text))
    .replace(/[\s\u00a0]+/g, "")
    .replace(/[“”"‘’'「」『』]/g, "")
    .replace(/[、;]/g, ",")
    .replace(/[—–－]/g, "-");
}

/** A blank as filled in: digits, blanks, Chinese numerals, 共 / 约 / 余 — not the template's words. */
const V = "((?:[^,。:;()\\u4e00-\\u9fff]|[共计约近达超余多零〇一二三四五六七八九十百千两无暂])*?)";
/** Any short text in a blank (a second pass, to say what was written when it is not a number). */
const ANY = "([^,。:;()]{0,12}?)";

type Slot = readonly [IndicatorKey, readonly string[]];

/** Each blank of the notice's 重点任务完成情况 by the words around it ("$" = the blank), most specific first. */
const SLOTS: readonly Slot[] = [
  ["tier3", ["三级工业互联网企业$[家个]"]],
  ["tier2", ["二级工业互联网企业$[家个]"]],
  ["tier1", ["一级工业互联网企业$[家个]"]],
  ["conformity", ["完成符合性评测的企业$[家个]"]],
  ["fiveSteps", ["完成五步走全环节(?:工作)?的企业$[家个]"]],
  ["vehicleFiled", ["定级备案(?:的)?企业$[家个]"]],
  ["vehicleProtected", ["完成防护,?评测等?工作的(?:车联网)?企业$[家个]"]],
  ["icsPilots", ["组织$家企业开展工业控制系统", "评估试点(?:的)?企业$家"]],
  ["icsRisksFound", ["发现(?:企业)?安全风险$项"]],
  ["icsRisksFixed", ["(?<!完成)整改$项"]],
  ["noticeIssues", ["风险通报$(?:期/次|期次|期|次)"]],
  ["noticeHazards", ["通报风险隐患(?:数量)?$个"]],
  ["noticeHazardsFixed", ["完成整改$个"]],
  ["icsVulns", ["漏洞$个"]],
  ["trainings", ["开展$场(?=.{0,8}宣贯培训)", "宣贯培训$场"]],
  ["trainingEnterprises", ["覆盖$家(?=相关企业)", "培训覆盖(?:企业)?$家"]],
  ["trainingKeyPct", ["其中$%(?=为重点行业规上企业)", "规上企业占比$%"]],
  ["monitorTelecoms", ["组织$家(?=基础电信企业)"]],
  ["monitorIndustrial", ["监测服务$家(?=重点工业企业)"]],
  ["monitorVehicle", ["重点工业企业,?$家(?=车联网企业)"]],
  ["insurancePlans", ["形成$个(?=网络安全保险服务方案)", "保险服务方案$个"]],
  ["platformAssessed", ["完成$家(?=工业互联网平台企业)"]],
  ["deepCities", ["覆盖$个(?=地市)"]],
  ["deepEnterprises", ["地市的$家(?=工业企业)"]],
  ["drillIndustrial", ["覆盖$家(?=工业互联网企业)"]],
  ["drillVehicle", ["工业互联网企业,?$家(?=车联网企业)"]],
  ["talents", ["培养$名"]],
];

const compile = (value: string) =>
  SLOTS.map(
    ([key, sources]) => [key, sources.map((s) => new RegExp(s.replace("$", value)))] as const
  );
const STRICT = compile(V);
const LOOSE = compile(ANY);

const MARKERS = [
  /成效突出地区/,
  /重点任务完成情况/,
  /是否组织开展工业互联网安全分类分级管理/,
  /是否建立属地工业互联网领域网络安全重点企业清单/,
  /一[,.]?安全管理成效/,
  /二[,.]?服务赋能成效/,
];

const QUICK =
  /成效突出|重点任务|安全管理成效|服务赋能|工业互联网企业|定级备案|风险通报|宣贯培训|深度行|铸网|是否组织开展|是否建立属地/;

/** Every paragraph of the document in reading order, those in table cells included. */
function allParagraphs(blocks: readonly DocBlock[], out: string[] = []): string[] {
  for (const b of blocks) {
    if (b.kind === "p") {
      if (b.text.trim() !== "") out.push(b.text);
      continue;
    }
    for (const row of b.rows) for (const c of row) if (!c.merged) allParagraphs(c.blocks, out);
  }
  return out;
}

/**
 * Is this Word document an 附件2: two of its markers (the title words, the two questions, the section headings), one
 * marker and two blanks, or five blanks.
 */
export function isAnnex2(blocks: readonly DocBlock[]): boolean {
  const paras = allParagraphs(blocks);
  // a quick look first: an 附件1 form has none of these words
  if (!paras.some((t) => QUICK.test(t))) return false;
  const text = paras.map(fold);
  let n = 0;
  for (const re of MARKERS) if (text.some((t) => re.test(t))) n += 1;
  if (n >= 2) return true;
  let slots = 0;
  for (const [, res] of STRICT) if (text.some((t) => res.some((re) => re.test(t)))) slots += 1;
  if (slots >= 5 || (n === 1 && slots >= 2)) return true;
  // the indicators laid out as a table of labels ("三级工业互联网企业（家）" | 12)
  const labels = new Set<IndicatorKey>();
  for (const t of paras) {
    if (t.length > 40) continue;
    const key = matchIndicatorLabel(fold(t));
    if (key) labels.add(key);
  }
  return labels.size >= 5 || (n === 1 && labels.size >= 3);
}

export interface Annex2Read {
  indicators: IndicatorValues;
  findings: Finding[];
  /** The 申报单位 named on the cover, when the header has no 申报单位名称. */
  applicant: string;
  /** The cover's 申报日期 (ISO when it reads as a date), '' when not filled. */
  date: string;
}

type BlankRead =
  { kind: "number"; value: number } | { kind: "blank" } | { kind: "text"; text: string };

/** A blank's content: a number, not filled (underscores, spaces, — / 无), or text that is not a number. */
function readBlank(raw: string): BlankRead {
  const s = raw.replace(/[_＿]+/g, "");
  if (s === "" || /^[-—–/\\.。…]+$|^(无|暂无|空)$/.test(s) || isPlaceholderText(s))
    return { kind: "blank" };
  // "共12", "约12", "12余": the number written with a word around it
  const bare = s.replace(/^(共计|合计|共|计|约|近|达|超)/, "").replace(/(余|多)$/, "");
  const value = parseLooseNumber(bare) ?? chineseNumber(bare);
  return value === null ? { kind: "text", text: s } : { kind: "number", value };
}

const YES_NO = ["是", "否"];
const REGION_DIRECTIONS = ["总体成效突出地区", "安全管理成效突出地区", "服务赋能成效突出地区"].map(
  (name) => ({ name, spellings: [name, name.replace(/地区$/, "")] })
);

/** Header answers as the form shows them: ticks read, prompts and seal notes dropped. */
function cleanHeader(key: IndicatorHeaderKey, raw: string): string {
  const text = cleanText(raw.replace(/[_＿]{2,}/g, " "));
  if (key === "classifiedManagement" || key === "keyEnterpriseList") {
    const r = readChoices(text, YES_NO);
    return r.ticked.length === 1 ? r.ticked[0] : r.mode === "none" ? text : "";
  }
  if (key === "regionDirection") {
    const r = readChoices(text, REGION_DIRECTIONS);
    return r.ticked.length > 0 ? r.ticked.join("、") : r.mode === "none" ? text : "";
  }
  if (key === "unitName")
    return stripSealNote(text.replace(/[(（]\s*请填写全称\s*[)）]/g, "").trim());
  return text;
}

/** "负责人：张三    职务：局长": header answers written as paragraphs. */
const HEADER_LINE =
  /(申报单位名称|负责人姓名|负责人|职务|联系人姓名|联系人|姓名|部门及职务|联系电话|电话|手机|邮箱地址|电子邮箱|邮箱|是否组织开展工业互联网安全分类分级管理|是否建立属地工业互联网领域网络安全重点企业清单|申报方向)\s*[:：]/g;

function headerFromParagraph(text: string, header: IndicatorValues["header"]): void {
  const hits = [...text.matchAll(HEADER_LINE)];
  for (let h = 0; h < hits.length; h++) {
    const key = matchHeaderAnswer(hits[h][1]);
    if (!key || header[key]) continue;
    const start = hits[h].index! + hits[h][0].length;
    const end = h + 1 < hits.length ? hits[h + 1].index! : text.length;
    const value = cleanHeader(key, text.slice(start, end));
    if (value !== "") header[key] = value;
  }
}

/** The text of the cells after the label cell of `key` in its row, up to the next label. */
function rawAnswer(rows: readonly DocCell[][], key: IndicatorHeaderKey): string | null {
  for (const row of rows) {
    const i = row.findIndex((c) => !c.merged && matchHeaderAnswer(c.text) === key);
    if (i < 0) continue;
    const parts: string[] = [];
    for (const c of row.slice(i + 1)) {
      if (matchHeaderAnswer(c.text)) break;
      if (!c.merged) parts.push(c.text);
    }
    return parts.join(" ");
  }
  return null;
}

function captionBefore(blocks: readonly DocBlock[], i: number): string {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const b = blocks[j];
    if (b.kind === "table") break;
    if (b.text.trim() !== "") return cleanText(b.text).slice(0, 60);
  }
  return "";
}

/** A name list written as paragraphs: "三级工业互联网企业名单：湖南甲公司、湖南乙公司". */
const LIST_LINE = /^(?:附件?\s*\d*\s*[:：]?\s*)?(.{2,30}?)(?:名单|清单)\s*[:：]\s*(.+)$/;

export function readAnnex2(blocks: readonly DocBlock[], file: string): Annex2Read {
  const findings: Finding[] = [];
  const ind = emptyIndicatorValues(null, { file, sheet: ANNEX2_TEXT_PART, row: null });

  // 1. tables: the header (label / value cells), name lists, and indicators laid out as a table
  blocks.forEach((b, i) => {
    if (b.kind !== "table") return;
    const caption = captionBefore(blocks, i);
    const listGrid = tableGrid(caption || "名单", b.rows);
    const lists = readLists(listGrid);
    if (lists.isListSheet) {
      for (const [k, v] of Object.entries(lists.lists) as [IndicatorKey, string[]][])
        ind.lists[k] ??= v;
      return;
    }
    // 申报方向 from the cells as written: the workbook reader takes the option after a tick, and ticks also follow
    const direction = rawAnswer(b.rows, "regionDirection");
    if (direction !== null && !ind.header.regionDirection) {
      const value = cleanHeader("regionDirection", direction);
      if (value !== "") ind.header.regionDirection = value;
    }
    const read = readIndicators(tableGrid(ANNEX2_TABLE_PART, b.rows), { file, prefecture: null });
    for (const [k, v] of Object.entries(read.values.header) as [IndicatorHeaderKey, string][]) {
      const value = cleanHeader(k, v);
      if (value !== "" && !ind.header[k]) ind.header[k] = value;
    }
    if (read.labels > 0) {
      findings.push(...read.findings);
      mergeIndicatorValues(ind, { ...read.values, header: {} });
    }
  });

  // 2. the blanks of 重点任务完成情况, numbered by paragraph from 一、安全管理成效
  const paras = allParagraphs(blocks);
  const folded = paras.map(fold);
  const found = new Map<IndicatorKey, { at: number; raw: string; strict: boolean }>();
  for (const [pass, table] of [
    [true, STRICT],
    [false, LOOSE],
  ] as const) {
    for (const [key, res] of table) {
      if (found.has(key)) continue;
      for (let at = 0; at < folded.length && !found.has(key); at++) {
        for (const re of res) {
          const m = re.exec(folded[at]);
          if (m) {
            found.set(key, { at, raw: m[1], strict: pass });
            break;
          }
        }
      }
    }
  }
  let start = folded.findIndex((t) => /^[一1][,.]?安全管理成效/.test(t));
  const firstBlank = Math.min(...[...found.values()].map((f) => f.at));
  if (start < 0 || firstBlank < start) start = Number.isFinite(firstBlank) ? firstBlank : 0;

  for (const key of INDICATOR_KEYS) {
    const f = found.get(key);
    if (!f) {
      if (ind.values[key] === undefined) ind.values[key] = null;
      continue;
    }
    const where = {
      sheet: ANNEX2_TEXT_PART,
      row: f.at - start + 1,
      column: INDICATOR_DEF_BY_KEY[key].label,
    };
    const r = readBlank(f.raw);
    if (r.kind === "number" && f.strict) {
      ind.values[key] = r.value;
      ind.cells[key] = where;
    } else if (r.kind === "text") {
      findings.push(
        finding(
          "REQ",
          { file, ...where },
          `地区指标“${INDICATOR_DEF_BY_KEY[key].label}”的填空“${r.text}”不是数字，无法汇总：请填写阿拉伯数字`
        )
      );
      ind.values[key] ??= null;
      ind.cells[key] ??= where;
    } else if (typeof ind.values[key] !== "number") {
      ind.values[key] = null;
      ind.cells[key] = where;
    }
  }

  // 3. header answers and name lists written as paragraphs
  for (const p of paras) headerFromParagraph(p, ind.header);
  readParagraphLists(paras, ind.lists);

  if (found.size === 0 && Object.keys(ind.cells).length === 0) {
    findings.push(
      finding(
        "FILE",
        { file, sheet: ANNEX2_TEXT_PART },
        "文件是成效突出地区申报表（附件2），但没有找到“重点任务完成情况”中的填空（如“三级工业互联网企业____家”）：请按通知附件2的格式填写后再导入",
        { severity: "warning" }
      )
    );
  }
  const cover = readCover([...blocks]);
  const coverValue = (key: "applicant" | "date") =>
    cleanText((cover.find((c) => c.key === key)?.value ?? "").replace(/[_＿]+/g, " "));
  const applicant = stripSealNote(coverValue("applicant"));
  const dateRaw = coverValue("date");
  const date = isBlankDate(dateRaw) ? "" : (parseDateText(dateRaw) ?? dateRaw);
  return { indicators: ind, findings, applicant, date };
}

/** A list's title alone on its line ("附件1：三级工业互联网企业名单"), its names on the lines after it. */
const LIST_TITLE = /^(?:附件?\s*\d*\s*[:：]?\s*)?(.{2,30}?)(?:名单|清单)\s*[:：]?$/;
/** One name of a list written as lines: "1. 湖南甲有限公司", or an organisation's name (Word numbers the list itself). */
const LIST_ENTRY =
  /^(?:[(（]?\d+[)）.、．]?\s*)(.{2,60})$|^(.{2,60}(?:公司|集团|厂|院|所|中心|学校|大学|学院|银行|协会|站))$/;

/** Name lists written as paragraphs: "名单：甲、乙", or a title line with one name per line after it. */
function readParagraphLists(paras: readonly string[], lists: IndicatorValues["lists"]): void {
  for (let i = 0; i < paras.length; i++) {
    const line = cleanText(paras[i]);
    const inline = LIST_LINE.exec(line);
    if (inline) {
      const key = listKey(inline[1]);
      if (key && !lists[key]) lists[key] = splitNames(inline[2]);
      continue;
    }
    const title = LIST_TITLE.exec(line);
    const key = title ? listKey(title[1]) : null;
    if (!key || lists[key]) continue;
    const names: string[] = [];
    for (let j = i + 1; j < paras.length; j++) {
      const m = LIST_ENTRY.exec(cleanText(paras[j]));
      if (!m || /[:：]/.test(m[1] ?? m[2])) break;
      names.push((m[1] ?? m[2]).trim());
    }
    if (names.length > 0) lists[key] = names;
  }
}

/** The indicator a list title names: "三级工业互联网企业" → tier3. */
function listKey(title: string): IndicatorKey | null {
  return matchIndicatorLabel(fold(title).replace(/^附件?\d*:?/, ""));
}

function splitNames(text: string): string[] {
  return text
    .split(/[、,，;；]+/)
    .map((t) => t.replace(/^\s*\d+\s*[.、．)）]\s*/, "").trim())
    .filter((t) => t !== "");
}

/** The prefecture an 附件2 belongs to: its 申报单位名称, else the cover's 申报单位, else the file name. */
export function annex2Prefecture(read: Annex2Read, file: string): PrefectureName | null {
  return (
    parsePrefecture(read.indicators.header.unitName ?? "") ??
    parsePrefecture(read.applicant) ??
    parsePrefecture(file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, ""))
  );
}
