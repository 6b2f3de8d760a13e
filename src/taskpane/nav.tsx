/**
 * Which panel is shown, and the row a panel should bring into view: 问题清单 on the page (no Excel to select a cell
 * in) sends a finding's case to 推荐顺序 or 全省合并, which scroll to its row and mark it. Switching panels by the tabs
 * forgets the status line of the panel left behind and any marked row.
 */
import { createContext, useContext, useLayoutEffect, useRef, type RefObject } from "react";

export type PanelId = "import" | "order" | "findings" | "indicators" | "province";

/** A row to show: the panel and the row's data-row-key (the record's sourceKey). */
export interface RowTarget {
  panel: PanelId;
  rowKey: string;
}

export interface Nav {
  panel: PanelId;
  /** Show a panel (the tabs do this); with a target, the panel scrolls to that row and marks it. */
  show: (panel: PanelId, target?: RowTarget) => void;
  target: RowTarget | null;
}

const NavCtx = createContext<Nav | null>(null);
export const NavProvider = NavCtx.Provider;

export function useNav(): Nav {
  const v = useContext(NavCtx);
  if (!v) throw new Error("useNav 必须在 NavProvider 内使用");
  return v;
}

/**
 * The key of this panel's marked row, if any; once the rows are in the page, the marked one is scrolled to the middle
 * of the view and takes the focus (its row has tabIndex -1), so a screen reader reads the case that was asked for.
 */
export function useRowTarget(
  panel: PanelId,
  container: RefObject<HTMLElement | null>
): string | null {
  const { target } = useNav();
  const rowKey = target?.panel === panel ? target.rowKey : null;
  const done = useRef<RowTarget | null>(null);
  useLayoutEffect(() => {
    if (!rowKey || !container.current || done.current === target) return;
    const row = [...container.current.querySelectorAll<HTMLElement>("[data-row-key]")].find(
      (el) => el.dataset.rowKey === rowKey
    );
    if (!row) return;
    done.current = target;
    row.scrollIntoView?.({ block: "center" });
    row.focus({ preventScroll: true });
  });
  return rowKey;
}
