/** Shared looks of the written sheets: borders, fills, fonts and print setup. */
import { columnLetter } from "../../../core/findings";
import type { SheetWriter } from "../ooxml/sheet";
import type { AlignmentSpec, CellStyle, FontSpec } from "../ooxml/styles";

export const FILL_HEADER = "FFD9E1F2";
export const FILL_TOTAL = "FFF2F2F2";

export const FONT_NAME = "宋体";
export const FONT_BODY: FontSpec = { name: FONT_NAME, size: 11 };
export const FONT_HEADER: FontSpec = { name: FONT_NAME, size: 11, bold: true };
export const FONT_TITLE: FontSpec = { name: "方正小标宋简体", size: 18, bold: true };

export const WRAP_TOP: AlignmentSpec = { wrapText: true, vertical: "center" };
export const WRAP_CENTER: AlignmentSpec = {
  wrapText: true,
  vertical: "center",
  horizontal: "center",
};

/** A bordered body cell, wrapped (the look of every table cell). */
export const BODY: CellStyle = { font: FONT_BODY, border: "thin", alignment: WRAP_TOP };
/** Header cell: bold, filled, bordered, wrapped and centred. */
export const HEADER: CellStyle = {
  font: FONT_HEADER,
  fill: FILL_HEADER,
  border: "thin",
  alignment: WRAP_CENTER,
};

/** Column widths from column A. */
export function setWidths(ws: SheetWriter, widths: readonly number[]): void {
  widths.forEach((width, i) => ws.column(i + 1, { width }));
}

/** A simple table sheet: header in row 1, frozen below it, autofilter over header and data. */
export function tableSheetBasics(ws: SheetWriter, width: number, lastRow: number): void {
  ws.freeze(0, 1);
  ws.autoFilter(`A1:${columnLetter(width)}${Math.max(lastRow, 1)}`);
}
