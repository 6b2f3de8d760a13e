/**
 * The KeyValueStore on the browser's own IndexedDB: one database ("huhang"), one object store ("work"), keys chosen by
 * the caller. Nothing leaves the machine. Where IndexedDB is missing or refused (some file:// pages, private modes,
 * locked-down profiles) openIndexedDbStore rejects with a Chinese message saying so; the keeper then keeps nothing
 * and the page says that its work is not kept.
 */
import { errorMessage } from "../../core/errors";
import type { KeyValueStore } from "./store";

export const DB_NAME = "huhang";
export const STORE_NAME = "work";
const OPEN_TIMEOUT_MS = 5000;

/** What a DOMException of IndexedDB means to a clerk, with the browser's own words after it. */
export function describeStorageError(e: unknown): string {
  const name = e && typeof e === "object" && "name" in e ? String(e.name) : "";
  const own = errorMessage(e);
  const meaning: Record<string, string> = {
    QuotaExceededError: "浏览器分配给本页的存储空间已满",
    SecurityError: "浏览器不允许此页面使用本机存储（例如从本地文件打开、隐私模式或单位策略）",
    InvalidStateError: "浏览器不允许此页面使用本机存储（例如隐私模式）",
    DataCloneError: "工作内容中有无法保存的数据",
    VersionError: "本机保存的工作来自更新版本的护航汇总",
  };
  return meaning[name] ? `${meaning[name]}（${own}）` : own;
}

/** Run one request in its own transaction; resolves when the transaction has committed. */
function inTransaction<T>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  act: (store: IDBObjectStore) => IDBRequest<T>
): Promise<T> {
  return new Promise((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(STORE_NAME, mode);
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    let result: T;
    const req = act(tx.objectStore(STORE_NAME));
    req.onsuccess = () => (result = req.result);
    tx.oncomplete = () => resolve(result);
    // a failed request aborts the transaction: report the request's error (e.g. QuotaExceededError), else the abort's
    tx.onabort = () => reject(req.error ?? tx.error ?? new Error("IndexedDB 事务被中止"));
    tx.onerror = () => undefined;
  });
}

/**
 * Open (creating on first use) the page's store. Rejects with "本机浏览器存储不可用：…" when the browser has no
 * IndexedDB, refuses it, or does not answer within 5 s.
 */
export function openIndexedDbStore(
  factory: IDBFactory | undefined = typeof indexedDB === "undefined" ? undefined : indexedDB,
  name: string = DB_NAME
): Promise<KeyValueStore> {
  const unavailable = (why: string) => new Error(`本机浏览器存储不可用：${why}`);
  if (!factory) return Promise.reject(unavailable("此浏览器没有 IndexedDB"));
  return new Promise<IDBDatabase>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(unavailable("浏览器在 5 秒内没有打开 IndexedDB")),
      OPEN_TIMEOUT_MS
    );
    const done = (fn: () => void) => {
      clearTimeout(timer);
      fn();
    };
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(name, 1);
    } catch (e) {
      // Firefox and others throw SecurityError / InvalidStateError where storage is not allowed
      done(() => reject(unavailable(describeStorageError(e))));
      return;
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE_NAME)) db.createObjectStore(STORE_NAME);
    };
    req.onsuccess = () => done(() => resolve(req.result));
    req.onerror = () =>
      done(() => reject(unavailable(describeStorageError(req.error ?? "打开数据库失败"))));
    req.onblocked = () =>
      done(() => reject(unavailable("另一个标签页中的旧版本护航汇总占用着存储，请关闭它后刷新")));
  }).then((db) => {
    // another tab opening a newer version asks us to let go
    db.onversionchange = () => db.close();
    const wrap = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
      try {
        return await run();
      } catch (e) {
        throw new Error(`${what}失败：${describeStorageError(e)}`);
      }
    };
    return {
      get: (key) =>
        wrap("读取本机保存的工作", () => inTransaction(db, "readonly", (s) => s.get(key))),
      put: (key, value) =>
        wrap("在本机保存工作", () =>
          inTransaction(db, "readwrite", (s) => s.put(value, key)).then(() => undefined)
        ),
      delete: (key) =>
        wrap("删除本机保存的工作", () => inTransaction(db, "readwrite", (s) => s.delete(key))),
    };
  });
}
