/** Keeping the page's work in the browser (IndexedDB): see keeper.ts for the controller, KeepWork.tsx for React. */
export { createWorkKeeper, UNLOAD_WARNING } from "./keeper";
export type { KeeperOptions, KeeperStatus, SavedWork, StartResult, WorkKeeper } from "./keeper";
export { KeepWork } from "./KeepWork";
export { useKeepWork, useKeeperStatus } from "./useKeepWork";
export type { KeepWorkProps } from "./KeepWork";
export type { Persistence } from "./appWork";
export { openIndexedDbStore, describeStorageError } from "./indexedDb";
export { memoryStore, type KeyValueStore } from "./store";
export { APP_STATE_VERSION } from "./version";
export { createAppKeeper, describeAppState, isEmptyAppState, trackDownloads } from "./appWork";
