/**
 * 地区指标 as a file (src/sheets/indicators.ts): the 14 prefectures and 全省合计, every total and ratio a plain
 * formula (SUM, SUMPRODUCT, IFERROR) with the cached result from src/core/indicators.ts, so viewers that do not
 * recalculate show the right numbers and WPS recomputes them. "No data" is an empty cell, never 0.
 */
import { indicatorTable, type IndicatorMap } from "../../../core/indicators";
import { PREFECTURE_NAMES } from "../../../core/vocabulary";
import { sheetRange, type ChartSpec } from "../ooxml/chart";
import {
  INDICATOR_SHEET,
  TIER_CHART,
  PROVINCE_COLUMNS,
  PROVINCE_HEADERS,
  PROVINCE_INDICATOR_PRINT,
  PROVINCE_LOOKS,
  PROVINCE_ROWS,
  PROVINCE_WIDTHS,
  provinceCells,
} from "../../../sheets/indicators";
import type { CellValue, Formula, SheetWriter } from "../ooxml/sheet";
import type { CellStyle } from "../ooxml/styles";
import { lookStyle, renderPrint } from "./render";
import { FILL_TOTAL, FONT_HEADER, HEADER, WRAP_CENTER } from "./styles";

export { INDICATOR_SHEET, TOTAL_LABEL } from "../../../sheets/indicators";

export function writeIndicatorSheet(ws: SheetWriter, indicators: IndicatorMap): void {
  const width = PROVINCE_COLUMNS.width;
  ws.row(PROVINCE_ROWS.header, [...PROVINCE_HEADERS], ws.style(HEADER), { height: 72 });
  ws.column(1, { width: PROVINCE_WIDTHS.prefecture });
  for (let c = 2; c <= width; c++) ws.column(c, { width: PROVINCE_WIDTHS.other });

  const styles = [false, true].map((isTotal) =>
    PROVINCE_LOOKS.map((look) => {
      const base: CellStyle = lookStyle(look);
      const style: CellStyle =
        look === "text" ? { ...base, numFmt: undefined, alignment: WRAP_CENTER } : base;
      return ws.style(isTotal ? { ...style, font: FONT_HEADER, fill: FILL_TOTAL } : style);
    })
  );

  for (const line of provinceCells(indicators)) {
    const values: CellValue[] = line.cells.map((c) =>
      c === null
        ? null
        : c.kind === "text"
          ? c.text
          : c.kind === "number"
            ? c.value
            : formula(c.formula, c.result)
    );
    ws.row(line.row, values, styles[line.isTotal ? 1 : 0]);
  }
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

function formula(text: string, result: number | null): Formula {
  return { formula: text, result: result === null ? "" : result };
}
