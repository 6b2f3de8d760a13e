/**
 * Writing sheets through Office.js without ever leaving one half-written, although a batch is not a transaction (when
 * one operation of a sync fails, Excel keeps what ran before it and skips the rest) and Excel on the web refuses a
 * request above 5 MB.
 *
 * replaceSheets() swaps each sheet in four steps, so that a failure at ANY operation leaves, under the real name,
 * either the old sheet or the new one whole:
 *   1. build the new sheet under a temporary name (“X~更新中”), in syncs of about 1 MB (sheetPlan.ts);
 *   2. give the old sheet's tables backup names (“明细表_备份”), run the job's `after` step on the new sheet (table
 *      names, formulas that name a table), rename the old sheet to a backup name (“X~备份”), rename the new sheet to
 *      the real name and put it where the old one was;
 *   3. delete the backups.
 * A failure in 1 or 2 rolls back in a new run (delete the new sheet, rename the backup back, restore table names) and
 * says so truly; a failure in 3 is retried once. Whatever an interrupted attempt leaves behind (a temporary sheet, a
 * backup, backup table names) is recovered at the start of the next call: a backup next to a real sheet means the new
 * sheet was already in place (the real name is taken only after step 2's `after` ran), a backup alone is the old sheet.
 *
 * Input text is always written into cells formatted as text ("@") BEFORE the values, so text such as "=HYPERLINK(…)",
 * "+86 731…", "-" or an 18-digit credit code stays exactly the text it was: never a formula, never a rounded number.
 */
import { errorMessage } from "../core/errors";
import { plainText } from "../io/xlsx/writer/text";
import { SYNC_BYTES, SheetPlan, type PlanOp } from "./sheetPlan";
import type { ExcelRun, XlContext, XlRange, XlTable, XlWorksheet } from "./xl";

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
  /** Write everything that goes on the new sheet (recorded, then sent in syncs of about 1 MB). */
  build(ws: XlWorksheet): void;
  /** Runs at the swap, before the new sheet takes its final name (table names, formulas naming a table). */
  after?(ws: XlWorksheet): void;
}

const TEMP_SUFFIX = "~更新中";
const BACKUP_SUFFIX = "~备份";
const TABLE_BACKUP_SUFFIX = "_备份";

/** Name of the sheet a job is built in before the swap; an earlier failed attempt may have left one behind. */
export function tempName(name: string): string {
  return `${name}${TEMP_SUFFIX}`;
}

/** Name the old sheet has during the swap, until it is deleted. */
export function backupName(name: string): string {
  return `${name}${BACKUP_SUFFIX}`;
}

/** Name an old sheet's table has during the swap (the new sheet's table takes the real name). */
export function tableBackupName(name: string): string {
  return name.endsWith(TABLE_BACKUP_SUFFIX) ? name : `${name}${TABLE_BACKUP_SUFFIX}`;
}

function tableOriginalName(name: string): string {
  return name.endsWith(TABLE_BACKUP_SUFFIX) ? name.slice(0, -TABLE_BACKUP_SUFFIX.length) : name;
}

interface Planned {
  job: SheetJob;
  build: PlanOp[];
  after: PlanOp[];
}

function planJobs(jobs: readonly SheetJob[]): Planned[] {
  return jobs.map((job) => {
    const plan = new SheetPlan();
    job.build(plan.sheet);
    const built = plan.ops.length;
    job.after?.(plan.sheet);
    return { job, build: plan.ops.slice(0, built), after: plan.ops.slice(built) };
  });
}

/** Replays recorded writes against a real sheet, syncing whenever the next write would pass SYNC_BYTES. */
class Sender {
  private pending = 0;
  constructor(private readonly context: XlContext) {}
  async send(ops: readonly PlanOp[], ws: XlWorksheet): Promise<void> {
    for (const op of ops) {
      if (this.pending > 0 && this.pending + op.bytes > SYNC_BYTES) await this.flush();
      op.apply(ws);
      this.pending += op.bytes;
    }
  }
  async flush(): Promise<void> {
    this.pending = 0;
    await this.context.sync();
  }
}

type Phase = "prepare" | "build" | "swap" | "finish";

/**
 * Build the jobs' sheets and swap them in (see the file comment); the first job's sheet is activated. Throws a
 * Chinese message that says what the workbook now holds.
 */
export async function replaceSheets(run: ExcelRun, jobs: readonly SheetJob[]): Promise<void> {
  const names = jobs.map((j) => j.name);
  let planned: Planned[];
  try {
    planned = planJobs(jobs);
  } catch (e) {
    throw new Error(`${failed(names)}，原有内容未改动：${errorMessage(e)}`, { cause: e });
  }
  let phase: Phase = "prepare";
  const existed: boolean[] = [];
  try {
    await run(async (context) => {
      const sheets = context.workbook.worksheets;
      const olds = await prepare(context, names, existed);
      phase = "build";
      const sender = new Sender(context);
      const temps: XlWorksheet[] = [];
      for (const p of planned) {
        const ws = sheets.add(tempName(p.job.name));
        temps.push(ws);
        await sender.send(p.build, ws);
      }
      await sender.flush();
      phase = "swap";
      for (let i = 0; i < planned.length; i++) {
        const old = olds[i];
        if (old) {
          for (const t of old.tables) if (t.renamed !== t.name) t.table.name = t.renamed;
        }
        await sender.send(planned[i].after, temps[i]);
        if (old) old.sheet.name = backupName(names[i]);
        temps[i].name = names[i];
      }
      // each new sheet goes right before its old one (deleted next); in tab order, every sheet moved in before an
      // old one shifts it by one
      olds
        .map((old, i) => ({ old, i }))
        .filter((x): x is { old: OldSheet; i: number } => x.old !== null)
        .sort((a, b) => a.old.position - b.old.position)
        .forEach(({ old, i }, k) => (temps[i].position = old.position + k));
      if (names.length > 0) sheets.getItem(names[0]).activate();
      await sender.flush();
      phase = "finish";
      await deleteBackups(context, names, existed);
    });
  } catch (e) {
    if (phase === "prepare")
      throw new Error(`${failed(names)}，原有内容未改动：${errorMessage(e)}`, { cause: e });
    if (phase === "finish") return finishAgain(run, names, existed, e);
    const done = phase === "build" ? "原有内容未改动" : "已恢复原有工作表";
    try {
      await rollback(run, names, existed);
    } catch (undo) {
      throw new Error(
        `${failed(names)}：${errorMessage(e)}；恢复原有工作表时也出错：${errorMessage(undo)}。${await describe(run, names)}`,
        { cause: e }
      );
    }
    throw new Error(`${failed(names)}，${done}：${errorMessage(e)}`, { cause: e });
  }
}

function failed(names: readonly string[]): string {
  return `写入工作表“${names.join("”“")}”失败`;
}

interface OldSheet {
  sheet: XlWorksheet;
  position: number;
  /** The sheet's tables, with the name each takes during the swap. */
  tables: { table: XlTable; name: string; renamed: string }[];
}

/**
 * Recover what an interrupted earlier attempt left behind, and read the old sheets: their position and tables.
 * Two syncs; `existed` receives whether each job's sheet exists now.
 */
async function prepare(
  context: XlContext,
  names: readonly string[],
  existed: boolean[]
): Promise<(OldSheet | null)[]> {
  const sheets = context.workbook.worksheets;
  const found = names.map((n) => ({
    real: sheets.getItemOrNullObject(n),
    temp: sheets.getItemOrNullObject(tempName(n)),
    backup: sheets.getItemOrNullObject(backupName(n)),
  }));
  for (const f of found) {
    f.real.load("isNullObject");
    f.temp.load("isNullObject");
    f.backup.load("isNullObject");
  }
  await context.sync();
  // a backup next to the real sheet: the new sheet was in place, only putting it where the old one was and deleting
  // the backup were missing (rare: one job at a time, reading positions afresh)
  for (const f of found) {
    if (f.real.isNullObject || f.backup.isNullObject) continue;
    f.real.load("position");
    f.backup.load("position");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- positions change with every move
    await context.sync();
    const target = f.real.position < f.backup.position ? f.backup.position - 1 : f.backup.position;
    if (f.real.position !== target) f.real.position = target;
    f.backup.delete();
  }
  const olds = found.map((f, i) => {
    if (!f.temp.isNullObject) f.temp.delete();
    let old: XlWorksheet | null = f.real.isNullObject ? null : f.real;
    if (!f.backup.isNullObject && !old) {
      // a backup alone: the swap stopped halfway, and the backup is the old sheet
      f.backup.name = names[i];
      old = f.backup;
    }
    existed[i] = old !== null;
    if (old) {
      old.load("position");
      old.tables.load("items/name");
    }
    return old;
  });
  await context.sync();
  return olds.map((old) =>
    old
      ? {
          sheet: old,
          position: old.position,
          tables: old.tables.items.map((table) => ({
            table,
            name: table.name,
            renamed: tableBackupName(table.name),
          })),
        }
      : null
  );
}

async function deleteBackups(
  context: XlContext,
  names: readonly string[],
  existed: readonly boolean[]
): Promise<void> {
  names.forEach((n, i) => {
    if (existed[i]) context.workbook.worksheets.getItem(backupName(n)).delete();
  });
  await context.sync();
}

/** The new sheets are in place; only deleting the backups failed: try once more in a new run. */
async function finishAgain(
  run: ExcelRun,
  names: readonly string[],
  existed: readonly boolean[],
  first: unknown
): Promise<void> {
  try {
    await run(async (context) => {
      const backups = names.map((n) =>
        context.workbook.worksheets.getItemOrNullObject(backupName(n))
      );
      backups.forEach((b) => b.load("isNullObject"));
      await context.sync();
      backups.forEach((b, i) => {
        if (existed[i] && !b.isNullObject) b.delete();
      });
      await context.sync();
    });
  } catch (e) {
    const left = names.filter((_, i) => existed[i]).map(backupName);
    throw new Error(
      `已写入工作表“${names.join("”“")}”，但未能删除备份工作表“${left.join("”“")}”（${errorMessage(first)}；${errorMessage(e)}）：下次写入时会自动删除，也可手动删除`,
      { cause: e }
    );
  }
}

/**
 * Put the workbook back as it was before this attempt: the new sheets deleted, the old ones under their names with
 * their tables' names. `existed` says which jobs had an old sheet.
 */
async function rollback(
  run: ExcelRun,
  names: readonly string[],
  existed: readonly boolean[]
): Promise<void> {
  await run(async (context) => {
    const sheets = context.workbook.worksheets;
    const found = names.map((n) => ({
      real: sheets.getItemOrNullObject(n),
      temp: sheets.getItemOrNullObject(tempName(n)),
      backup: sheets.getItemOrNullObject(backupName(n)),
    }));
    for (const f of found) {
      f.real.load("isNullObject");
      f.temp.load("isNullObject");
      f.backup.load("isNullObject");
    }
    await context.sync();
    const olds = found.map((f, i) => {
      if (!f.temp.isNullObject) f.temp.delete();
      if (!existed[i]) {
        // there was no old sheet: a sheet under the real name is this attempt's new one
        if (!f.real.isNullObject) f.real.delete();
        return null;
      }
      if (f.backup.isNullObject) return f.real.isNullObject ? null : f.real;
      // the old sheet is the backup; a sheet under the real name is the new one
      if (!f.real.isNullObject) f.real.delete();
      f.backup.name = names[i];
      return f.backup;
    });
    olds.forEach((o) => o?.tables.load("items/name"));
    await context.sync();
    for (const o of olds) {
      for (const t of o?.tables.items ?? []) {
        const original = tableOriginalName(t.name);
        if (original !== t.name) t.name = original;
      }
    }
    await context.sync();
  });
}

/** What the workbook holds after a rollback that failed, as far as it can be read. */
async function describe(run: ExcelRun, names: readonly string[]): Promise<string> {
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      const found = names.map((n) => ({
        real: sheets.getItemOrNullObject(n),
        backup: sheets.getItemOrNullObject(backupName(n)),
      }));
      for (const f of found) {
        f.real.load("isNullObject");
        f.backup.load("isNullObject");
      }
      await context.sync();
      const parts = found.flatMap((f, i) => {
        if (f.backup.isNullObject) return [];
        return f.real.isNullObject
          ? [`原有的“${names[i]}”现名为“${backupName(names[i])}”`]
          : [`“${names[i]}”已是新内容，原有内容在“${backupName(names[i])}”中`];
      });
      return `${parts.length > 0 ? parts.join("；") + "。" : ""}下次写入时会自动恢复并清理临时工作表`;
    });
  } catch (e) {
    return `无法读取工作表现状（${errorMessage(e)}）：下次写入时会自动恢复并清理临时工作表`;
  }
}
