/**
 * 问题清单: every finding of the current work (the province's merge when there is one, else the clerk's list).
 * Choosing one selects its cell in Excel; in a browser it says where to look.
 */
import { Button, Text } from "@fluentui/react-components";
import { describeLocation, type Finding } from "../../core/findings";
import { useApp } from "../AppContext";
import { FindingLine } from "../components/FindingLine";
import { prefectureView, provinceView } from "../state/views";
import { usePanelStyles } from "../styles";

export function FindingsPanel() {
  const styles = usePanelStyles();
  const { state, host, perform, busy, setStatus } = useApp();
  const province = provinceView(state);
  const findings: Finding[] = province ? province.findings : prefectureView(state).findings;
  const errors = findings.filter((f) => f.severity === "error").length;

  const choose = (f: Finding) =>
    perform("定位问题", async () => {
      const selected = await host.selectFinding(f);
      setStatus({
        kind: "info",
        text: selected
          ? `已选中：${describeLocation(f)}`
          : `请在原文件中查看：${describeLocation(f)}`,
      });
    });

  return (
    <section className={styles.panel} aria-label="问题清单">
      <Text>
        {province ? "全省合并" : "本市州推荐汇总表"}：共 {findings.length} 个问题，其中错误 {errors}{" "}
        个。
        {host.kind === "excel" ? "点选问题可在工作表中定位。" : ""}
      </Text>
      {findings.length === 0 ? (
        <Text data-testid="findings-list">没有发现问题。</Text>
      ) : (
        <ol className={styles.list} data-testid="findings-list" aria-label="问题清单">
          {findings.map((f, i) => (
            <li key={i} className={styles.card}>
              <FindingLine finding={f} />
              <div>
                <Button
                  size="small"
                  appearance="subtle"
                  disabled={busy !== null}
                  onClick={() => choose(f)}
                  aria-label={`定位第 ${i + 1} 个问题：${describeLocation(f)}`}
                >
                  定位
                </Button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
