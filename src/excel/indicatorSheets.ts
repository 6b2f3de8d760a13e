/**
 * 地区指标: for a prefecture, its 附件2 as label/value pairs with derived cells and consistency checks as formulas; for
 * the province, the 14 prefectures + 全省合计 with a clustered column chart of 三级/二级/一级.
 *
 * Province ratios use HUHANG.RATIO / HUHANG.COVERAGE: they take the whole prefecture column and compute the ratio of the
 * sums over the prefectures that gave both numbers ("" when there is no data), exactly as src/core/indicators.ts does.
 * Their arguments are written as IF(ISBLANK(r),"",r): Excel on Windows and Mac hands an empty cell to a custom function
 * as 0, and 0 is a value here (a prefecture that found 10 risks and left 整改 blank would count as 0 of 10); the IF is
 * evaluated as an array over a range (dynamic-array Excel, which every Excel with custom functions is).
 */
import { columnLetter } from "../core/findings";
import { INDICATOR_DEFS, INDICATOR_HEADER_LABELS } from "../core/indicatorDefs";
import { INDICATOR_HEADER_KEYS, type IndicatorKey, type IndicatorValues } from "../core/model";
import { PREFECTURE_NAMES, type PrefectureName } from "../core/vocabulary";
import { DETAIL_TABLE } from "./prefectureSheets";
import { COL } from "./recordColumns";
import {
  FILL_TOTAL,
  columnWidths,
  headerRow,
  matrix,
  mergedLine,
  writeCells,
  writeColumn,
  type SheetJob,
} from "./sheetWriter";

export const INDICATOR_SHEET = "地区指标";
export const TOTAL_LABEL = "全省合计";
export const TIER_CHART_TITLE = "各市州工业互联网安全分类分级企业数（三级/二级/一级）";

const FMT_RATIO = "0.0%";
const FMT_PCT = "0.0";

function num(v: number | null | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** A cell or range as a custom function argument whose empty cells stay blank ("") instead of becoming 0. */
export function blanksAsBlank(ref: string): string {
  return `IF(ISBLANK(${ref}),"",${ref})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Prefecture

/** 0-based rows of the prefecture sheet: title, the 附件2 header answers, the indicators, the derived cells. */
const HEADER_FIRST = 1;
const INDICATOR_HEADER = HEADER_FIRST + INDICATOR_HEADER_KEYS.length + 1;
export const FIRST_INDICATOR_ROW = INDICATOR_HEADER + 1;
export const DERIVED_HEADER_ROW = FIRST_INDICATOR_ROW + INDICATOR_DEFS.length + 1;

export function prefectureIndicatorJob(
  prefecture: PrefectureName | null,
  values: IndicatorValues | null
): SheetJob {
  return {
    name: INDICATOR_SHEET,
    build(ws) {
      mergedLine(ws, 0, 4, `${prefecture ?? ""}护航新型工业化网络安全成效突出地区指标（附件2）`, {
        bold: true,
        size: 14,
        center: true,
      });
      writeCells(
        ws.getRangeByIndexes(HEADER_FIRST, 0, INDICATOR_HEADER_KEYS.length, 2),
        "text",
        INDICATOR_HEADER_KEYS.map((k) => [INDICATOR_HEADER_LABELS[k], values?.header[k] ?? ""])
      );
      headerRow(ws, INDICATOR_HEADER, 0, ["板块", "指标", "数值", "检查"]);
      const rowOf = new Map<IndicatorKey, number>();
      INDICATOR_DEFS.forEach((d, i) => rowOf.set(d.key, FIRST_INDICATOR_ROW + i));
      const c = (k: IndicatorKey) => `C${rowOf.get(k)! + 1}`;
      writeCells(
        ws.getRangeByIndexes(FIRST_INDICATOR_ROW, 0, INDICATOR_DEFS.length, 2),
        "text",
        INDICATOR_DEFS.map((d) => [d.section, d.label])
      );
      writeColumn(
        ws,
        FIRST_INDICATOR_ROW,
        2,
        "number",
        INDICATOR_DEFS.map((d) => num(values?.values[d.key]))
      );
      const pctRow = rowOf.get("trainingKeyPct")!;
      ws.getRangeByIndexes(pctRow, 2, 1, 1).numberFormat = [[FMT_PCT]];

      const tiers = `${c("tier3")}:${c("tier1")}`;
      const lte = (a: IndicatorKey, b: IndicatorKey, msg: string) =>
        `=IF(AND(ISNUMBER(${c(a)}),ISNUMBER(${c(b)})),IF(${c(a)}>${c(b)},"${msg}",""),"")`;
      const checks: Partial<Record<IndicatorKey, string>> = {
        icsRisksFixed: lte("icsRisksFixed", "icsRisksFound", "整改项数大于发现风险项数"),
        noticeHazardsFixed: lte("noticeHazardsFixed", "noticeHazards", "完成整改数大于通报隐患数"),
        fiveSteps: lte("fiveSteps", "conformity", "“五步走”企业数大于完成符合性评测企业数"),
        conformity: `=IF(AND(ISNUMBER(${c("conformity")}),COUNT(${tiers})>0),IF(${c("conformity")}>SUM(${tiers}),"完成符合性评测企业数大于三级、二级、一级合计",""),"")`,
        vehicleProtected: lte(
          "vehicleProtected",
          "vehicleFiled",
          "完成防护评测企业数大于定级备案企业数"
        ),
        trainingKeyPct: `=IF(ISNUMBER(${c("trainingKeyPct")}),IF(OR(${c("trainingKeyPct")}<0,${c("trainingKeyPct")}>100),"占比应在 0–100 之间",""),"")`,
      };
      for (const [k, f] of Object.entries(checks) as [IndicatorKey, string][])
        writeColumn(ws, rowOf.get(k)!, 3, "formula", [f]);

      const d0 = DERIVED_HEADER_ROW;
      headerRow(ws, d0, 0, ["推导指标", "说明", "数值"]);
      const tier = (t: string) =>
        `=IFERROR(HUHANG.TIERCOUNT(INDIRECT("${DETAIL_TABLE}[${COL.level}]"),"${t}"),"")`;
      const derived: [string, string, string, string][] = [
        [
          "三级+二级+一级合计（家）",
          "三级、二级、一级之和",
          `=IF(COUNT(${tiers})=0,"",SUM(${tiers}))`,
          "0",
        ],
        [
          "工控风险整改率",
          "整改 ÷ 发现；无发现时为空",
          `=HUHANG.RATIO(${blanksAsBlank(c("icsRisksFixed"))},${blanksAsBlank(c("icsRisksFound"))})`,
          FMT_RATIO,
        ],
        [
          "风险隐患整改率",
          "完成整改 ÷ 通报隐患；无通报时为空",
          `=HUHANG.RATIO(${blanksAsBlank(c("noticeHazardsFixed"))},${blanksAsBlank(c("noticeHazards"))})`,
          FMT_RATIO,
        ],
        [
          "培训重点行业规上企业占比",
          "按覆盖企业数加权",
          `=HUHANG.COVERAGE(${blanksAsBlank(c("trainingEnterprises"))},${blanksAsBlank(c("trainingKeyPct"))})`,
          FMT_RATIO,
        ],
        ["推荐案例中三级（个）", "明细表中网络安全级别为三级的案例数", tier("三级"), "0"],
        ["推荐案例中二级（个）", "明细表中网络安全级别为二级的案例数", tier("二级"), "0"],
        ["推荐案例中一级（个）", "明细表中网络安全级别为一级的案例数", tier("一级"), "0"],
      ];
      writeCells(
        ws.getRangeByIndexes(d0 + 1, 0, derived.length, 2),
        "text",
        derived.map((r) => [r[0], r[1]])
      );
      writeColumn(
        ws,
        d0 + 1,
        2,
        "formula",
        derived.map((r) => r[2])
      );
      ws.getRangeByIndexes(d0 + 1, 2, derived.length, 1).numberFormat = derived.map((r) => [r[3]]);
      columnWidths(ws, [14, 44, 12, 36]);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Province

export const PROVINCE_DERIVED = [
  "三级+二级+一级合计（家）",
  "工控风险整改率（整改÷发现）",
  "风险隐患整改率（完成整改÷通报）",
] as const;
const FIRST = 1;
const LAST = FIRST + PREFECTURE_NAMES.length - 1;
export const PROVINCE_TOTAL_ROW = LAST + 1;

/** Column letter of each indicator: B onwards in INDICATOR_DEFS order (三级, 二级, 一级 first: the chart's data). */
export function provinceIndicatorColumn(key: IndicatorKey): string {
  return columnLetter(2 + INDICATOR_DEFS.findIndex((d) => d.key === key));
}

export function provinceIndicatorJob(
  indicators: Partial<Record<PrefectureName, IndicatorValues>>
): SheetJob {
  if (
    INDICATOR_DEFS.slice(0, 3)
      .map((d) => d.key)
      .join() !== "tier3,tier2,tier1"
  )
    throw new Error("内部错误：指标顺序已变，图表数据列需调整");
  return {
    name: INDICATOR_SHEET,
    build(ws) {
      const headers = ["市州", ...INDICATOR_DEFS.map((d) => d.label), ...PROVINCE_DERIVED, "状态"];
      headerRow(ws, 0, 0, headers);
      writeColumn(ws, FIRST, 0, "text", [...PREFECTURE_NAMES, TOTAL_LABEL]);
      const k = provinceIndicatorColumn;
      const span = (col: string) => `${col}${FIRST + 1}:${col}${LAST + 1}`;
      INDICATOR_DEFS.forEach((d, i) => {
        const col = 1 + i;
        writeColumn(
          ws,
          FIRST,
          col,
          "number",
          PREFECTURE_NAMES.map((p) => num(indicators[p]?.values[d.key]))
        );
        const total =
          d.kind === "percent"
            ? `=IFERROR(HUHANG.COVERAGE(${blanksAsBlank(span(k("trainingEnterprises")))},${blanksAsBlank(span(k(d.key)))})*100,"")`
            : `=IF(COUNT(${span(k(d.key))})=0,"",SUM(${span(k(d.key))}))`;
        writeColumn(ws, PROVINCE_TOTAL_ROW, col, "formula", [total]);
        if (d.kind === "percent")
          ws.getRangeByIndexes(FIRST, col, PREFECTURE_NAMES.length + 1, 1).numberFormat = matrix(
            PREFECTURE_NAMES.length + 1,
            1,
            FMT_PCT
          );
      });
      const after = 1 + INDICATOR_DEFS.length;
      const rows = Array.from({ length: PREFECTURE_NAMES.length + 1 }, (_, i) => FIRST + i + 1);
      const isTotal = (r: number) => r === PROVINCE_TOTAL_ROW + 1;
      const tiers = (r: number) => `${k("tier3")}${r}:${k("tier1")}${r}`;
      const tierTotal = columnLetter(after + 1);
      writeColumn(
        ws,
        FIRST,
        after,
        "formula",
        rows.map((r) =>
          isTotal(r)
            ? `=IF(COUNT(${span(tierTotal)})=0,"",SUM(${span(tierTotal)}))`
            : `=IF(COUNT(${tiers(r)})=0,"",SUM(${tiers(r)}))`
        )
      );
      const rate = (num: IndicatorKey, den: IndicatorKey) => (r: number) =>
        isTotal(r)
          ? `=HUHANG.RATIO(${blanksAsBlank(span(k(num)))},${blanksAsBlank(span(k(den)))})`
          : `=HUHANG.RATIO(${blanksAsBlank(`${k(num)}${r}`)},${blanksAsBlank(`${k(den)}${r}`)})`;
      writeColumn(
        ws,
        FIRST,
        after + 1,
        "formula",
        rows.map(rate("icsRisksFixed", "icsRisksFound"))
      );
      writeColumn(
        ws,
        FIRST,
        after + 2,
        "formula",
        rows.map(rate("noticeHazardsFixed", "noticeHazards"))
      );
      ws.getRangeByIndexes(FIRST, after + 1, rows.length, 2).numberFormat = matrix(
        rows.length,
        2,
        FMT_RATIO
      );
      const reported = PREFECTURE_NAMES.filter((p) => indicators[p]).length;
      writeColumn(ws, FIRST, after + 3, "text", [
        ...PREFECTURE_NAMES.map((p) => (indicators[p] ? "已报" : "未报")),
        `已报 ${reported}/${PREFECTURE_NAMES.length}`,
      ]);

      const totalRow = ws.getRangeByIndexes(PROVINCE_TOTAL_ROW, 0, 1, headers.length);
      totalRow.format.font.bold = true;
      totalRow.format.fill.color = FILL_TOTAL;
      columnWidths(ws, [22, ...headers.slice(1).map(() => 13)]);
      ws.freezePanes.freezeRows(1);

      const chart = ws.charts.add(
        "ColumnClustered",
        ws.getRangeByIndexes(0, 0, PREFECTURE_NAMES.length + 1, 4),
        "Columns"
      );
      chart.title.text = TIER_CHART_TITLE;
      chart.name = "分级企业数图";
      chart.setPosition(`A${PROVINCE_TOTAL_ROW + 4}`, `L${PROVINCE_TOTAL_ROW + 26}`);
    },
  };
}
