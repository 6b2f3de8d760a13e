/**
 * On opening in Excel: the pane resumes from what the workbook already holds (Host.resume), so that the next action
 * updates the clerk's sheets instead of overwriting them from an empty list. Runs once, only while the pane's work is
 * empty (a pane with work of its own is never silently replaced), as an action of its own (the buttons wait for it),
 * and says in the status line what it read — or, when Excel refused a read, that nothing was read and what to do.
 */
import { useEffect, useRef } from "react";
import type { ResumedWork } from "../app/host";
import { errorMessage } from "../core/errors";
import { useApp } from "./AppContext";
import { isEmptyAppState } from "./persist/appWork";
import { reducer, type Action, type AppState } from "./state/appState";

export function ResumeFromWorkbook() {
  const { state, dispatch, host, perform, setStatus } = useApp();
  const started = useRef(false);
  const current = useRef<AppState>(state);
  current.current = state;
  useEffect(() => {
    if (started.current || !host.resume) return;
    started.current = true;
    if (!isEmptyAppState(current.current)) return;
    const resume = host.resume.bind(host);
    void perform("读取本工作簿", async () => {
      let work: ResumedWork | null;
      try {
        work = await resume();
      } catch (e) {
        setStatus({
          kind: "error",
          text: `未能读取本工作簿中已有的推荐列表：${errorMessage(e).replace(/[。.]$/, "")}。工作表未改动，页面中的列表为空：此时导入或调整会按空列表改写工作表，请先关闭并重新打开任务窗格再试。`,
        });
        return;
      }
      // the buttons wait for this action; a pane that got work meanwhile keeps it
      if (!work || !isEmptyAppState(current.current)) return;
      const action: Action = { type: "resumed", work };
      current.current = reducer(current.current, action);
      dispatch(action);
      // the sentence saying what was read comes in a chunk of its own: the page, which never resumes, never loads it
      const { resumedText } = await import(
        /* webpackChunkName: "excel-resume-pane" */ "./resumedText"
      );
      setStatus({ kind: "success", text: resumedText(work) });
    });
  }, [host, perform, dispatch, setStatus]);
  return null;
}
