/**
 * Text written into cells. Input text always goes in as a plain string value (never a formula, whatever it starts
 * with), cleaned of characters XML cannot hold and cut to Excel's 32 767-character cell limit.
 */

// C0 controls other than tab/newline/CR, the two non-characters, and unpaired surrogates are not allowed in XML 1.0.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const EXCEL_CELL_LIMIT = 32767;

export function plainText(input: string | null | undefined): string {
  if (input === null || input === undefined) return '';
  const s = String(input).replace(/\r\n?/g, '\n').replace(NOT_XML, '');
  return s.length > EXCEL_CELL_LIMIT ? s.slice(0, EXCEL_CELL_LIMIT - 1) + '…' : s;
}

/** A cell value from optional text: the cleaned string, or null (an empty cell) when there is nothing. */
export function textOrEmpty(input: string | null | undefined): string | null {
  const s = plainText(input);
  return s === '' ? null : s;
}
