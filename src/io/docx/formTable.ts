/**
 * Label → value pairs of the 基本情况 table (and of a cover laid out as a table). A label is a cell whose text, with
 * whitespace and line breaks removed, names a field (so "组织机构代码/\n三证合一码" and "联 系 人" are labels); its
 * value is the text of the cells after it up to the next label. Vertically merged label cells lend their label to
 * the rows they cover (the 网络安全级别 label over its two rows); merged value cells are read once.
 */
import { toHalfWidth } from "../../core/text";
import type { DocBlock, DocCell } from "./docxModel";

export type FieldKey =
  | "caseName"
  | "applicant"
  | "recommender"
  | "date"
  | "unitName"
  | "uscc"
  | "founded"
  | "address"
  | "capital"
  | "nature"
  | "contact"
  | "phone"
  | "fax"
  | "email"
  | "category"
  | "direction"
  | "levelIndustrial"
  | "levelVehicle"
  | "level"
  | "intro";

const EXACT: Record<string, FieldKey> = {
  案例名称: "caseName",
  申报单位: "applicant",
  申报单位名称: "applicant",
  推荐单位: "recommender",
  申报日期: "date",
  单位名称: "unitName",
  "组织机构代码/三证合一码": "uscc",
  "组织机构代码/统一社会信用代码": "uscc",
  组织机构代码三证合一码: "uscc",
  组织机构代码: "uscc",
  三证合一码: "uscc",
  统一社会信用代码: "uscc",
  社会信用代码: "uscc",
  成立时间: "founded",
  成立日期: "founded",
  单位地址: "address",
  注册地址: "address",
  注册资本: "capital",
  单位性质: "nature",
  联系人: "contact",
  联系电话: "phone",
  手机: "phone",
  传真: "fax",
  电子邮箱: "email",
  邮箱: "email",
  企业类别: "category",
  申报方向: "direction",
  申报单位简介: "intro",
  单位简介: "intro",
};

/** A label's text reduced to compare: half-width, no whitespace, no trailing colon, no bracketed notes. */
export function labelKey(text: string): FieldKey | null {
  const s = toHalfWidth(text)
    .replace(/[\s\u3000]+/g, "")
    .replace(/[:：]+$/, "");
  if (s === "" || s.length > 40) return null;
  if (/^网络安全级别/.test(s))
    return /车联网/.test(s) ? "levelVehicle" : /分类分级/.test(s) ? "levelIndustrial" : "level";
  const bare = s.replace(/\([^)]*\)/g, "").replace(/[(（].*$/, "");
  return EXACT[bare] ?? EXACT[s] ?? null;
}

export interface FieldValue {
  key: FieldKey;
  /** The label as written (for messages). */
  label: string;
  value: string;
}

/** Every label/value pair found in the tables of the document, in reading order. */
export function readLabelledCells(blocks: DocBlock[]): FieldValue[] {
  const out: FieldValue[] = [];
  for (const b of blocks) if (b.kind === "table") readTable(b.rows, out);
  return out;
}

function readTable(rows: DocCell[][], out: FieldValue[]): void {
  // text of the vMerge "restart" cell over each grid column, to lend to its continuation cells
  const above = new Map<number, string>();
  rows.forEach((row, r) => {
    const cells = row.map((c) => {
      if (c.merged) return { ...c, text: above.get(c.gridCol) ?? "" };
      above.set(c.gridCol, c.text);
      return c;
    });
    let i = 0;
    while (i < cells.length) {
      const key = labelKey(cells[i].text);
      if (!key) {
        i++;
        continue;
      }
      const parts: string[] = [];
      let j = i + 1;
      for (; j < cells.length; j++) {
        if (labelKey(cells[j].text) && !(key.startsWith("level") && cells[j].merged)) break;
        if (!row[j].merged) parts.push(row[j].text);
      }
      let value = parts.join("\n");
      // A label alone on its row (the 简介 above a wide cell): its value is the next row when it has no label.
      if (value.trim() === "" && j === cells.length && rows[r + 1]) {
        const next = rows[r + 1].filter((c) => !c.merged);
        if (next.length > 0 && next.every((c) => !labelKey(c.text)))
          value = next.map((c) => c.text).join("\n");
      }
      const merged = row[i].merged;
      // a continuation label cell only lends its label when the row has its own value (levels' second row)
      if (!merged || value.trim() !== "")
        out.push({ key, label: cleanLabel(cells[i].text), value });
      i = j;
    }
  });
}

function cleanLabel(text: string): string {
  return text.replace(/[\s\u3000]+/g, "").replace(/[:：]+$/, "");
}
