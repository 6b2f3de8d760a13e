/**
 * 推荐顺序: the rows of the 推荐汇总表 in recommendation order. Move a row up or down (buttons, keyboard) or drag it;
 * 序号 renumbers, and the host rewrites the sheets before the new order is kept.
 */
import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useApp } from "../AppContext";
import { sourceKey } from "../../core/identity";
import { findingsByRecord } from "../../core/recordRow";
import { reducer } from "../state/appState";
import { prefectureView } from "../state/views";
import { usePanelStyles } from "../styles";

export function OrderPanel() {
  const styles = usePanelStyles();
  const { state, dispatch, host, perform, busy } = useApp();
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const view = prefectureView(state);
  const own = findingsByRecord(view.records, view.findings);
  const flagged = new Set(
    view.records.filter((_, i) => own[i].some((f) => f.severity === "error"))
  );

  const move = (from: number, to: number) =>
    perform("调整推荐顺序", async () => {
      const next = reducer(state, { type: "moved", from, to });
      if (next === state) return;
      await host.showPrefecture(prefectureView(next));
      dispatch({ type: "moved", from, to });
    });

  if (view.records.length === 0) {
    return (
      <section className={styles.panel} aria-label="推荐顺序">
        <Text>还没有推荐案例：请先在“导入申报”中导入申报表或汇总表。</Text>
      </section>
    );
  }
  return (
    <section className={styles.panel} aria-label="推荐顺序">
      <Text size={200} className={styles.muted}>
        按推荐顺序排列。用“上移”“下移”或拖动调整，序号自动重排。
      </Text>
      <div className={styles.tableWrap}>
        <table className={styles.table} aria-label="推荐顺序">
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
                draggable={busy === null}
                onDragStart={() => setDragFrom(i)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => {
                  e.preventDefault();
                  if (dragFrom !== null) void move(dragFrom, i);
                  setDragFrom(null);
                }}
                className={flagged.has(r) ? styles.flagged : undefined}
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
                      disabled={busy !== null || i === 0}
                      aria-label={`上移第 ${r.order} 行：${r.caseName}`}
                      onClick={() => move(i, i - 1)}
                    >
                      上移
                    </Button>
                    <Button
                      size="small"
                      className={styles.compactButton}
                      disabled={busy !== null || i === view.records.length - 1}
                      aria-label={`下移第 ${r.order} 行：${r.caseName}`}
                      onClick={() => move(i, i + 1)}
                    >
                      下移
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
