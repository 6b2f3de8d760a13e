/**
 * 导入申报: pick or drop Word 申报表 and .xlsx 推荐汇总表; each file is previewed with its rows and findings; 确认
 * writes the whole list (Excel: 推荐汇总表 + 明细 sheets in one batch) and only then keeps it. Importing a file again
 * replaces its rows in place.
 */
import { Button, Label, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Finding } from "../../core/findings";
import { PREFECTURE_NAMES, parsePrefecture } from "../../core/vocabulary";
import { useApp } from "../AppContext";
import { FilePicker } from "../components/FilePicker";
import { FindingLine } from "../components/FindingLine";
import { ReadProgress, type ReadProgressState } from "../components/ReadProgress";
import { fileBytes, loadReaders, loadWriters } from "../io/lazy";
import { reducer, type ImportedFile } from "../state/appState";
import { prefectureIndicators, prefectureView, previewFindings, savedText } from "../state/views";
import { usePanelStyles } from "../styles";

const KIND_LABEL: Record<ImportedFile["kind"], string> = {
  docx: "Word 申报表",
  xlsx: "Excel 工作簿",
  rejected: "无法读取",
};

export function ImportPanel() {
  const styles = usePanelStyles();
  const { state, dispatch, host, perform, busy, setStatus } = useApp();
  const [progress, setProgress] = useState<ReadProgressState | null>(null);

  const readFiles = (files: File[]) =>
    perform("读取文件", async () => {
      const readers = await loadReaders();
      const out: ImportedFile[] = [];
      for (let i = 0; i < files.length; i++) {
        setProgress({ done: i, total: files.length, current: files[i].name });
        out.push(
          await readers.readImportFile(
            files[i].name,
            await fileBytes(files[i]),
            state.settings,
            state.prefecture
          )
        );
      }
      setProgress({ done: files.length, total: files.length, current: "" });
      dispatch({ type: "previewed", files: out });
    });

  const confirm = () =>
    perform("写入推荐汇总表", async () => {
      const next = reducer(state, { type: "confirmed" });
      const view = prefectureView(next);
      await host.showPrefecture(view);
      dispatch({ type: "confirmed" });
      setProgress(null);
      const where = host.kind === "excel" ? "已写入“推荐汇总表”和“明细”工作表" : "已加入推荐列表";
      // a case that came again under another file name replaced its row: say which
      const replaced = next.notes.length ? `${next.notes.join("；")}。` : "";
      setStatus({
        kind: "success",
        text: `${where}：共 ${view.records.length} 行，发现问题 ${view.findings.length} 个。${replaced}`,
      });
    });

  const download = () =>
    perform("生成推荐汇总表", async () => {
      const writers = await loadWriters();
      const { fileName, bytes } = await writers.writePrefectureList(
        prefectureView(state),
        prefectureIndicators(state)
      );
      await host.download(fileName, bytes);
      setStatus({ kind: "success", text: savedText(host.saves, fileName) });
    });

  const view = prefectureView(state);
  return (
    <section className={styles.panel} aria-label="导入申报">
      <div className={styles.field}>
        <Label htmlFor="import-prefecture">本市州（推荐单位）</Label>
        <select
          id="import-prefecture"
          className={styles.select}
          value={state.prefecture ?? ""}
          onChange={(e) =>
            dispatch({ type: "setPrefecture", prefecture: parsePrefecture(e.currentTarget.value) })
          }
        >
          <option value="">（按申报表的推荐单位识别）</option>
          {PREFECTURE_NAMES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <FilePicker
        label="选择申报表或汇总表…"
        accept=".docx,.xlsx,.xlsm,.doc,.xls,.wps,.et,.pdf"
        hint="可一次选择或拖入多个 Word 申报表（.docx）和 Excel 推荐汇总表（.xlsx）"
        disabled={busy !== null}
        onFiles={readFiles}
      />
      <ReadProgress progress={progress} />
      {state.pending.length > 0 ? (
        <PendingPreview
          files={state.pending}
          findingsOf={(f) => previewFindings(f, state)}
          disabled={busy !== null}
          onConfirm={confirm}
          onDiscard={() => dispatch({ type: "discardPending" })}
        />
      ) : null}
      <Text>
        推荐汇总表现有 {view.records.length} 行{view.prefecture ? `（${view.prefecture}）` : ""}
        ，问题 {view.findings.length} 个。
      </Text>
      <div className={styles.row}>
        <Button
          data-testid="download-button"
          disabled={busy !== null || view.records.length === 0}
          onClick={download}
        >
          下载推荐汇总表（.xlsx）
        </Button>
      </div>
    </section>
  );
}

/**
 * The files read, before they join the list: 确认导入 / 放弃 first and kept in view while the list scrolls (24 forms
 * make a long preview at 350 px), then one card per file; files with problems first when only some have problems.
 */
function PendingPreview(p: {
  files: readonly ImportedFile[];
  findingsOf: (file: ImportedFile) => Finding[];
  disabled: boolean;
  onConfirm: () => void;
  onDiscard: () => void;
}) {
  const styles = usePanelStyles();
  const cards = p.files.map((file) => ({ file, findings: p.findingsOf(file) }));
  const rows = cards.reduce((n, c) => n + c.file.records.length, 0);
  const problems = cards.reduce((n, c) => n + c.findings.length, 0);
  const withProblems = cards.filter((c) => c.findings.length > 0).length;
  const ordered = [
    ...cards.filter((c) => c.findings.length > 0),
    ...cards.filter((c) => c.findings.length === 0),
  ];
  return (
    <>
      <div className={styles.stickyActions}>
        <Text weight="semibold">
          预览：{p.files.length} 个文件，{rows} 行
          {problems > 0 ? `；${withProblems} 个文件有问题，共 ${problems} 个` : "；未发现问题"}
          。确认后写入推荐汇总表。
        </Text>
        <div className={styles.row}>
          <Button appearance="primary" disabled={p.disabled} onClick={p.onConfirm}>
            确认导入
          </Button>
          <Button disabled={p.disabled} onClick={p.onDiscard}>
            放弃
          </Button>
        </div>
      </div>
      <ul className={styles.list} aria-label="导入预览">
        {ordered.map((c) => (
          <PreviewCard key={c.file.file} file={c.file} findings={c.findings} />
        ))}
      </ul>
    </>
  );
}

function PreviewCard({ file, findings }: { file: ImportedFile; findings: Finding[] }) {
  const styles = usePanelStyles();
  return (
    <li className={styles.card}>
      <Text weight="semibold">
        {file.file}（{KIND_LABEL[file.kind]}
        {file.records.length > 0 ? `，${file.records.length} 行` : ""}）
      </Text>
      {file.records.map((r, i) => (
        <Text key={`${r.source.file}|${r.source.sheet}|${r.source.row}#${i}`} size={200}>
          {r.caseName || "（无案例名称）"} — {r.enterprise || "（无企业名称）"} —{" "}
          {r.direction ?? (r.directionRaw || "方向未识别")}
          {r.level ? `（${r.level}）` : ""}
        </Text>
      ))}
      {findings.length === 0 ? (
        <Text size={200}>未发现问题</Text>
      ) : (
        <ul className={styles.list} aria-label={`${file.file} 的问题`}>
          {findings.map((f, i) => (
            <li key={i}>
              <FindingLine finding={f} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
