/**
 * 问题清单: every finding of the current work (the province's merge when there is one, else the clerk's list),
 * narrowed by kind, severity and prefecture. 定位 selects the finding's cell in Excel; where there is no cell to
 * select (on the page, or a file that is not in the workbook) it shows the case's row in 推荐顺序 or 全省合并, scrolled
 * into view and marked, and otherwise says where in the original file to look.
 */
import { Button, Field, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import {
  describeLocation,
  FINDING_CODES,
  FINDING_TITLES,
  type Finding,
  type FindingCode,
} from "../../core/findings";
import { sourceKey } from "../../core/identity";
import type { CaseRecord } from "../../core/model";
import { findingsByRecord } from "../../core/recordRow";
import { useApp } from "../AppContext";
import { FindingLine } from "../components/FindingLine";
import { useNav, type PanelId } from "../nav";
import { provinceView } from "../state/provinceViews";
import { prefectureView } from "../state/views";
import { usePanelStyles } from "../styles";

type Severity = "all" | Finding["severity"];

interface Owner {
  panel: PanelId;
  panelLabel: string;
  record: CaseRecord;
  /** The row's place in that panel's list, 1-based. */
  place: number;
}

/** Each finding's case, where a panel of this page lists it. */
function owners(
  records: readonly CaseRecord[],
  findings: readonly Finding[],
  panel: PanelId,
  panelLabel: string
): Map<Finding, Owner> {
  const map = new Map<Finding, Owner>();
  findingsByRecord(records, findings).forEach((own, i) => {
    for (const f of own)
      if (!map.has(f)) map.set(f, { panel, panelLabel, record: records[i], place: i + 1 });
  });
  return map;
}

export function FindingsPanel() {
  const styles = usePanelStyles();
  const { state, host, perform, busy, setStatus } = useApp();
  const nav = useNav();
  const [code, setCode] = useState<FindingCode | "all">("all");
  const [severity, setSeverity] = useState<Severity>("all");
  const [prefecture, setPrefecture] = useState<string>("all");

  const province = provinceView(state);
  const prefectureList = province ? null : prefectureView(state);
  const findings: readonly Finding[] = province ? province.findings : prefectureList!.findings;
  const byFinding = province
    ? owners(province.records, province.findings, "province", "全省合并")
    : owners(prefectureList!.records, prefectureList!.findings, "order", "推荐顺序");
  const nothingRead =
    province === null &&
    state.records.length === 0 &&
    state.indicators === null &&
    Object.keys(state.fileFindings).length === 0;

  const counts = new Map<FindingCode, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  const prefectures = [
    ...new Set(findings.map((f) => f.prefecture).filter((p): p is string => !!p)),
  ];
  const shown = findings.filter(
    (f) =>
      (code === "all" || f.code === code) &&
      (severity === "all" || f.severity === severity) &&
      (prefecture === "all" || f.prefecture === prefecture)
  );
  const errors = findings.filter((f) => f.severity === "error").length;

  const showOnPage = (f: Finding) => {
    const owner = byFinding.get(f);
    if (owner) {
      nav.show(owner.panel, { panel: owner.panel, rowKey: sourceKey(owner.record.source) });
      setStatus({
        kind: "info",
        text: `已在“${owner.panelLabel}”中标出第 ${owner.place} 行“${owner.record.caseName}”；原文件位置：${describeLocation(f)}`,
      });
    } else if (f.code === "IND" && !province) {
      nav.show("indicators");
      setStatus({ kind: "info", text: `请在“地区指标”中核对：${describeLocation(f)}` });
    } else {
      setStatus({ kind: "info", text: `请在原文件中查看：${describeLocation(f)}` });
    }
  };

  const choose = (f: Finding) =>
    perform("定位问题", async () => {
      if (host.kind === "excel" && (await host.selectFinding(f)))
        setStatus({ kind: "info", text: `已选中：${describeLocation(f)}` });
      else showOnPage(f);
    });

  const summary = province ? "全省合并" : "本市州推荐汇总表";
  return (
    <section className={styles.panel} aria-label="问题清单">
      {nothingRead ? (
        <Text data-testid="findings-list">
          还没有导入文件：在“导入申报”中导入申报表或汇总表后，这里列出发现的问题。
        </Text>
      ) : findings.length === 0 ? (
        <Text data-testid="findings-list">{summary}：没有发现问题。</Text>
      ) : (
        <>
          <Text>
            {summary}：共 {findings.length} 个问题，其中错误 {errors} 个。
            {host.kind === "excel"
              ? "点“定位”在工作表中选中该单元格。"
              : "点“定位”查看该案例所在行。"}
          </Text>
          <div className={styles.filters} role="group" aria-label="筛选问题">
            <Field label="类别" size="small">
              <Select
                size="small"
                value={code}
                onChange={(_, d) => setCode(d.value as FindingCode | "all")}
              >
                <option value="all">全部类别</option>
                {FINDING_CODES.filter((c) => counts.has(c)).map((c) => (
                  <option key={c} value={c}>
                    {c} {FINDING_TITLES[c]}（{counts.get(c)}）
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="严重程度" size="small">
              <Select
                size="small"
                value={severity}
                onChange={(_, d) => setSeverity(d.value as Severity)}
              >
                <option value="all">错误和提醒</option>
                <option value="error">只看错误</option>
                <option value="warning">只看提醒</option>
              </Select>
            </Field>
            {prefectures.length > 1 ? (
              <Field label="市州" size="small">
                <Select size="small" value={prefecture} onChange={(_, d) => setPrefecture(d.value)}>
                  <option value="all">全部市州</option>
                  {prefectures.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : null}
          </div>
          {shown.length < findings.length ? (
            <Text size={200} className={styles.muted} role="status">
              显示 {shown.length} 个（共 {findings.length} 个）。
            </Text>
          ) : null}
          <ol className={styles.list} data-testid="findings-list" aria-label="问题清单">
            {shown.map((f) => {
              const n = findings.indexOf(f) + 1;
              return (
                <li key={n} className={styles.card}>
                  <FindingLine finding={f} />
                  <div>
                    <Button
                      size="small"
                      appearance="subtle"
                      disabled={busy !== null}
                      onClick={() => choose(f)}
                      aria-label={`定位第 ${n} 个问题：${describeLocation(f)}`}
                    >
                      定位
                    </Button>
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
