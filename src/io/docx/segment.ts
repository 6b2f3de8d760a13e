/**
 * A Word document holding several 附件1 forms (an enterprise's two cases, or a clerk's forms pasted into one file):
 * each form is one 基本情况 table with its cover before it and its sections after it. The document is cut before the
 * cover of every form after the first, so that each form is read on its own and none is dropped silently.
 */
import type { DocBlock } from "./docxModel";
import { readLabelledCells, type FieldKey } from "./formTable";
import { coverLine } from "./formText";

/** Fields of the 基本情况 table (the cover's fields are not: a cover laid out as a table is not a form table). */
const TABLE_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>([
  "unitName",
  "uscc",
  "founded",
  "address",
  "capital",
  "nature",
  "contact",
  "phone",
  "fax",
  "email",
  "category",
  "direction",
  "levelIndustrial",
  "levelVehicle",
  "level",
  "intro",
]);

/** A table that is a form's 申报单位基本情况: its 单位名称 or credit code, and at least three of its fields. */
export function isFormTable(b: DocBlock): boolean {
  if (b.kind !== "table") return false;
  const keys = new Set(readLabelledCells([b]).map((c) => c.key));
  if (!keys.has("unitName") && !keys.has("uscc")) return false;
  let n = 0;
  for (const k of keys) if (TABLE_FIELDS.has(k)) n += 1;
  return n >= 3;
}

const TITLE = [
  /^附\s*件\s*1\s*$/,
  /^护航新型工业化网络安全典型案例\s*(申报表)?$/,
  /^(典型案例)?申\s*报\s*表$/,
  /^[一1]\s*[、.．]\s*申\s*报\s*单\s*位\s*基\s*本\s*情\s*况/,
];

/** The block opens a form: its title lines, a cover line, the 一、申报单位基本情况 heading, or a cover table. */
function opensForm(b: DocBlock): boolean {
  if (b.kind === "table") {
    return readLabelledCells([b]).some((c) => c.key === "caseName" || c.key === "applicant");
  }
  const text = b.text.replace(/[\u3000]/g, " ").trim();
  if (TITLE.some((re) => re.test(text))) return true;
  return text.split("\n").some((line) => {
    const c = coverLine(line);
    return c !== null && (c.key === "caseName" || c.key === "applicant");
  });
}

/** The document's forms, each as its own blocks (one form: the whole document). */
export function splitForms(blocks: DocBlock[]): DocBlock[][] {
  let count = 0;
  for (const b of blocks) if (b.kind === "table") count += 1;
  if (count <= 1) return [blocks];
  const tables: number[] = [];
  blocks.forEach((b, i) => {
    if (isFormTable(b)) tables.push(i);
  });
  if (tables.length <= 1) return [blocks];
  const cuts = [0];
  for (let k = 1; k < tables.length; k++) {
    let cut = tables[k];
    for (let i = tables[k - 1] + 1; i < tables[k]; i++) {
      if (opensForm(blocks[i])) {
        cut = i;
        break;
      }
    }
    cuts.push(cut);
  }
  return cuts.map((from, k) =>
    blocks.slice(from, k + 1 < cuts.length ? cuts[k + 1] : blocks.length)
  );
}

/** How many covers the document's paragraphs name a 案例名称 on (a form without its table still has its cover). */
export function countCovers(blocks: DocBlock[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.kind !== "p") continue;
    for (const line of b.text.split("\n")) if (coverLine(line)?.key === "caseName") n += 1;
  }
  return n;
}
