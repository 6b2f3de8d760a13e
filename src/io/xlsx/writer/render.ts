/**
 * The sheet descriptions (src/sheets) in this writer's terms: a look becomes a cell style, a column rule a data
 * validation, a print spec the page setup.
 */
import { columnLetter } from "../../../core/findings";
import {
  FILL,
  NUMBER_FORMAT,
  type ColumnLayout,
  type ColumnRule,
  type Look,
  type PrintSpec,
  ruleAlert,
} from "../../../sheets/layout";
import type { SheetWriter } from "../ooxml/sheet";
import type { CellStyle } from "../ooxml/styles";
import { inlineList, type DataValidation } from "../ooxml/validation";
import { BODY, HEADER } from "./styles";

export const argb = (rgb: string): string => `FF${rgb}`;

export type RowFill = "error" | "warning" | null;

/** The style of a body cell of a look, on a row filled for its findings (or not). */
export function lookStyle(look: Look, fill: RowFill = null): CellStyle {
  const base: CellStyle = {
    ...BODY,
    numFmt: NUMBER_FORMAT[look] === "General" ? undefined : NUMBER_FORMAT[look],
  };
  if (look === "plain") base.alignment = { vertical: "center" };
  if (look === "number" || look === "decimal" || look === "ratio")
    base.alignment = { vertical: "center", horizontal: "center" };
  if (look === "input") return { ...base, fill: argb(FILL.input), locked: false };
  return fill ? { ...base, fill: argb(FILL[fill]) } : base;
}

export function headerStyle(look?: Look): CellStyle {
  return look === "input" ? { ...HEADER, fill: argb(FILL.input) } : HEADER;
}

/** Widths, hidden state and the look cells typed later into each column get. */
export function renderColumns(ws: SheetWriter, columns: readonly ColumnLayout[]): void {
  columns.forEach((c, i) =>
    ws.column(i + 1, {
      width: c.width,
      hidden: c.hidden || undefined,
      style: c.look === "text" || c.look === "plain" ? { numFmt: "@" } : undefined,
    })
  );
}

export function validationOf(rule: ColumnRule): DataValidation {
  const alert = ruleAlert(rule);
  const prompt = { title: rule.title, text: rule.prompt };
  const error = { style: alert.style, title: alert.title, text: alert.text };
  switch (rule.kind) {
    case "list":
      return { type: "list", formula1: inlineList(rule.items), prompt, error };
    case "number":
      return {
        type: rule.whole ? "whole" : "decimal",
        ...(rule.max === undefined
          ? { operator: "greaterThanOrEqual" as const, formula1: String(rule.min) }
          : {
              operator: "between" as const,
              formula1: String(rule.min),
              formula2: String(rule.max),
            }),
        prompt,
        error,
      };
    case "length":
      return {
        type: "textLength",
        operator: rule.exact ? "equal" : "lessThanOrEqual",
        formula1: String(rule.length),
        prompt,
        error,
      };
  }
}

/** Each column's rule over its body rows. */
export function renderRules(
  ws: SheetWriter,
  columns: readonly ColumnLayout[],
  first: number,
  last: number,
  firstColumn = 1
): void {
  if (last < first) return;
  columns.forEach((c, i) => {
    if (!c.rule) return;
    const col = columnLetter(firstColumn + i);
    ws.validate(`${col}${first}:${col}${last}`, validationOf(c.rule));
  });
}

/** A4, orientation, one page wide, repeated rows. */
export function renderPrint(ws: SheetWriter, print: PrintSpec): void {
  ws.pageSetup({
    paperSize: 9,
    orientation: print.orientation,
    fitToWidth: print.fitToWidth,
    fitToHeight: print.fitToHeight,
    horizontalCentered: print.centered,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
  });
  if (print.repeatRows) ws.printTitleRows(print.repeatRows[0], print.repeatRows[1]);
  ws.headerFooter({ oddFooter: `&C${print.footer}` });
}
