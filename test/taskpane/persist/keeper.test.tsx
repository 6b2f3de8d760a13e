/**
 * The work keeper on a store in memory: what it writes and when, what it restores, what it refuses to restore (another
 * version, a damaged state, no storage at all), the dirty flag and the warning before closing.
 */
import { createAppKeeper } from "../../../src/taskpane/persist/appWork";
import { createWorkKeeper } from "../../../src/taskpane/persist/keeper";
import { memoryStore, type KeyValueStore } from "../../../src/taskpane/persist/store";
import { APP_STATE_VERSION } from "../../../src/taskpane/persist/version";
import { initialState, reducer, type AppState } from "../../../src/taskpane/state/appState";
import { realState } from "./realState";

const AT = new Date("2024-12-20T01:30:00Z");
const settle = () => new Promise((r) => setTimeout(r, 30));

function keeperOn(store: KeyValueStore, delayMs = 5) {
  return createAppKeeper(() => Promise.resolve(store), { delayMs, now: () => AT });
}

function saved(state: unknown, over: Record<string, unknown> = {}) {
  return {
    format: "huhang-work",
    version: APP_STATE_VERSION,
    savedAt: AT.toISOString(),
    dirty: true,
    state,
    ...over,
  };
}

describe("work keeper", () => {
  let state: AppState;
  beforeAll(async () => {
    state = await realState();
  });

  test("the real state: 3 rows from a Word form and a workbook, an indicator and a score", () => {
    expect(state.records.map((r) => r.source.file)).toEqual([
      "cs_good.docx",
      ...state.records.slice(1).map(() => "zz_list.xlsx"),
    ]);
    expect(state.records.length).toBeGreaterThan(1);
    expect(state.records[0].form).not.toBeNull();
  });

  test("fresh start: an empty state is not kept; a change is written after the delay, marked dirty", async () => {
    const store = memoryStore();
    const k = keeperOn(store);
    expect(await k.start()).toEqual({ kind: "fresh" });
    k.update(initialState());
    await settle();
    expect(store.data.size).toBe(0);
    expect(k.getStatus()).toMatchObject({ phase: "keeping", dirty: false });

    k.update(state);
    expect(k.getStatus().dirty).toBe(true);
    expect(store.data.size).toBe(0); // not yet: after the delay
    await settle();
    expect(store.data.get("current")).toEqual(saved(state));
    expect(k.getStatus()).toEqual({ phase: "keeping", dirty: true, savedAt: AT, error: null });
  });

  test("a download clears dirty, in memory and in storage; the next change sets it again", async () => {
    const store = memoryStore();
    const k = keeperOn(store);
    await k.start();
    k.update(state);
    await settle();
    k.markDownloaded();
    expect(k.getStatus().dirty).toBe(false);
    await settle();
    expect(store.data.get("current")).toMatchObject({ dirty: false });
    const moved = reducer(state, { type: "moved", from: 0, to: 1 });
    k.update(moved);
    expect(k.getStatus().dirty).toBe(true);
    await k.flush();
    expect(store.data.get("current")).toEqual(saved(moved));
  });

  test("many quick changes make one write, of the last state", async () => {
    const writes: unknown[] = [];
    const inner = memoryStore();
    const store: KeyValueStore = {
      ...inner,
      put: (key, v) => {
        writes.push(v);
        return inner.put(key, v);
      },
    };
    const k = keeperOn(store, 20);
    await k.start();
    let s = state;
    for (const v of [1, 2, 3, 4, 5]) {
      s = reducer(s, { type: "indicatorSet", key: "tier2", value: v });
      k.update(s);
    }
    await new Promise((r) => setTimeout(r, 60));
    expect(writes).toHaveLength(1);
    expect((writes[0] as { state: AppState }).state.indicators?.values.tier2).toBe(5);
  });

  test("saved work is offered, restored as it was, and nothing is written before the choice", async () => {
    const store = memoryStore({ current: saved(state) });
    const k = keeperOn(store);
    const r = await k.start();
    expect(r).toEqual({ kind: "saved", saved: { state, savedAt: AT, dirty: true } });
    // the page renders a fresh app under the dialog: its empty state must not delete the kept work
    k.update(initialState());
    await settle();
    expect(store.data.get("current")).toEqual(saved(state));
    expect(k.getStatus().phase).toBe("choosing");

    await k.resume("continue");
    expect(k.getStatus()).toMatchObject({ phase: "keeping", dirty: true });
    // the app remounted with the saved state: the same state is no change
    if (r.kind !== "saved") throw new Error("saved expected");
    k.update(r.saved.state);
    await settle();
    expect(store.data.get("current")).toEqual(saved(state));
  });

  test("重新开始 deletes the kept work", async () => {
    const store = memoryStore({ current: saved(state, { dirty: false }) });
    const k = keeperOn(store);
    expect((await k.start()).kind).toBe("saved");
    await k.resume("restart");
    expect(store.data.size).toBe(0);
    expect(k.getStatus()).toMatchObject({ phase: "keeping", dirty: false, savedAt: null });
  });

  test("work of another version, a damaged state or something else entirely is not restored", async () => {
    const cases: Array<[unknown, string]> = [
      [
        saved(state, { version: APP_STATE_VERSION + 1 }),
        `本机保存的上次工作无法恢复：保存的工作来自另一版本的护航汇总（数据版本 ${APP_STATE_VERSION + 1}，本页为 ${APP_STATE_VERSION}）。本页的新工作会替换它。`,
      ],
      [
        saved({ ...state, records: [{ ...state.records[0], prefecture: "北京市" }] }),
        "本机保存的上次工作无法恢复：保存的工作已损坏（字段 records.0.prefecture：市州应为湖南省 14 个市州的全称之一）。本页的新工作会替换它。",
      ],
      [
        { hello: "world" },
        "本机保存的上次工作无法恢复：保存的内容不完整（字段 format：不是护航汇总保存的工作；字段 version：",
      ],
    ];
    for (const [raw, notice] of cases) {
      const store = memoryStore({ current: raw });
      const k = keeperOn(store);
      const r = await k.start();
      expect(r.kind).toBe("unreadable");
      expect(r.kind === "unreadable" && r.notice.startsWith(notice)).toBe(true);
      // new work replaces it
      k.update(state);
      await k.flush();
      expect(store.data.get("current")).toEqual(saved(state));
    }
  });

  test("no storage: a Chinese notice, nothing written, and the close warning still tracks changes", async () => {
    const k = createAppKeeper(() =>
      Promise.reject(new Error("本机浏览器存储不可用：此浏览器没有 IndexedDB"))
    );
    expect(await k.start()).toEqual({
      kind: "unavailable",
      notice:
        "本机浏览器存储不可用：此浏览器没有 IndexedDB。本页的工作不会保存在本机：刷新或关闭页面前请先下载结果。",
    });
    k.update(state);
    expect(k.getStatus()).toMatchObject({ phase: "off", dirty: true });
    await k.flush();
  });

  test("a failed write is reported in the status and retried with the next change", async () => {
    let fail = true;
    const inner = memoryStore();
    const store: KeyValueStore = {
      ...inner,
      put: (key, v) =>
        fail
          ? Promise.reject(new Error("在本机保存工作失败：浏览器分配给本页的存储空间已满"))
          : inner.put(key, v),
    };
    const k = keeperOn(store);
    await k.start();
    k.update(state);
    await k.flush();
    expect(k.getStatus().error).toBe("在本机保存工作失败：浏览器分配给本页的存储空间已满");
    fail = false;
    const next = reducer(state, { type: "indicatorSet", key: "tier1", value: 3 });
    k.update(next);
    await k.flush();
    expect(k.getStatus().error).toBeNull();
    expect(inner.data.get("current")).toEqual(saved(next));
  });

  test("beforeunload warns only with changes not downloaded; hiding the page writes at once", async () => {
    const store = memoryStore();
    const k = keeperOn(store, 60_000);
    await k.start();
    const detach = k.attach(window);
    const unload = () => {
      const e = new Event("beforeunload", { cancelable: true }) as BeforeUnloadEvent;
      window.dispatchEvent(e);
      // jsdom's Event has the legacy boolean returnValue: the browser's BeforeUnloadEvent text is not checked here
      return { prevented: e.defaultPrevented };
    };
    expect(unload().prevented).toBe(false);
    k.update(state);
    expect(unload()).toEqual({ prevented: true });
    // the long delay has not passed; pagehide writes now
    window.dispatchEvent(new Event("pagehide"));
    await settle();
    expect(store.data.get("current")).toEqual(saved(state));
    k.markDownloaded();
    expect(unload().prevented).toBe(false);
    detach();
    k.update(reducer(state, { type: "indicatorSet", key: "tier1", value: 9 }));
    expect(unload().prevented).toBe(false);
  });

  test("start is asked once: a second call gives the same answer without reading again", async () => {
    let opens = 0;
    const k = createWorkKeeper<AppState>({
      open: () => {
        opens++;
        return Promise.resolve(memoryStore());
      },
      version: 1,
      validate: (s) => s as AppState,
      isEmpty: () => false,
    });
    const [a, b] = await Promise.all([k.start(), k.start()]);
    expect(a).toBe(b);
    expect(opens).toBe(1);
  });
});
