/**
 * 全省合并 (provincial staff): pick the prefecture workbooks, see which of the 14 have sent (已报 / 未报 / 有问题),
 * merge into 全省汇总, read the experts' scores, and export the ordered 推荐名单.
 */
import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { PrefectureSubmission } from "../../core/model";
import { useApp } from "../AppContext";
import { FilePicker } from "../components/FilePicker";
import { ReadProgress, type ReadProgressState } from "../components/ReadProgress";
import { fileBytes, loadReaders, loadWriters } from "../io/lazy";
import { checklist, provinceView } from "../state/views";
import { usePanelStyles } from "../styles";
import { ProvinceChecklist } from "./ProvinceChecklist";
import { ProvinceResult } from "./ProvinceResult";

export function ProvincePanel() {
  const styles = usePanelStyles();
  const { state, dispatch, host, perform, busy, setStatus } = useApp();
  const [progress, setProgress] = useState<ReadProgressState | null>(null);
  const [merged, setMerged] = useState(false);
  const result = provinceView(state);
  const idle = busy === null;

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
      setMerged(false);
    });

  const merge = () =>
    perform("合并全省汇总", async () => {
      if (!result) return;
      await host.showProvince(result);
      setMerged(true);
      const where = host.kind === "excel" ? "已写入“全省汇总”和“地区指标”工作表" : "已合并";
      setStatus({
        kind: "success",
        text: `${where}：${result.records.length} 个案例，问题 ${result.findings.length} 个。`,
      });
    });

  const readScores = (files: File[]) =>
    perform("读取评审得分", async () => {
      let scores: Map<string, number>;
      if (host.kind === "excel") scores = await host.readScores();
      else {
        const readers = await loadReaders();
        const read = await readers.readScoredWorkbook(files[0].name, await fileBytes(files[0]));
        if (read.findings.some((f) => f.severity === "error" && f.code === "FILE"))
          throw new Error(read.findings[0].message);
        scores = read.scores;
      }
      dispatch({ type: "scoresRead", scores });
      setStatus({
        kind: "success",
        text: `已读取 ${scores.size} 个评审得分，推荐名单已按得分排序。`,
      });
    });

  const write = (which: "province" | "list") =>
    perform(which === "province" ? "生成全省汇总" : "导出推荐名单", async () => {
      if (!result) return;
      const writers = await loadWriters();
      const { fileName, bytes } =
        which === "province"
          ? await writers.writeProvince(result)
          : await writers.writeList(result);
      if (which === "province") await host.download(fileName, bytes);
      else await host.openList(fileName, bytes);
      setStatus({
        kind: "success",
        text:
          which === "list" && host.kind === "excel"
            ? "推荐名单已在新工作簿中打开，可打印盖章。"
            : `已生成“${fileName}”。`,
      });
    });

  return (
    <section className={styles.panel} aria-label="全省合并">
      <FilePicker
        label="选择市州工作簿…"
        accept=".xlsx,.xlsm,.xls,.et"
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
        <Button
          data-testid="download-button"
          disabled={!idle || !result || !merged}
          onClick={() => write("province")}
        >
          下载全省汇总（.xlsx）
        </Button>
        <Button
          disabled={!idle || state.submissions.length === 0}
          onClick={() => dispatch({ type: "submissionsCleared" })}
        >
          清空
        </Button>
      </div>
      {result && merged ? (
        <>
          <ProvinceResult result={result} />
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
          <div className={styles.row}>
            <Button appearance="primary" disabled={!idle} onClick={() => write("list")}>
              导出推荐名单
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
