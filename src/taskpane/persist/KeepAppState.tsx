/** Inside AppProvider: hands the app's state to the keeper on every change. Renders nothing. */
import { useApp } from "../AppContext";
import type { AppState } from "../state/appState";
import type { WorkKeeper } from "./keeper";
import { useKeepWork } from "./useKeepWork";

export function KeepAppState({ keeper }: { keeper: WorkKeeper<AppState> }) {
  const { state } = useApp();
  useKeepWork(keeper, state);
  return null;
}
