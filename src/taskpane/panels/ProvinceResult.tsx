/**
 * After the merge: counts, the R2/R3 breaks across prefectures, 三级/二级/一级 per prefecture with 全省合计, and the
 * ranked list by expert score (the order 导出推荐名单 writes).
 */
import { Text } from "@fluentui/react-components";
import { indicatorTable } from "../../core/indicators";
import type { MergeResult } from "../../core/merge";
import { orderForExport } from "../../core/ordering";
import { sourceKey } from "../../core/identity";
import { findingsByRecord } from "../../core/recordRow";
import { usePanelStyles } from "../styles";

export function ProvinceResult({ result }: { result: MergeResult }) {
  const styles = usePanelStyles();
  const crossBreaks = result.findings.filter((f) => f.code === "R2" || f.code === "R3");
  const own = findingsByRecord(result.records, crossBreaks);
  const flagged = new Set(result.records.filter((_, i) => own[i].length > 0));
  const tiers = indicatorTable(result.indicators).filter(
    (r) => r.reported || r.prefecture === "全省合计"
  );
  const ranked = orderForExport(result.records);
  const scored = ranked.filter((r) => r.score !== null).length;
  return (
    <>
      <Text>
        全省汇总 {result.records.length} 个案例，来自 {14 - result.missingPrefectures.length}{" "}
        个市州；问题 {result.findings.length} 个，其中跨市州重复（R2/R3） {crossBreaks.length} 个。
      </Text>
      <div className={styles.tableWrap}>
        <table className={styles.table} aria-label="地区指标：三级、二级、一级企业数">
          <thead>
            <tr>
              <th scope="col">市州</th>
              <th scope="col">三级</th>
              <th scope="col">二级</th>
              <th scope="col">一级</th>
            </tr>
          </thead>
          <tbody>
            {tiers.map((r) => (
              <tr key={r.prefecture}>
                <th scope="row" className={styles.nowrap}>
                  {r.prefecture}
                </th>
                <td className={styles.num}>{r.values.tier3 ?? "—"}</td>
                <td className={styles.num}>{r.values.tier2 ?? "—"}</td>
                <td className={styles.num}>{r.values.tier1 ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Text size={200} className={styles.muted}>
        推荐名单顺序（按评审得分从高到低，已评分 {scored} 个；红底为跨市州重复）：
      </Text>
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="ranked-list" aria-label="推荐名单顺序">
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
                className={flagged.has(r) ? styles.flagged : undefined}
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
