/**
 * The 地区指标 sheet: one row per prefecture (all 14, GB/T 2260 order) and a 全省合计 row. Every total and ratio is a
 * plain Excel formula (SUM, SUMPRODUCT, IFERROR only) so WPS and old Excel recompute it, with the cached result from
 * src/core/indicators.ts so viewers that do not recalculate show the right numbers. "No data" is an empty cell, never 0.
 */
import { columnLetter } from "../../../core/findings";
import { INDICATOR_DEFS } from "../../../core/indicatorDefs";
import { indicatorTable, type IndicatorMap } from "../../../core/indicators";
import type { IndicatorKey } from "../../../core/model";
import { PREFECTURE_NAMES } from "../../../core/vocabulary";
import type { CellValue, Formula, SheetWriter } from "../ooxml/sheet";
import type { CellStyle } from "../ooxml/styles";
import { FILL_TOTAL, FONT_BODY, FONT_HEADER, HEADER, WRAP_CENTER } from "./styles";

export const INDICATOR_SHEET = "地区指标";
export const TOTAL_LABEL = "全省合计";
export const DERIVED_HEADERS = [
  "三级+二级+一级合计（家）",
  "工控风险整改率（整改÷发现）",
  "风险隐患整改率（完成整改÷通报）",
] as const;

const FIRST = 2;
const LAST = FIRST + PREFECTURE_NAMES.length - 1;
const TOTAL_ROW = LAST + 1;
const FMT_COUNT = "0";
const FMT_PERCENT = "0.0";
const FMT_RATIO = "0.0%";

/** Column letter of each indicator (C onwards, INDICATOR_DEFS order) and of the derived columns after them. */
export function indicatorColumns(): {
  byKey: Record<IndicatorKey, string>;
  tierTotal: string;
  icsRate: string;
  hazardRate: string;
} {
  const byKey = {} as Record<IndicatorKey, string>;
  INDICATOR_DEFS.forEach((d, i) => (byKey[d.key] = columnLetter(3 + i)));
  const after = 3 + INDICATOR_DEFS.length;
  return {
    byKey,
    tierTotal: columnLetter(after),
    icsRate: columnLetter(after + 1),
    hazardRate: columnLetter(after + 2),
  };
}

/** Rows where both columns hold a value: the mask used by every ratio so it matches ratioOfSums / weightedPercent. */
function bothFilled(a: string, b: string): string {
  return `(${a}${FIRST}:${a}${LAST}<>"")*(${b}${FIRST}:${b}${LAST}<>"")`;
}

function cached(v: number | null): number | string {
  return v === null ? "" : v;
}

export function writeIndicatorSheet(ws: SheetWriter, indicators: IndicatorMap): void {
  const cols = indicatorColumns();
  const k = cols.byKey;
  const headers = ["市州", "状态", ...INDICATOR_DEFS.map((d) => d.label), ...DERIVED_HEADERS];
  ws.row(1, headers, Array<number>(headers.length).fill(ws.style(HEADER)), { height: 72 });
  ws.column(1, { width: 22 });
  ws.column(2, { width: 9 });
  for (let c = 3; c <= headers.length; c++) ws.column(c, { width: 13 });

  // number format of each column after the first two: indicators, 合计, two ratios
  const formats = [
    ...INDICATOR_DEFS.map((d) => (d.kind === "percent" ? FMT_PERCENT : FMT_COUNT)),
    FMT_COUNT,
    FMT_RATIO,
    FMT_RATIO,
  ];
  const looks = [false, true].map((isTotal) => {
    const base: CellStyle = isTotal
      ? { font: FONT_HEADER, border: "thin", fill: FILL_TOTAL }
      : { font: FONT_BODY, border: "thin" };
    return [
      ws.style({ ...base, alignment: WRAP_CENTER }),
      ws.style({ ...base, alignment: WRAP_CENTER }),
      ...formats.map((numFmt) => ws.style({ ...base, numFmt })),
    ];
  });
  /** 0-based position in a row's values of a column letter. */
  const colIndex = (letter: string): number => columnIndex(letter) - 1;

  const table = indicatorTable(indicators);
  const reported = table.filter((t, j) => j < PREFECTURE_NAMES.length && t.reported).length;
  table.forEach((line, i) => {
    const r = FIRST + i;
    const isTotal = r === TOTAL_ROW;
    const values: CellValue[] = new Array<CellValue>(headers.length).fill(null);
    values[0] = line.prefecture;
    values[1] = isTotal
      ? `已报 ${reported}/${PREFECTURE_NAMES.length}`
      : line.reported
        ? "已报"
        : "未报";

    for (const def of INDICATOR_DEFS) {
      const v = line.values[def.key];
      const has = typeof v === "number" && Number.isFinite(v);
      let value: CellValue = null;
      if (!isTotal) value = has ? v : null;
      else if (!has) value = null;
      else if (def.kind === "percent") {
        const w = k.trainingEnterprises;
        const p = k[def.key];
        const mask = bothFilled(w, p);
        value = formula(
          `IFERROR(SUMPRODUCT(${mask},${w}${FIRST}:${w}${LAST},${p}${FIRST}:${p}${LAST})/SUMPRODUCT(${mask},${w}${FIRST}:${w}${LAST}),"")`,
          v
        );
      } else {
        value = formula(`SUM(${k[def.key]}${FIRST}:${k[def.key]}${LAST})`, v);
      }
      values[colIndex(k[def.key])] = value;
    }

    const d = line.derived;
    values[colIndex(cols.tierTotal)] =
      d.tierTotal === null
        ? null
        : formula(
            isTotal
              ? `SUM(${cols.tierTotal}${FIRST}:${cols.tierTotal}${LAST})`
              : `SUM(${k.tier3}${r}:${k.tier1}${r})`,
            d.tierTotal
          );
    values[colIndex(cols.icsRate)] = rateValue(
      k.icsRisksFixed,
      k.icsRisksFound,
      r,
      isTotal,
      line.values,
      "icsRisksFixed",
      "icsRisksFound",
      d.icsFixRate
    );
    values[colIndex(cols.hazardRate)] = rateValue(
      k.noticeHazardsFixed,
      k.noticeHazards,
      r,
      isTotal,
      line.values,
      "noticeHazardsFixed",
      "noticeHazards",
      d.hazardFixRate
    );
    ws.row(r, values, looks[isTotal ? 1 : 0]);
  });
  ws.autoFilter(`A1:${columnLetter(headers.length)}${TOTAL_ROW - 1}`);
  ws.freeze(2, 1);
}

/** 1-based column number of a column letter. */
function columnIndex(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * 整改率 = fixed ÷ found: written only where both numbers exist (else the cell stays empty: no data); IFERROR turns a
 * zero denominator into "". The 全省合计 row divides the sums over the prefectures that gave both numbers.
 */
function rateValue(
  num: string,
  den: string,
  r: number,
  isTotal: boolean,
  values: Partial<Record<IndicatorKey, number | null>>,
  numKey: IndicatorKey,
  denKey: IndicatorKey,
  result: number | null
): CellValue {
  const hasBoth = typeof values[numKey] === "number" && typeof values[denKey] === "number";
  if (!hasBoth) return null;
  if (isTotal) {
    const mask = bothFilled(num, den);
    return formula(
      `IFERROR(SUMPRODUCT(${mask},${num}${FIRST}:${num}${LAST})/SUMPRODUCT(${mask},${den}${FIRST}:${den}${LAST}),"")`,
      cached(result)
    );
  }
  return formula(`IFERROR(${num}${r}/${den}${r},"")`, cached(result));
}

function formula(text: string, result: number | string | null): Formula {
  return { formula: text, result: result === null ? "" : result };
}
