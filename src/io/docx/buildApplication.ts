/**
 * The document model of a 附件1 form → an Application: cover lines, table label/value pairs, ticked choices and the
 * narrative sections, each cleaned the way a clerk would read it.
 */
import { FORM_SHEET } from "../../core/application";
import type { Application } from "../../core/model";
import { cleanMultiline, cleanText, parseLooseNumber } from "../../core/text";
import {
  CATEGORIES,
  DIRECTIONS,
  LEVELS,
  parseCategory,
  type Category,
  type DirectionName,
  type Level,
} from "../../core/vocabulary";
import { parseDirection } from "../../core/directionText";
import { readChoices, otherText } from "./choices";
import { isBlankDate, parseDateText } from "../../core/dates";
import { stripSealNote } from "../../core/normalize";
import { isPlaceholderText, type DocBlock } from "./docxModel";
import { readLabelledCells, type FieldKey, type FieldValue } from "./formTable";
import { readCover, readSections, stripIntroGuidance } from "./formText";

export const NATURES = [
  "国有企业",
  "民营企业",
  "合资企业",
  "国有控股企业",
  "国有参股企业",
  "其他",
] as const;

const DIRECTION_OPTIONS = DIRECTIONS.map((d) => ({
  name: d.name,
  spellings: [d.name, d.name.replace(/案例$/, "")],
}));
const INDUSTRIAL_LEVELS: readonly Level[] = ["三级", "二级", "一级"];

/** One form's blocks → its Application; `sheet` names the form's part ("申报表", "申报表（2）"…). */
export function buildApplication(
  blocks: DocBlock[],
  file: string,
  sheet = FORM_SHEET
): Application {
  const cover = readCover(blocks);
  const cells = readLabelledCells(blocks);
  const first = (key: FieldKey): string => {
    for (const c of cover) if (c.key === key && fill(c.value) !== "") return c.value;
    for (const c of cells) if (c.key === key && fill(c.value) !== "") return c.value;
    return "";
  };

  const dateRaw = fill(first("date"));
  const foundedRaw = fill(first("founded"));
  const capitalRaw = fill(first("capital"));

  const natureCell = first("nature");
  const nature = readChoices(natureCell, [...NATURES]);
  let natureName = nature.ticked.join("、");
  const other = otherText(natureCell);
  if (natureName === "" && other !== "" && nature.mode !== "none") natureName = "其他";

  const categoryCell = first("category");
  const cat = readChoices(categoryCell, [...CATEGORIES]);
  let categoriesTicked: string[] = cat.ticked;
  if (cat.mode === "none" && !/[□☐☑☒■]/.test(categoryCell)) {
    const typed = parseCategory(categoryCell);
    if (typed) categoriesTicked = [typed];
  }

  const directionCell = first("direction");
  const dir = readChoices(directionCell, DIRECTION_OPTIONS);
  let directionsTicked = dir.ticked as DirectionName[];
  if (dir.mode === "none" && !/[□☐☑☒■]/.test(directionCell)) {
    const typed = parseDirection(directionCell);
    if (typed) directionsTicked = [typed];
  }
  const direction = directionsTicked[0] ?? null;
  const levels = readLevels(cells, direction);

  const sections = readSections(blocks);
  return {
    caseName: fill(first("caseName")),
    applicant: stripSealNote(fill(first("applicant"))),
    recommender: stripSealNote(fill(first("recommender"))),
    date: parseDateText(dateRaw),
    dateRaw: isBlankDate(dateRaw) ? "" : dateRaw,
    unitName: stripSealNote(
      fill(first("unitName"))
        .replace(/[(（]\s*请填写全称\s*[)）]/g, "")
        .trim()
    ),
    uscc: fill(first("uscc")),
    founded: parseDateText(foundedRaw) ?? foundedRaw,
    address: fill(first("address")),
    capital: parseLooseNumber(capitalRaw.replace(/人民币|RMB/gi, "")),
    capitalRaw,
    nature: natureName,
    natureOther: natureName.includes("其他") ? other : "",
    contact: fill(first("contact")),
    phone: fill(first("phone")),
    fax: fill(first("fax")),
    email: fill(first("email")),
    category: (categoriesTicked[0] as Category | undefined) ?? null,
    categoriesTicked,
    direction,
    directionsTicked,
    level: levels.level,
    levelsTicked: levels.ticked,
    intro: stripIntroGuidance(cleanMultiline(first("intro"))),
    overview: sections.overview,
    highlights: sections.highlights,
    source: { file, sheet, row: null },
  };
}

/**
 * The two level rows: the one for the ticked direction decides; a tick in the other row still shows (so the rules
 * can say the level does not fit the direction). Every tick is listed, so "more than one" is visible.
 */
function readLevels(
  cells: FieldValue[],
  direction: DirectionName | null
): { level: Level | null; ticked: string[] } {
  const rows: Array<{ kind: "industrial" | "vehicle"; ticked: Level[] }> = [];
  for (const c of cells) {
    if (!c.key.startsWith("level")) continue;
    const text = c.label + c.value;
    const kind =
      c.key === "levelVehicle" || /车联网/.test(text)
        ? "vehicle"
        : c.key === "levelIndustrial" || /分类分级/.test(text)
          ? "industrial"
          : null;
    const options = kind === "industrial" ? INDUSTRIAL_LEVELS : LEVELS;
    const ticked = readChoices(c.value.replace(/[(（][^)）]*填写[)）]/g, ""), [...options])
      .ticked as Level[];
    rows.push({
      kind: kind ?? (ticked.some((l) => l === "五级" || l === "四级") ? "vehicle" : "industrial"),
      ticked,
    });
  }
  const ticked = rows.flatMap((r) => r.ticked);
  const want =
    direction === DIRECTIONS[0].name
      ? "industrial"
      : direction === DIRECTIONS[1].name
        ? "vehicle"
        : null;
  const own = rows.filter((r) => r.kind === want).flatMap((r) => r.ticked);
  return { level: own[0] ?? ticked[0] ?? null, ticked };
}

/** A filled-in value: cleaned, without fill-in underscores; a placeholder left as text is not a value. */
function fill(value: string): string {
  const text = cleanText(value.replace(/[_＿]{2,}/g, " "));
  return isPlaceholderText(text) ? "" : text;
}
