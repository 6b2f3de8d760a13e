/**
 * Text written into cells. Input text always goes in as a plain string value (never a formula, whatever it starts
 * with), cleaned of characters XML cannot hold and cut to Excel's 32 767-character cell limit.
 */
import { xmlSafe } from "../ooxml/xml";

const EXCEL_CELL_LIMIT = 32767;

/* eslint-disable no-control-regex */
/**
 * What plainText may change: a carriage return, or a character xmlSafe drops (controls, surrogates, U+FFFE/FFFF). One
 * scan for the texts, nearly all of them, that it leaves alone (hot: every text cell of every sheet).
 */
const MAY_CHANGE = /[\u0000-\u0008\u000b-\u001f\ud800-\udfff\ufffe\uffff]/;
/* eslint-enable no-control-regex */

export function plainText(input: string | null | undefined): string {
  if (input === null || input === undefined) return "";
  let s = typeof input === "string" ? input : String(input);
  if (MAY_CHANGE.test(s)) {
    if (s.includes("\r")) s = s.replace(/\r\n?/g, "\n");
    s = xmlSafe(s);
  }
  return s.length > EXCEL_CELL_LIMIT ? s.slice(0, EXCEL_CELL_LIMIT - 1) + "…" : s;
}

/** A cell value from optional text: the cleaned string, or null (an empty cell) when there is nothing. */
export function textOrEmpty(input: string | null | undefined): string | null {
  const s = plainText(input);
  return s === "" ? null : s;
}
