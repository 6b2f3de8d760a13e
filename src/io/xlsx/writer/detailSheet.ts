/**
 * A record sheet (明细, src/sheets/records.ts) as a file: every field, the source, the problems, the experts'
 * 评审得分 column, the live flags as values (the file is read without the add-in), and the hidden columns that let it
 * read back as itself. Rows with errors are filled light red, rows with only warnings light yellow.
 */
import type { Finding } from "../../../core/findings";
import type { CaseRecord } from "../../../core/model";
import { asWritten, rowContexts, rowFill, type RecordSheetSpec } from "../../../sheets/records";
import type { CellValue, SheetWriter } from "../ooxml/sheet";
import {
  headerStyle,
  lookStyle,
  renderColumns,
  renderPrint,
  renderRules,
  type RowFill,
} from "./render";
import { tableSheetBasics } from "./styles";
import { textOrEmpty } from "./text";

export function writeRecordSheet(
  ws: SheetWriter,
  spec: RecordSheetSpec,
  records: readonly CaseRecord[],
  findings: readonly Finding[],
  writtenAt: string,
  /** writtenKeys(records), when the caller has them already. */
  keys?: readonly string[]
): void {
  const columns = spec.columns;
  renderColumns(ws, columns);
  ws.row(
    1,
    columns.map((c) => c.header),
    columns.map((c) => ws.style(headerStyle(c.look)))
  );
  // one style list per row look: plain, error (light red), warning (light yellow)
  const looks = (["none", "error", "warning"] as const).map((fill) =>
    columns.map((c) => ws.style(lookStyle(c.look, fill === "none" ? null : (fill as RowFill))))
  );
  // the contexts read nothing asWritten changes: one written copy at a time, not one of every record
  const contexts = rowContexts(records, findings, writtenAt, keys);
  const values: CellValue[] = new Array<CellValue>(columns.length);
  records.forEach((record, i) => {
    const r = asWritten(record);
    const ctx = contexts[i];
    columns.forEach((c, j) => {
      const v = c.write(r, ctx);
      values[j] = typeof v === "string" ? textOrEmpty(v) : v;
    });
    const fill = rowFill(ctx.findings);
    ws.row(i + 2, values, looks[fill === "error" ? 1 : fill === "warning" ? 2 : 0]);
  });
  renderRules(ws, columns, 2, records.length + 1);
  tableSheetBasics(ws, columns.length, records.length + 1);
  renderPrint(ws, spec.print);
}
