/**
 * 全省合并 (provincial staff): pick the prefecture workbooks, see which of the 14 have sent (已报 / 未报 / 有问题),
 * merge into 全省汇总, read the experts' scores, and export the ordered 推荐名单 for MIIT — the top N, with every
 * exported case that has an error named before anything is written (or left out, if chosen).
 */
import { Button, Checkbox, Field, SpinButton, Text } from "@fluentui/react-components";
import { useState } from "react";
import { planExport } from "../../core/ordering";
import type { PrefectureSubmission } from "../../core/model";
import type { ScoredCase } from "../../core/scores";
import { useApp } from "../AppContext";
import { ConfirmButton } from "../components/ConfirmButton";
import { FilePicker } from "../components/FilePicker";
import { ReadProgress, type ReadProgressState } from "../components/ReadProgress";
import { fileBytes, loadReaders, loadWriters } from "../io/lazy";
import { reducer } from "../state/appState";
import { carryText, checklist, provinceView } from "../state/provinceViews";
import { savedText } from "../state/views";
import { usePanelStyles } from "../styles";
import { ProvinceChecklist } from "./ProvinceChecklist";
import { ProvinceResult } from "./ProvinceResult";

export function ProvincePanel() {
  const styles = usePanelStyles();
  const { state, dispatch, host, perform, busy, setStatus } = useApp();
  const [progress, setProgress] = useState<ReadProgressState | null>(null);
  const [top, setTop] = useState<number | null>(20);
  const [excludeErrors, setExcludeErrors] = useState(false);
  const result = provinceView(state);
  const idle = busy === null;
  const merged = result !== null && state.provinceShown;
  const plan = result
    ? planExport(result.records, result.findings, { top: top ?? undefined, excludeErrors })
    : null;

  const readFiles = (files: File[]) =>
    perform("读取市州工作簿", async () => {
      const readers = await loadReaders();
      const out: PrefectureSubmission[] = [];
      for (let i = 0; i < files.length; i++) {
        setProgress({ done: i, total: files.length, current: files[i].name });
        out.push(...(await readers.readSubmissions(files[i].name, await fileBytes(files[i]))));
      }
      setProgress({ done: files.length, total: files.length, current: "" });
      dispatch({ type: "submissionsRead", submissions: out });
    });

  const merge = () =>
    perform("合并全省汇总", async () => {
      if (!result) return;
      // Excel carries the scores already typed into 全省汇总; otherwise the scores read here are carried
      const carried = (await host.showProvince(result)) ?? result.carry;
      dispatch({ type: "provinceShown" });
      const where = host.kind === "excel" ? "已写入“全省汇总”和“地区指标”工作表" : "已合并";
      const scores =
        carried && (carried.carried > 0 || carried.lost.length > 0) ? carryText(carried) : "";
      setStatus({
        kind: carried?.lost.length ? "info" : "success",
        text: `${where}：${result.records.length} 个案例，问题 ${result.findings.length} 个。${scores}`,
      });
    });

  const readScores = (files: File[]) =>
    perform("读取评审得分", async () => {
      let scores: ScoredCase[];
      if (host.kind === "excel") scores = await host.readScores();
      else {
        const readers = await loadReaders();
        const read = await readers.readScoredWorkbook(files[0].name, await fileBytes(files[0]));
        const bad = read.findings.find((f) => f.severity === "error" && f.code === "FILE");
        if (bad) throw new Error(bad.message);
        scores = read.scores;
      }
      const carry = provinceView(reducer(state, { type: "scoresRead", scores }))?.carry ?? null;
      dispatch({ type: "scoresRead", scores });
      setStatus({
        kind: carry?.lost.length ? "info" : "success",
        text: `已读取 ${scores.length} 个评审得分，推荐名单已按得分排序。${carry ? carryText(carry) : ""}`,
      });
    });

  const writeProvince = () =>
    perform("生成全省汇总", async () => {
      if (!result) return;
      const writers = await loadWriters();
      const { fileName, bytes } = await writers.writeProvince(result);
      await host.download(fileName, bytes);
      setStatus({ kind: "success", text: savedText(host.saves, fileName) });
    });

  const exportList = () =>
    perform("导出推荐名单", async () => {
      if (!plan) return;
      const writers = await loadWriters();
      const { fileName, bytes } = await writers.writeList(plan.exported);
      await host.openList(fileName, bytes);
      const flagged = plan.flagged.length
        ? `其中 ${plan.flagged.length} 个有错误问题，请核实。`
        : "";
      setStatus({
        kind: plan.flagged.length ? "info" : "success",
        // in Excel the list always opens as a new workbook
        text: `推荐名单（${plan.exported.length} 个案例）${savedText(host.kind === "excel" ? "newWorkbook" : host.saves, fileName)}${flagged}`,
      });
    });

  return (
    <section className={styles.panel} aria-label="全省合并">
      <FilePicker
        label="选择市州工作簿…"
        accept=".xlsx,.xlsm,.xls,.et,.docx"
        hint="选择或拖入各市州报送的推荐汇总表（.xlsx），可多选；同一文件再次导入会替换"
        disabled={!idle}
        onFiles={readFiles}
      />
      <ReadProgress progress={progress} />
      <ProvinceChecklist rows={checklist(result, state.submissions)} />
      <div className={styles.row}>
        <Button
          appearance="primary"
          data-testid="merge-button"
          disabled={!idle || !result}
          onClick={merge}
        >
          合并为全省汇总
        </Button>
        <Button data-testid="download-button" disabled={!idle || !merged} onClick={writeProvince}>
          下载全省汇总（.xlsx）
        </Button>
        <ConfirmButton
          disabled={!idle || state.submissions.length === 0}
          title="清空全省合并？"
          message={`将移除已读取的 ${state.submissions.length} 个文件和已读取的 ${state.scores.length} 个评审得分（工作簿文件本身不受影响）。`}
          confirmLabel="清空"
          onConfirm={() => {
            dispatch({ type: "submissionsCleared" });
            setStatus({ kind: "info", text: "已清空全省合并。" });
          }}
        >
          清空
        </ConfirmButton>
      </div>
      {result && merged ? (
        <>
          <ProvinceResult
            result={result}
            onScore={
              host.kind === "excel"
                ? undefined
                : (record, score) => dispatch({ type: "scoreSet", record, score })
            }
          />
          <Text weight="semibold">专家评审</Text>
          {host.kind === "excel" ? (
            <div className={styles.row}>
              <Button disabled={!idle} onClick={() => readScores([])}>
                读取“全省汇总”中的评审得分
              </Button>
            </div>
          ) : (
            <FilePicker
              label="导入已评分的全省汇总…"
              accept=".xlsx"
              hint="在下载的全省汇总“明细”工作表的“评审得分”列填好分数后导入"
              disabled={!idle}
              onFiles={readScores}
              testId="score-input"
            />
          )}
          <Text weight="semibold">导出推荐名单（报工信部）</Text>
          <div className={styles.row}>
            <Field label="导出前几名" hint="留空则导出全部">
              <SpinButton
                min={1}
                max={result.records.length || 1}
                value={top}
                displayValue={top === null ? "" : String(top)}
                onChange={(_, d) => {
                  const v = d.value ?? (d.displayValue ? Number(d.displayValue) : null);
                  setTop(v !== null && Number.isFinite(v) && v >= 1 ? Math.floor(v) : null);
                }}
              />
            </Field>
            <Checkbox
              label="不导出有错误问题的案例"
              checked={excludeErrors}
              onChange={(_, d) => setExcludeErrors(d.checked === true)}
            />
          </div>
          {plan && plan.flagged.length > 0 ? (
            <div role="alert" className={styles.card} data-testid="export-flagged">
              <Text weight="semibold" className={styles.error}>
                将导出的 {plan.exported.length} 个案例中有 {plan.flagged.length} 个存在错误问题：
              </Text>
              <ul className={styles.list}>
                {plan.flagged.map((f) => (
                  <li key={f.rank}>
                    <Text size={200}>
                      第 {f.rank} 名 {f.record.prefecture ?? "未识别市州"}“{f.record.caseName}”：
                      {f.codes.join("、")}
                    </Text>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {plan && plan.excluded.length > 0 ? (
            <Text size={200} data-testid="export-excluded">
              不导出 {plan.excluded.length} 个有错误问题的案例：
              {plan.excluded.map((x) => `“${x.record.caseName}”`).join("、")}
            </Text>
          ) : null}
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={!idle || !plan || plan.exported.length === 0}
              onClick={exportList}
            >
              导出推荐名单（{plan?.exported.length ?? 0} 个案例）
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
