/**
 * Text written into cells. Input text always goes in as a plain string value (never a formula, whatever it starts
 * with), cleaned of characters XML cannot hold and cut to Excel's 32 767-character cell limit.
 */
import { xmlSafe } from "../ooxml/xml";

const EXCEL_CELL_LIMIT = 32767;

export function plainText(input: string | null | undefined): string {
  if (input === null || input === undefined) return "";
  let s = String(input);
  if (s.includes("\r")) s = s.replace(/\r\n?/g, "\n");
  s = xmlSafe(s);
  return s.length > EXCEL_CELL_LIMIT ? s.slice(0, EXCEL_CELL_LIMIT - 1) + "…" : s;
}

/** A cell value from optional text: the cleaned string, or null (an empty cell) when there is nothing. */
export function textOrEmpty(input: string | null | undefined): string | null {
  const s = plainText(input);
  return s === "" ? null : s;
}
