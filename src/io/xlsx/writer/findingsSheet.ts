/** The 问题清单 sheet: every finding with its location, in the order given. */
import type ExcelJS from 'exceljs';
import { FINDING_TITLES, type Finding } from '../../../core/findings';
import { FILL_ERROR, FILL_WARNING, FONT_BODY, THIN_BORDER, WRAP_TOP, styleHeaderRow, tableSheetBasics } from './styles';
import { textOrEmpty } from './text';

export const FINDINGS_SHEET = '问题清单';
const HEADERS = ['序号', '级别', '代码', '问题类型', '市州', '文件', '工作表', '行', '列', '企业', '说明'];
const WIDTHS = [6, 7, 7, 26, 12, 26, 14, 6, 10, 28, 60];

export const SEVERITY_LABELS = { error: '错误', warning: '提醒' } as const;

export function writeFindingsSheet(ws: ExcelJS.Worksheet, findings: readonly Finding[]): void {
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const header = ws.getRow(1);
  HEADERS.forEach((h, i) => (header.getCell(i + 1).value = h));
  styleHeaderRow(header, HEADERS.length);

  findings.forEach((f, i) => {
    const row = ws.getRow(i + 2);
    const values: (string | number | null)[] = [
      i + 1,
      SEVERITY_LABELS[f.severity],
      f.code,
      FINDING_TITLES[f.code],
      textOrEmpty(f.prefecture ?? null),
      textOrEmpty(f.file),
      textOrEmpty(f.sheet),
      f.row,
      textOrEmpty(f.column),
      textOrEmpty(f.enterprise),
      textOrEmpty(f.message),
    ];
    values.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = v;
      cell.font = FONT_BODY;
      cell.border = THIN_BORDER;
      cell.alignment = WRAP_TOP;
    });
    row.getCell(2).fill = f.severity === 'error' ? FILL_ERROR : FILL_WARNING;
  });
  tableSheetBasics(ws, HEADERS, findings.length + 1);
}
