/**
 * A tiny in-memory IndexedDB of the shape openIndexedDbStore uses (factory.open → request with onupgradeneeded /
 * onsuccess / onerror; db.transaction → objectStore get / put / delete requests; the transaction's oncomplete /
 * onabort), each answer on a later task as browsers give them. It can refuse to open (as Firefox does where storage is
 * not allowed) or fail a write (a full quota), so the adapter's error paths run in jsdom. The real IndexedDB runs in
 * the Chromium end-to-end test (test/e2e/huhangPage.test.ts).
 */
interface Req {
  result: unknown;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
  onupgradeneeded?: (() => void) | null;
  onblocked?: (() => void) | null;
}

export interface FakeIdbOptions {
  /** factory.open throws this (e.g. a SecurityError). */
  openThrows?: { name: string; message: string };
  /** The open request fails with this. */
  openFails?: { name: string; message: string };
  /** Every put fails with this and aborts its transaction (e.g. QuotaExceededError). */
  putFails?: { name: string; message: string };
}

const later = (fn: () => void) => setTimeout(fn, 0);
// jsdom has no structuredClone; the states kept are plain JSON data
const clone = (v: unknown): unknown =>
  v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown);

function domError(e: { name: string; message: string }): Error {
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}

export function fakeIndexedDb(opts: FakeIdbOptions = {}) {
  const databases = new Map<string, Map<string, Map<string, unknown>>>();
  const opened: string[] = [];
  const factory = {
    open(name: string, version: number) {
      if (opts.openThrows) throw domError(opts.openThrows);
      opened.push(`${name}@${version}`);
      const req: Req = { result: undefined, error: null, onsuccess: null, onerror: null };
      later(() => {
        if (opts.openFails) {
          req.error = domError(opts.openFails);
          req.onerror?.();
          return;
        }
        const isNew = !databases.has(name);
        const stores = databases.get(name) ?? new Map<string, Map<string, unknown>>();
        databases.set(name, stores);
        req.result = database(stores);
        if (isNew) req.onupgradeneeded?.();
        req.onsuccess?.();
      });
      return req;
    },
  };

  function database(stores: Map<string, Map<string, unknown>>) {
    return {
      onversionchange: null as (() => void) | null,
      close: () => undefined,
      objectStoreNames: { contains: (n: string) => stores.has(n) },
      createObjectStore: (n: string) => stores.set(n, new Map()),
      transaction(storeName: string) {
        const data = stores.get(storeName);
        if (!data) throw domError({ name: "NotFoundError", message: `no store ${storeName}` });
        const tx = {
          error: null as unknown,
          oncomplete: null as (() => void) | null,
          onabort: null as (() => void) | null,
          onerror: null as (() => void) | null,
          objectStore: () => ({
            get: (key: string) => request(tx, () => clone(data.get(key))),
            put: (value: unknown, key: string) =>
              request(tx, () => {
                if (opts.putFails) throw domError(opts.putFails);
                data.set(key, clone(value));
                return key;
              }),
            delete: (key: string) => request(tx, () => void data.delete(key)),
          }),
        };
        return tx;
      },
    };
  }

  function request(
    tx: { error: unknown; oncomplete: (() => void) | null; onabort: (() => void) | null },
    run: () => unknown
  ): Req {
    const req: Req = { result: undefined, error: null, onsuccess: null, onerror: null };
    later(() => {
      try {
        req.result = run();
      } catch (e) {
        req.error = e;
        tx.error = e;
        req.onerror?.();
        tx.onabort?.();
        return;
      }
      req.onsuccess?.();
      later(() => tx.oncomplete?.());
    });
    return req;
  }

  return { factory: factory as unknown as IDBFactory, databases, opened };
}
