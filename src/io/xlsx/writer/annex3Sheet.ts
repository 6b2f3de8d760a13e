/**
 * The official 附件3 推荐汇总表 layout (title, 推荐单位/日期 lines, the 7-column table, 联系人/手机 lines), shared by the
 * province workbook, the exported recommendation list and the blank template.
 */
import { columnLetter } from "../../../core/findings";
import type { CaseRecord } from "../../../core/model";
import { joinDirectionCell } from "../../../core/vocabulary";
import { plainText, textOrEmpty } from "./text";
import type { SheetWriter } from "../ooxml/sheet";
import type { CellStyle } from "../ooxml/styles";
import { BODY, FONT_BODY, FONT_TITLE, HEADER, WRAP_CENTER, landscapeA4, setWidths } from "./styles";

export const ANNEX3_SHEET = "推荐汇总表";
export const ANNEX3_TITLE = "护航新型工业化网络安全典型案例推荐汇总表";
export const ANNEX3_HEADERS = [
  "序号",
  "案例名称",
  "企业名称",
  "企业类别",
  "案例申报方向和简述（100字内）",
  "联系人",
  "联系方式",
] as const;
export const ANNEX3_HEADER_ROW = 4;
export const ANNEX3_FIRST_DATA_ROW = ANNEX3_HEADER_ROW + 1;
const WIDTHS = [6, 26, 26, 16, 50, 10, 16];

export interface Annex3Meta {
  recommender: string;
  date: string;
  contact: string;
  phone: string;
}

/** Extra columns after the official seven (the template adds 申报方向, 网络安全级别, 统一社会信用代码). */
export interface ExtraColumn {
  header: string;
  width: number;
}

/** The six cells after 序号 for one record; the 方向和简述 cell leads with the direction (方向：简述). */
export function annex3Cells(r: CaseRecord): (string | null)[] {
  const summaryCell = r.direction ? joinDirectionCell(r.direction, r.summary) : r.summaryCell;
  return [
    textOrEmpty(r.caseName),
    textOrEmpty(r.enterprise),
    textOrEmpty(r.category ?? r.categoryRaw),
    textOrEmpty(summaryCell),
    textOrEmpty(r.contact),
    textOrEmpty(r.phone),
  ];
}

/**
 * Lay the sheet out. `rows` are the cells after 序号 (6 official + one per extra column); 序号 is numbered 1..n.
 * Body cells of `textColumns` (1-based) are formatted as text so codes and phone numbers keep every digit.
 * Returns the first and last table rows.
 */
export function layoutAnnex3(
  ws: SheetWriter,
  rows: readonly (string | null)[][],
  meta: Annex3Meta,
  extra: readonly ExtraColumn[] = [],
  textColumns: readonly number[] = []
): { first: number; last: number } {
  const width = ANNEX3_HEADERS.length + extra.length;
  const lastCol = columnLetter(width);
  setWidths(ws, WIDTHS.concat(extra.map((e) => e.width)));

  ws.merge(`A1:${lastCol}1`);
  ws.row(1, [ANNEX3_TITLE], ws.style(TITLE), { height: 36 });
  metaLine(ws, 2, lastCol, `推荐单位（盖章）：${plainText(meta.recommender)}`);
  metaLine(ws, 3, lastCol, `日期：${plainText(meta.date)}`);
  ws.row(
    ANNEX3_HEADER_ROW,
    [...ANNEX3_HEADERS, ...extra.map((e) => e.header)],
    Array<number>(width).fill(ws.style(HEADER)),
    { height: 32 }
  );

  const body = ws.style(BODY);
  const bodyText = ws.style({ ...BODY, numFmt: "@" });
  const styles = Array.from({ length: width }, (_, i) =>
    i === 0 ? ws.style(NUMBER_CELL) : textColumns.includes(i + 1) ? bodyText : body
  );
  const values: (string | number | null)[] = new Array<string | number | null>(width);
  rows.forEach((cells, i) => {
    values[0] = i + 1;
    for (let j = 1; j < width; j++) values[j] = cells[j - 1] ?? null;
    ws.row(ANNEX3_FIRST_DATA_ROW + i, values, styles);
  });
  const last = ANNEX3_FIRST_DATA_ROW + rows.length - 1;

  metaLine(ws, last + 2, lastCol, `联系人：${plainText(meta.contact)}`);
  metaLine(ws, last + 3, lastCol, `手机/座机：${plainText(meta.phone)}`);

  ws.freeze(0, ANNEX3_HEADER_ROW);
  landscapeA4(ws, ANNEX3_HEADER_ROW);
  return { first: ANNEX3_FIRST_DATA_ROW, last };
}

const TITLE: CellStyle = {
  font: FONT_TITLE,
  alignment: { horizontal: "center", vertical: "center" },
};
const NUMBER_CELL: CellStyle = { font: FONT_BODY, border: "thin", alignment: WRAP_CENTER };
const META: CellStyle = {
  font: { ...FONT_BODY, size: 12 },
  alignment: { horizontal: "left", vertical: "center" },
};

function metaLine(ws: SheetWriter, row: number, lastCol: string, text: string): void {
  ws.merge(`A${row}:${lastCol}${row}`);
  ws.row(row, [text], ws.style(META), { height: 22 });
}
