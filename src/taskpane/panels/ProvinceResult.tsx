/**
 * After the merge: counts, the R2/R3 breaks across prefectures, 全省合计 and the 三级/二级/一级 chart per prefecture (its
 * data table beside it), and the ranked list by expert score (the order 导出推荐名单 writes); 问题清单 can mark a row.
 */
import { Input, mergeClasses, Select, Text } from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import type { CaseRecord } from "../../core/model";
import { scoreFromText } from "../../sheets/records";
import { indicatorTable } from "../../core/indicators";
import type { MergeResult } from "../../core/merge";
import { orderForExport } from "../../core/ordering";
import { sourceKey } from "../../core/identity";
import { findingsByRecord } from "../../core/recordRow";
import { useRowTarget } from "../nav";
import { usePanelStyles } from "../styles";
import { TierChart, tierChartData } from "../components/TierChart";
import { TIER_CHART_TITLE } from "../../sheets/indicators";

export interface ProvinceResultProps {
  result: MergeResult;
  /** Scores are typed here (the page); in Excel they are typed into 全省汇总 and read from it. */
  onScore?: (record: CaseRecord, score: number | null) => void;
}

type Arrangement = "rank" | "entry";

export function ProvinceResult({ result, onScore }: ProvinceResultProps) {
  const styles = usePanelStyles();
  const list = useRef<HTMLTableElement>(null);
  const targetKey = useRowTarget("province", list);
  const crossBreaks = result.findings.filter((f) => f.code === "R2" || f.code === "R3");
  const own = findingsByRecord(result.records, crossBreaks);
  const flagged = new Set(result.records.filter((_, i) => own[i].length > 0));
  const total = indicatorTable(result.indicators).find((r) => r.prefecture === "全省合计");
  const [arrangement, setArrangement] = useState<Arrangement>("rank");
  const ranked = orderForExport(result.records);
  const rankOf = new Map(ranked.map((r, i) => [r, i + 1]));
  // typing scores goes down the list as the prefectures sent it; the rank moves as scores come in
  const rows = arrangement === "rank" ? ranked : result.records;
  const scored = ranked.filter((r) => r.score !== null).length;
  return (
    <>
      <Text>
        全省汇总 {result.records.length} 个案例，来自 {14 - result.missingPrefectures.length}{" "}
        个市州；问题 {result.findings.length} 个，其中跨市州重复（R2/R3） {crossBreaks.length} 个。
      </Text>
      <Text size={200}>
        全省合计：三级 {total?.values.tier3 ?? "—"} 家，二级 {total?.values.tier2 ?? "—"} 家，一级{" "}
        {total?.values.tier1 ?? "—"} 家。
      </Text>
      <TierChart title={TIER_CHART_TITLE} unit="家" {...tierChartData(result.indicators)} />
      <Text size={200} className={styles.muted}>
        推荐名单顺序（按评审得分从高到低，已评分 {scored} 个；红底为跨市州重复）
        {onScore ? "。在“得分”列直接填写评审得分，按回车或离开该格即保存：" : "："}
      </Text>
      {onScore ? (
        <div className={styles.row}>
          <label htmlFor="province-arrangement">排列</label>
          <Select
            id="province-arrangement"
            size="small"
            value={arrangement}
            onChange={(_, d) => setArrangement(d.value as Arrangement)}
          >
            <option value="rank">按得分排名（导出顺序）</option>
            <option value="entry">按市州和推荐顺序（便于录入）</option>
          </Select>
        </div>
      ) : null}
      <div className={styles.tableWrap}>
        <table
          className={styles.table}
          data-testid="ranked-list"
          aria-label="推荐名单顺序"
          ref={list}
        >
          <thead>
            <tr>
              <th scope="col">名次</th>
              <th scope="col">市州</th>
              <th scope="col">案例名称</th>
              <th scope="col">得分</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr
                key={`${sourceKey(r.source)}#${i}`}
                data-flagged={flagged.has(r)}
                data-row-key={sourceKey(r.source)}
                tabIndex={-1}
                className={mergeClasses(
                  flagged.has(r) && styles.flagged,
                  targetKey === sourceKey(r.source) && styles.target
                )}
                aria-current={targetKey === sourceKey(r.source) ? "location" : undefined}
              >
                <td className={styles.num}>{rankOf.get(r)}</td>
                <td className={styles.nowrap}>{r.prefecture ?? "未识别"}</td>
                <td>{r.caseName}</td>
                <td className={styles.num}>
                  {onScore ? <ScoreInput record={r} onScore={onScore} /> : (r.score ?? "—")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** One case's score: saved on Enter or on leaving the cell; text that is no score says so and is not saved. */
function ScoreInput({
  record,
  onScore,
}: {
  record: CaseRecord;
  onScore: (record: CaseRecord, score: number | null) => void;
}) {
  const styles = usePanelStyles();
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const commit = (text: string) => {
    const trimmed = text.trim();
    const score = trimmed === "" ? null : scoreFromText(trimmed);
    if (trimmed !== "" && (score === null || score < 0)) {
      setProblem(`“${trimmed}”不是有效的得分：请填写不小于 0 的数字，如 88.5`);
      return;
    }
    setProblem(null);
    if (score !== record.score) onScore(record, score);
  };
  const name = `${record.prefecture ?? "未识别"}“${record.caseName}”的评审得分`;
  return (
    <>
      <Input
        // a score that changes elsewhere (read from a workbook) re-creates the field with it
        key={String(record.score)}
        size="small"
        className={styles.scoreInput}
        inputMode="decimal"
        aria-label={name}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        defaultValue={record.score === null ? "" : String(record.score)}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit(e.currentTarget.value);
        }}
      />
      {problem ? (
        <Text id={problemId} size={200} className={styles.error} role="alert" block>
          {problem}
        </Text>
      ) : null}
    </>
  );
}
