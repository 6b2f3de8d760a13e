/**
 * The 附件1 申报表 as an application: the 附件3 row it proposes, carrying the form's other facts (record.form) so that
 * the form's own checks (rules/form.ts) run wherever the record goes. Pure core: no environment APIs.
 */
import type { Application, CaseRecord, FormFacts } from "./model";
import { cleanMultiline, cleanText, countChars } from "./text";
import { normalizeUscc } from "./uscc";
import { joinDirectionCell } from "./directionText";
import type { PrefectureName } from "./vocabulary";

/** Sheet names used to locate findings on a Word form. */
export const FORM_SHEET = "申报表";
export const COVER_SHEET = "封面";

/**
 * The parts of the Word form a record came from, to locate its findings: its 申报表 and its 封面. A document holding
 * several forms names them 申报表（2）, 封面（2）… from the second on.
 */
export function formParts(sheet: string | null): { form: string; cover: string } {
  const suffix = sheet?.startsWith(FORM_SHEET) ? sheet.slice(FORM_SHEET.length) : "";
  return { form: FORM_SHEET + suffix, cover: COVER_SHEET + suffix };
}

/** Labels of the form, used as finding columns so that messages name the field as the clerk sees it. */
export const FORM_COLUMNS = {
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
} as const;

/**
 * The 简述 proposed for 附件3 (without the direction prefix): whole sentences from the first paragraph of
 * 三、成效与亮点 (else 二、总体情况, else the case name), as many as fit in 100 字 with the direction in front — but
 * never less than one whole sentence, so a long first sentence is kept entire and R5 reports it instead of a cut.
 */
export function proposeSummary(app: Application, limit = 100): string {
  const prefix = app.direction ? countChars(app.direction) + 1 : 0;
  const budget = limit - prefix;
  for (const text of [app.highlights, app.overview]) {
    const para = firstContentParagraph(text);
    if (para) return wholeSentences(para, budget);
  }
  return cleanText(app.caseName);
}

function firstContentParagraph(text: string): string {
  for (const line of cleanMultiline(text).split("\n")) {
    const s = line
      .replace(
        /^[\s\u3000]*([(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])\s*/,
        ""
      )
      .trim();
    // a short line without a full stop is a heading, not content
    if (s === "" || (countChars(s) < 30 && !/[。！？；]$/.test(s))) continue;
    return s;
  }
  return "";
}

function wholeSentences(para: string, budget: number): string {
  const sentences = para.match(/[^。！？!?]+[。！？!?]*/g) ?? [para];
  let out = sentences[0].trim();
  for (const s of sentences.slice(1)) {
    const next = out + s.trim();
    if (countChars(next) > budget) break;
    out = next;
  }
  return out;
}

/** The form's facts that travel with its record. */
export function formFacts(app: Application): FormFacts {
  return {
    applicant: cleanText(app.applicant),
    recommender: cleanText(app.recommender),
    dateRaw: cleanText(app.dateRaw),
    founded: cleanText(app.founded),
    address: cleanText(app.address),
    capitalRaw: cleanText(app.capitalRaw),
    nature: cleanText(app.nature),
    natureOther: cleanText(app.natureOther),
    fax: cleanText(app.fax),
    email: cleanText(app.email),
    intro: cleanMultiline(app.intro),
    categoriesTicked: [...app.categoriesTicked],
    directionsTicked: [...app.directionsTicked],
    levelsTicked: [...app.levelsTicked],
    overviewFilled: cleanText(app.overview) !== "",
    highlightsFilled: cleanText(app.highlights) !== "",
  };
}

/**
 * The 附件3 row the form proposes; the 简述 is the clerk's to edit, and is never cut to fit. The enterprise is the
 * table's 单位名称 only: an empty one is a REQ finding even when the cover names the applicant (never filled silently).
 */
export function applicationToRecord(
  app: Application,
  order: number,
  prefecture: PrefectureName | null,
  summaryLimit = 100
): CaseRecord {
  const summary = proposeSummary(app, summaryLimit);
  return {
    prefecture,
    order,
    caseName: cleanText(app.caseName),
    enterprise: cleanText(app.unitName),
    uscc: normalizeUscc(app.uscc),
    category: app.category,
    categoryRaw: app.categoriesTicked.join("、"),
    direction: app.direction,
    directionRaw: app.directionsTicked.join("、"),
    level: app.level,
    levelRaw: app.levelsTicked.join("、"),
    summary,
    summaryCell: joinDirectionCell(app.direction, summary),
    contact: cleanText(app.contact),
    phone: cleanText(app.phone),
    date: app.date,
    score: null,
    source: { file: app.source.file, sheet: formParts(app.source.sheet).form, row: null },
    columns: { ...FORM_COLUMNS },
    form: formFacts(app),
  };
}
