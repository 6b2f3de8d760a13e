/**
 * The record columns shared by 明细 (prefecture) and 全省汇总 (province): header text, width, kind and the cell of a
 * record. readBack.ts finds columns by these header texts, so a sheet whose columns staff have moved still reads.
 */
import type { Finding } from "../core/findings";
import type { CaseField, CaseRecord } from "../core/model";
import {
  encodeSourceColumns,
  problemsText,
  RECORD_HEADERS,
  UNKNOWN_PREFECTURE,
} from "../core/recordRow";
import { checkUscc } from "../core/uscc";
import { caseKey } from "../core/identity";
import type { CellInput, CellKind } from "./sheetWriter";

export const COL = {
  prefecture: RECORD_HEADERS.prefecture,
  order: RECORD_HEADERS.order,
  caseName: RECORD_HEADERS.caseName,
  enterprise: RECORD_HEADERS.enterprise,
  uscc: RECORD_HEADERS.uscc,
  category: RECORD_HEADERS.category,
  direction: RECORD_HEADERS.direction,
  level: RECORD_HEADERS.level,
  summary: RECORD_HEADERS.summary,
  summaryCell: RECORD_HEADERS.summaryCell,
  contact: RECORD_HEADERS.contact,
  phone: RECORD_HEADERS.phone,
  sourceFile: RECORD_HEADERS.sourceFile,
  sourceSheet: RECORD_HEADERS.sourceSheet,
  sourceRow: RECORD_HEADERS.sourceRow,
  problems: RECORD_HEADERS.problems,
  score: RECORD_HEADERS.score,
  usccCheck: "信用代码检查",
  enterpriseId: "企业标识",
  sourceColumns: RECORD_HEADERS.sourceColumns,
  key: "记录键",
} as const;
export type ColumnId = keyof typeof COL;

export interface RecordColumn {
  id: ColumnId;
  width: number;
  kind: CellKind;
  hidden?: boolean;
}

/** Which of our columns shows each CaseField (for selecting the cell a finding points at). */
export const FIELD_COLUMN: Partial<Record<CaseField, ColumnId>> = {
  order: "order",
  caseName: "caseName",
  enterprise: "enterprise",
  uscc: "uscc",
  category: "category",
  direction: "direction",
  level: "level",
  summary: "summary",
  contact: "contact",
  phone: "phone",
  score: "score",
};

/** The value MULTIDIRECTION / CROSSREGION group rows by: a valid credit code, else the enterprise name. */
export function enterpriseId(r: CaseRecord): string {
  if (r.uscc) {
    const c = checkUscc(r.uscc);
    if (c.valid && c.normalized.length === 18) return c.normalized;
  }
  return r.enterprise;
}

/** The plain (non-formula) cell of a record in a column; formula columns are written by their sheet. */
export function recordCell(
  id: ColumnId,
  r: CaseRecord,
  own: readonly Finding[],
  score: number | null
): CellInput {
  switch (id) {
    case "prefecture":
      return r.prefecture ?? UNKNOWN_PREFECTURE;
    case "order":
      return r.order;
    case "caseName":
      return r.caseName;
    case "enterprise":
      return r.enterprise;
    case "uscc":
      return r.uscc;
    case "category":
      return r.category ?? r.categoryRaw;
    case "direction":
      return r.direction ?? r.directionRaw;
    case "level":
      return r.level ?? r.levelRaw;
    case "summary":
      return r.summary;
    case "summaryCell":
      return r.summaryCell;
    case "contact":
      return r.contact;
    case "phone":
      return r.phone;
    case "sourceFile":
      return r.source.file;
    case "sourceSheet":
      return r.source.sheet ?? "";
    case "sourceRow":
      return r.source.row;
    case "problems":
      return problemsText(own);
    case "score":
      return score;
    case "enterpriseId":
      return enterpriseId(r);
    case "sourceColumns":
      return encodeSourceColumns(r.columns);
    case "key":
      return caseKey(r);
    case "usccCheck":
      return null;
  }
}
