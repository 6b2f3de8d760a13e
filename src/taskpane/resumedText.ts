/** What the pane read from its workbook on opening in Excel, as the status line says it (ResumeFromWorkbook.tsx). */
import type { ResumedWork } from "../app/host";

/** "已从本工作簿读取：长沙市推荐列表 12 个案例，地区指标已填 20 项。…" */
export function resumedText(work: ResumedWork): string {
  const parts: string[] = [];
  let findings = 0;
  const list = work.prefecture;
  if (list) {
    parts.push(`${list.prefecture ?? ""}推荐列表 ${list.records.length} 个案例`);
    const filled = list.indicators
      ? Object.values(list.indicators.values).filter((v) => typeof v === "number").length
      : 0;
    if (filled > 0) parts.push(`地区指标已填 ${filled} 项`);
    findings += list.findings.length;
  }
  const merge = work.province;
  if (merge) {
    const records = merge.submissions.reduce((n, s) => n + s.records.length, 0);
    const prefectures = new Set(merge.submissions.map((s) => s.prefecture).filter((p) => p));
    parts.push(`全省汇总 ${records} 个案例（${prefectures.size} 个市州）`);
    if (merge.scores.length > 0) parts.push(`评审得分 ${merge.scores.length} 个`);
    findings += merge.submissions.reduce((n, s) => n + s.findings.length, 0);
  }
  const check = findings > 0 ? `读取时发现 ${findings} 处需核对，见“问题清单”。` : "";
  return `已从${work.file}读取：${parts.join("，")}。${check}此后的操作在这些工作表上更新。`;
}
