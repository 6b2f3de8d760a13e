/**
 * The indicator sheets in Excel, rendered from src/sheets/indicators.ts.
 *
 * 地区指标 (the province): the 14 prefectures and 全省合计 exactly as the file has them (provinceCells: reported numbers,
 * totals and rates as plain SUM / SUMPRODUCT / IFERROR formulas only where the CLI has a value, so Excel shows the
 * CLI's numbers, with or without the add-in), and the clustered column chart of 三级/二级/一级 (TIER_CHART).
 *
 * 成效突出地区申报表 (a prefecture's 附件2): the form's label / value lines (ANNEX2_LINES; percentages as fractions in
 * percent cells, as the reader takes them back), a 检查 column of consistency checks beside the values, and derived
 * cells below the form. The rates use HUHANG.RATIO / HUHANG.COVERAGE with their arguments written as
 * IF(ISBLANK(r),"",r): Excel on Windows and Mac hands an empty cell to a custom function as 0, and 0 is a value here (a
 * prefecture that found 10 risks and left 整改 blank would count as 0 of 10).
 *
 * Both are updated in place when their labels are where ours are (the chart and a clerk's widths stay), else rebuilt.
 */
import { columnLetter } from "../core/findings";
import type { IndicatorMap } from "../core/indicators";
import type { IndicatorKey, IndicatorValues } from "../core/model";
import { PREFECTURE_NAMES } from "../core/vocabulary";
import {
  ANNEX2_LINES,
  ANNEX2_PRINT,
  ANNEX2_SHEET,
  ANNEX2_WIDTHS,
  DERIVED_COLUMNS,
  INDICATOR_SHEET,
  PROVINCE_HEADERS,
  PROVINCE_INDICATOR_PRINT,
  PROVINCE_LOOKS,
  PROVINCE_ROWS,
  PROVINCE_WIDTHS,
  TIER_CHART,
  TOTAL_LABEL,
  provinceCells,
  type Annex2Line,
} from "../sheets/indicators";
import { DETAIL_SPEC, recordColumn } from "../sheets/records";
import {
  applyRule,
  columnWidths,
  fillColor,
  headerCells,
  lookFormats,
  mergedLine,
  writeCells,
  type CellInput,
} from "./render";
import { readColumns, readRow } from "./sheetRead";
import type { SheetJob } from "./sheetWriter";
import type { XlWorksheet } from "./xl";

/** A cell or range as a custom function argument whose empty cells stay blank ("") instead of becoming 0. */
export function blanksAsBlank(ref: string): string {
  return `IF(ISBLANK(${ref}),"",${ref})`;
}

// ---------------------------------------------------------------------------------------------------------------
// 地区指标 (province)

const WIDTH = PROVINCE_HEADERS.length;
const BODY_ROWS = PREFECTURE_NAMES.length + 1;

export function provinceIndicatorJob(indicators: IndicatorMap): SheetJob {
  const lines = provinceCells(indicators);
  const body = (ws: XlWorksheet) => {
    PROVINCE_LOOKS.forEach((look, col) => {
      const cells = lines.map((l) => l.cells[col]);
      const range = ws.getRangeByIndexes(PROVINCE_ROWS.first - 1, col, BODY_ROWS, 1);
      // a column holds numbers, formulas (totals, rates) and text: written through formulas, text as text first
      if (look === "text") {
        writeCells(
          range,
          "text",
          cells.map((c) => [c?.kind === "text" ? c.text : null])
        );
        return;
      }
      lookFormats(range, look, BODY_ROWS);
      range.formulas = cells.map((c) => [
        c === null || c.kind === "text" ? "" : c.kind === "number" ? c.value : `=${c.formula}`,
      ]);
    });
    const total = ws.getRangeByIndexes(PROVINCE_ROWS.total - 1, 0, 1, WIDTH);
    total.format.font.bold = true;
    total.format.fill.color = fillColor("total");
  };
  return {
    name: INDICATOR_SHEET,
    print: PROVINCE_INDICATOR_PRINT,
    build(ws) {
      const positions = PROVINCE_HEADERS.map((_, i) => i);
      headerCells(
        ws,
        0,
        PROVINCE_HEADERS.map((header) => ({ header, width: 0, look: "text" as const })),
        positions
      );
      columnWidths(
        ws,
        positions.map((i) => (i === 0 ? PROVINCE_WIDTHS.prefecture : PROVINCE_WIDTHS.other))
      );
      body(ws);
      ws.freezePanes.freezeRows(PROVINCE_ROWS.header);
      const { categories, anchor } = TIER_CHART;
      const chart = ws.charts.add(
        "ColumnClustered",
        ws.getRangeByIndexes(0, 0, categories.last, 1 + TIER_CHART.series.length),
        "Columns"
      );
      chart.title.text = TIER_CHART.title;
      chart.name = TIER_CHART.name;
      chart.setPosition(anchor.from, anchor.to);
    },
    async inPlace(context, sheet) {
      const header = await readRow(context, sheet, 0, WIDTH);
      if (PROVINCE_HEADERS.some((h, i) => header[i] !== h)) return null;
      const [names] = await readColumns(
        context,
        sheet,
        [0],
        PROVINCE_ROWS.first - 1,
        PROVINCE_ROWS.total - 1
      );
      const want = [...PREFECTURE_NAMES, TOTAL_LABEL];
      if (want.some((p, i) => String(names[i] ?? "").trim() !== p)) return null;
      return body;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 成效突出地区申报表 (a prefecture's 附件2)

const LAST_LINE = Math.max(...ANNEX2_LINES.map((l) => l.row));
/** The first row (1-based) of the derived cells below the form. */
export const DERIVED_FIRST = LAST_LINE + 2;
const CHECK_COL = 4;
const INPUT_TEXT_FORMAT = "@";

const rowOf = (key: IndicatorKey): number => {
  const line = ANNEX2_LINES.find((l) => l.kind === "indicator" && l.key === key);
  if (!line) throw new Error(`内部错误：附件2 没有指标 ${key}`);
  return line.row;
};
const b = (key: IndicatorKey) => `B${rowOf(key)}`;

/** The text column A shows on a line (what an update in place checks the sheet against). */
function lineText(line: Annex2Line): string {
  return line.kind === "header" || line.kind === "indicator" ? line.label : line.text;
}

/** Consistency checks beside the values, blank when fine. */
function checks(): Partial<Record<IndicatorKey, string>> {
  const lte = (a: IndicatorKey, c: IndicatorKey, msg: string) =>
    `=IF(AND(ISNUMBER(${b(a)}),ISNUMBER(${b(c)})),IF(${b(a)}>${b(c)},"${msg}",""),"")`;
  const tiers = [b("tier3"), b("tier2"), b("tier1")].join(",");
  return {
    icsRisksFixed: lte("icsRisksFixed", "icsRisksFound", "整改项数大于发现风险项数"),
    noticeHazardsFixed: lte("noticeHazardsFixed", "noticeHazards", "完成整改数大于通报隐患数"),
    fiveSteps: lte("fiveSteps", "conformity", "“五步走”企业数大于完成符合性评测企业数"),
    conformity: `=IF(AND(ISNUMBER(${b("conformity")}),COUNT(${tiers})>0),IF(${b("conformity")}>SUM(${tiers}),"完成符合性评测企业数大于三级、二级、一级合计",""),"")`,
    vehicleProtected: lte(
      "vehicleProtected",
      "vehicleFiled",
      "完成防护评测企业数大于定级备案企业数"
    ),
    trainingKeyPct: `=IF(ISNUMBER(${b("trainingKeyPct")}),IF(OR(${b("trainingKeyPct")}<0,${b("trainingKeyPct")}>1),"占比应在 0%–100% 之间",""),"")`,
  };
}

/** The derived cells: label, explanation, formula, number format. */
function derived(): [string, string, string, string][] {
  const tiers = [b("tier3"), b("tier2"), b("tier1")].join(",");
  const letter = (id: "seq" | "level") =>
    columnLetter(DETAIL_SPEC.columns.indexOf(recordColumn(id)) + 1);
  // the levels of 明细's rows, as far as its 序号 column goes (INDIRECT: 明细 may not exist yet)
  const levels = `INDIRECT("${DETAIL_SPEC.name}!${letter("level")}2:${letter("level")}"&MAX(2,COUNTA(INDIRECT("${DETAIL_SPEC.name}!${letter("seq")}:${letter("seq")}"))))`;
  const tier = (t: string) => `=IFERROR(HUHANG.TIERCOUNT(${levels},"${t}"),"")`;
  const rate = (num: IndicatorKey, den: IndicatorKey) =>
    `=HUHANG.RATIO(${blanksAsBlank(b(num))},${blanksAsBlank(b(den))})`;
  return [
    [
      DERIVED_COLUMNS[0].header,
      "三级、二级、一级之和",
      `=IF(COUNT(${tiers})=0,"",SUM(${tiers}))`,
      "0",
    ],
    ["工控风险整改率", "整改 ÷ 发现；无发现时为空", rate("icsRisksFixed", "icsRisksFound"), "0.0%"],
    [
      "风险隐患整改率",
      "完成整改 ÷ 通报隐患；无通报时为空",
      rate("noticeHazardsFixed", "noticeHazards"),
      "0.0%",
    ],
    [
      "培训重点行业规上企业占比",
      "按覆盖企业数加权",
      `=HUHANG.COVERAGE(${blanksAsBlank(b("trainingEnterprises"))},${blanksAsBlank(b("trainingKeyPct"))})`,
      "0.0%",
    ],
    ["推荐案例中三级（个）", "明细中网络安全级别为三级的案例数", tier("三级"), "0"],
    ["推荐案例中二级（个）", "明细中网络安全级别为二级的案例数", tier("二级"), "0"],
    ["推荐案例中一级（个）", "明细中网络安全级别为一级的案例数", tier("一级"), "0"],
  ];
}

export function annex2Job(values: IndicatorValues | null): SheetJob {
  const valueCells = (ws: XlWorksheet) => {
    for (const line of ANNEX2_LINES) {
      const cell = ws.getRangeByIndexes(line.row - 1, 1, 1, 1);
      if (line.kind === "header") {
        writeCells(cell, "text", [[values?.header[line.key] ?? null]]);
      } else if (line.kind === "indicator") {
        const v = values?.values[line.key];
        const percent = line.look === "decimal";
        // a percentage (0–100 in the record) as a fraction in a percent cell: it reads back exactly
        cell.numberFormat = [[percent ? "0.0%" : "0"]];
        writeCells(cell, "number", [[typeof v === "number" ? (percent ? v / 100 : v) : null]]);
      }
    }
  };
  const formulas = (ws: XlWorksheet) => {
    for (const [key, f] of Object.entries(checks()) as [IndicatorKey, string][])
      writeCells(ws.getRangeByIndexes(rowOf(key) - 1, CHECK_COL, 1, 1), "formula", [[f]]);
    const list = derived();
    const first = DERIVED_FIRST; // 1-based: the header row of the block
    writeCells(
      ws.getRangeByIndexes(first, 0, list.length, 2),
      "text",
      list.map((d) => [d[0], d[1]])
    );
    const cells = ws.getRangeByIndexes(first, 2, list.length, 1);
    writeCells(
      cells,
      "formula",
      list.map((d): CellInput[] => [d[2]])
    );
    cells.numberFormat = list.map((d) => [d[3]]);
  };
  return {
    name: ANNEX2_SHEET,
    print: ANNEX2_PRINT,
    build(ws) {
      for (const line of ANNEX2_LINES) {
        const r = line.row - 1;
        switch (line.kind) {
          case "title":
            mergedLine(ws, r, 4, line.text, { bold: true, size: 16, center: true });
            break;
          case "note":
            mergedLine(ws, r, 4, line.text);
            break;
          case "heading":
            mergedLine(ws, r, 4, line.text, { bold: true });
            break;
          case "header":
          case "indicator": {
            const cells: CellInput[] = [
              line.label,
              null,
              line.kind === "indicator" ? line.unit || null : null,
              line.kind === "indicator" ? line.note || null : null,
            ];
            writeCells(ws.getRangeByIndexes(r, 0, 1, 1), "text", [[cells[0]]]);
            writeCells(ws.getRangeByIndexes(r, 2, 1, 2), "text", [[cells[2], cells[3]]]);
            const value = ws.getRangeByIndexes(r, 1, 1, 1);
            lookFormats(value, "input", 1);
            if (line.kind === "header") value.numberFormat = [[INPUT_TEXT_FORMAT]];
            if (line.rule) applyRule(value, line.rule);
            break;
          }
        }
      }
      const firstHeading = ANNEX2_LINES.find((l) => l.kind === "heading" && l.row > 4)!;
      headerCells(
        ws,
        firstHeading.row - 1,
        [{ header: "检查", width: 0, look: "text" }],
        [CHECK_COL]
      );
      headerCells(
        ws,
        DERIVED_FIRST - 1,
        ["推导指标", "说明", "数值"].map((header) => ({ header, width: 0, look: "text" as const })),
        [0, 1, 2]
      );
      valueCells(ws);
      formulas(ws);
      columnWidths(ws, [...ANNEX2_WIDTHS, 30]);
      ws.getRangeByIndexes(0, 0, DERIVED_FIRST + 8, 5).format.wrapText = true;
    },
    async inPlace(context, sheet) {
      const [column] = await readColumns(context, sheet, [0], 0, LAST_LINE - 1);
      const shown = (row: number) => String(column[row - 1] ?? "").trim();
      if (ANNEX2_LINES.some((l) => shown(l.row) !== lineText(l))) return null;
      return (ws) => {
        valueCells(ws);
        formulas(ws);
      };
    },
  };
}
