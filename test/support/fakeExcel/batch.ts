/**
 * Request batching like Office.js: proxies queue operations; sync() runs them in order against a copy of the workbook
 * and keeps the copy only when every operation succeeded (and no failure was injected), so a failed sync changes
 * nothing. Loaded property values reach the proxies only when their sync succeeds.
 */
import { FakeExcelError, findSheetById, type SheetState, type WorkbookState } from "./state";

/** One queued request. `commit` registers work to do only if the whole batch succeeds (loaded values, the log). */
export type Op = (wb: WorkbookState, commit: (after: () => void) => void) => void;

export class Store {
  state: WorkbookState;
  readonly log: string[] = [];
  syncCount = 0;
  /** Injected failures: the sync with this 1-based number throws. */
  private failures = new Map<number, string>();

  constructor(state: WorkbookState) {
    this.state = state;
  }

  /** Make a coming sync fail: the next one, or the one after `skip` successful syncs. */
  failSync(message: string, skip = 0): void {
    this.failures.set(this.syncCount + 1 + skip, message);
  }

  apply(ops: Op[]): void {
    this.syncCount++;
    const failure = this.failures.get(this.syncCount);
    if (failure !== undefined) {
      this.failures.delete(this.syncCount);
      throw new FakeExcelError("GeneralException", failure);
    }
    const draft = structuredClone(this.state);
    const after: (() => void)[] = [];
    for (const op of ops) op(draft, (f) => after.push(f));
    this.state = draft;
    for (const f of after) f();
  }
}

export class Batch {
  private queue: Op[] = [];
  constructor(readonly store: Store) {}

  push(op: Op): void {
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.store.apply(ops);
  }
}

/** Where a worksheet proxy points: undefined until its request ran, null for a null object, else the sheet id. */
export interface SheetRef {
  id: number | null | undefined;
}

export function resolveSheet(wb: WorkbookState, ref: SheetRef): SheetState {
  const sheet = typeof ref.id === "number" ? findSheetById(wb, ref.id) : undefined;
  if (!sheet)
    throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist (worksheet).");
  return sheet;
}

/** Base of every proxy: properties are readable only after load() + a successful sync(). */
export class FakeClientObject {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly batch: Batch) {}

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    }
    return this.loaded.get(prop) as T;
  }

  /** Queue a snapshot of the named properties; `snapshot` maps a property name to its value at that point of the batch. */
  protected queueLoad(
    propertyNames: string | string[],
    known: readonly string[],
    snapshot: (wb: WorkbookState, prop: string) => unknown
  ): void {
    const props = (Array.isArray(propertyNames) ? propertyNames : propertyNames.split(","))
      .map((p) => p.trim())
      .filter(Boolean);
    for (const p of props) {
      if (!known.includes(p))
        throw new FakeExcelError("InvalidArgument", `The fake does not support loading '${p}'.`);
    }
    this.batch.push((wb, commit) => {
      const values = props.map((p) => [p, snapshot(wb, p)] as const);
      commit(() => values.forEach(([p, v]) => this.loaded.set(p, v)));
    });
  }

  protected markLoaded(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
}
