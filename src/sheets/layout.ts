/**
 * What every official sheet shares, in terms both renderers understand: the .xlsx writer (src/io/xlsx/writer) and
 * the Excel host (src/excel) turn a look into their own styles, a print spec into their own page setup. Pure data.
 */

/** How a cell looks; each renderer maps a look to its own style. */
export type Look =
  | "text" // wrapped body text, kept as text (codes, phones, anything a clerk typed)
  | "plain" // body text that never wraps (long text that would make rows tall: 简介)
  | "number" // a whole number
  | "decimal" // a number with one decimal (a percentage 0–100)
  | "ratio" // a fraction shown as 0.0 %
  | "input"; // a cell staff fill in (评审得分): highlighted, unlocked

/** Fills: a row with an error finding, one with only warnings, a header, a total row. */
export const FILL = {
  error: "FFC7CE",
  warning: "FFEB9C",
  header: "D9E1F2",
  input: "E2EFDA",
  total: "F2F2F2",
} as const;

/** Number format of each look ('@' keeps text as text: 18-digit codes, phone numbers, "=…" typed by a clerk). */
export const NUMBER_FORMAT: Record<Look, string> = {
  text: "@",
  plain: "@",
  number: "0",
  decimal: "0.0",
  ratio: "0.0%",
  input: "General",
};

/** A dropdown, a number rule or a length rule on a column's body cells. */
export type ColumnRule =
  | { kind: "list"; items: readonly string[]; title: string; prompt: string }
  | {
      kind: "number";
      /** Whole numbers only (counts), else any number (scores, percentages). */
      whole: boolean;
      min: number;
      max?: number;
      /** Refuse a bad entry (stop) rather than warn and keep it. */
      strict: boolean;
      title: string;
      prompt: string;
      error: string;
    }
  | {
      kind: "length";
      /** At most `length` characters, or exactly that many. */
      exact: boolean;
      length: number;
      title: string;
      prompt: string;
      error: string;
    };

/** What a renderer does when an entry breaks a rule: refuse it (stop) or warn and keep it, with a title and a text. */
export function ruleAlert(rule: ColumnRule): {
  style: "stop" | "warning";
  title: string;
  text: string;
} {
  switch (rule.kind) {
    case "list":
      return {
        style: "stop",
        title: "请从下拉列表中选择",
        text: `请从下拉列表中选择：${rule.items.join("、")}`,
      };
    case "number":
      return { style: rule.strict ? "stop" : "warning", title: rule.title, text: rule.error };
    case "length":
      return { style: "warning", title: rule.title, text: rule.error };
  }
}

/** Print setup of a sheet: A4, orientation, one page wide, the rows repeated on every page, page numbers. */
export interface PrintSpec {
  orientation: "landscape" | "portrait";
  /** Rows (1-based) repeated at the top of every printed page. */
  repeatRows: [number, number] | null;
  /** Pages wide (always 1) and tall (0: as many as needed). */
  fitToWidth: 1;
  fitToHeight: 0;
  centered: boolean;
  /** The footer, in Excel's header/footer codes: &P page, &N pages. */
  footer: string;
}

export const PAGE_FOOTER = "第 &P 页 共 &N 页";

export function printSpec(
  orientation: PrintSpec["orientation"],
  repeatRows: PrintSpec["repeatRows"]
): PrintSpec {
  return {
    orientation,
    repeatRows,
    fitToWidth: 1,
    fitToHeight: 0,
    centered: true,
    footer: PAGE_FOOTER,
  };
}

/** Column widths are in characters of the body font (one CJK character is about two). */
export interface ColumnLayout {
  header: string;
  width: number;
  look: Look;
  hidden?: boolean;
  rule?: ColumnRule;
}
