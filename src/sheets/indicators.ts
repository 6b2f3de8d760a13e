/**
 * The indicator sheets.
 *
 * 地区指标 (the province, and any merge): one row per prefecture (all 14, GB/T 2260 order) and a 全省合计 row; the
 * 附件2 indicators in the form's order (三级, 二级, 一级 first: the chart's data), three derived columns, the 已报/未报
 * status last. Totals and ratios are plain formulas (SUM, SUMPRODUCT, IFERROR) so WPS and Excel without the add-in
 * recompute them; "no data" is an empty cell, never 0.
 *
 * 成效突出地区申报表 (the 附件2 sheet: a prefecture's own, its template): label / value pairs in the form's order, a
 * unit and a note beside each value, as the workbook reader reads them back.
 */
import { columnLetter } from "../core/findings";
import { INDICATOR_DEFS, INDICATOR_HEADER_LABELS } from "../core/indicatorDefs";
import { indicatorTable, type IndicatorMap } from "../core/indicators";
import { INDICATOR_HEADER_KEYS, type IndicatorHeaderKey, type IndicatorKey } from "../core/model";
import { PREFECTURE_NAMES } from "../core/vocabulary";
import type { ColumnRule, Look, PrintSpec } from "./layout";
import { printSpec } from "./layout";

// ---------------------------------------------------------------------------------------------------------------
// 地区指标

export const INDICATOR_SHEET = "地区指标";
export const TOTAL_LABEL = "全省合计";
export const TIER_CHART_TITLE = "各市州工业互联网安全分类分级企业数（三级/二级/一级）";

export const DERIVED_COLUMNS = [
  { id: "tierTotal", header: "三级+二级+一级合计（家）", look: "number" },
  { id: "icsFixRate", header: "工控风险整改率（整改÷发现）", look: "ratio" },
  { id: "hazardFixRate", header: "风险隐患整改率（完成整改÷通报）", look: "ratio" },
] as const satisfies ReadonlyArray<{ id: string; header: string; look: Look }>;
export type DerivedId = (typeof DERIVED_COLUMNS)[number]["id"];

export const STATUS_HEADER = "状态";
export const PREFECTURE_HEADER = "市州";

/** 1-based rows: header, the 14 prefectures, the total. */
export const PROVINCE_ROWS = {
  header: 1,
  first: 2,
  last: 1 + PREFECTURE_NAMES.length,
  total: 2 + PREFECTURE_NAMES.length,
} as const;

/** The column letter of each part of the sheet. */
export const PROVINCE_COLUMNS = (() => {
  const byKey = {} as Record<IndicatorKey, string>;
  INDICATOR_DEFS.forEach((d, i) => (byKey[d.key] = columnLetter(2 + i)));
  const after = 2 + INDICATOR_DEFS.length;
  const derived = {} as Record<DerivedId, string>;
  DERIVED_COLUMNS.forEach((d, i) => (derived[d.id] = columnLetter(after + i)));
  return {
    prefecture: "A",
    byKey,
    derived,
    status: columnLetter(after + DERIVED_COLUMNS.length),
    width: after + DERIVED_COLUMNS.length,
  };
})();

if (
  INDICATOR_DEFS.slice(0, 3)
    .map((d) => d.key)
    .join() !== "tier3,tier2,tier1"
) {
  throw new Error("内部错误：指标顺序已变，地区指标图表的数据列需调整");
}

export const PROVINCE_HEADERS: readonly string[] = [
  PREFECTURE_HEADER,
  ...INDICATOR_DEFS.map((d) => d.label),
  ...DERIVED_COLUMNS.map((d) => d.header),
  STATUS_HEADER,
];

export function indicatorLook(key: IndicatorKey): Look {
  return INDICATOR_DEFS.find((d) => d.key === key)!.kind === "percent" ? "decimal" : "number";
}

const span = (col: string) => `${col}${PROVINCE_ROWS.first}:${col}${PROVINCE_ROWS.last}`;

/** Rows where both columns hold a value: the mask every ratio uses, so it matches ratioOfSums / weightedPercent. */
function bothFilled(a: string, b: string): string {
  return `(${span(a)}<>"")*(${span(b)}<>"")`;
}

/** The plain formulas (no add-in needed) of the total row and of the derived columns. */
export const plainFormulas = {
  /** 全省合计 of one indicator: a sum, or for the percentage the share weighted by enterprises covered. */
  total(key: IndicatorKey): string {
    const k = PROVINCE_COLUMNS.byKey;
    if (indicatorLook(key) === "decimal") {
      const w = k.trainingEnterprises;
      const p = k[key];
      const mask = bothFilled(w, p);
      return `IFERROR(SUMPRODUCT(${mask},${span(w)},${span(p)})/SUMPRODUCT(${mask},${span(w)}),"")`;
    }
    return `SUM(${span(k[key])})`;
  },
  /** 三级+二级+一级 of a row (the total row sums the column). */
  tierTotal(row: number, isTotal: boolean): string {
    const k = PROVINCE_COLUMNS.byKey;
    const t = PROVINCE_COLUMNS.derived.tierTotal;
    return isTotal ? `SUM(${span(t)})` : `SUM(${k.tier3}${row}:${k.tier1}${row})`;
  },
  /** fixed ÷ found of a row; the total row divides the sums over the prefectures that gave both. */
  rate(numKey: IndicatorKey, denKey: IndicatorKey, row: number, isTotal: boolean): string {
    const num = PROVINCE_COLUMNS.byKey[numKey];
    const den = PROVINCE_COLUMNS.byKey[denKey];
    if (!isTotal) return `IFERROR(${num}${row}/${den}${row},"")`;
    const mask = bothFilled(num, den);
    return `IFERROR(SUMPRODUCT(${mask},${span(num)})/SUMPRODUCT(${mask},${span(den)}),"")`;
  },
};

/** The derived column's numerator and denominator keys. */
export const RATE_KEYS: Record<Exclude<DerivedId, "tierTotal">, [IndicatorKey, IndicatorKey]> = {
  icsFixRate: ["icsRisksFixed", "icsRisksFound"],
  hazardFixRate: ["noticeHazardsFixed", "noticeHazards"],
};

/** The look of each column, A to 状态. */
export const PROVINCE_LOOKS: readonly Look[] = [
  "text",
  ...INDICATOR_DEFS.map((d) => indicatorLook(d.key)),
  ...DERIVED_COLUMNS.map((d) => d.look),
  "text",
];

/** A body cell of 地区指标: text, a number, or a formula (without "=") with the result src/core/indicators.ts gives. */
export type IndicatorCell =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "formula"; formula: string; result: number | null }
  | null;

const columnIndex = (letter: string): number =>
  [...letter].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;

/**
 * Every body row of 地区指标 (the 14 prefectures, then 全省合计), each cell as both renderers write it: a reported
 * number as itself, a total or a derived value as its formula — only where src/core/indicators.ts has a value, so a
 * half-given pair never shows a rate the CLI does not have.
 */
export function provinceCells(
  indicators: IndicatorMap
): { row: number; isTotal: boolean; cells: IndicatorCell[] }[] {
  const k = PROVINCE_COLUMNS.byKey;
  const col = PROVINCE_COLUMNS.derived;
  const table = indicatorTable(indicators);
  const reported = table.filter((t, j) => j < PREFECTURE_NAMES.length && t.reported).length;
  const has = (v: number | null | undefined): v is number =>
    typeof v === "number" && Number.isFinite(v);
  return table.map((line, i) => {
    const row = PROVINCE_ROWS.first + i;
    const isTotal = row === PROVINCE_ROWS.total;
    const cells: IndicatorCell[] = new Array<IndicatorCell>(PROVINCE_COLUMNS.width).fill(null);
    cells[0] = { kind: "text", text: line.prefecture };
    for (const def of INDICATOR_DEFS) {
      const v = line.values[def.key];
      if (!has(v)) continue;
      cells[columnIndex(k[def.key])] = isTotal
        ? { kind: "formula", formula: plainFormulas.total(def.key), result: v }
        : { kind: "number", value: v };
    }
    const d = line.derived;
    if (d.tierTotal !== null)
      cells[columnIndex(col.tierTotal)] = {
        kind: "formula",
        formula: plainFormulas.tierTotal(row, isTotal),
        result: d.tierTotal,
      };
    for (const id of ["icsFixRate", "hazardFixRate"] as const) {
      const [num, den] = RATE_KEYS[id];
      if (!has(line.values[num]) || !has(line.values[den])) continue;
      cells[columnIndex(col[id])] = {
        kind: "formula",
        formula: plainFormulas.rate(num, den, row, isTotal),
        result: d[id],
      };
    }
    cells[columnIndex(PROVINCE_COLUMNS.status)] = {
      kind: "text",
      text: isTotal
        ? `已报 ${reported}/${PREFECTURE_NAMES.length}`
        : line.reported
          ? "已报"
          : "未报",
    };
    return { row, isTotal, cells };
  });
}

/** Column widths in characters: the prefecture column, every other column. */
export const PROVINCE_WIDTHS = { prefecture: 22, other: 12 } as const;

export const PROVINCE_INDICATOR_PRINT: PrintSpec = printSpec("landscape", [1, 1]);

/** The 三级/二级/一级 chart of 地区指标: the prefectures as categories, one series per tier column, below the table. */
export const TIER_CHART = {
  title: TIER_CHART_TITLE,
  name: "分级企业数图",
  valueAxisTitle: "企业数（家）",
  categories: {
    column: PROVINCE_COLUMNS.prefecture,
    first: PROVINCE_ROWS.first,
    last: PROVINCE_ROWS.last,
  },
  series: [
    { name: "三级", key: "tier3" },
    { name: "二级", key: "tier2" },
    { name: "一级", key: "tier1" },
  ] as const satisfies ReadonlyArray<{ name: string; key: IndicatorKey }>,
  /** From the top-left corner of `from` to that of `to`: two rows under the 全省合计 row, twelve columns wide. */
  anchor: { from: `A${PROVINCE_ROWS.total + 2}`, to: `L${PROVINCE_ROWS.total + 24}` },
};

// ---------------------------------------------------------------------------------------------------------------
// 成效突出地区申报表 (附件2)

export const ANNEX2_SHEET = "成效突出地区申报表";
export const ANNEX2_TITLE = "护航新型工业化网络安全成效突出地区申报表";
export const ANNEX2_NOTE =
  "填表说明：在B列填写；数量填写不小于0的整数，百分数填写0%至100%之间的数；未统计的请留空。";
export const REGION_DIRECTIONS = [
  "总体成效突出地区",
  "安全管理成效突出地区",
  "服务赋能成效突出地区",
] as const;
/** Indicators the form asks a name list for. */
export const NEEDS_LIST: ReadonlySet<IndicatorKey> = new Set<IndicatorKey>([
  "tier3",
  "tier2",
  "tier1",
  "vehicleFiled",
  "monitorIndustrial",
  "monitorVehicle",
  "insurancePlans",
  "platformAssessed",
]);

export const ANNEX2_WIDTHS = [50, 16, 8, 30] as const;

export type Annex2Line =
  | { kind: "title"; row: number; text: string }
  | { kind: "note"; row: number; text: string }
  | { kind: "heading"; row: number; text: string }
  | { kind: "header"; row: number; key: IndicatorHeaderKey; label: string; rule: ColumnRule | null }
  | {
      kind: "indicator";
      row: number;
      key: IndicatorKey;
      label: string;
      unit: string;
      note: string;
      look: Look;
      rule: ColumnRule;
    };

const YES_NO: ColumnRule = {
  kind: "list",
  items: ["是", "否"],
  title: "请选择",
  prompt: "请选择“是”或“否”。",
};

function headerRule(key: IndicatorHeaderKey): ColumnRule | null {
  if (key === "classifiedManagement" || key === "keyEnterpriseList") return YES_NO;
  if (key === "regionDirection")
    return {
      kind: "list",
      items: REGION_DIRECTIONS,
      title: "申报方向",
      prompt: "请选择一个申报方向。",
    };
  return null;
}

function indicatorRule(key: IndicatorKey, unit: string): ColumnRule {
  // a percentage is kept as a fraction in a percent-formatted cell: 85% is 0.85, and reads back unambiguously
  return indicatorLook(key) === "decimal"
    ? {
        kind: "number",
        whole: false,
        min: 0,
        max: 1,
        strict: true,
        title: "填写百分数",
        prompt: "填写0%至100%之间的百分数（如 85%）。",
        error: "请填写0%至100%之间的百分数。",
      }
    : {
        kind: "number",
        whole: true,
        min: 0,
        strict: true,
        title: "填写整数",
        prompt: `填写不小于0的整数（单位：${unit}）。`,
        error: "请填写不小于0的整数。",
      };
}

/** Every line of the 附件2 sheet, top to bottom, with its 1-based row. */
export const ANNEX2_LINES: readonly Annex2Line[] = (() => {
  const out: Annex2Line[] = [
    { kind: "title", row: 1, text: ANNEX2_TITLE },
    { kind: "note", row: 2, text: ANNEX2_NOTE },
  ];
  let r = 4;
  out.push({ kind: "heading", row: r++, text: "基本情况" });
  for (const key of INDICATOR_HEADER_KEYS) {
    out.push({
      kind: "header",
      row: r++,
      key,
      label: INDICATOR_HEADER_LABELS[key],
      rule: headerRule(key),
    });
  }
  for (const section of ["安全管理成效", "服务赋能成效"] as const) {
    r += 1;
    out.push({
      kind: "heading",
      row: r++,
      text: section === "安全管理成效" ? "一、安全管理成效" : "二、服务赋能成效",
    });
    for (const def of INDICATOR_DEFS.filter((d) => d.section === section)) {
      out.push({
        kind: "indicator",
        row: r++,
        key: def.key,
        label: def.label,
        unit: def.unit,
        note: NEEDS_LIST.has(def.key) ? "请附名单" : "",
        look: indicatorLook(def.key),
        rule: indicatorRule(def.key, def.unit),
      });
    }
  }
  return out;
})();

export const ANNEX2_PRINT: PrintSpec = printSpec("portrait", null);
