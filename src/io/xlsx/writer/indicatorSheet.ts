/**
 * 地区指标 as a file (src/sheets/indicators.ts): the 14 prefectures and 全省合计, every total and ratio a plain
 * formula (SUM, SUMPRODUCT, IFERROR) with the cached result from src/core/indicators.ts, so viewers that do not
 * recalculate show the right numbers and WPS recomputes them. "No data" is an empty cell, never 0.
 */
import { INDICATOR_DEFS } from "../../../core/indicatorDefs";
import { indicatorTable, type IndicatorMap } from "../../../core/indicators";
import type { IndicatorKey } from "../../../core/model";
import { PREFECTURE_NAMES } from "../../../core/vocabulary";
import { sheetRange, type ChartSpec } from "../ooxml/chart";
import {
  DERIVED_COLUMNS,
  INDICATOR_SHEET,
  TIER_CHART,
  PROVINCE_COLUMNS,
  PROVINCE_HEADERS,
  PROVINCE_INDICATOR_PRINT,
  PROVINCE_ROWS,
  RATE_KEYS,
  indicatorLook,
  plainFormulas,
} from "../../../sheets/indicators";
import type { Look } from "../../../sheets/layout";
import type { CellValue, Formula, SheetWriter } from "../ooxml/sheet";
import type { CellStyle } from "../ooxml/styles";
import { lookStyle, renderPrint } from "./render";
import { FILL_TOTAL, FONT_HEADER, HEADER, WRAP_CENTER } from "./styles";

export { INDICATOR_SHEET, TOTAL_LABEL } from "../../../sheets/indicators";

const columnIndex = (letter: string): number =>
  [...letter].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;

function formula(text: string, result: number | null): Formula {
  return { formula: text, result: result === null ? "" : result };
}

export function writeIndicatorSheet(ws: SheetWriter, indicators: IndicatorMap): void {
  const k = PROVINCE_COLUMNS.byKey;
  const width = PROVINCE_COLUMNS.width;
  ws.row(PROVINCE_ROWS.header, [...PROVINCE_HEADERS], ws.style(HEADER), { height: 72 });
  ws.column(1, { width: 22 });
  for (let c = 2; c <= width; c++) ws.column(c, { width: 12 });

  const looks: Look[] = [
    "text",
    ...INDICATOR_DEFS.map((d) => indicatorLook(d.key)),
    ...DERIVED_COLUMNS.map((d) => d.look),
    "text",
  ];
  const styles = [false, true].map((isTotal) =>
    looks.map((look) => {
      const base: CellStyle = lookStyle(look);
      const style: CellStyle =
        look === "text" ? { ...base, numFmt: undefined, alignment: WRAP_CENTER } : base;
      return ws.style(isTotal ? { ...style, font: FONT_HEADER, fill: FILL_TOTAL } : style);
    })
  );

  const table = indicatorTable(indicators);
  const reported = table.filter((t, j) => j < PREFECTURE_NAMES.length && t.reported).length;
  table.forEach((line, i) => {
    const r = PROVINCE_ROWS.first + i;
    const isTotal = r === PROVINCE_ROWS.total;
    const values: CellValue[] = new Array<CellValue>(width).fill(null);
    values[0] = line.prefecture;
    for (const def of INDICATOR_DEFS) {
      const v = line.values[def.key];
      const has = typeof v === "number" && Number.isFinite(v);
      if (!has) continue;
      values[columnIndex(k[def.key])] = isTotal ? formula(plainFormulas.total(def.key), v) : v;
    }
    const d = line.derived;
    const col = PROVINCE_COLUMNS.derived;
    if (d.tierTotal !== null)
      values[columnIndex(col.tierTotal)] = formula(
        plainFormulas.tierTotal(r, isTotal),
        d.tierTotal
      );
    for (const id of ["icsFixRate", "hazardFixRate"] as const) {
      const [num, den] = RATE_KEYS[id];
      if (!bothNumbers(line.values, num, den)) continue;
      values[columnIndex(col[id])] = formula(plainFormulas.rate(num, den, r, isTotal), d[id]);
    }
    values[columnIndex(PROVINCE_COLUMNS.status)] = isTotal
      ? `已报 ${reported}/${PREFECTURE_NAMES.length}`
      : line.reported
        ? "已报"
        : "未报";
    ws.row(r, values, styles[isTotal ? 1 : 0]);
  });
  ws.freeze(1, 1);
  ws.chart(tierChartSpec(indicators));
  renderPrint(ws, PROVINCE_INDICATOR_PRINT);
}

/** The sheet's native 三级/二级/一级 chart (src/sheets/indicators.ts TIER_CHART), its values cached for viewers. */
export function tierChartSpec(indicators: IndicatorMap): ChartSpec {
  const { first, last, column } = TIER_CHART.categories;
  const rows = indicatorTable(indicators).slice(0, PREFECTURE_NAMES.length);
  return {
    type: "clusteredColumn",
    title: TIER_CHART.title,
    name: TIER_CHART.name,
    categories: {
      ref: sheetRange(INDICATOR_SHEET, `${column}${first}:${column}${last}`),
      cache: [...PREFECTURE_NAMES],
    },
    series: TIER_CHART.series.map((s) => {
      const col = PROVINCE_COLUMNS.byKey[s.key];
      return {
        name: s.name,
        values: {
          ref: sheetRange(INDICATOR_SHEET, `${col}${first}:${col}${last}`),
          cache: rows.map((r) => r.values[s.key] ?? null),
        },
      };
    }),
    anchor: TIER_CHART.anchor,
    axisTitles: { value: TIER_CHART.valueAxisTitle },
    numFmt: "0",
  };
}

function bothNumbers(
  values: Partial<Record<IndicatorKey, number | null>>,
  a: IndicatorKey,
  b: IndicatorKey
): boolean {
  return typeof values[a] === "number" && typeof values[b] === "number";
}
