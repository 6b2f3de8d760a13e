/**
 * XML text for the WordprocessingML writer: escaping, and dropping what XML 1.0 cannot carry (C0 controls other than
 * tab / line feed / carriage return, lone surrogates, U+FFFE / U+FFFF), so any string a caller passes gives a
 * well-formed part.
 */

const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The characters XML 1.0 allows, others removed. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Element text: & < > escaped (> too, so "]]>" never appears). */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An attribute value in double quotes; tab and line breaks kept as character references. */
export function escapeAttr(text: string): string {
  return escapeText(text)
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
