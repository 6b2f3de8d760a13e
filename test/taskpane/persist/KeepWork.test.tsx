/**
 * The page with its work keeper (App keeper=…): on opening with kept work, the dialog 继续上次的工作 / 重新开始 and
 * what each does to the list and to storage; the notice when the browser keeps nothing; a download clears the
 * "changes not downloaded" flag.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../../src/taskpane/App";
import { KeepWork } from "../../../src/taskpane/persist/KeepWork";
import type { WorkKeeper } from "../../../src/taskpane/persist/keeper";
import { localTime, RestoreDialog } from "../../../src/taskpane/components/RestoreDialog";
import { createAppKeeper, describeAppState } from "../../../src/taskpane/persist/appWork";
import { memoryStore } from "../../../src/taskpane/persist/store";
import { APP_STATE_VERSION } from "../../../src/taskpane/persist/version";
import type { AppState } from "../../../src/taskpane/state/appState";
import { recordingHost } from "../helpers";
import { realState } from "./realState";

const AT = new Date(2024, 11, 20, 9, 30);

function kept(state: AppState, dirty = true) {
  return memoryStore({
    current: {
      format: "huhang-work",
      version: APP_STATE_VERSION,
      savedAt: AT.toISOString(),
      dirty,
      state,
    },
  });
}

const keeping = (keeper: WorkKeeper<AppState>) => ({ keeper, Gate: KeepWork });

let state: AppState;
beforeAll(async () => {
  state = await realState();
});

test("the summary line names what the work holds", () => {
  // zz_list.xlsx's 附件2 sheet fills 三级, 二级, 一级 and 符合性评测; 三级 was typed over (12)
  expect(state.indicators?.values).toEqual({ tier3: 12, tier2: 12, tier1: 40, conformity: 20 });
  expect(describeAppState(state)).toBe(
    `株洲市：推荐列表 ${state.records.length} 个案例，地区指标已填 4 项，评审得分 1 个`
  );
  expect(localTime(AT)).toBe("2024年12月20日 09:30");
});

test("继续上次的工作 restores the list; the kept work stays", async () => {
  const store = kept(state);
  const keeper = createAppKeeper(() => Promise.resolve(store), { delayMs: 5 });
  const { host } = recordingHost("standalone");
  render(<App host={host} persistence={keeping(keeper)} />);
  const dialog = await screen.findByRole("alertdialog", { name: "继续上次的工作？" });
  expect(dialog.textContent).toContain(
    `本机浏览器中保存着 2024年12月20日 09:30 的工作：${describeAppState(state)}。`
  );
  expect(dialog.textContent).toContain("其中有尚未下载的改动。");
  // the fresh app under the dialog shows no rows yet
  expect(screen.getByText(/推荐汇总表现有 0 行/)).toBeTruthy();
  fireEvent.click(within(dialog).getByRole("button", { name: "继续上次的工作" }));
  await screen.findByText(new RegExp(`推荐汇总表现有 ${state.records.length} 行`));
  expect(screen.queryByRole("alertdialog")).toBeNull();
  expect(keeper.getStatus()).toMatchObject({ phase: "keeping", dirty: true });
  await act(() => new Promise((r) => setTimeout(r, 30)));
  expect(store.data.get("current")).toMatchObject({ state });
});

test("重新开始 deletes the kept work and leaves the list empty", async () => {
  const store = kept(state, false);
  const keeper = createAppKeeper(() => Promise.resolve(store), { delayMs: 5 });
  render(<App host={recordingHost("standalone").host} persistence={keeping(keeper)} />);
  const dialog = await screen.findByRole("alertdialog");
  expect(dialog.textContent).not.toContain("尚未下载");
  fireEvent.click(within(dialog).getByRole("button", { name: "重新开始" }));
  await waitFor(() => expect(store.data.size).toBe(0));
  expect(screen.getByText(/推荐汇总表现有 0 行/)).toBeTruthy();
  expect(screen.queryByRole("alertdialog")).toBeNull();
});

test("Escape keeps the work (the safe answer)", async () => {
  const keeper = createAppKeeper(() => Promise.resolve(kept(state)), { delayMs: 5 });
  render(<App host={recordingHost("standalone").host} persistence={keeping(keeper)} />);
  const dialog = await screen.findByRole("alertdialog");
  fireEvent.keyDown(dialog, { key: "Escape" });
  await screen.findByText(new RegExp(`推荐汇总表现有 ${state.records.length} 行`));
});

test("no storage: the page says its work is not kept and works on", async () => {
  const keeper = createAppKeeper(() =>
    Promise.reject(new Error("本机浏览器存储不可用：此浏览器没有 IndexedDB"))
  );
  render(<App host={recordingHost("standalone").host} persistence={keeping(keeper)} />);
  const notice = await screen.findByTestId("keep-work-notice");
  expect(notice.textContent).toBe(
    "本机浏览器存储不可用：此浏览器没有 IndexedDB。本页的工作不会保存在本机：刷新或关闭页面前请先下载结果。"
  );
  expect(screen.queryByRole("alertdialog")).toBeNull();
});

test("a download through the app clears the changes-not-downloaded flag", async () => {
  const keeper = createAppKeeper(() => Promise.resolve(kept(state)), { delayMs: 5 });
  const { host, calls } = recordingHost("standalone");
  render(<App host={host} persistence={keeping(keeper)} />);
  fireEvent.click(await screen.findByRole("button", { name: "继续上次的工作" }));
  await screen.findByText(new RegExp(`推荐汇总表现有 ${state.records.length} 行`));
  expect(keeper.getStatus().dirty).toBe(true);
  fireEvent.click(screen.getByTestId("download-button"));
  await screen.findByText("已生成“株洲市推荐汇总表.xlsx”。", undefined, { timeout: 20000 });
  expect(calls.downloads.map((d) => d.fileName)).toEqual(["株洲市推荐汇总表.xlsx"]);
  expect(keeper.getStatus().dirty).toBe(false);
});

test("the dialog on its own: both buttons, in this order", () => {
  const picks: string[] = [];
  render(
    <RestoreDialog
      open
      savedAt={AT}
      summary="长沙市：推荐列表 12 个案例"
      unsaved={false}
      onContinue={() => picks.push("continue")}
      onRestart={() => picks.push("restart")}
    />
  );
  const buttons = within(screen.getByRole("alertdialog")).getAllByRole("button");
  expect(buttons.map((b) => b.textContent)).toEqual(["继续上次的工作", "重新开始"]);
  fireEvent.click(buttons[1]);
  fireEvent.click(buttons[0]);
  expect(picks).toEqual(["restart", "continue"]);
});
