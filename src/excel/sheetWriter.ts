/**
 * Writing sheets through Office.js without ever leaving one half-written.
 *
 * replaceSheets(): one read sync (do the target sheets exist, where are they), then ONE write sync that builds every
 * new sheet under a temporary name, deletes the old one, renames the new one into its place and runs the `after` step
 * (table names, formulas that name a table). A failure before the swap leaves the old sheets untouched; the temporary
 * sheets of a failed attempt are removed in a second run, and the error is rethrown in Chinese.
 *
 * Input text is always written into cells formatted as text ("@") BEFORE the values, so text such as "=HYPERLINK(…)",
 * "+86 731…", "-" or an 18-digit credit code stays exactly the text it was: never a formula, never a rounded number.
 */
import { errorMessage } from "../core/errors";
import { plainText } from "../io/xlsx/writer/text";
import type { ExcelRun, XlContext, XlRange, XlWorksheet } from "./xl";

export const FILL_ERROR = "#FFC7CE";
export const FILL_WARNING = "#FFEB9C";
export const FILL_HEADER = "#D9E1F2";
export const FILL_TOTAL = "#F2F2F2";

export type CellKind = "text" | "number" | "formula";
/** A number cell takes a number or null (empty); a text cell any text; a formula cell our own "=…" text or null. */
export type CellInput = string | number | null;

export function matrix<T>(rows: number, cols: number, v: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
}

/** One column of values written at (row, col), 0-based, by kind. */
export function writeColumn(
  ws: XlWorksheet,
  row: number,
  col: number,
  kind: CellKind,
  cells: readonly CellInput[]
): void {
  if (cells.length === 0) return;
  const range = ws.getRangeByIndexes(row, col, cells.length, 1);
  writeCells(
    range,
    kind,
    cells.map((c) => [c])
  );
}

/** A block of cells of one kind. */
export function writeCells(range: XlRange, kind: CellKind, cells: CellInput[][]): void {
  const rows = cells.length;
  const cols = rows === 0 ? 0 : cells[0].length;
  if (rows === 0 || cols === 0) return;
  if (kind === "text") {
    range.numberFormat = matrix(rows, cols, "@");
    range.values = cells.map((r) => r.map((v) => (v === null ? "" : plainText(String(v)))));
  } else if (kind === "number") {
    range.values = cells.map((r) =>
      r.map((v) => (typeof v === "number" && Number.isFinite(v) ? v : ""))
    );
  } else {
    range.formulas = cells.map((r) => r.map((v) => (v === null ? "" : assertFormula(v))));
  }
}

function assertFormula(v: string | number): string {
  if (typeof v !== "string" || !v.startsWith("="))
    throw new Error(`内部错误：公式列只能写入公式，收到“${String(v)}”`);
  return v;
}

/** One text line across a merged row (titles, 推荐单位, 日期, footers). */
export function mergedLine(
  ws: XlWorksheet,
  row: number,
  cols: number,
  text: string,
  opts: { bold?: boolean; size?: number; center?: boolean } = {}
): void {
  const range = ws.getRangeByIndexes(row, 0, 1, cols);
  range.merge(false);
  writeCells(ws.getRangeByIndexes(row, 0, 1, 1), "text", [[text]]);
  if (opts.bold) range.format.font.bold = true;
  if (opts.size) range.format.font.size = opts.size;
  range.format.horizontalAlignment = opts.center ? "Center" : "Left";
}

/** Bold, shaded, wrapped header cells. */
export function headerRow(
  ws: XlWorksheet,
  row: number,
  col: number,
  headers: readonly string[]
): void {
  const range = ws.getRangeByIndexes(row, col, 1, headers.length);
  writeCells(range, "text", [headers.slice()]);
  range.format.font.bold = true;
  range.format.fill.color = FILL_HEADER;
  range.format.wrapText = true;
}

/** Column widths in characters (Excel measures points; one CJK character is about 7.5 points at 11 pt). */
export function columnWidths(ws: XlWorksheet, widths: readonly number[], startCol = 0): void {
  widths.forEach(
    (w, i) => (ws.getRangeByIndexes(0, startCol + i, 1, 1).format.columnWidth = Math.round(w * 7.5))
  );
}

export interface SheetJob {
  /** The sheet's final name. */
  name: string;
  /** Queue everything that goes on the new sheet (no sync). */
  build(ws: XlWorksheet): void;
  /** Queued after the swap, when the sheet has its final name (table names, formulas naming a table). */
  after?(ws: XlWorksheet): void;
}

/** Name of the sheet a job is built in before the swap; an earlier failed attempt may have left one behind. */
export function tempName(name: string): string {
  return `${name}~更新中`;
}

/** Build the jobs' sheets and swap them in with one write sync; the first job's sheet is activated. */
export async function replaceSheets(run: ExcelRun, jobs: readonly SheetJob[]): Promise<void> {
  try {
    await run(async (context) => {
      const sheets = context.workbook.worksheets;
      const olds = jobs.map((j) => sheets.getItemOrNullObject(j.name));
      const leftovers = jobs.map((j) => sheets.getItemOrNullObject(tempName(j.name)));
      olds.forEach((o) => o.load("position"));
      leftovers.forEach((o) => o.load("isNullObject"));
      await context.sync();

      leftovers.forEach((o) => {
        if (!o.isNullObject) o.delete();
      });
      const fresh = jobs.map((j) => {
        const ws = sheets.add(tempName(j.name));
        j.build(ws);
        return ws;
      });
      jobs.forEach((j, i) => {
        const old = olds[i];
        const existed = !old.isNullObject;
        const position = existed ? old.position : null;
        if (existed) old.delete();
        fresh[i].name = j.name;
        if (position !== null) fresh[i].position = position;
        j.after?.(fresh[i]);
      });
      fresh[0]?.activate();
      await context.sync();
    });
  } catch (e) {
    await removeTemporarySheets(run, jobs).catch((cleanup: unknown) => {
      throw new Error(
        `${failureMessage(jobs, e)}；清理临时工作表也失败：${errorMessage(cleanup)}`,
        {
          cause: e,
        }
      );
    });
    throw new Error(failureMessage(jobs, e), { cause: e });
  }
}

async function removeTemporarySheets(run: ExcelRun, jobs: readonly SheetJob[]): Promise<void> {
  await run(async (context: XlContext) => {
    const temps = jobs.map((j) =>
      context.workbook.worksheets.getItemOrNullObject(tempName(j.name))
    );
    temps.forEach((t) => t.load("isNullObject"));
    await context.sync();
    temps.forEach((t) => {
      if (!t.isNullObject) t.delete();
    });
    await context.sync();
  });
}

function failureMessage(jobs: readonly SheetJob[], e: unknown): string {
  return `写入工作表“${jobs.map((j) => j.name).join("”“")}”失败，原有内容未改动：${errorMessage(e)}`;
}
