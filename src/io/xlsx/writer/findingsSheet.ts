/** 问题清单 as a file (src/sheets/findings.ts): every finding with its place, the 级别 cell coloured by severity. */
import type { Finding } from "../../../core/findings";
import { FINDING_COLUMNS, FINDINGS_PRINT, SEVERITY_COLUMN } from "../../../sheets/findings";
import type { CellValue, SheetWriter } from "../ooxml/sheet";
import { argb, headerStyle, lookStyle, renderColumns, renderPrint } from "./render";
import { FILL } from "../../../sheets/layout";
import { tableSheetBasics } from "./styles";
import { textOrEmpty } from "./text";

export { FINDINGS_SHEET } from "../../../sheets/findings";

export function writeFindingsSheet(ws: SheetWriter, findings: readonly Finding[]): void {
  const columns = FINDING_COLUMNS;
  renderColumns(ws, columns);
  ws.row(
    1,
    columns.map((c) => c.header),
    columns.map((c) => ws.style(headerStyle(c.look)))
  );
  const looks = {
    error: columns.map((c, j) =>
      ws.style({
        ...lookStyle(c.look),
        ...(j === SEVERITY_COLUMN ? { fill: argb(FILL.error) } : {}),
      })
    ),
    warning: columns.map((c, j) =>
      ws.style({
        ...lookStyle(c.look),
        ...(j === SEVERITY_COLUMN ? { fill: argb(FILL.warning) } : {}),
      })
    ),
  };
  const values: CellValue[] = new Array<CellValue>(columns.length);
  findings.forEach((f, i) => {
    columns.forEach((c, j) => {
      const v = c.value(f, i + 1);
      values[j] = typeof v === "string" ? textOrEmpty(v) : v;
    });
    ws.row(i + 2, values, looks[f.severity]);
  });
  tableSheetBasics(ws, columns.length, findings.length + 1);
  renderPrint(ws, FINDINGS_PRINT);
}
