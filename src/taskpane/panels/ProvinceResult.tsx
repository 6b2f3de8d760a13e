/**
 * After the merge: counts, the R2/R3 breaks across prefectures, 全省合计 and the 三级/二级/一级 chart per prefecture (its
 * data table beside it), and the ranked list by expert score (the order 导出推荐名单 writes); 问题清单 can mark a row.
 */
import { mergeClasses, Text } from "@fluentui/react-components";
import { useRef } from "react";
import { indicatorTable } from "../../core/indicators";
import type { MergeResult } from "../../core/merge";
import { orderForExport } from "../../core/ordering";
import { sourceKey } from "../../core/identity";
import { findingsByRecord } from "../../core/recordRow";
import { useRowTarget } from "../nav";
import { usePanelStyles } from "../styles";
import { TierChart, tierChartData } from "../components/TierChart";
import { TIER_CHART_TITLE } from "../../sheets/indicators";

export function ProvinceResult({ result }: { result: MergeResult }) {
  const styles = usePanelStyles();
  const list = useRef<HTMLTableElement>(null);
  const targetKey = useRowTarget("province", list);
  const crossBreaks = result.findings.filter((f) => f.code === "R2" || f.code === "R3");
  const own = findingsByRecord(result.records, crossBreaks);
  const flagged = new Set(result.records.filter((_, i) => own[i].length > 0));
  const total = indicatorTable(result.indicators).find((r) => r.prefecture === "全省合计");
  const ranked = orderForExport(result.records);
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
        推荐名单顺序（按评审得分从高到低，已评分 {scored} 个；红底为跨市州重复）：
      </Text>
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
            {ranked.map((r, i) => (
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
                <td className={styles.num}>{i + 1}</td>
                <td className={styles.nowrap}>{r.prefecture ?? "未识别"}</td>
                <td>{r.caseName}</td>
                <td className={styles.num}>{r.score ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
