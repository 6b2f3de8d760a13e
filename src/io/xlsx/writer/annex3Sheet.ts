/**
 * 推荐汇总表 in the official 附件3 layout (src/sheets/annex3.ts): title, 推荐单位/日期 lines, the 7-column table, the
 * 联系人/手机 lines — for the prefecture list, the province workbook, the list for MIIT and the blank template.
 */
import { columnLetter } from "../../../core/findings";
import type { CaseRecord, SubmissionMeta } from "../../../core/model";
import {
  ANNEX3_COLUMNS,
  ANNEX3_PRINT,
  ANNEX3_ROWS,
  ANNEX3_TITLE,
  KEY_COLUMN,
  annex3Cells,
  annex3MetaLines,
  footerRows,
} from "../../../sheets/annex3";
import type { ColumnLayout } from "../../../sheets/layout";
import { writtenKeys } from "../../../sheets/records";
import type { CellValue, SheetWriter } from "../ooxml/sheet";
import type { CellStyle } from "../ooxml/styles";
import { headerStyle, lookStyle, renderColumns, renderPrint, renderRules } from "./render";
import { FONT_BODY, FONT_TITLE } from "./styles";
import { plainText, textOrEmpty } from "./text";

export { ANNEX3_SHEET } from "../../../sheets/annex3";

export interface Annex3Options {
  /** Keep each row's case key in the hidden column after the seven (every list but the one for MIIT). */
  keys: boolean;
  /** writtenKeys(records), when the caller has them already. */
  caseKeys?: readonly string[];
}

/** The list of records, in the order given. */
export function writeAnnex3Sheet(
  ws: SheetWriter,
  records: readonly CaseRecord[],
  meta: SubmissionMeta,
  opts: Annex3Options
): void {
  // asWritten changes none of what the cells and keys are made of: no copy of every record is needed
  const keys = opts.keys ? (opts.caseKeys ?? writtenKeys(records)) : [];
  const rows = records.map((r, i) => {
    const cells: (string | null)[] = annex3Cells(r);
    if (opts.keys) cells.push(keys[i]);
    return cells;
  });
  layoutAnnex3(ws, rows, meta, opts.keys ? [KEY_COLUMN] : []);
}

/**
 * Lay the sheet out: `rows` are the cells after 序号 (6 official, then one per extra column); 序号 is numbered 1..n.
 * Returns the first and last table rows.
 */
export function layoutAnnex3(
  ws: SheetWriter,
  rows: readonly (string | null)[][],
  meta: SubmissionMeta,
  extra: readonly ColumnLayout[] = [],
  officialRules: Readonly<Record<number, ColumnLayout["rule"]>> = {}
): { first: number; last: number } {
  const official = ANNEX3_COLUMNS.map((c, i) =>
    officialRules[i] ? { ...c, rule: officialRules[i] } : c
  );
  const columns = [...official, ...extra];
  const width = columns.length;
  const visible = columns.filter((c) => !c.hidden).length;
  const lastCol = columnLetter(visible);
  renderColumns(ws, columns);
  const lines = annex3MetaLines(meta);

  ws.merge(`A${ANNEX3_ROWS.title}:${lastCol}${ANNEX3_ROWS.title}`);
  ws.row(ANNEX3_ROWS.title, [ANNEX3_TITLE], ws.style(TITLE), { height: 36 });
  metaLine(ws, ANNEX3_ROWS.recommender, lastCol, lines.recommender);
  metaLine(ws, ANNEX3_ROWS.date, lastCol, lines.date);
  ws.row(
    ANNEX3_ROWS.header,
    columns.map((c) => c.header),
    columns.map((c) => ws.style(headerStyle(c.look))),
    { height: 32 }
  );

  const styles = columns.map((c, i) => ws.style(i === 0 ? NUMBER_CELL : lookStyle(c.look)));
  const values: CellValue[] = new Array<CellValue>(width);
  rows.forEach((cells, i) => {
    values[0] = i + 1;
    for (let j = 1; j < width; j++) values[j] = textOrEmpty(cells[j - 1]);
    ws.row(ANNEX3_ROWS.firstData + i, values, styles);
  });
  const first = ANNEX3_ROWS.firstData;
  const last = first + rows.length - 1;
  renderRules(ws, columns, first, last);

  const footer = footerRows(last);
  metaLine(ws, footer.contact, lastCol, lines.contact);
  metaLine(ws, footer.phone, lastCol, lines.phone);

  ws.freeze(0, ANNEX3_ROWS.header);
  renderPrint(ws, ANNEX3_PRINT);
  return { first, last };
}

const TITLE: CellStyle = {
  font: FONT_TITLE,
  alignment: { horizontal: "center", vertical: "center" },
};
const NUMBER_CELL: CellStyle = {
  font: FONT_BODY,
  border: "thin",
  alignment: { wrapText: true, vertical: "center", horizontal: "center" },
};
const META: CellStyle = {
  font: { ...FONT_BODY, size: 12 },
  alignment: { horizontal: "left", vertical: "center" },
};

function metaLine(ws: SheetWriter, row: number, lastCol: string, text: string): void {
  ws.merge(`A${row}:${lastCol}${row}`);
  ws.row(row, [plainText(text)], ws.style(META), { height: 22 });
}
