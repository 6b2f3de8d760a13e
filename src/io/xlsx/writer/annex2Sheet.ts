/**
 * 成效突出地区申报表 (附件2) as a file (src/sheets/indicators.ts): label / value pairs in the form's order, a unit and
 * a note beside each value — blank as the template, or filled with a prefecture's indicators for its own workbook.
 * The workbook reader reads the pairs back.
 */
import type { IndicatorValues } from "../../../core/model";
import { ANNEX2_LINES, ANNEX2_PRINT, ANNEX2_WIDTHS } from "../../../sheets/indicators";
import type { SheetWriter } from "../ooxml/sheet";
import type { CellStyle } from "../ooxml/styles";
import { lookStyle, renderPrint, validationOf } from "./render";
import { BODY, FONT_BODY, FONT_HEADER, FONT_TITLE, setWidths } from "./styles";
import { textOrEmpty } from "./text";

export { ANNEX2_SHEET } from "../../../sheets/indicators";

const TITLE: CellStyle = {
  font: FONT_TITLE,
  alignment: { horizontal: "center", vertical: "center", wrapText: true },
};
const NOTE: CellStyle = { font: { ...FONT_BODY, size: 10, italic: true } };
const SECTION: CellStyle = { font: FONT_HEADER };

export function writeAnnex2Sheet(ws: SheetWriter, values: IndicatorValues | null): void {
  setWidths(ws, ANNEX2_WIDTHS);
  const body = ws.style(BODY);
  for (const line of ANNEX2_LINES) {
    switch (line.kind) {
      case "title":
        ws.merge(`A${line.row}:D${line.row}`);
        ws.row(line.row, [line.text], ws.style(TITLE), { height: 40 });
        break;
      case "note":
        ws.merge(`A${line.row}:D${line.row}`);
        ws.row(line.row, [line.text], ws.style(NOTE));
        break;
      case "heading":
        ws.merge(`A${line.row}:D${line.row}`);
        ws.row(line.row, [line.text], ws.style(SECTION));
        break;
      case "header":
        ws.row(
          line.row,
          [line.label, textOrEmpty(values?.header[line.key]), null, null],
          [body, ws.style(lookStyle("input")), body, body]
        );
        if (line.rule) ws.validate(`B${line.row}`, validationOf(line.rule));
        break;
      case "indicator": {
        const v = values?.values[line.key];
        const percent = line.look === "decimal";
        // a percentage (0–100 in the record) as a fraction in a percent cell: it reads back exactly
        const cell = typeof v === "number" ? (percent ? v / 100 : v) : null;
        ws.row(
          line.row,
          [line.label, cell, line.unit || null, line.note || null],
          [body, ws.style({ ...lookStyle("input"), numFmt: percent ? "0.0%" : "0" }), body, body]
        );
        ws.validate(`B${line.row}`, validationOf(line.rule));
        break;
      }
    }
  }
  renderPrint(ws, ANNEX2_PRINT);
}
