/**
 * 推荐汇总表 in Excel, rendered from src/sheets/annex3.ts as the file writer renders it: title, 推荐单位（盖章）and 日期
 * lines, the seven official columns in recommendation order with the hidden 案例标识 after them, then 联系人 and
 * 手机/座机. What gets stamped and sent.
 *
 * Updated in place when the sheet's header row is ours: the meta lines, the rows and the footer are rewritten where
 * they stand, so the clerk's column widths, print setup, a column of their own (its cells move with their row) and
 * formulas elsewhere pointing at these cells all survive. Otherwise the sheet is built anew (sheetWriter.ts).
 */
import type { PrefectureState } from "../app/host";
import { type PrefectureName } from "../core/vocabulary";
import { splitDirectionCell } from "../core/directionText";
import {
  ANNEX3_COLUMNS,
  ANNEX3_PRINT,
  ANNEX3_ROWS,
  ANNEX3_SHEET,
  ANNEX3_TITLE,
  KEY_COLUMN,
  annex3Cells,
  annex3MetaLines,
  footerRows,
} from "../sheets/annex3";
import { cleanText } from "../core/text";
import { normalizeUscc } from "../core/uscc";
import { DETAIL_SPEC, asWritten, recordColumn, writtenKeys } from "../sheets/records";
import { clerkColumnsMove, type OldRow } from "./clerkColumns";
import {
  headerCells,
  lookFormats,
  mergedLine,
  renderColumns,
  writeCells,
  writeColumn,
} from "./render";
import { findColumns, openSheet, readColumns, readRow } from "./sheetRead";
import type { SheetJob } from "./sheetWriter";
import type { XlContext, XlWorksheet } from "./xl";

const COLUMNS = [...ANNEX3_COLUMNS, KEY_COLUMN];
const POSITIONS = COLUMNS.map((_, i) => i);
/** The merged lines span the official columns. */
const VISIBLE = ANNEX3_COLUMNS.length;
const KEY_COL = COLUMNS.length - 1;
/** 0-based rows. */
const HEADER = ANNEX3_ROWS.header - 1;
const FIRST = ANNEX3_ROWS.firstData - 1;
const FOOTER_TEXT = /^(联系人|手机\/座机)[：:]/;

/** What stood on the sheet before an update in place. */
interface Before {
  /** Body rows. */
  count: number;
  /** Last row (0-based) of the old body and footer. */
  end: number;
  /** Puts the clerk's own cells on the rows their cases move to. */
  moveClerk: ((ws: XlWorksheet) => void) | null;
}

export function annex3Job(state: PrefectureState): SheetJob {
  const written = state.records.map(asWritten);
  const keys = writtenKeys(written);
  const lines = annex3MetaLines(state.meta);
  const n = written.length;
  const footer = footerRows(ANNEX3_ROWS.firstData + n - 1);

  const body = (ws: XlWorksheet, before: Before | null) => {
    if (before) {
      const end = Math.max(before.end, footer.phone - 1);
      ws.getRangeByIndexes(FIRST, 0, end - FIRST + 1, VISIBLE).unmerge();
      const last = FIRST + n - 1;
      if (before.end > last)
        ws.getRangeByIndexes(last + 1, 0, before.end - last, COLUMNS.length).clear();
    }
    if (n > 0) {
      const seq = ws.getRangeByIndexes(FIRST, 0, n, 1);
      lookFormats(seq, "number", n);
      writeColumn(
        ws,
        FIRST,
        0,
        "number",
        written.map((_, i) => i + 1)
      );
      const cells = ws.getRangeByIndexes(FIRST, 1, n, VISIBLE - 1);
      writeCells(cells, "text", written.map(annex3Cells));
      cells.format.wrapText = true;
      cells.format.horizontalAlignment = "General";
      writeColumn(ws, FIRST, KEY_COL, "text", keys);
    }
    mergedLine(ws, footer.contact - 1, VISIBLE, lines.contact);
    mergedLine(ws, footer.phone - 1, VISIBLE, lines.phone);
    before?.moveClerk?.(ws);
    // wrapped 简述 must show every line when the sheet is printed and stamped
    if (n > 0) ws.getRangeByIndexes(FIRST, 0, n, VISIBLE).format.autofitRows();
  };

  return {
    name: ANNEX3_SHEET,
    print: ANNEX3_PRINT,
    build(ws) {
      mergedLine(ws, 0, VISIBLE, ANNEX3_TITLE, { bold: true, size: 18, center: true });
      mergedLine(ws, 1, VISIBLE, lines.recommender);
      mergedLine(ws, 2, VISIBLE, lines.date);
      headerCells(ws, HEADER, COLUMNS, POSITIONS);
      renderColumns(ws, COLUMNS, POSITIONS);
      body(ws, null);
      ws.freezePanes.freezeRows(ANNEX3_ROWS.header);
    },
    async inPlace(context, sheet) {
      const header = await readRow(context, sheet, HEADER, COLUMNS.length);
      if (COLUMNS.some((c, j) => header[j] !== c.header)) return null;
      const rows =
        sheet.lastRow >= FIRST
          ? await readColumns(context, sheet, POSITIONS, FIRST, sheet.lastRow)
          : POSITIONS.map(() => []);
      const text = (col: number, i: number) => String(rows[col][i] ?? "").trim();
      // the body: rows with anything in the official columns or the key; then a blank row and the footer lines
      let count = 0;
      while (count < (rows[0]?.length ?? 0) && POSITIONS.some((c) => c > 0 && text(c, count)))
        count++;
      let end = FIRST + count - 1;
      for (let i = count; i < Math.min(count + 4, rows[0]?.length ?? 0); i++)
        if (FOOTER_TEXT.test(text(0, i))) end = FIRST + i;
      const extra: number[] = [];
      for (let c = COLUMNS.length; c <= sheet.lastCol; c++) extra.push(c);
      let moveClerk: Before["moveClerk"] = null;
      if (extra.length > 0 && count > 0) {
        const prefecture = commonPrefecture(written.map((r) => r.prefecture));
        // the 推荐汇总表 has no credit code: 明细's row of the same key has it
        const codes = await detailCodes(context);
        const old: OldRow[] = Array.from({ length: count }, (_, i) => ({
          key: text(KEY_COL, i),
          ref: {
            prefecture,
            caseName: text(1, i),
            enterprise: text(2, i),
            uscc: codes.get(text(KEY_COL, i)) ?? "",
            direction: splitDirectionCell(text(4, i)).direction,
          },
        }));
        moveClerk = await clerkColumnsMove(context, sheet, extra, FIRST, old, keys, written);
      }
      const before: Before = { count, end, moveClerk };
      return (ws) => {
        writeCells(ws.getRangeByIndexes(1, 0, 2, 1), "text", [[lines.recommender], [lines.date]]);
        body(ws, before);
      };
    },
  };
}

/** The credit code of each case key in 明细 (empty when 明细 or its columns are missing). */
async function detailCodes(context: XlContext): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const sheet = await openSheet(context, DETAIL_SPEC.name);
  if (!sheet || sheet.lastRow < 1) return out;
  const header = await readRow(context, sheet, 0, sheet.lastCol + 1);
  const cols = findColumns(header, [recordColumn("key").header, recordColumn("uscc").header]);
  if (cols.some((c) => c < 0)) return out;
  const [keys, codes] = await readColumns(context, sheet, cols, 1, sheet.lastRow);
  keys.forEach((k, i) => out.set(cleanText(k), normalizeUscc(codes[i])));
  return out;
}

/** The prefecture of a list when every row names the same one (the 推荐汇总表 has no column of its own for it). */
function commonPrefecture(list: readonly (PrefectureName | null)[]): PrefectureName | null {
  const set = new Set(list);
  return set.size === 1 ? list[0] : null;
}
