/**
 * 推荐汇总表: the official 附件3 layout (title, 推荐单位（盖章）, 日期, the 7-column table in recommendation order,
 * 联系人 and 手机/座机), what gets stamped and sent. Shared by the prefecture list, the province workbook, the list for
 * MIIT and the blank template, in a file and in Excel. A hidden column after the seven keeps each row's case key so
 * the 明细 row it belongs to is found whatever the clerk reorders; the list for MIIT goes without it.
 */
import { chineseDate } from "../core/dates";
import type { CaseRecord, SubmissionMeta } from "../core/model";
import { joinDirectionCell } from "../core/directionText";
import type { ColumnLayout, PrintSpec } from "./layout";
import { printSpec } from "./layout";

export const ANNEX3_SHEET = "推荐汇总表";
export const ANNEX3_TITLE = "护航新型工业化网络安全典型案例推荐汇总表";
/** 1-based rows of the layout. */
export const ANNEX3_ROWS = { title: 1, recommender: 2, date: 3, header: 4, firstData: 5 } as const;
export const KEY_HEADER = "案例标识";

export const ANNEX3_COLUMNS: readonly ColumnLayout[] = [
  { header: "序号", width: 6, look: "number" },
  { header: "案例名称", width: 26, look: "text" },
  { header: "企业名称", width: 26, look: "text" },
  { header: "企业类别", width: 16, look: "text" },
  { header: "案例申报方向和简述（100字内）", width: 50, look: "text" },
  { header: "联系人", width: 10, look: "text" },
  { header: "联系方式", width: 16, look: "text" },
];
export const ANNEX3_HEADERS = ANNEX3_COLUMNS.map((c) => c.header);
/** Hidden and never wrapped: its long text must not make the printed rows tall. */
export const KEY_COLUMN: ColumnLayout = {
  header: KEY_HEADER,
  width: 10,
  look: "plain",
  hidden: true,
};

export const ANNEX3_PRINT: PrintSpec = printSpec("landscape", [
  ANNEX3_ROWS.header,
  ANNEX3_ROWS.header,
]);

/** The 案例申报方向和简述 cell, written once and canonically: "方向名称：简述". */
export function summaryCellOf(r: Pick<CaseRecord, "direction" | "summary">): string {
  return joinDirectionCell(r.direction, r.summary);
}

/** The six cells after 序号 of a record. */
export function annex3Cells(r: CaseRecord): string[] {
  return [
    r.caseName,
    r.enterprise,
    r.category ?? r.categoryRaw,
    summaryCellOf(r),
    r.contact,
    r.phone,
  ];
}

/** The lines around the table. */
export function annex3MetaLines(meta: SubmissionMeta): {
  recommender: string;
  date: string;
  contact: string;
  phone: string;
} {
  return {
    recommender: `推荐单位（盖章）：${meta.recommender}`,
    date: `日期：${/^\d{4}-\d{2}-\d{2}$/.test(meta.date) ? chineseDate(meta.date) : meta.date}`,
    contact: `联系人：${meta.contact}`,
    phone: `手机/座机：${meta.phone}`,
  };
}

/** Rows of the footer after the last table row: one blank row, then 联系人, then 手机/座机. */
export function footerRows(lastTableRow: number): { contact: number; phone: number } {
  return { contact: lastTableRow + 2, phone: lastTableRow + 3 };
}
