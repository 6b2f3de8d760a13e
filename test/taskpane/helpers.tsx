/** Shared helpers of the taskpane component tests: a Host that records every call, rendering, fixture files. */
import { render, waitFor } from "@testing-library/react";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../../src/core/findings";
import type { MergeResult } from "../../src/core/merge";
import type { IndicatorValues } from "../../src/core/model";
import { App, type PanelId } from "../../src/taskpane/App";
import type { Host, PrefectureState } from "../../src/app/host";
import type { AppState } from "../../src/taskpane/state/appState";

export interface HostCalls {
  prefecture: PrefectureState[];
  indicators: Array<IndicatorValues | null>;
  province: MergeResult[];
  selected: Finding[];
  downloads: Array<{ fileName: string; bytes: Uint8Array }>;
  lists: Array<{ fileName: string; bytes: Uint8Array }>;
}

export function recordingHost(
  kind: Host["kind"],
  over: Partial<Host> = {}
): { host: Host; calls: HostCalls } {
  const calls: HostCalls = {
    prefecture: [],
    indicators: [],
    province: [],
    selected: [],
    downloads: [],
    lists: [],
  };
  const host: Host = {
    kind,
    saves: "download",
    showPrefecture: async (s) => void calls.prefecture.push(s),
    showIndicators: async (_p, v) => void calls.indicators.push(v),
    showProvince: async (r) => {
      calls.province.push(r);
      return null;
    },
    readScores: async () => [],
    selectFinding: async (f) => {
      calls.selected.push(f);
      return kind === "excel";
    },
    openList: async (fileName, bytes) => void calls.lists.push({ fileName, bytes }),
    download: async (fileName, bytes) => void calls.downloads.push({ fileName, bytes }),
    ...over,
  };
  return { host, calls };
}

/** Render the app and wait until its panel (loaded on first show) is there. */
export async function renderApp(host: Host, initialPanel: PanelId = "import", initial?: AppState) {
  const view = render(<App host={host} initialPanel={initialPanel} initial={initial} />);
  await waitFor(() =>
    expect(view.container.querySelector('[role="tabpanel"] section')).not.toBeNull()
  );
  return view;
}

const FIXTURES = path.join(__dirname, "fixtures");

/** A File as the browser gives it for a picked fixture (name is the base name, as in a real file input). */
export function fixtureFile(relative: string): File {
  const bytes = readFileSync(path.join(FIXTURES, relative));
  return new File([bytes], path.basename(relative));
}

export function bytesFile(name: string, bytes: Uint8Array): File {
  return new File([bytes.slice().buffer as ArrayBuffer], name);
}

/** The text a user sees in an element, whitespace collapsed. */
export function text(el: Element): string {
  return (el.textContent ?? "").replace(/\s+/g, " ").trim();
}
