/**
 * Rules on one recommended case, whatever its source (附件3 row or Word form): REQ, ID, R1, R4, R5, R7.
 * Findings point at the record's source and the column (or form label) of the field at fault.
 */
import { finding, type Finding, type FindingCode, type Severity } from "../findings";
import { CASE_FIELD_LABELS, type CaseField, type CaseRecord } from "../model";
import type { CampaignSettings } from "../settings";
import { namesSeveralEnterprises } from "../normalize";
import {
  countChars,
  hasMeaningfulText,
  isExcelErrorText,
  isNotApplicable,
  mixedScriptLetters,
} from "../text";
import { checkUscc } from "../uscc";
import { directionByName, LEVELS_BY_DIRECTION } from "../vocabulary";
import { ELIGIBLE_CATEGORIES } from "./eligibility";

/** Fields every 附件3 row must have. 统一社会信用代码 is required only where the source has a place for it. */
const REQUIRED: CaseField[] = [
  "caseName",
  "enterprise",
  "category",
  "direction",
  "summary",
  "contact",
  "phone",
];

const REQUIRED_WITH_USCC: CaseField[] = [...REQUIRED, "uscc"];

export function checkRecord(record: CaseRecord, settings: CampaignSettings): Finding[] {
  const out: Finding[] = [];
  const add = (code: FindingCode, field: CaseField | null, message: string, severity?: Severity) =>
    out.push(
      finding(
        code,
        {
          ...record.source,
          column: field ? (record.columns[field] ?? CASE_FIELD_LABELS[field]) : null,
        },
        message,
        {
          severity,
          enterprise: record.enterprise || null,
          prefecture: record.prefecture,
        }
      )
    );

  checkRequired(record, add);
  checkMixedScripts(record, add);
  checkCreditCode(record, add);
  checkConsortium(record, add);
  checkDate(record, settings, add);
  checkSummaryLength(record, settings, add);
  checkEligibility(record, add);
  return out;
}

type Add = (
  code: FindingCode,
  field: CaseField | null,
  message: string,
  severity?: Severity
) => void;

function rawOf(record: CaseRecord, field: CaseField): string {
  switch (field) {
    case "category":
      return record.categoryRaw;
    case "direction":
      return record.directionRaw;
    case "summary":
      return record.summaryCell;
    // the other required fields by name (hot: a property read by a computed key is a slow, generic lookup)
    case "caseName":
      return textOr(record.caseName);
    case "enterprise":
      return textOr(record.enterprise);
    case "contact":
      return textOr(record.contact);
    case "phone":
      return textOr(record.phone);
    case "uscc":
      return textOr(record.uscc);
    default: {
      const v = record[field as keyof CaseRecord];
      return typeof v === "string" ? v : "";
    }
  }
}

function textOr(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/**
 * The head of a 方向和简述 cell that reads as a direction but is none of the five ("（二）工业控制系统安全防护方向：…"):
 * the words before the colon, numbering left off; null when the cell does not start like a heading.
 */
const HEAD_LIKE =
  /^\s*(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|方向[一二三四五\d]|[①-⑤]|\d{1,2}[.、．])?\s*[【[]?([^：:，,。【】[\]]{2,24}?(?:方向|案例))[】\]]?\s*[：:]/;

function unknownDirectionHead(summary: string): string | null {
  return HEAD_LIKE.exec(summary)?.[1]?.trim() ?? null;
}

/**
 * A required field says nothing when it is blank, holds only filler or invisible characters ("___", "……", NBSP,
 * zero-width) or only an N/A mark ("/", "无", "—", "不适用"): "/" in 联系人 is an empty 联系人.
 */
function saysNothing(raw: string): boolean {
  return !hasMeaningfulText(raw) || isNotApplicable(raw);
}

function checkRequired(record: CaseRecord, add: Add): void {
  const fields = record.columns.uscc !== undefined ? REQUIRED_WITH_USCC : REQUIRED;
  for (const field of fields) {
    const raw = rawOf(record, field).trim();
    const label = CASE_FIELD_LABELS[field];
    if (raw !== "" && saysNothing(raw) && !(field === "direction" || field === "summary")) {
      add("REQ", field, `“${label}”为空（只填了“${raw}”）：请填写${label}`);
    } else if (isExcelErrorText(raw)) {
      add("REQ", field, `“${label}”单元格是错误值 ${raw}，无法读取：请检查公式或重新填写`);
    } else if (field === "category" && raw !== "" && record.category === null) {
      add(
        "REQ",
        field,
        `企业类别“${raw}”无法识别：应为工业企业、工业互联网平台企业、工业互联网标识解析企业、智能网联汽车生产企业、车联网服务平台企业、工业控制产品厂商、基础电信企业或网络安全企业之一`
      );
    } else if (field === "direction" && record.direction === null) {
      const named = raw || unknownDirectionHead(record.summary);
      add(
        "REQ",
        field,
        named
          ? `申报方向“${named}”无法识别：应为五个方向之一（分类分级、车联网、工控评估、漏洞治理、威胁监测）`
          : "未填写申报方向：请在“案例申报方向和简述”开头写明方向（如“工业互联网安全分类分级案例：……”）"
      );
    } else if (field === "summary" && saysNothing(record.summary) && raw !== "") {
      add(
        "REQ",
        field,
        record.direction
          ? "“案例申报方向和简述”只有方向，没有简述"
          : `“案例申报方向和简述”为空（只填了“${raw}”）：请填写申报方向和简述`
      );
    } else if (
      raw === "" &&
      !(field === "summary" && record.direction === null && record.directionRaw === "")
    ) {
      add("REQ", field, `“${label}”为空`);
    }
  }
}

/**
 * Cyrillic or Greek letters mixed into a Chinese or Latin name ("Нunan", "湖南Αβ科技"): they look right but are other
 * characters, so the same enterprise or case is not recognised as the same elsewhere (R2, R3, the materials check).
 * A warning (REQ, the field is not readable as written) at the field's cell.
 */
function checkMixedScripts(record: CaseRecord, add: Add): void {
  mixedScriptsIn("enterprise", record.enterprise, add);
  mixedScriptsIn("caseName", record.caseName, add);
  mixedScriptsIn("contact", record.contact, add);
}

function mixedScriptsIn(field: CaseField, value: string, add: Add): void {
  const letters = mixedScriptLetters(value);
  if (letters.length === 0) return;
  const label = CASE_FIELD_LABELS[field];
  add(
    "REQ",
    field,
    `“${label}”“${value}”中混有西里尔或希腊字母（${letters.map((c) => `“${c}”`).join("")}），外形像汉字或拉丁字母，实为其他字符，同一企业或案例会无法识别为同一个：请删除后用中文输入法或英文键盘重新输入`,
    "warning"
  );
}

function checkCreditCode(record: CaseRecord, add: Add): void {
  const uscc = record.uscc.trim();
  if (uscc === "" || isExcelErrorText(uscc)) return;
  const r = checkUscc(record.uscc);
  if (r.severity) add("ID", "uscc", r.reason, r.severity);
}

function checkConsortium(record: CaseRecord, add: Add): void {
  if (namesSeveralEnterprises(record.enterprise)) {
    add(
      "R1",
      "enterprise",
      `企业名称“${record.enterprise}”含多家单位或联合体：典型案例须由企业单独申报，不可联合体申报`
    );
  }
}

function checkDate(record: CaseRecord, settings: CampaignSettings, add: Add): void {
  if (!record.date) return;
  const year = Number(record.date.slice(0, 4));
  if (year !== settings.year) {
    add(
      "R4",
      "date",
      `申报日期 ${record.date} 不在 ${settings.year} 年度：申报内容应为 ${settings.year} 年度推进实施的工作`
    );
  } else if (record.date > settings.deadline) {
    add("R4", "date", `申报日期 ${record.date} 晚于报送截止日 ${settings.deadline}，逾期不予受理`);
  }
}

function checkSummaryLength(record: CaseRecord, settings: CampaignSettings, add: Add): void {
  const n = countChars(record.summaryCell);
  if (n > settings.summaryLimit) {
    add(
      "R5",
      "summary",
      `“案例申报方向和简述”共 ${n} 字，超过 ${settings.summaryLimit} 字上限 ${n - settings.summaryLimit} 字（含方向名称，标点计入，空格不计）`
    );
  }
}

function checkEligibility(record: CaseRecord, add: Add): void {
  const { direction, category, level } = record;
  if (direction && category) {
    const eligible = ELIGIBLE_CATEGORIES[direction];
    if (!eligible.includes(category)) {
      add(
        "R7",
        "category",
        `企业类别“${category}”不能申报“${direction}”：该方向面向${eligible.join("、")}`
      );
    }
  }
  if (!direction) return;
  const allowed = LEVELS_BY_DIRECTION[direction];
  // "/", "无", "不适用" in 网络安全级别 mean "not applicable": no level
  const levelText = isNotApplicable(record.levelRaw) ? "" : record.levelRaw.trim();
  // the official 7-column table has no level column: only a source that has one can miss it
  const hasLevelField = record.columns.level !== undefined;
  if (allowed) {
    if (!level && (hasLevelField || levelText !== "")) {
      add(
        "R7",
        "level",
        levelText
          ? `网络安全级别“${levelText}”无法识别：${directionByName(direction).short}方向应填${allowed.join("/")}`
          : `申报“${direction}”须填写网络安全级别（${allowed.join("/")}）`
      );
    } else if (level && !allowed.includes(level)) {
      add(
        "R7",
        "level",
        `网络安全级别“${level}”不适用于“${direction}”（应为${allowed.join("/")}）`
      );
    }
  } else if (levelText !== "") {
    add(
      "R7",
      "level",
      `“${direction}”不填写网络安全级别，但填了“${levelText}”：网络安全级别仅分类分级和车联网方向填写`
    );
  }
}
