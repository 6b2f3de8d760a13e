/**
 * The keeper in React. <KeepWork> starts the keeper once, asks 继续上次的工作 / 重新开始 when work was kept
 * (RestoreDialog), shows a notice when the browser keeps nothing or the kept work cannot be restored, and renders its
 * children with the state to begin with (remounted with the saved state on 继续). useKeepWork(keeper, state)
 * (useKeepWork.ts), placed inside the app, hands every new state to the keeper. The app gets this component passed in
 * (App's persistence prop): only the standalone page bundles it with Fluent's Dialog.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import { RestoreDialog } from "../components/RestoreDialog";
import type { SavedWork, WorkKeeper } from "./keeper";

const useStyles = makeStyles({
  notice: {
    margin: `${tokens.spacingVerticalXS} auto`,
    maxWidth: "960px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}`,
    overflowWrap: "anywhere",
  },
});

export interface KeepWorkProps<S> {
  keeper: WorkKeeper<S>;
  /** One line saying what a saved state holds, for the dialog. */
  describe: (state: S) => string;
  /** The app, given the state to begin with (undefined: a fresh start) and a key that changes on restore. */
  children: (initial: S | undefined, generation: number) => ReactNode;
}

export function KeepWork<S>({ keeper, describe, children }: KeepWorkProps<S>) {
  const styles = useStyles();
  const [asking, setAsking] = useState<SavedWork<S> | null>(null);
  // the dialog closes through Fluent (open=false), never by unmounting it open: unmounted open, its modal layer could
  // leave aria-hidden on the page behind it (seen in Chromium under load)
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [initial, setInitial] = useState<{ state: S | undefined; generation: number }>({
    state: undefined,
    generation: 0,
  });

  useEffect(() => {
    let live = true;
    void keeper.start().then((r) => {
      if (!live) return;
      if (r.kind === "saved") {
        setAsking(r.saved);
        setOpen(true);
      } else if (r.kind !== "fresh") setNotice(r.notice);
    });
    return () => {
      live = false;
    };
  }, [keeper]);

  useEffect(() => keeper.attach(window), [keeper]);

  const choose = (choice: "continue" | "restart") => {
    const saved = asking;
    if (!open) return;
    setOpen(false);
    void keeper.resume(choice);
    if (choice === "continue" && saved)
      setInitial((g) => ({ state: saved.state, generation: g.generation + 1 }));
  };

  return (
    <>
      {notice ? (
        <div className={styles.notice} role="status" data-testid="keep-work-notice">
          {notice}
        </div>
      ) : null}
      {children(initial.state, initial.generation)}
      {asking ? (
        <RestoreDialog
          open={open}
          savedAt={asking.savedAt}
          summary={describe(asking.state)}
          unsaved={asking.dirty}
          onContinue={() => choose("continue")}
          onRestart={() => choose("restart")}
        />
      ) : null}
    </>
  );
}
