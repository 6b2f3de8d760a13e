/**
 * openIndexedDbStore on an IndexedDB-shaped fake: the store is created on first open and keeps copies; a browser that
 * refuses storage (open throws, open fails) and a full quota become Chinese messages. The real IndexedDB: the Chromium
 * end-to-end test.
 */
import { openIndexedDbStore } from "../../../src/taskpane/persist/indexedDb";
import { fakeIndexedDb } from "./fakeIndexedDb";

describe("openIndexedDbStore", () => {
  test("creates database huhang v1 with store work, keeps copies, deletes", async () => {
    const idb = fakeIndexedDb();
    const store = await openIndexedDbStore(idb.factory);
    expect(idb.opened).toEqual(["huhang@1"]);
    expect([...idb.databases.get("huhang")!.keys()]).toEqual(["work"]);
    const value = { records: [{ caseName: "工控系统安全评估与整改" }], n: 1 };
    await store.put("current", value);
    value.n = 2;
    expect(await store.get("current")).toEqual({
      records: [{ caseName: "工控系统安全评估与整改" }],
      n: 1,
    });
    await store.delete("current");
    expect(await store.get("current")).toBeUndefined();
    // a second open finds the store: no upgrade, same data
    await store.put("current", { n: 3 });
    expect(await (await openIndexedDbStore(idb.factory)).get("current")).toEqual({ n: 3 });
  });

  test("no IndexedDB at all", async () => {
    await expect(openIndexedDbStore(undefined)).rejects.toThrow(
      "本机浏览器存储不可用：此浏览器没有 IndexedDB"
    );
  });

  test("a browser that refuses storage for the page (open throws SecurityError)", async () => {
    const idb = fakeIndexedDb({
      openThrows: { name: "SecurityError", message: "The operation is insecure." },
    });
    await expect(openIndexedDbStore(idb.factory)).rejects.toThrow(
      "本机浏览器存储不可用：浏览器不允许此页面使用本机存储（例如从本地文件打开、隐私模式或单位策略）（The operation is insecure.）"
    );
  });

  test("an open request that fails (InvalidStateError, as private modes did)", async () => {
    const idb = fakeIndexedDb({
      openFails: { name: "InvalidStateError", message: "A mutation operation was attempted" },
    });
    await expect(openIndexedDbStore(idb.factory)).rejects.toThrow(
      "本机浏览器存储不可用：浏览器不允许此页面使用本机存储（例如隐私模式）（A mutation operation was attempted）"
    );
  });

  test("a write over the quota aborts and says the space is full", async () => {
    const idb = fakeIndexedDb({
      putFails: { name: "QuotaExceededError", message: "Quota exceeded." },
    });
    const store = await openIndexedDbStore(idb.factory);
    await expect(store.put("current", { n: 1 })).rejects.toThrow(
      "在本机保存工作失败：浏览器分配给本页的存储空间已满（Quota exceeded.）"
    );
    expect(await store.get("current")).toBeUndefined();
  });
});
