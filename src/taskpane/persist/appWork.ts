/**
 * The keeper of the taskpane's AppState: validated on restore with appStateSchema (loaded on first use, with zod),
 * an empty state is not kept, and the dialog's summary line. trackDownloads marks the work downloaded when a Host
 * hands out a file.
 */
import type { ComponentType } from "react";
import type { Host } from "../../app/host";
import type { KeepWorkProps } from "./KeepWork";
import type { AppState } from "../state/appState";
import { openIndexedDbStore } from "./indexedDb";
import { createWorkKeeper, type WorkKeeper } from "./keeper";
import type { KeyValueStore } from "./store";
import { APP_STATE_VERSION } from "./version";

/** Nothing worth keeping or warning about: no rows, no files, no typed indicators, scores or 附件3 header fields. */
export function isEmptyAppState(s: AppState): boolean {
  const typed = s.indicators
    ? Object.values(s.indicators.values).some((v) => v !== null && v !== undefined)
    : false;
  return (
    s.records.length === 0 &&
    s.pending.length === 0 &&
    s.submissions.length === 0 &&
    Object.keys(s.scores).length === 0 &&
    !typed &&
    !Object.values(s.meta).some((v) => v !== "")
  );
}

/** "长沙市：推荐列表 12 个案例，待确认 2 个文件，地区指标已填 20 项，全省合并 13 个工作簿，评审得分 40 个". */
export function describeAppState(s: AppState): string {
  const parts: string[] = [];
  if (s.records.length > 0) parts.push(`推荐列表 ${s.records.length} 个案例`);
  if (s.pending.length > 0) parts.push(`待确认 ${s.pending.length} 个文件`);
  const typed = s.indicators
    ? Object.values(s.indicators.values).filter((v) => v !== null && v !== undefined).length
    : 0;
  if (typed > 0) parts.push(`地区指标已填 ${typed} 项`);
  if (s.submissions.length > 0) parts.push(`全省合并 ${s.submissions.length} 个工作簿`);
  const scores = Object.keys(s.scores).length;
  if (scores > 0) parts.push(`评审得分 ${scores} 个`);
  const what = parts.length > 0 ? parts.join("，") : "推荐汇总表的表头信息";
  return s.prefecture ? `${s.prefecture}：${what}` : what;
}

/**
 * What App needs to keep the work: the keeper and the restore gate (KeepWork). Passed in by the page's entry, so that
 * the add-in's taskpane, which does not keep work, does not bundle the gate and Fluent's Dialog.
 */
export interface Persistence {
  keeper: WorkKeeper<AppState>;
  Gate: ComponentType<KeepWorkProps<AppState>>;
}

/** The AppState keeper over the browser's IndexedDB (or another store, in tests). */
export function createAppKeeper(
  open: () => Promise<KeyValueStore> = () => openIndexedDbStore(),
  opts: { delayMs?: number; now?: () => Date } = {}
): WorkKeeper<AppState> {
  return createWorkKeeper<AppState>({
    open,
    version: APP_STATE_VERSION,
    validate: async (raw) =>
      (await import(/* webpackChunkName: "persist" */ "./appStateSchema")).parseAppState(raw),
    isEmpty: isEmptyAppState,
    ...opts,
  });
}

/** The same Host, except that a download (or the 推荐名单 opened) marks the work as downloaded. */
export function trackDownloads(
  host: Host,
  keeper: Pick<WorkKeeper<unknown>, "markDownloaded">
): Host {
  return {
    ...host,
    download: async (fileName, bytes) => {
      await host.download(fileName, bytes);
      keeper.markDownloaded();
    },
    openList: async (fileName, bytes) => {
      await host.openList(fileName, bytes);
      keeper.markDownloaded();
    },
  };
}
