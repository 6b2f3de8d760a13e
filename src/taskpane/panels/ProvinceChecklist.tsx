/** The 14 prefectures and what each has sent: 已报 / 未报 / 有问题, with rows and files. */
import { mergeClasses } from "@fluentui/react-components";
import type { ChecklistRow } from "../state/provinceViews";
import { usePanelStyles } from "../styles";

const COLOR = { 已报: "badgeSuccess", 未报: "badgeNeutral", 有问题: "badgeDanger" } as const;

export function ProvinceChecklist({ rows }: { rows: ChecklistRow[] }) {
  const styles = usePanelStyles();
  const counts = { 已报: 0, 未报: 0, 有问题: 0 };
  for (const r of rows) counts[r.status]++;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="prefecture-checklist" aria-label="市州报送情况">
        <caption className={styles.muted}>
          已报 {counts.已报} 个，有问题 {counts.有问题} 个，未报 {counts.未报} 个
        </caption>
        <thead>
          <tr>
            <th scope="col">市州</th>
            <th scope="col">状态</th>
            <th scope="col">案例数</th>
            <th scope="col">文件</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.prefecture} data-prefecture={r.prefecture} data-status={r.status}>
              <th scope="row">{r.prefecture}</th>
              <td className={styles.nowrap}>
                <span className={mergeClasses(styles.badge, styles[COLOR[r.status]])}>
                  {r.status}
                </span>
                {r.errors > 0 ? <span className={styles.error}> 错误 {r.errors}</span> : null}
              </td>
              <td className={styles.num}>{r.rows}</td>
              <td>{r.files.join("、")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
