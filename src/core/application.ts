/**
 * The 附件1 申报表 as an application: the 附件3 row it proposes, and the checks only the form can support (the row
 * itself is checked by rules/checkRecord: REQ on 附件3 fields, ID, R1 on the enterprise, R4, R5, R7 eligibility).
 * Pure core: no environment APIs.
 */
import { finding, type Finding } from "./findings";
import { namesSeveralEnterprises, normalizeEnterpriseName, stripSealNote } from "./normalize";
import type { Application, CaseRecord } from "./model";
import type { CampaignSettings } from "./settings";
import { cleanMultiline, cleanText, countChars } from "./text";
import { normalizeUscc } from "./uscc";
import { joinDirectionCell, type PrefectureName } from "./vocabulary";

/** Sheet names used to locate findings on a Word form. */
export const FORM_SHEET = "申报表";
export const COVER_SHEET = "封面";
export const INTRO_LIMIT = 1000;
const SUMMARY_BUDGET = 100;

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
export function proposeSummary(app: Application): string {
  const prefix = app.direction ? countChars(app.direction) + 1 : 0;
  const budget = SUMMARY_BUDGET - prefix;
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

/** The 附件3 row the form proposes; the 简述 is the clerk's to edit, and is never cut to fit. */
export function applicationToRecord(
  app: Application,
  order: number,
  prefecture: PrefectureName | null
): CaseRecord {
  const summary = proposeSummary(app);
  return {
    prefecture,
    order,
    caseName: cleanText(app.caseName),
    enterprise: cleanText(app.unitName) || stripSealNote(app.applicant),
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
    source: { file: app.source.file, sheet: FORM_SHEET, row: null },
    columns: { ...FORM_COLUMNS },
  };
}

/** What only the form can show: form-only required fields, several ticks, cover vs table, intro length. */
export function checkApplication(app: Application, settings: CampaignSettings): Finding[] {
  void settings; // year and deadline are checked on the record (R4); kept for future form-only rules
  const file = app.source.file;
  const enterprise = cleanText(app.unitName) || stripSealNote(app.applicant) || null;
  const out: Finding[] = [];
  const at = (sheet: string, column: string) => ({ file, sheet, row: null, column });
  const req = (sheet: string, column: string, message: string) =>
    out.push(finding("REQ", at(sheet, column), message, { enterprise }));

  if (cleanText(app.applicant) === "")
    req(COVER_SHEET, "申报单位", "封面“申报单位”为空：请填写申报企业全称");
  if (cleanText(app.recommender) === "")
    req(COVER_SHEET, "推荐单位", "封面“推荐单位”为空：请填写推荐的市州工信局");
  if (cleanText(app.dateRaw) === "")
    req(COVER_SHEET, "申报日期", "封面“申报日期”为空：请填写申报日期（如 2024年12月5日）");
  else if (app.date === null) {
    req(
      COVER_SHEET,
      "申报日期",
      `封面“申报日期”写作“${cleanText(app.dateRaw)}”，无法识别为日期：请写成 2024年12月5日 或 2024-12-05`
    );
  }
  const required: Array<[string, string, string]> = [
    [app.founded, "成立时间", "“成立时间”为空：请填写单位成立日期"],
    [app.address, "单位地址", "“单位地址”为空：请填写单位地址"],
    [app.nature, "单位性质", "“单位性质”未勾选或无法识别：请勾选一项单位性质"],
    [app.email, "电子邮箱", "“电子邮箱”为空：请填写联系邮箱"],
    [app.intro, "申报单位简介", "“申报单位简介”为空：请填写企业基本情况（不超过 1000 字）"],
    [
      app.overview,
      "二、总体情况",
      "“二、总体情况”没有填写内容（只有模板说明或为空）：请按申报方向填写",
    ],
    [
      app.highlights,
      "三、成效与亮点",
      "“三、成效与亮点”没有填写内容（只有模板说明或为空）：请填写案例成效与亮点",
    ],
  ];
  for (const [value, label, message] of required)
    if (cleanText(value) === "") req(FORM_SHEET, label, message);
  if (app.nature === "其他" && cleanText(app.natureOther) === "") {
    req(FORM_SHEET, "单位性质", "“单位性质”勾选了“其他”但未注明具体性质：请在“请注明”处填写");
  }

  if (app.directionsTicked.length === 0) {
    req(FORM_SHEET, "申报方向", "“申报方向”未勾选或无法识别：请勾选一个申报方向");
  } else if (app.directionsTicked.length > 1) {
    out.push(
      finding(
        "R2",
        at(FORM_SHEET, "申报方向"),
        `“申报方向”勾选了 ${app.directionsTicked.length} 项（${app.directionsTicked.join("、")}）：每个申报主体只能申报 1 个方向，请只保留一项`,
        { enterprise }
      )
    );
  }
  if (app.categoriesTicked.length > 1) {
    out.push(
      finding(
        "R7",
        at(FORM_SHEET, "企业类别"),
        `“企业类别”勾选了 ${app.categoriesTicked.length} 项（${app.categoriesTicked.join("、")}）：请只勾选一个企业类别`,
        { enterprise }
      )
    );
  }
  if (app.levelsTicked.length > 1) {
    out.push(
      finding(
        "R7",
        at(FORM_SHEET, "网络安全级别"),
        `“网络安全级别”勾选了 ${app.levelsTicked.length} 项（${app.levelsTicked.join("、")}）：请只勾选与申报方向对应的一个级别`,
        { enterprise }
      )
    );
  }

  const applicant = stripSealNote(app.applicant);
  if (namesSeveralEnterprises(applicant)) {
    out.push(
      finding(
        "R1",
        at(COVER_SHEET, "申报单位"),
        `封面“申报单位”为“${applicant}”，含多家单位或联合体：典型案例须由企业单独申报`,
        {
          enterprise,
        }
      )
    );
  } else if (
    applicant !== "" &&
    cleanText(app.unitName) !== "" &&
    normalizeEnterpriseName(applicant) !== normalizeEnterpriseName(app.unitName)
  ) {
    out.push(
      finding(
        "R1",
        at(COVER_SHEET, "申报单位"),
        `封面“申报单位”（${applicant}）与基本情况“单位名称”（${cleanText(app.unitName)}）不是同一家单位：典型案例须由一家企业单独申报，请核对`,
        { enterprise }
      )
    );
  }

  const introChars = countChars(app.intro);
  if (introChars > INTRO_LIMIT) {
    out.push(
      finding(
        "REQ",
        at(FORM_SHEET, "申报单位简介"),
        `“申报单位简介”有 ${introChars} 字，超过 ${INTRO_LIMIT} 字的要求：请精简`,
        {
          enterprise,
          severity: "warning",
        }
      )
    );
  }
  return out;
}
