/**
 * 地区指标: the prefecture's 附件2 indicators — read from an imported workbook or typed here — and the button that
 * fills or refreshes the indicator sheet (in Excel its formulas use the HUHANG functions).
 */
import { Button, Input, Label, Text } from "@fluentui/react-components";
import { INDICATOR_DEFS } from "../../core/indicatorDefs";
import { deriveIndicators } from "../../core/indicators";
import { parseLooseNumber } from "../../core/text";
import { useApp } from "../AppContext";
import { usePanelStyles } from "../styles";
import { ANNEX2_SHEET } from "../../sheets/indicators";

function percent(v: number | null): string {
  return v === null ? "无数据" : `${(v * 100).toFixed(1)}%`;
}

export function IndicatorsPanel() {
  const styles = usePanelStyles();
  const { state, dispatch, host, perform, busy, setStatus } = useApp();
  const values = state.indicators?.values ?? {};
  // typed text stays as typed; a newly imported workbook re-creates the fields with its values
  const source = state.indicators?.source.file ?? "";
  const derived = deriveIndicators(state.indicators ? [state.indicators] : []);

  const write = () =>
    perform("写入地区指标", async () => {
      await host.showIndicators(state.prefecture, state.indicators);
      setStatus({
        kind: "success",
        text: `已填写“${ANNEX2_SHEET}”工作表${state.prefecture ? `（${state.prefecture}）` : ""}。`,
      });
    });

  return (
    <section className={styles.panel} aria-label="地区指标">
      <Text size={200} className={styles.muted}>
        附件2 成效突出地区指标{state.prefecture ? `：${state.prefecture}` : ""}
        。导入含指标的工作簿会自动填入，也可直接填写。
      </Text>
      <Text size={200}>
        三级+二级+一级 {derived.tierTotal ?? "无数据"} 家；工控评估整改率{" "}
        {percent(derived.icsFixRate)}；风险隐患整改率 {percent(derived.hazardFixRate)}
      </Text>
      {host.kind === "excel" ? (
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy !== null} onClick={write}>
            填写或刷新地区指标工作表
          </Button>
        </div>
      ) : (
        <Text size={200}>在“导入申报”中下载的推荐汇总表含“{ANNEX2_SHEET}”工作表。</Text>
      )}
      {INDICATOR_DEFS.map((d) => {
        const v = values[d.key];
        return (
          <div key={`${d.key}|${source}`} className={styles.field}>
            <Label size="small" htmlFor={`ind-${d.key}`}>
              {d.label}
            </Label>
            <Input
              id={`ind-${d.key}`}
              className={styles.fieldInput}
              size="small"
              inputMode="decimal"
              defaultValue={v === null || v === undefined ? "" : String(v)}
              onChange={(_, data) =>
                dispatch({
                  type: "indicatorSet",
                  key: d.key,
                  value: parseLooseNumber(data.value.replace(/%$/, "")),
                })
              }
            />
          </div>
        );
      })}
    </section>
  );
}
