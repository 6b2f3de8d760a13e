/**
 * One 附件2 value cell → number: counts as numbers, numbers stored as text, full-width digits, "12家";
 * the percentage 其中重点行业规上企业占比 stored as 0–100 whether written 0.85, "85%", 85 or a percent-formatted 0.85.
 */
import type { IndicatorKey } from "../../../core/model";
import { INDICATOR_DEF_BY_KEY } from "../../../core/indicatorDefs";
import { toPercent } from "../../../core/indicators";
import { parseLooseNumber, toHalfWidth } from "../../../core/text";
import type { CellData } from "../cells";

export type ValueRead =
  { kind: "number"; value: number } | { kind: "blank" } | { kind: "text"; text: string };

const BLANK_RE = /^[\s_＿—\-–/／\\.。…]*$|^(无|暂无|空)$/;

/** The number a cell holds, or why it holds none. */
export function readIndicatorCell(key: IndicatorKey, c: CellData): ValueRead {
  const text = c.text.trim();
  if (c.error) return { kind: "text", text: c.error };
  let value: number | null;
  let hasPercentSign = false;
  if (c.num !== null) value = c.num;
  else {
    if (BLANK_RE.test(text)) return { kind: "blank" };
    const half = toHalfWidth(text).replace(/\s+/g, "");
    hasPercentSign = /%$/.test(half);
    value = parseLooseNumber(half);
    if (value === null) return { kind: "text", text };
  }
  if (INDICATOR_DEF_BY_KEY[key].kind === "percent") value = toPercent(value, hasPercentSign);
  return { kind: "number", value };
}

/** A cell that is only a number or a number with a unit: such a cell is a value, never a label. */
export function looksNumeric(c: CellData): boolean {
  if (c.num !== null) return true;
  return parseLooseNumber(c.text) !== null;
}
