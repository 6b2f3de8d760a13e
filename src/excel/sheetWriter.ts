/**
 * Writing sheets through Office.js although a batch is not a transaction (when one operation of a sync fails, Excel
 * keeps what ran before it and skips the rest) and Excel on the web refuses a request above 5 MB: a sheet that is
 * rebuilt is never left half-written, and a failure always says truly what the workbook holds.
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
 * writeSheets() is what the host calls: a sheet whose layout is ours (its job's inPlace finds its header row) is
 * updated in place — its cells rewritten where they stand, in syncs of about 1 MB — so that what the clerk did around
 * our cells (column widths, print setup, a column of their own, formulas elsewhere pointing at these cells) survives;
 * only a missing sheet, or one whose header row is no longer ours, is rebuilt by the swap above (the old tables' backup
 * names matter for sheets of the add-in's previous version, whose 明细 was the table 明细表). An update in place is not
 * a transaction either: each sheet's last writes get a sync of their own, and when one fails the message says which
 * sheets were updated, which partly (the next write puts them right: every write renders the whole state) and which
 * were not changed.
 */
import { errorMessage } from "../core/errors";
import { SYNC_BYTES, SheetPlan, type PlanOp } from "./sheetPlan";
import { openSheet, type OpenSheet } from "./sheetRead";
import type { PrintSpec } from "../sheets/layout";
import { printSetup } from "./render";
import type { ExcelRun, XlContext, XlRequirements, XlTable, XlWorksheet } from "./xl";

/** Where Office.js is not loaded (tests, the standalone page) nothing above ExcelApi 1.8 is used. */
export const NO_REQUIREMENTS: XlRequirements = { isSetSupported: () => false };

export interface SheetJob {
  /** The sheet's final name. */
  name: string;
  /** Write everything that goes on the new sheet (recorded, then sent in syncs of about 1 MB). */
  build(ws: XlWorksheet): void;
  /** Runs at the swap, before the new sheet takes its final name (table names, formulas naming a table). */
  after?(ws: XlWorksheet): void;
  /** The print setup a new sheet gets (src/sheets); an update in place leaves the sheet's own. */
  print?: PrintSpec;
  /**
   * Read what an update in place needs of the existing sheet and return its writes (recorded, then sent in syncs of
   * about 1 MB), or null when the sheet's layout is not ours: it is then rebuilt.
   */
  inPlace?(context: XlContext, sheet: OpenSheet): Promise<((ws: XlWorksheet) => void) | null>;
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

/**
 * Replays recorded writes against a real sheet, syncing whenever the next write would pass SYNC_BYTES. Remembers which
 * sheets had writes in the sync under way and in syncs that went through, to say truly what a failure left.
 */
class Sender {
  private pending = 0;
  /** Sheets with writes in the sync under way. */
  readonly inFlight = new Set<string>();
  /** Sheets with writes in a sync that went through. */
  readonly sent = new Set<string>();
  constructor(private readonly context: XlContext) {}
  async send(ops: readonly PlanOp[], ws: XlWorksheet, sheet = ""): Promise<void> {
    for (const op of ops) {
      if (this.pending > 0 && this.pending + op.bytes > SYNC_BYTES) await this.flush();
      op.apply(ws);
      this.pending += op.bytes;
      this.inFlight.add(sheet);
    }
  }
  async flush(): Promise<void> {
    this.pending = 0;
    await this.context.sync();
    for (const s of this.inFlight) this.sent.add(s);
    this.inFlight.clear();
  }
}

/** The writes of a job, recorded. */
function record(write: (ws: XlWorksheet) => void): PlanOp[] {
  const plan = new SheetPlan();
  write(plan.sheet);
  return plan.ops;
}

const quoted = (names: readonly string[]) => `“${names.join("”“")}”`;

/**
 * Write the jobs' sheets: each one whose layout is ours in place, the others rebuilt (replaceSheets); the first job's
 * sheet is activated. Throws a Chinese message that says what the workbook now holds.
 */
export async function writeSheets(
  run: ExcelRun,
  jobs: readonly SheetJob[],
  requirements: XlRequirements = NO_REQUIREMENTS
): Promise<void> {
  const names = jobs.map((j) => j.name);
  let updates: (PlanOp[] | null)[];
  try {
    updates = await run(async (context) => {
      await recover(context, names);
      const out: (PlanOp[] | null)[] = [];
      for (const job of jobs) {
        const sheet = job.inPlace ? await openSheet(context, job.name) : null;

        const write = sheet ? await job.inPlace!(context, sheet) : null;
        out.push(write ? record(write) : null);
      }
      return out;
    });
  } catch (e) {
    throw new Error(`${failed(names)}，原有内容未改动：${errorMessage(e)}`, { cause: e });
  }
  const rebuilt = jobs.filter((_, i) => updates[i] === null);
  const inPlace = jobs.flatMap((job, i) => {
    const ops = updates[i];
    return ops ? [{ job, ops }] : [];
  });
  if (rebuilt.length > 0) {
    try {
      await replaceSheets(run, rebuilt, requirements);
    } catch (e) {
      if (inPlace.length === 0) throw e;
      throw new Error(`${errorMessage(e)}（${quoted(inPlace.map((u) => u.job.name))}未改动）`, {
        cause: e,
      });
    }
  }
  if (inPlace.length === 0) return;
  let sender: Sender | null = null;
  try {
    await run(async (context) => {
      const s = new Sender(context);
      sender = s;
      // a sync of its own for each sheet's last writes: a failure then says truly which sheet it hit
      for (const { job, ops } of inPlace) {
        await s.send(ops, context.workbook.worksheets.getItem(job.name), job.name);
        await s.flush();
      }
      context.workbook.worksheets.getItem(names[0]).activate();
      await context.sync();
    });
  } catch (e) {
    const s = sender as Sender | null;
    const parts = jobs.map((job) => {
      const name = `“${job.name}”`;
      if (rebuilt.includes(job)) return `${name}已更新`;
      if (!s || (!s.inFlight.has(job.name) && !s.sent.has(job.name))) return `${name}未改动`;
      if (s.inFlight.has(job.name))
        return s.sent.has(job.name)
          ? `${name}只更新了一部分，再次写入即可改正`
          : `${name}可能已部分更新，再次写入即可改正`;
      return `${name}已更新`;
    });
    throw new Error(`${failed(names)}：${errorMessage(e)}。${parts.join("；")}`, { cause: e });
  }
}

type Phase = "prepare" | "build" | "swap" | "finish";

/**
 * Build the jobs' sheets and swap them in (see the file comment); the first job's sheet is activated. Throws a
 * Chinese message that says what the workbook now holds.
 */
export async function replaceSheets(
  run: ExcelRun,
  jobs: readonly SheetJob[],
  requirements: XlRequirements = NO_REQUIREMENTS
): Promise<void> {
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
        if (p.job.print) printSetup(ws, p.job.print, requirements);
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

/** Each job's sheet under its real, temporary and backup name (null objects where absent), loaded in one sync. */
async function swapSheets(
  context: XlContext,
  names: readonly string[]
): Promise<{ real: XlWorksheet; temp: XlWorksheet; backup: XlWorksheet }[]> {
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
  return found;
}

/**
 * Recover what an interrupted earlier attempt left behind: a temporary sheet is deleted; a backup next to the real
 * sheet means the new sheet was in place (it is put where the backup stood, the backup deleted); a backup alone is the
 * old sheet (it takes its name back).
 */
async function recover(context: XlContext, names: readonly string[]): Promise<void> {
  const found = await swapSheets(context, names);
  if (found.every((f) => f.temp.isNullObject && f.backup.isNullObject)) return;
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
  found.forEach((f, i) => {
    if (!f.temp.isNullObject) f.temp.delete();
    // a backup alone: the swap stopped halfway, and the backup is the old sheet
    if (!f.backup.isNullObject && f.real.isNullObject) f.backup.name = names[i];
  });
  await context.sync();
}

/**
 * Recover (above), then read the old sheets: their position and tables. `existed` receives whether each job's sheet
 * exists now.
 */
async function prepare(
  context: XlContext,
  names: readonly string[],
  existed: boolean[]
): Promise<(OldSheet | null)[]> {
  await recover(context, names);
  const found = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
  found.forEach((f) => f.load("isNullObject"));
  await context.sync();
  const olds = found.map((f, i) => {
    existed[i] = !f.isNullObject;
    if (f.isNullObject) return null;
    f.load("position");
    f.tables.load("items/name");
    return f;
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
    const found = await swapSheets(context, names);
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
