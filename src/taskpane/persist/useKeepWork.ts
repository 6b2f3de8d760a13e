/** The keeper in React hooks, apart from the restore UI (KeepWork.tsx), so that the app itself stays light. */
import { useEffect, useSyncExternalStore } from "react";
import type { KeeperStatus, WorkKeeper } from "./keeper";

/** Hand every new state to the keeper (it ignores the same state twice and anything before the user has chosen). */
export function useKeepWork<S>(keeper: WorkKeeper<S> | undefined, state: S): void {
  useEffect(() => {
    keeper?.update(state);
  }, [keeper, state]);
}

/** The keeper's status (dirty, saved at, last storage error), re-rendering when it changes. */
export function useKeeperStatus<S>(keeper: WorkKeeper<S>): KeeperStatus {
  return useSyncExternalStore(keeper.subscribe, keeper.getStatus, keeper.getStatus);
}
