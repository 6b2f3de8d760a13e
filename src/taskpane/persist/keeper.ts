/**
 * Keeping the page's work in the browser's own storage: a small controller, independent of React and of what the
 * state holds. It
 *   - opens the store and reads what was kept (start), and lets the user choose to continue it or start again (resume);
 *   - writes every new state shortly after it changes (update; writes are queued, never overlap) and at once when the
 *     page is hidden or closed (flush, attach);
 *   - knows whether there are changes not yet downloaded (dirty; markDownloaded clears it) and warns before the page
 *     closes with such changes (attach installs the beforeunload handler).
 * Storage failures never stop the work: they show up in `status.error` and the next change tries again.
 */
import { errorMessage } from "../../core/errors";
import type { KeyValueStore } from "./store";

export interface SavedWork<S> {
  state: S;
  savedAt: Date;
  /** It had changes not yet downloaded. */
  dirty: boolean;
}

export type StartResult<S> =
  /** Nothing was kept: start afresh; from now on the work is kept. */
  | { kind: "fresh" }
  /** Work was kept: ask the user, then call resume(). Nothing is written until then. */
  | { kind: "saved"; saved: SavedWork<S> }
  /** The browser keeps nothing for this page: say so (notice); the work goes on unkept. */
  | { kind: "unavailable"; notice: string }
  /** Something was kept but cannot be restored (another version, damaged): say so; new work replaces it. */
  | { kind: "unreadable"; notice: string };

export interface KeeperStatus {
  /**
   * starting: reading storage; choosing: waiting for resume(); keeping: saving changes; off: storage unavailable
   * (changes are still tracked for the close warning, never written).
   */
  phase: "starting" | "choosing" | "keeping" | "off";
  /** Changes since the last download (or since the work began). */
  dirty: boolean;
  /** When the work was last written to storage. */
  savedAt: Date | null;
  /** The last storage failure, in Chinese, or null. */
  error: string | null;
}

export interface WorkKeeper<S> {
  /** Open the store and read what was kept. Called once; later calls return the same answer. Never rejects. */
  start(): Promise<StartResult<S>>;
  /** After a "saved" start: continue that work (the state to begin with is the saved one) or delete it. */
  resume(choice: "continue" | "restart"): Promise<void>;
  /** The app's state changed: keep it (after a short delay). An empty state deletes what was kept. */
  update(state: S): void;
  /** Write a pending change now. */
  flush(): Promise<void>;
  /** The result was downloaded: nothing to warn about until the next change. */
  markDownloaded(): void;
  /** Current status (a new object after every change, for useSyncExternalStore). */
  getStatus(): KeeperStatus;
  subscribe(listener: () => void): () => void;
  /** Warn before closing with changes not downloaded; write pending changes when the page is hidden. Returns detach. */
  attach(win: Window): () => void;
}

export interface KeeperOptions<S> {
  /** Open the storage (openIndexedDbStore in the browser, memoryStore in tests); a rejection means "unavailable". */
  open: () => Promise<KeyValueStore>;
  /** Version of the state's shape: saved work of another version is not restored. */
  version: number;
  /** Check a state read back; throw (a ZodError or an Error) when it is not one. */
  validate: (state: unknown) => S | Promise<S>;
  /** A state with nothing worth keeping (the initial one, after 清空): not saved, not dirty. */
  isEmpty: (state: S) => boolean;
  /** Storage key (default "current"). */
  key?: string;
  /** Delay before a change is written, in ms (default 400). */
  delayMs?: number;
  now?: () => Date;
}

/** The text browsers may show before closing with changes not downloaded (most show their own). */
export const UNLOAD_WARNING =
  "有尚未下载的改动：离开前请先下载结果，否则下次打开时只能从本机保存的进度继续。";

export function createWorkKeeper<S>(opts: KeeperOptions<S>): WorkKeeper<S> {
  const key = opts.key ?? "current";
  const delay = opts.delayMs ?? 400;
  const now = opts.now ?? (() => new Date());
  let store: KeyValueStore | null = null;
  let started: Promise<StartResult<S>> | null = null;
  let saved: SavedWork<S> | null = null;
  let status: KeeperStatus = { phase: "starting", dirty: false, savedAt: null, error: null };
  const listeners = new Set<() => void>();
  /** The last state given (by reference): the same state again is no change. */
  let last: S | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<void> = Promise.resolve();

  const set = (patch: Partial<KeeperStatus>) => {
    status = { ...status, ...patch };
    for (const l of listeners) l();
  };

  /** Queue one write of the current state (or a delete when there is nothing to keep). */
  const write = (): Promise<void> => {
    timer = null;
    const s = store;
    const state = last;
    const dirty = status.dirty;
    if (!s || status.phase !== "keeping") return queue;
    queue = queue.then(async () => {
      try {
        if (state === null || opts.isEmpty(state)) await s.delete(key);
        else {
          const at = now();
          const { envelope } = await import(/* webpackChunkName: "persist" */ "./envelope");
          await s.put(key, envelope(opts.version, at, dirty, state));
          set({ savedAt: at, error: null });
        }
      } catch (e) {
        set({ error: errorMessage(e) });
      }
    });
    return queue;
  };

  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void write(), delay);
  };

  const begin = async (): Promise<StartResult<S>> => {
    try {
      store = await opts.open();
    } catch (e) {
      const notice = `${errorMessage(e)}。本页的工作不会保存在本机：刷新或关闭页面前请先下载结果。`;
      set({ phase: "off", error: notice });
      return { kind: "unavailable", notice };
    }
    let raw: unknown;
    try {
      raw = await store.get(key);
    } catch (e) {
      set({ phase: "keeping", error: errorMessage(e) });
      return {
        kind: "unreadable",
        notice: `${errorMessage(e)}。上次的工作无法恢复，本页的新工作会替换它。`,
      };
    }
    if (raw === undefined) {
      set({ phase: "keeping" });
      return { kind: "fresh" };
    }
    const { parseSavedWork } = await import(/* webpackChunkName: "persist" */ "./envelope");
    const parsed = await parseSavedWork(raw, opts.version, opts.validate);
    if (!parsed.ok) {
      set({ phase: "keeping" });
      return {
        kind: "unreadable",
        notice: `本机保存的上次工作无法恢复：${parsed.reason}。本页的新工作会替换它。`,
      };
    }
    saved = { state: parsed.state, savedAt: parsed.savedAt, dirty: parsed.dirty };
    set({ phase: "choosing", savedAt: parsed.savedAt });
    return { kind: "saved", saved };
  };

  const keeper: WorkKeeper<S> = {
    start: () => (started ??= begin()),

    async resume(choice) {
      if (status.phase !== "choosing" || !saved) return;
      if (choice === "continue") {
        last = saved.state;
        set({ phase: "keeping", dirty: saved.dirty });
        return;
      }
      last = null;
      set({ phase: "keeping", dirty: false, savedAt: null });
      await write();
    },

    update(state) {
      // before the user has chosen, the app's fresh state must not replace the kept work
      if (status.phase === "starting" || status.phase === "choosing" || state === last) return;
      last = state;
      set({ dirty: !opts.isEmpty(state) });
      // with storage off nothing is written, but the close warning still knows about the change
      if (status.phase === "keeping") schedule();
    },

    flush() {
      if (timer === null) return queue;
      clearTimeout(timer);
      return write();
    },

    markDownloaded() {
      if (!status.dirty) return;
      set({ dirty: false });
      if (status.phase === "keeping" && last !== null) schedule();
    },

    getStatus: () => status,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    attach(win) {
      const beforeUnload = (e: BeforeUnloadEvent) => {
        void keeper.flush();
        if (!status.dirty) return undefined;
        e.preventDefault();
        // older browsers show returnValue; current ones show their own words
        e.returnValue = UNLOAD_WARNING;
        return UNLOAD_WARNING;
      };
      const hidden = () => {
        if (win.document.visibilityState === "hidden") void keeper.flush();
      };
      const pageHide = () => void keeper.flush();
      win.addEventListener("beforeunload", beforeUnload);
      win.addEventListener("pagehide", pageHide);
      win.document.addEventListener("visibilitychange", hidden);
      return () => {
        win.removeEventListener("beforeunload", beforeUnload);
        win.removeEventListener("pagehide", pageHide);
        win.document.removeEventListener("visibilitychange", hidden);
      };
    },
  };
  return keeper;
}
