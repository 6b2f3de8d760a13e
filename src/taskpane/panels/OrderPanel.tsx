/**
 * 推荐顺序: the rows of the 推荐汇总表 in recommendation order, and the lines around the table. Move a row up or down
 * (buttons, keyboard) or drag it; remove one (撤销 brings it back where it was); 序号 renumbers, and the host rewrites
 * the sheets before the new list is kept. The button pressed keeps the focus, on the row's new place.
 */
import { Button, mergeClasses, Text } from "@fluentui/react-components";
import { useLayoutEffect, useRef, useState } from "react";
import { useApp } from "../AppContext";
import { sourceKey } from "../../core/identity";
import { findingsByRecord } from "../../core/recordRow";
import { ListMeta } from "../components/ListMeta";
import { useRowTarget } from "../nav";
import { reducer, type Action } from "../state/appState";
import { prefectureView } from "../state/views";
import { usePanelStyles } from "../styles";

export function OrderPanel() {
  const styles = usePanelStyles();
  const { state, dispatch, host, perform, busy, setStatus } = useApp();
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const focusAfter = useRef<{ row: number; button: "up" | "down" } | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const targetKey = useRowTarget("order", table);
  const view = prefectureView(state);
  const own = findingsByRecord(view.records, view.findings);
  const flagged = new Set(
    view.records.filter((_, i) => own[i].some((f) => f.severity === "error"))
  );

  // after a move, the same button of the row's new place gets the focus (or the other one at an end)
  useLayoutEffect(() => {
    const want = focusAfter.current;
    if (!want || !table.current) return;
    focusAfter.current = null;
    const row = table.current.querySelectorAll("tbody tr")[want.row];
    const buttons = row?.querySelectorAll<HTMLButtonElement>("button[data-move]");
    const pick = [...(buttons ?? [])].find((b) => b.dataset.move === want.button && !b.disabled);
    (pick ?? [...(buttons ?? [])].find((b) => !b.disabled))?.focus();
  });

  /** Show the list as it will be after the action, then keep it. */
  const apply = (label: string, action: Action, after?: () => void) =>
    perform(label, async () => {
      const next = reducer(state, action);
      if (next === state) return;
      await host.showPrefecture(prefectureView(next));
      dispatch(action);
      after?.();
    });

  const move = (from: number, to: number, button?: "up" | "down") =>
    apply("调整推荐顺序", { type: "moved", from, to }, () => {
      if (button) focusAfter.current = { row: to, button };
    });

  const lastRemoved = state.removed[0];
  return (
    <section className={styles.panel} aria-label="推荐顺序">
      <ListMeta
        meta={view.meta}
        disabled={busy !== null}
        onCommit={(field, value) =>
          void apply("更新推荐汇总表表头表尾", { type: "metaSet", field, value })
        }
      />
      {lastRemoved ? (
        <div className={styles.row}>
          <Text size={200}>已移除“{lastRemoved.record.caseName}”。</Text>
          <Button
            size="small"
            disabled={busy !== null}
            onClick={() =>
              void apply("撤销移除", { type: "restored" }, () =>
                setStatus({ kind: "success", text: `已恢复“${lastRemoved.record.caseName}”。` })
              )
            }
          >
            撤销移除
          </Button>
        </div>
      ) : null}
      {view.records.length === 0 ? (
        <Text>还没有推荐案例：请先在“导入申报”中导入申报表或汇总表。</Text>
      ) : (
        <>
          <Text size={200} className={styles.muted}>
            按推荐顺序排列。用“上移”“下移”或拖动调整，序号自动重排；“移除”可撤销。
          </Text>
          <div className={styles.tableWrap}>
            <table className={styles.table} aria-label="推荐顺序" ref={table}>
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">案例名称 / 企业名称</th>
                  <th scope="col">调整</th>
                </tr>
              </thead>
              <tbody>
                {view.records.map((r, i) => (
                  <tr
                    key={`${sourceKey(r.source)}#${i}`}
                    data-testid="order-row"
                    data-row-key={sourceKey(r.source)}
                    tabIndex={-1}
                    draggable={busy === null}
                    onDragStart={() => setDragFrom(i)}
                    onDragOver={(e) => e.preventDefault()}
                    onDrop={(e) => {
                      e.preventDefault();
                      if (dragFrom !== null) void move(dragFrom, i);
                      setDragFrom(null);
                    }}
                    className={mergeClasses(
                      flagged.has(r) && styles.flagged,
                      targetKey === sourceKey(r.source) && styles.target
                    )}
                    aria-current={targetKey === sourceKey(r.source) ? "location" : undefined}
                  >
                    <td className={styles.num}>{r.order}</td>
                    <td>
                      {r.caseName}
                      <br />
                      <span className={styles.muted}>{r.enterprise}</span>
                    </td>
                    <td>
                      <div className={styles.buttons}>
                        <Button
                          size="small"
                          className={styles.compactButton}
                          data-move="up"
                          disabled={busy !== null || i === 0}
                          aria-label={`上移第 ${r.order} 行：${r.caseName}`}
                          onClick={() => move(i, i - 1, "up")}
                        >
                          上移
                        </Button>
                        <Button
                          size="small"
                          className={styles.compactButton}
                          data-move="down"
                          disabled={busy !== null || i === view.records.length - 1}
                          aria-label={`下移第 ${r.order} 行：${r.caseName}`}
                          onClick={() => move(i, i + 1, "down")}
                        >
                          下移
                        </Button>
                        <Button
                          size="small"
                          appearance="subtle"
                          className={styles.compactButton}
                          disabled={busy !== null}
                          aria-label={`移除第 ${r.order} 行：${r.caseName}`}
                          onClick={() =>
                            void apply("移除案例", { type: "removed", index: i }, () =>
                              setStatus({
                                kind: "info",
                                text: `已移除“${r.caseName}”，可点“撤销移除”恢复。`,
                              })
                            )
                          }
                        >
                          移除
                        </Button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
