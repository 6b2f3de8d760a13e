/**
 * The sheet descriptions (src/sheets) in the Excel host's terms, as src/io/xlsx/writer/render.ts has them for files:
 * a look becomes the number format, alignment and fill of a block of cells, a column rule a data validation with its
 * prompt and error alert, a width in characters a width in points.
 *
 * Input text is always written into cells formatted as text ("@") BEFORE the values, so text such as "=HYPERLINK(…)",
 * "+86 731…", "-" or an 18-digit credit code stays exactly the text it was: never a formula, never a rounded number.
 */
import { plainText } from "../io/xlsx/writer/text";
import {
  FILL,
  NUMBER_FORMAT,
  ruleAlert,
  type ColumnLayout,
  type ColumnRule,
  type Look,
  type PrintSpec,
} from "../sheets/layout";
import type { XlRange, XlRequirements, XlWorksheet } from "./xl";

/** An Excel colour of one of the sheets' fills. */
export function fillColor(fill: keyof typeof FILL): string {
  return `#${FILL[fill]}`;
}

export type CellKind = "text" | "number" | "formula";
/** A number cell takes a number or null (empty); a text cell any text; a formula cell our own "=…" text or null. */
export type CellInput = string | number | null;

export function matrix<T>(rows: number, cols: number, v: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
}

/** How the cells of a look are written: text looks as text, the others as numbers. */
export function kindOf(look: Look): "text" | "number" {
  return look === "text" || look === "plain" ? "text" : "number";
}

/** A block of cells of one kind. */
export function writeCells(range: XlRange, kind: CellKind, cells: CellInput[][]): void {
  const rows = cells.length;
  const cols = rows === 0 ? 0 : cells[0].length;
  if (rows === 0 || cols === 0) return;
  if (kind === "text") {
    range.numberFormat = matrix(rows, cols, "@");
    range.values = cells.map((r) => r.map((v) => (v === null ? "" : plainText(String(v)))));
  } else if (kind === "number") {
    range.values = cells.map((r) =>
      r.map((v) => (typeof v === "number" && Number.isFinite(v) ? v : ""))
    );
  } else {
    // a cell formatted as text would keep a formula as text
    range.numberFormat = matrix(rows, cols, "General");
    range.formulas = cells.map((r) => r.map((v) => (v === null ? "" : assertFormula(v))));
  }
}

function assertFormula(v: string | number): string {
  if (typeof v !== "string" || !v.startsWith("="))
    throw new Error(`内部错误：公式列只能写入公式，收到“${String(v)}”`);
  return v;
}

/** One column of values written at (row, col), 0-based, by kind. */
export function writeColumn(
  ws: XlWorksheet,
  row: number,
  col: number,
  kind: CellKind,
  cells: readonly CellInput[]
): void {
  if (cells.length === 0) return;
  writeCells(
    ws.getRangeByIndexes(row, col, cells.length, 1),
    kind,
    cells.map((c) => [c])
  );
}

/** The look of a block of body cells (its values are written separately): number format, wrapping, alignment. */
export function lookFormats(range: XlRange, look: Look, rows: number, cols = 1): void {
  if (kindOf(look) === "number") {
    range.numberFormat = matrix(rows, cols, NUMBER_FORMAT[look]);
    range.format.horizontalAlignment = "Center";
  }
  range.format.wrapText = look === "text";
  if (look === "input") range.format.fill.color = fillColor("input");
}

/** One text line across a merged row (titles, 推荐单位, 日期, footers). */
export function mergedLine(
  ws: XlWorksheet,
  row: number,
  cols: number,
  text: string,
  opts: { bold?: boolean; size?: number; center?: boolean } = {}
): void {
  const range = ws.getRangeByIndexes(row, 0, 1, cols);
  range.merge(false);
  writeCells(ws.getRangeByIndexes(row, 0, 1, 1), "text", [[text]]);
  if (opts.bold) range.format.font.bold = true;
  if (opts.size) range.format.font.size = opts.size;
  range.format.horizontalAlignment = opts.center ? "Center" : "Left";
}

/** Bold, shaded, wrapped header cells of columns placed at `positions` (0-based) on a row. */
export function headerCells(
  ws: XlWorksheet,
  row: number,
  columns: readonly ColumnLayout[],
  positions: readonly number[]
): void {
  columns.forEach((c, j) => {
    const range = ws.getRangeByIndexes(row, positions[j], 1, 1);
    writeCells(range, "text", [[c.header]]);
    range.format.font.bold = true;
    range.format.fill.color = fillColor(c.look === "input" ? "input" : "header");
    range.format.wrapText = true;
  });
}

/** Column widths in characters (Excel measures points; one CJK character is about 7.5 points at 11 pt). */
export function columnWidths(
  ws: XlWorksheet,
  widths: readonly number[],
  positions: readonly number[] = widths.map((_, i) => i)
): void {
  widths.forEach(
    (w, i) => (ws.getRangeByIndexes(0, positions[i], 1, 1).format.columnWidth = Math.round(w * 7.5))
  );
}

/** Widths and hidden state of the columns of a freshly built sheet. */
export function renderColumns(
  ws: XlWorksheet,
  columns: readonly ColumnLayout[],
  positions: readonly number[]
): void {
  columnWidths(
    ws,
    columns.map((c) => c.width),
    positions
  );
  columns.forEach((c, j) => {
    if (c.hidden) ws.getRangeByIndexes(0, positions[j], 1, 1).columnHidden = true;
  });
}

/** A column rule as Office.js takes it. */
function validationRule(rule: ColumnRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case "list":
      // the items have no commas, so a comma-separated source is safe (Excel allows 255 characters)
      return { list: { inCellDropDown: true, source: rule.items.join(",") } };
    case "number": {
      const basic: Excel.BasicDataValidation =
        rule.max === undefined
          ? { operator: "GreaterThanOrEqualTo", formula1: rule.min }
          : { operator: "Between", formula1: rule.min, formula2: rule.max };
      return rule.whole ? { wholeNumber: basic } : { decimal: basic };
    }
    case "length":
      return {
        textLength: {
          operator: rule.exact ? "EqualTo" : "LessThanOrEqualTo",
          formula1: rule.length,
        },
      };
  }
}

/** A rule on a block of cells that has none (clear() first where one may be): the rule, its prompt and its alert. */
export function applyRule(range: XlRange, rule: ColumnRule): void {
  const alert = ruleAlert(rule);
  range.dataValidation.rule = validationRule(rule);
  // Excel shows at most 32 characters of a title and 255 of a message
  range.dataValidation.prompt = {
    title: rule.title.slice(0, 32),
    message: rule.prompt.slice(0, 255),
    showPrompt: true,
  };
  range.dataValidation.errorAlert = {
    title: alert.title.slice(0, 32),
    message: alert.text.slice(0, 255),
    style: alert.style === "stop" ? "Stop" : "Warning",
    showAlert: true,
  };
}

/**
 * A sheet's print setup: A4, its orientation, centred, the rows repeated on every page, page numbers in the footer.
 * Page layout is ExcelApi 1.9, above the manifest's minimum: older Excel keeps its default print setup. Set when a
 * sheet is built, never on an update in place (the clerk's own print setup stays). Fitting one page wide is left to
 * the clerk: Office.js documents no "as many pages tall as needed" for PageLayoutZoomOptions.
 */
export function printSetup(ws: XlWorksheet, print: PrintSpec, requirements: XlRequirements): void {
  if (requirements.isSetSupported("ExcelApi", "1.9")) {
    const layout = ws.pageLayout;
    layout.paperSize = "A4";
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.centerHorizontally = print.centered;
    if (print.repeatRows)
      layout.setPrintTitleRows(`$${print.repeatRows[0]}:$${print.repeatRows[1]}`);
    layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
  }
}
