/**
 * The 明细 sheet: every field of every record, where it came from, its problems, and an empty 评审得分 column for the
 * experts. Rows with errors are filled light red, rows with only warnings light yellow.
 */
import type ExcelJS from 'exceljs';
import type { Finding } from '../../../core/findings';
import type { CaseRecord } from '../../../core/model';
import { DETAIL_COLUMNS, DETAIL_ORDER, DETAIL_WIDTHS, UNKNOWN_PREFECTURE, encodeSourceColumns, type DetailColumn } from './detailColumns';
import { FILL_ERROR, FILL_INPUT, FILL_WARNING, FONT_BODY, THIN_BORDER, WRAP_TOP, styleHeaderRow, tableSheetBasics } from './styles';
import { textOrEmpty } from './text';

type CellValue = string | number | null;

/** 评审得分: a number ≥ 0; a warning (not a refusal) otherwise, since readProvinceWorkbook also reads text numbers. */
const SCORE_RULE: ExcelJS.DataValidation = {
  type: 'decimal',
  operator: 'greaterThanOrEqual',
  formulae: [0],
  allowBlank: true,
  showInputMessage: true,
  promptTitle: '评审得分',
  prompt: '专家评审后填写得分（数字）。',
  showErrorMessage: true,
  errorStyle: 'warning',
  errorTitle: '评审得分应为数字',
  error: '请填写不小于0的数字，如 88.5。',
};

/** The findings that belong to a record: same file, sheet and row; for Word forms (no row) every row-less finding of the file. */
export function findingsByRecord(records: readonly CaseRecord[], findings: readonly Finding[]): Finding[][] {
  const byPlace = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = placeKey(f.file, f.row === null ? null : f.sheet, f.row);
    const list = byPlace.get(key);
    if (list) list.push(f);
    else byPlace.set(key, [f]);
  }
  return records.map((r) => byPlace.get(placeKey(r.source.file, r.source.row === null ? null : r.source.sheet, r.source.row)) ?? []);
}

function placeKey(file: string, sheet: string | null, row: number | null): string {
  return `${file}\u0001${sheet ?? ''}\u0001${row ?? ''}`;
}

export function problemsText(list: readonly Finding[]): string {
  return list.map((f) => `【${f.code}】${f.message}`).join('\n');
}

export function writeDetailSheet(
  ws: ExcelJS.Worksheet,
  records: readonly CaseRecord[],
  findings: readonly Finding[],
  importedAt: string,
): void {
  const headers = DETAIL_ORDER.map((c) => DETAIL_COLUMNS[c]);
  const colOf = (c: DetailColumn): number => DETAIL_ORDER.indexOf(c) + 1;
  DETAIL_ORDER.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = DETAIL_WIDTHS[c];
    if (c === 'uscc' || c === 'phone') col.numFmt = '@';
  });
  ws.getColumn(colOf('sourceColumns')).hidden = true;

  const header = ws.getRow(1);
  headers.forEach((h, i) => (header.getCell(i + 1).value = h));
  styleHeaderRow(header, headers.length);
  header.getCell(colOf('score')).fill = FILL_INPUT;
  header.getCell(colOf('score')).note = '专家评审后在本列填写得分（数字），再导入本工作簿即可按得分排序。';

  const perRecord = findingsByRecord(records, findings);
  records.forEach((r, i) => {
    const own = perRecord[i];
    const values: Record<DetailColumn, CellValue> = {
      seq: i + 1,
      prefecture: r.prefecture ?? UNKNOWN_PREFECTURE,
      order: r.order,
      caseName: textOrEmpty(r.caseName),
      enterprise: textOrEmpty(r.enterprise),
      uscc: textOrEmpty(r.uscc),
      category: textOrEmpty(r.category ?? r.categoryRaw),
      direction: textOrEmpty(r.direction ?? r.directionRaw),
      level: textOrEmpty(r.level ?? r.levelRaw),
      summary: textOrEmpty(r.summary),
      summaryCell: textOrEmpty(r.summaryCell),
      contact: textOrEmpty(r.contact),
      phone: textOrEmpty(r.phone),
      date: textOrEmpty(r.date),
      sourceFile: textOrEmpty(r.source.file),
      sourceSheet: textOrEmpty(r.source.sheet),
      sourceRow: r.source.row,
      importedAt: textOrEmpty(importedAt),
      problems: textOrEmpty(problemsText(own)),
      score: r.score,
      sourceColumns: textOrEmpty(encodeSourceColumns(r.columns)),
    };
    const row = ws.getRow(i + 2);
    const fill = own.some((f) => f.severity === 'error') ? FILL_ERROR : own.length > 0 ? FILL_WARNING : null;
    DETAIL_ORDER.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      cell.value = values[c];
      cell.font = FONT_BODY;
      cell.border = THIN_BORDER;
      cell.alignment = WRAP_TOP;
      if (c === 'score') {
        cell.fill = FILL_INPUT;
        cell.protection = { locked: false };
        cell.dataValidation = SCORE_RULE;
      } else if (fill) {
        cell.fill = fill;
      }
    });
  });
  tableSheetBasics(ws, headers, records.length + 1);
}
