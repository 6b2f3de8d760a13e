/**
 * The official 附件3 推荐汇总表 layout (title, 推荐单位/日期 lines, the 7-column table, 联系人/手机 lines), shared by the
 * province workbook, the exported recommendation list and the blank template.
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../../core/findings';
import type { CaseRecord } from '../../../core/model';
import { joinDirectionCell } from '../../../core/vocabulary';
import { plainText, textOrEmpty } from './text';
import { FONT_BODY, FONT_TITLE, THIN_BORDER, WRAP_CENTER, WRAP_TOP, landscapeA4, styleHeaderRow } from './styles';

export const ANNEX3_SHEET = '推荐汇总表';
export const ANNEX3_TITLE = '护航新型工业化网络安全典型案例推荐汇总表';
export const ANNEX3_HEADERS = [
  '序号',
  '案例名称',
  '企业名称',
  '企业类别',
  '案例申报方向和简述（100字内）',
  '联系人',
  '联系方式',
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
 * Returns the first and last table rows.
 */
export function layoutAnnex3(
  ws: ExcelJS.Worksheet,
  rows: readonly (string | null)[][],
  meta: Annex3Meta,
  extra: readonly ExtraColumn[] = [],
): { first: number; last: number } {
  const width = ANNEX3_HEADERS.length + extra.length;
  const lastCol = columnLetter(width);
  WIDTHS.concat(extra.map((e) => e.width)).forEach((w, i) => (ws.getColumn(i + 1).width = w));

  ws.mergeCells(`A1:${lastCol}1`);
  const title = ws.getCell('A1');
  title.value = ANNEX3_TITLE;
  title.font = FONT_TITLE;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;

  metaLine(ws, 2, lastCol, `推荐单位（盖章）：${plainText(meta.recommender)}`);
  metaLine(ws, 3, lastCol, `日期：${plainText(meta.date)}`);

  const header = ws.getRow(ANNEX3_HEADER_ROW);
  [...ANNEX3_HEADERS, ...extra.map((e) => e.header)].forEach((h, i) => (header.getCell(i + 1).value = h));
  styleHeaderRow(header, width);
  header.height = 32;

  rows.forEach((cells, i) => {
    const row = ws.getRow(ANNEX3_FIRST_DATA_ROW + i);
    row.getCell(1).value = i + 1;
    cells.forEach((v, j) => (row.getCell(j + 2).value = v));
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.font = FONT_BODY;
      cell.border = THIN_BORDER;
      cell.alignment = c === 1 ? WRAP_CENTER : WRAP_TOP;
    }
  });
  const last = ANNEX3_FIRST_DATA_ROW + rows.length - 1;

  metaLine(ws, last + 2, lastCol, `联系人：${plainText(meta.contact)}`);
  metaLine(ws, last + 3, lastCol, `手机/座机：${plainText(meta.phone)}`);

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: ANNEX3_HEADER_ROW }];
  landscapeA4(ws, `${ANNEX3_HEADER_ROW}:${ANNEX3_HEADER_ROW}`);
  return { first: ANNEX3_FIRST_DATA_ROW, last };
}

function metaLine(ws: ExcelJS.Worksheet, row: number, lastCol: string, text: string): void {
  ws.mergeCells(`A${row}:${lastCol}${row}`);
  const cell = ws.getCell(`A${row}`);
  cell.value = text;
  cell.font = { ...FONT_BODY, size: 12 };
  cell.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.getRow(row).height = 22;
}
