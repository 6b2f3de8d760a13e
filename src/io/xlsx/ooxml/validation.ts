/**
 * Data validations, one rule per RANGE (sqref), never one per cell: dropdown lists, whole / decimal numbers, text
 * length, with an input prompt and an error message.
 */
import { attrs, esc } from "./xml";

export type ValidationOperator =
  | "between"
  | "notBetween"
  | "equal"
  | "notEqual"
  | "greaterThan"
  | "lessThan"
  | "greaterThanOrEqual"
  | "lessThanOrEqual";

export interface DataValidation {
  type: "list" | "whole" | "decimal" | "textLength" | "date" | "custom";
  /** Not used for list; the format's default is between. */
  operator?: ValidationOperator;
  /** Formula text without '=' (a number, a reference, or a quoted inline list). */
  formula1: string;
  formula2?: string;
  /** Blank cells pass; default true. */
  allowBlank?: boolean;
  /** Shown while the cell is selected. Excel cuts the title at 32 and the text at 255 characters. */
  prompt?: { title?: string; text: string };
  /** Shown on a bad entry; style stop refuses it, warning / information let the user keep it. */
  error?: { style?: "stop" | "warning" | "information"; title?: string; text: string };
}

/** Excel's limit for an inline list ("a,b,c" including the quotes). */
export const MAX_INLINE_LIST = 255;

/** formula1 of an inline dropdown list; throws when the items cannot be an inline list. */
export function inlineList(items: readonly string[]): string {
  for (const item of items) {
    if (item.includes(",") || item.includes('"'))
      throw new Error(`下拉列表项不能含逗号或引号：${item}`);
  }
  const f = `"${items.join(",")}"`;
  if (f.length > MAX_INLINE_LIST)
    throw new Error(`下拉列表超过 ${MAX_INLINE_LIST} 个字符，Excel 无法使用`);
  return f;
}

export function validationXml(sqref: string, v: DataValidation): string {
  const head = attrs([
    ["type", v.type],
    ["errorStyle", v.error?.style && v.error.style !== "stop" ? v.error.style : null],
    ["operator", v.type !== "list" && v.operator && v.operator !== "between" ? v.operator : null],
    ["allowBlank", v.allowBlank === false ? null : true],
    ["showInputMessage", v.prompt ? true : null],
    ["showErrorMessage", v.error ? true : null],
    ["errorTitle", v.error?.title?.slice(0, 32)],
    ["error", v.error?.text.slice(0, 225)],
    ["promptTitle", v.prompt?.title?.slice(0, 32)],
    ["prompt", v.prompt?.text.slice(0, 255)],
    ["sqref", sqref],
  ]);
  const f2 = v.formula2 === undefined ? "" : `<formula2>${esc(v.formula2)}</formula2>`;
  return `<dataValidation${head}><formula1>${esc(v.formula1)}</formula1>${f2}</dataValidation>`;
}
