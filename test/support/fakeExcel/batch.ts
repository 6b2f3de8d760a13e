/**
 * Request batching like Office.js: proxies queue operations; sync() runs them in order against the workbook. A batch
 * is NOT a transaction, as in Excel: when one operation fails, the operations before it stay applied and the rest of
 * the batch is skipped. Loaded property values reach the proxies only when their whole sync succeeds.
 *
 * Like Excel on the web, a sync whose request (the queued operations and their arguments, as JSON) or whose response
 * (the loaded values) is above 5 MB is refused with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded.
 *
 * Failure injection: a whole sync (failSync: nothing of it applies), or one operation, by its index among all the
 * operations this fake has run, or by kind and sheet (failOperation: the operations before it apply).
 */
import { FakeExcelError, findSheetById, type SheetState, type WorkbookState } from "./state";

/** Excel on the web's limit on one request and one response (resource-limits-and-performance-optimization). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** Bytes of an operation without arguments (its action and object path in the request JSON). */
const OP_BYTES = 120;

/** One operation as it ran (or was attempted): its index among all operations, kind, sheet and sync number. */
export interface OpInfo {
  index: number;
  kind: string;
  sheet: string | null;
  sync: number;
}

export type OpMatch =
  number | ((op: OpInfo) => boolean) | { kind?: string | RegExp; sheet?: string };

/** `commit` registers work to do only if the whole sync succeeds (loaded values), with the bytes it returns. */
export type OpRun = (
  wb: WorkbookState,
  commit: (after: () => void, responseBytes?: number) => void
) => void;

interface Op {
  kind: string;
  bytes: number;
  sheet: (wb: WorkbookState) => string | null;
  run: OpRun;
}

interface Injection {
  match: (op: OpInfo) => boolean;
  message: string;
  times: number;
}

/** UTF-8 bytes of a value as JSON (what Office.js puts in the request for an argument). */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  const text = JSON.stringify(value);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function toMatcher(match: OpMatch): (op: OpInfo) => boolean {
  if (typeof match === "number") return (op) => op.index === match;
  if (typeof match === "function") return match;
  return (op) =>
    (match.kind === undefined ||
      (typeof match.kind === "string" ? op.kind === match.kind : match.kind.test(op.kind))) &&
    (match.sheet === undefined || op.sheet === match.sheet);
}

export class Store {
  state: WorkbookState;
  readonly log: string[] = [];
  syncCount = 0;
  /** Every operation attempted, in order. */
  readonly operations: OpInfo[] = [];
  /** Request bytes of every sync, in order. */
  readonly requestBytes: number[] = [];
  /** Response bytes of every sync that got as far as its loads, in order (a refused one included). */
  readonly responseBytes: number[] = [];
  /** Injected whole-sync failures: the sync with this 1-based number throws and applies nothing. */
  private syncFailures = new Map<number, string>();
  private injections: Injection[] = [];

  constructor(state: WorkbookState) {
    this.state = state;
  }

  /** Make a coming sync fail whole: the next one, or the one after `skip` more syncs. */
  failSync(message: string, skip = 0): void {
    this.syncFailures.set(this.syncCount + 1 + skip, message);
  }

  /** Make the matching operation fail (`times` times, default once): the operations before it in its sync apply. */
  failOperation(match: OpMatch, message: string, times = 1): void {
    this.injections.push({ match: toMatcher(match), message, times });
  }

  clearFailures(): void {
    this.syncFailures.clear();
    this.injections = [];
  }

  apply(ops: Op[]): void {
    this.syncCount++;
    const sync = this.syncCount;
    const failure = this.syncFailures.get(sync);
    if (failure !== undefined) {
      this.syncFailures.delete(sync);
      throw new FakeExcelError("GeneralException", failure);
    }
    const bytes = ops.reduce((n, op) => n + op.bytes, 0);
    this.requestBytes.push(bytes);
    if (bytes > PAYLOAD_LIMIT) {
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes). See the Resource limits and performance optimization for Office Add-ins article for more information.`
      );
    }
    const after: (() => void)[] = [];
    let responseBytes = 0;
    for (const op of ops) {
      const info: OpInfo = {
        index: this.operations.length,
        kind: op.kind,
        sheet: safeSheet(op, this.state),
        sync,
      };
      this.operations.push(info);
      const hit = this.injections.find((j) => j.times > 0 && j.match(info));
      if (hit) {
        hit.times--;
        throw new FakeExcelError("GeneralException", hit.message);
      }
      // a failing operation throws before it changes anything; the ones before it stay applied
      op.run(this.state, (f, n = 0) => {
        after.push(f);
        responseBytes += n;
      });
    }
    this.responseBytes.push(responseBytes);
    if (responseBytes > PAYLOAD_LIMIT) {
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${responseBytes} bytes). See the Resource limits and performance optimization for Office Add-ins article for more information.`
      );
    }
    for (const f of after) f();
  }
}

function safeSheet(op: Op, wb: WorkbookState): string | null {
  try {
    return op.sheet(wb);
  } catch {
    return null;
  }
}

export interface PushOptions {
  /** Bytes of the operation's arguments in the request (JSON), on top of the operation itself. */
  args?: unknown;
  /** The sheet the operation works on, for failure injection by sheet. */
  sheet?: (wb: WorkbookState) => string | null;
}

export class Batch {
  private queue: Op[] = [];
  constructor(readonly store: Store) {}

  push(kind: string, run: OpRun, options: PushOptions = {}): void {
    this.queue.push({
      kind,
      bytes: OP_BYTES + jsonBytes(options.args),
      sheet: options.sheet ?? (() => null),
      run,
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this.queue;
    this.queue = [];
    this.store.apply(ops);
    return passThroughValue as T;
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

/** The name of the sheet a proxy points at, for OpInfo. */
export function sheetNameOf(ref: SheetRef): (wb: WorkbookState) => string | null {
  return (wb) => (typeof ref.id === "number" ? (findSheetById(wb, ref.id)?.name ?? null) : null);
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
    kind: string,
    propertyNames: string | string[],
    known: readonly string[],
    snapshot: (wb: WorkbookState, prop: string) => unknown,
    sheet?: (wb: WorkbookState) => string | null
  ): void {
    const props = (Array.isArray(propertyNames) ? propertyNames : propertyNames.split(","))
      .map((p) => p.trim())
      .filter(Boolean);
    for (const p of props) {
      if (!known.includes(p))
        throw new FakeExcelError("InvalidArgument", `The fake does not support loading '${p}'.`);
    }
    this.batch.push(
      kind,
      (wb, commit) => {
        const values = props.map((p) => [p, snapshot(wb, p)] as const);
        commit(
          () => values.forEach(([p, v]) => this.loaded.set(p, v)),
          values.reduce((n, [, v]) => n + jsonBytes(v), 0)
        );
      },
      { args: props, sheet }
    );
  }

  protected markLoaded(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
}
