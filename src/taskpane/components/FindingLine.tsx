/** One finding as a clerk reads it: code, severity, the sentence, and where (file, sheet, row, column). */
import { mergeClasses } from "@fluentui/react-components";
import { describeLocation, FINDING_TITLES, type Finding } from "../../core/findings";
import { usePanelStyles } from "../styles";

export function FindingLine({ finding }: { finding: Finding }) {
  const styles = usePanelStyles();
  const error = finding.severity === "error";
  return (
    <span>
      <span
        className={mergeClasses(styles.badge, error ? styles.badgeDanger : styles.badgeWarning)}
        title={FINDING_TITLES[finding.code]}
      >
        {finding.code} {error ? "错误" : "提醒"}
      </span>{" "}
      <span className={error ? styles.error : styles.warning}>{finding.message}</span>
      <br />
      <span className={styles.muted}>
        {finding.prefecture ? `${finding.prefecture}，` : ""}
        {describeLocation(finding)}
      </span>
    </span>
  );
}
