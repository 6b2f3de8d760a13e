/**
 * XML text for SpreadsheetML parts: escaping, dropping what XML 1.0 cannot hold, and Excel's own _xHHHH_ escape.
 */

// Both patterns name the characters XML 1.0 cannot hold: matching control characters is their purpose.
/* eslint-disable no-control-regex */
// Cheap gate: any C0 control other than tab/newline/CR, any surrogate, or the two non-characters.
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
// Exact set to drop: those controls, the non-characters and unpaired surrogates (a valid pair stays).
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */
const SPECIAL = /[&<>"]/;
const SPECIAL_G = /[&<>"]/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
// Excel reads "_x0041_" in a string as "A"; a literal one is written "_x005F_x0041_".
const EXCEL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;

/** Text without the characters XML 1.0 forbids. */
export function xmlSafe(text: string): string {
  return SUSPECT.test(text) ? text.replace(NOT_XML, "") : text;
}

/** Escape for element text and attribute values (double-quoted); forbidden characters are dropped. */
export function esc(text: string): string {
  const s = xmlSafe(text);
  return SPECIAL.test(s) ? s.replace(SPECIAL_G, (c) => ENTITY[c]) : s;
}

/** A cell / shared string: escaped, Excel's _xHHHH_ protected, whitespace kept. Returns the whole <t> element. */
export function textElement(text: string): string {
  const s = textContent(text);
  return keepsSpace(s) ? `<t xml:space="preserve">${s}</t>` : `<t>${s}</t>`;
}

/** The content of textElement's <t>: escaped, Excel's _xHHHH_ protected. */
export function textContent(text: string): string {
  const s = esc(text);
  return s.includes("_x") ? s.replace(EXCEL_ESCAPE, "_x005F_$1") : s;
}

/** Whether textElement's <t> needs xml:space="preserve" for this content. */
export function keepsSpace(s: string): boolean {
  return s !== s.trim() || s.includes("\n") || s.includes("\t");
}

/** ` name="value"` for each defined entry, in the given order; booleans as 1/0. */
export function attrs(
  pairs: ReadonlyArray<readonly [string, string | number | boolean | null | undefined]>
): string {
  let out = "";
  for (const [k, v] of pairs) {
    if (v === null || v === undefined) continue;
    out += ` ${k}="${typeof v === "boolean" ? (v ? "1" : "0") : typeof v === "number" ? String(v) : esc(v)}"`;
  }
  return out;
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
