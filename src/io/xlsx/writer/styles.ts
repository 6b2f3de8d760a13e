/** Shared looks of the written sheets: borders, fills, fonts and print setup. */
import type ExcelJS from 'exceljs';

export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

export const FILL_HEADER = solid('FFD9E1F2');
export const FILL_ERROR = solid('FFFFC7CE');
export const FILL_WARNING = solid('FFFFEB9C');
/** Cells staff are meant to fill (评审得分, template inputs). */
export const FILL_INPUT = solid('FFE2EFDA');
export const FILL_TOTAL = solid('FFF2F2F2');

export const FONT_NAME = '宋体';
export const FONT_BODY: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 11 };
export const FONT_HEADER: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 11, bold: true };
export const FONT_TITLE: Partial<ExcelJS.Font> = { name: '方正小标宋简体', size: 18, bold: true };

export const WRAP_TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle' };
export const WRAP_CENTER: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'center' };

/** A4 (paperSize 9), landscape, one page wide. */
export function landscapeA4(ws: ExcelJS.Worksheet, titleRows?: string): void {
  ws.pageSetup.paperSize = 9;
  ws.pageSetup.orientation = 'landscape';
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 0;
  ws.pageSetup.horizontalCentered = true;
  ws.pageSetup.margins = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
  if (titleRows) ws.pageSetup.printTitlesRow = titleRows;
}

/** Header row: bold, filled, bordered, wrapped and centred. */
export function styleHeaderRow(row: ExcelJS.Row, count: number): void {
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.font = FONT_HEADER;
    cell.fill = FILL_HEADER;
    cell.border = THIN_BORDER;
    cell.alignment = WRAP_CENTER;
  }
}

/** A simple table sheet: header in row 1, frozen, autofilter over the data. */
export function tableSheetBasics(ws: ExcelJS.Worksheet, headers: readonly string[], lastRow: number): void {
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(lastRow, 1), column: headers.length } };
}
