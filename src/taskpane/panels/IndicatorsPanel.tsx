/**
 * 地区指标: the prefecture's 附件2 indicators — read from an imported workbook or typed here — checked as they are
 * typed (the IND rules: whole numbers, 0–100 %, 整改 ≤ 发现 …, each problem under its field), the derived totals and
 * rates, and in Excel the button that fills or refreshes the 附件2 sheet (its formulas use the HUHANG functions).
 */
import { Button, Input, Label, mergeClasses, Text } from "@fluentui/react-components";
import { useState } from "react";
import { INDICATOR_DEFS } from "../../core/indicatorDefs";
import { deriveIndicators } from "../../core/indicators";
import type { IndicatorKey } from "../../core/model";
import { indicatorProblems } from "../../core/rules";
import { parseLooseNumber } from "../../core/text";
import { useApp } from "../AppContext";
import { loadWriters } from "../io/lazy";
import { prefectureIndicators, prefectureView, savedText } from "../state/views";
import { usePanelStyles } from "../styles";
import { ANNEX2_SHEET } from "../../sheets/indicators";

/** A rate for the line above the fields: a ratio above 1 is a typing error the field's message names, not 112.5 %. */
function rate(v: number | null): string {
  if (v === null) return "无数据";
  if (v > 1) return "无法计算（整改数多于发现数）";
  return `${(v * 100).toFixed(1)}%`;
}

/** What was typed into a field: a number, nothing, or text that is not a number. */
function readTyped(text: string): { value: number | null; unreadable: boolean } {
  const bare = text.trim().replace(/[%％]$/, "");
  if (bare === "") return { value: null, unreadable: false };
  const value = parseLooseNumber(bare);
  return { value, unreadable: value === null };
}

export function IndicatorsPanel() {
  const styles = usePanelStyles();
  const { state, dispatch, host, perform, busy, setStatus } = useApp();
  const values = state.indicators?.values ?? {};
  // typed text stays as typed; a newly imported workbook re-creates the fields with its values
  const source = state.indicators?.source.file ?? "";
  const derived = deriveIndicators(state.indicators ? [state.indicators] : []);
  const [unreadable, setUnreadable] = useState<ReadonlySet<IndicatorKey>>(new Set());
  const problems = new Map<IndicatorKey, string[]>();
  for (const p of state.indicators ? indicatorProblems(state.indicators) : [])
    problems.set(p.key, [...(problems.get(p.key) ?? []), p.message]);
  const count = problems.size + [...unreadable].filter((k) => !problems.has(k)).length;

  const write = () =>
    perform("写入地区指标", async () => {
      await host.showIndicators(state.prefecture, state.indicators);
      setStatus({
        kind: "success",
        text: `已填写“${ANNEX2_SHEET}”工作表${state.prefecture ? `（${state.prefecture}）` : ""}。`,
      });
    });

  const downloadAnnex2 = () =>
    perform("生成附件2申报表", async () => {
      const writers = await loadWriters();
      const { fileName, bytes } = writers.writeAnnex2(
        prefectureView(state),
        prefectureIndicators(state)
      );
      await host.download(fileName, bytes);
      setStatus({ kind: "success", text: savedText(host.saves, fileName) });
    });

  const typed = (key: IndicatorKey, text: string) => {
    const { value, unreadable: bad } = readTyped(text);
    setUnreadable((was) => {
      if (was.has(key) === bad) return was;
      const next = new Set(was);
      if (bad) next.add(key);
      else next.delete(key);
      return next;
    });
    dispatch({ type: "indicatorSet", key, value });
  };

  return (
    <section className={styles.panel} aria-label="地区指标">
      <Text size={200} className={styles.muted}>
        附件2 成效突出地区指标{state.prefecture ? `：${state.prefecture}` : ""}
        。导入含指标的工作簿会自动填入，也可直接填写；不适用或没有数据的留空。
      </Text>
      <Text size={200}>
        三级+二级+一级 {derived.tierTotal ?? "无数据"} 家；工控评估整改率 {rate(derived.icsFixRate)}
        ；风险隐患整改率 {rate(derived.hazardFixRate)}
      </Text>
      <Text
        size={200}
        role="status"
        className={count > 0 ? styles.error : undefined}
        data-testid="indicator-problems"
      >
        {count > 0 ? `有 ${count} 项需要核对，见各项下方的说明。` : ""}
      </Text>
      <div className={styles.row}>
        {host.kind === "excel" ? (
          <Button appearance="primary" disabled={busy !== null} onClick={write}>
            填写或刷新地区指标工作表
          </Button>
        ) : null}
        {host.saves === "download" ? (
          <Button disabled={busy !== null} onClick={downloadAnnex2}>
            下载附件2申报表（Word）
          </Button>
        ) : null}
      </div>
      <Text size={200} className={styles.muted}>
        {host.kind === "excel" ? "" : `在“导入申报”中下载的推荐汇总表含“${ANNEX2_SHEET}”工作表；`}
        {host.saves === "download"
          ? "Word 申报表按通知附件2的格式填好各项数字，其余内容请在 Word 中补充后盖章报送。"
          : "此版本的 Excel 不能下载文件：附件2 的 Word 申报表请用独立网页（huhang.html）或命令行 huhang template annex2 生成。"}
      </Text>
      {INDICATOR_DEFS.map((d) => {
        const v = values[d.key];
        const messages = [
          ...(unreadable.has(d.key) ? [`“${d.label}”不是数字：请只填写数字，没有数据的留空`] : []),
          ...(problems.get(d.key) ?? []),
        ];
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
              aria-invalid={messages.length > 0 ? true : undefined}
              aria-describedby={messages.length > 0 ? `ind-${d.key}-problem` : undefined}
              defaultValue={v === null || v === undefined ? "" : String(v)}
              onChange={(_, data) => typed(d.key, data.value)}
            />
            {messages.length > 0 ? (
              <Text
                id={`ind-${d.key}-problem`}
                size={200}
                className={mergeClasses(styles.error, styles.fieldMessage)}
              >
                {messages.join("；")}
              </Text>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
