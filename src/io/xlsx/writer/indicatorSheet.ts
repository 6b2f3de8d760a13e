/**
 * The 地区指标 sheet: one row per prefecture (all 14, GB/T 2260 order) and a 全省合计 row. Every total and ratio is a
 * plain Excel formula (SUM, SUMPRODUCT, IFERROR only) so WPS and old Excel recompute it, with the cached result from
 * src/core/indicators.ts so viewers that do not recalculate show the right numbers. "No data" is an empty cell, never 0.
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../../core/findings';
import { INDICATOR_DEFS } from '../../../core/indicatorDefs';
import { indicatorTable, type IndicatorMap } from '../../../core/indicators';
import type { IndicatorKey } from '../../../core/model';
import { PREFECTURE_NAMES } from '../../../core/vocabulary';
import { FILL_TOTAL, FONT_BODY, FONT_HEADER, THIN_BORDER, WRAP_CENTER, styleHeaderRow, tableSheetBasics } from './styles';

export const INDICATOR_SHEET = '地区指标';
export const TOTAL_LABEL = '全省合计';
export const DERIVED_HEADERS = ['三级+二级+一级合计（家）', '工控风险整改率（整改÷发现）', '风险隐患整改率（完成整改÷通报）'] as const;

const FIRST = 2;
const LAST = FIRST + PREFECTURE_NAMES.length - 1;
const TOTAL_ROW = LAST + 1;
const FMT_COUNT = '0';
const FMT_PERCENT = '0.0';
const FMT_RATIO = '0.0%';

type Formula = { formula: string; result: number | string };

/** Column letter of each indicator (C onwards, INDICATOR_DEFS order) and of the derived columns after them. */
export function indicatorColumns(): { byKey: Record<IndicatorKey, string>; tierTotal: string; icsRate: string; hazardRate: string } {
  const byKey = {} as Record<IndicatorKey, string>;
  INDICATOR_DEFS.forEach((d, i) => (byKey[d.key] = columnLetter(3 + i)));
  const after = 3 + INDICATOR_DEFS.length;
  return { byKey, tierTotal: columnLetter(after), icsRate: columnLetter(after + 1), hazardRate: columnLetter(after + 2) };
}

/** Rows where both columns hold a value: the mask used by every ratio so it matches ratioOfSums / weightedPercent. */
function bothFilled(a: string, b: string): string {
  return `(${a}${FIRST}:${a}${LAST}<>"")*(${b}${FIRST}:${b}${LAST}<>"")`;
}

function cached(v: number | null): number | string {
  return v === null ? '' : v;
}

export function writeIndicatorSheet(ws: ExcelJS.Worksheet, indicators: IndicatorMap): void {
  const cols = indicatorColumns();
  const k = cols.byKey;
  const headers = ['市州', '状态', ...INDICATOR_DEFS.map((d) => d.label), ...DERIVED_HEADERS];
  const header = ws.getRow(1);
  headers.forEach((h, i) => (header.getCell(i + 1).value = h));
  styleHeaderRow(header, headers.length);
  header.height = 72;
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 9;
  for (let c = 3; c <= headers.length; c++) ws.getColumn(c).width = 13;

  const table = indicatorTable(indicators);
  table.forEach((line, i) => {
    const r = FIRST + i;
    const isTotal = r === TOTAL_ROW;
    const row = ws.getRow(r);
    row.getCell(1).value = line.prefecture;
    row.getCell(2).value = isTotal ? `已报 ${table.filter((t, j) => j < PREFECTURE_NAMES.length && t.reported).length}/${PREFECTURE_NAMES.length}` : line.reported ? '已报' : '未报';

    for (const def of INDICATOR_DEFS) {
      const cell = ws.getCell(`${k[def.key]}${r}`);
      const v = line.values[def.key];
      const has = typeof v === 'number' && Number.isFinite(v);
      if (!isTotal) cell.value = has ? v : null;
      else if (!has) cell.value = null;
      else if (def.kind === 'percent') {
        const w = k.trainingEnterprises;
        const p = k[def.key];
        const mask = bothFilled(w, p);
        cell.value = formula(`IFERROR(SUMPRODUCT(${mask},${w}${FIRST}:${w}${LAST},${p}${FIRST}:${p}${LAST})/SUMPRODUCT(${mask},${w}${FIRST}:${w}${LAST}),"")`, v);
      } else {
        cell.value = formula(`SUM(${k[def.key]}${FIRST}:${k[def.key]}${LAST})`, v);
      }
      cell.numFmt = def.kind === 'percent' ? FMT_PERCENT : FMT_COUNT;
    }

    const d = line.derived;
    const tier = ws.getCell(`${cols.tierTotal}${r}`);
    tier.value = d.tierTotal === null ? null : formula(isTotal ? `SUM(${cols.tierTotal}${FIRST}:${cols.tierTotal}${LAST})` : `SUM(${k.tier3}${r}:${k.tier1}${r})`, d.tierTotal);
    tier.numFmt = FMT_COUNT;
    rateCell(ws.getCell(`${cols.icsRate}${r}`), k.icsRisksFixed, k.icsRisksFound, r, isTotal, line.values, 'icsRisksFixed', 'icsRisksFound', d.icsFixRate);
    rateCell(ws.getCell(`${cols.hazardRate}${r}`), k.noticeHazardsFixed, k.noticeHazards, r, isTotal, line.values, 'noticeHazardsFixed', 'noticeHazards', d.hazardFixRate);

    for (let c = 1; c <= headers.length; c++) {
      const cell = row.getCell(c);
      cell.font = isTotal ? FONT_HEADER : FONT_BODY;
      cell.border = THIN_BORDER;
      if (c <= 2) cell.alignment = WRAP_CENTER;
      if (isTotal) cell.fill = FILL_TOTAL;
    }
  });
  tableSheetBasics(ws, headers, TOTAL_ROW - 1);
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
}

/**
 * 整改率 = fixed ÷ found: written only where both numbers exist (else the cell stays empty: no data); IFERROR turns a
 * zero denominator into "". The 全省合计 row divides the sums over the prefectures that gave both numbers.
 */
function rateCell(
  cell: ExcelJS.Cell,
  num: string,
  den: string,
  r: number,
  isTotal: boolean,
  values: Partial<Record<IndicatorKey, number | null>>,
  numKey: IndicatorKey,
  denKey: IndicatorKey,
  result: number | null,
): void {
  cell.numFmt = FMT_RATIO;
  const hasBoth = typeof values[numKey] === 'number' && typeof values[denKey] === 'number';
  if (!hasBoth) {
    cell.value = null;
  } else if (isTotal) {
    const mask = bothFilled(num, den);
    cell.value = formula(`IFERROR(SUMPRODUCT(${mask},${num}${FIRST}:${num}${LAST})/SUMPRODUCT(${mask},${den}${FIRST}:${den}${LAST}),"")`, cached(result));
  } else {
    cell.value = formula(`IFERROR(${num}${r}/${den}${r},"")`, cached(result));
  }
}

function formula(text: string, result: number | string | null): Formula {
  return { formula: text, result: result === null ? '' : result };
}
