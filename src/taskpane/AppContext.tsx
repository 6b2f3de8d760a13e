/**
 * What every panel shares: the state and its dispatch, the Host, and `perform`, which runs one user action, shows
 * its progress and turns any failure into a Chinese message while the state stays as it was.
 */
import { errorMessage } from "../core/errors";
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useReducer,
  useState,
  type ReactNode,
} from "react";
import type { Host } from "../app/host";
import { initialState, reducer, type Action, type AppState } from "./state/appState";

export interface Status {
  kind: "info" | "success" | "error";
  text: string;
}

export interface AppContextValue {
  state: AppState;
  dispatch: (action: Action) => void;
  host: Host;
  status: Status | null;
  setStatus: (status: Status | null) => void;
  /** The label of the action under way, or null. */
  busy: string | null;
  /**
   * Run an action: its label shows while it runs; an error becomes "<label>失败：…" (the host's message says what
   * the workbook holds) and the state stays as it was.
   */
  perform: (label: string, action: () => Promise<void>) => Promise<void>;
}

const Ctx = createContext<AppContextValue | null>(null);

export interface AppProviderProps {
  host: Host;
  initial?: AppState;
  initialStatus?: Status | null;
  children: ReactNode;
}

export function AppProvider({ host, initial, initialStatus = null, children }: AppProviderProps) {
  const [state, dispatch] = useReducer(reducer, initial ?? initialState());
  const [status, setStatus] = useState<Status | null>(initialStatus);
  const [busy, setBusy] = useState<string | null>(null);
  const perform = useCallback(async (label: string, action: () => Promise<void>) => {
    setBusy(label);
    setStatus(null);
    try {
      await action();
    } catch (e) {
      setStatus({
        kind: "error",
        // the host's own message says what the workbook now holds; the list in the page is as it was
        text: `${label}失败：${errorMessage(e).replace(/[。.]$/, "")}。页面中的列表未改动，可修正后重试。`,
      });
    } finally {
      setBusy(null);
    }
  }, []);
  const value = useMemo(
    () => ({ state, dispatch, host, status, setStatus, busy, perform }),
    [state, host, status, busy, perform]
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useApp(): AppContextValue {
  const v = useContext(Ctx);
  if (!v) throw new Error("useApp 必须在 AppProvider 内使用");
  return v;
}
