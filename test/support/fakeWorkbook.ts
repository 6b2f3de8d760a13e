/**
 * The fake Excel's workbook saved as an .xlsx, as a clerk would save what the add-in wrote: every sheet in tab order,
 * each cell's value (text as text, numbers as numbers), number format and fill, formulas (without a cached result: the
 * fake does not calculate), merged cells, column widths and hidden columns. Written with our own SpreadsheetML writer
 * (src/io/xlsx/ooxml), so readWorkbook can read it back like any saved workbook.
 */
import { WorkbookWriter } from "../../src/io/xlsx/ooxml/workbook";
import type { CellValue } from "../../src/io/xlsx/ooxml/sheet";
import type { CellStyle } from "../../src/io/xlsx/ooxml/styles";
import { formatRect, type WorkbookState } from "./fakeExcel/state";

export function fakeToXlsx(state: WorkbookState): Uint8Array {
  const wb = new WorkbookWriter({
    creator: "Microsoft Excel",
    created: new Date(Date.UTC(2024, 11, 18)),
  });
  for (const sheet of state.sheets) {
    const ws = wb.addSheet(sheet.name);
    const rows = new Map<number, Map<number, { value: CellValue; style: CellStyle }>>();
    let maxCol = -1;
    for (const [key, c] of sheet.cells) {
      const [r, col] = key.split(",").map(Number);
      const value: CellValue =
        c.formula !== null ? { formula: c.formula, result: null } : c.value === "" ? null : c.value;
      const style: CellStyle = {
        ...(c.numberFormat !== "General" ? { numFmt: c.numberFormat } : {}),
        ...(c.fill ? { fill: `FF${c.fill.replace(/^#/, "")}` } : {}),
        ...(c.bold ? { font: { bold: true } } : {}),
        ...(c.wrap ? { alignment: { wrapText: true } } : {}),
      };
      if (value === null && Object.keys(style).length === 0) continue;
      if (!rows.has(r)) rows.set(r, new Map());
      rows.get(r)!.set(col, { value, style });
      maxCol = Math.max(maxCol, col);
    }
    for (let c = 0; c <= Math.max(maxCol, ...Object.keys(sheet.columnWidths).map(Number)); c++) {
      const points = sheet.columnWidths[c];
      const hidden = sheet.hiddenColumns.includes(c);
      if (points !== undefined || hidden)
        ws.column(c + 1, {
          ...(points !== undefined ? { width: points / 7.5 } : {}),
          ...(hidden ? { hidden: true } : {}),
        });
    }
    for (const r of [...rows.keys()].sort((a, b) => a - b)) {
      const cells = rows.get(r)!;
      const width = Math.max(...cells.keys()) + 1;
      const values: CellValue[] = [];
      const styles: number[] = [];
      for (let c = 0; c < width; c++) {
        const cell = cells.get(c);
        values.push(cell?.value ?? null);
        styles.push(cell ? ws.style(cell.style) : 0);
      }
      ws.row(r + 1, values, styles);
    }
    for (const m of sheet.merges) ws.merge(formatRect(m));
  }
  return wb.toBytes();
}
