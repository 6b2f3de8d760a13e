/**
 * Where the page keeps its work: a tiny key–value interface over the browser's IndexedDB (indexedDb.ts), so that the
 * keeper (keeper.ts) is tested on a store in memory and the real IndexedDB in the browser end-to-end test.
 */
export interface KeyValueStore {
  /** The value kept under `key` (a structured clone), or undefined. */
  get(key: string): Promise<unknown>;
  /** Keep `value` (structured-cloneable: plain objects, arrays, strings, numbers, booleans, null). */
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A store in memory (tests; a page that may not keep anything). Values are copied in and out, as IndexedDB does. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & {
  readonly data: Map<string, unknown>;
} {
  const copy = (v: unknown): unknown =>
    v === undefined
      ? undefined
      : typeof structuredClone === "function"
        ? structuredClone(v)
        : (JSON.parse(JSON.stringify(v)) as unknown);
  const data = new Map<string, unknown>(Object.entries(initial).map(([k, v]) => [k, copy(v)]));
  return {
    data,
    get: (key) => Promise.resolve(copy(data.get(key))),
    put: (key, value) => {
      data.set(key, copy(value));
      return Promise.resolve();
    },
    delete: (key) => {
      data.delete(key);
      return Promise.resolve();
    },
  };
}
