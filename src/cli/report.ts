/**
 * What `huhang` prints: the `--json` report (field names are a contract with scripts, see cliReportSchema) and the
 * Chinese summary for people.
 */
import { describeLocation, FINDING_TITLES, type Finding } from "../core/findings";
import { indicatorTable } from "../core/indicators";
import type { MergeResult } from "../core/merge";

export interface JsonReport {
  output: string | null;
  inputs: Array<{
    file: string;
    kind: string;
    prefecture: string | null;
    rows: number;
    status: "ok" | "rejected";
    error?: string;
    note?: string;
  }>;
  records: Array<Record<string, unknown>>;
  findings: Array<
    Pick<
      Finding,
      "code" | "severity" | "file" | "sheet" | "row" | "column" | "enterprise" | "message"
    > & { prefecture: string | null }
  >;
  missingPrefectures: string[];
  indicators: Record<string, unknown>;
}

export function jsonReport(result: MergeResult, output: string | null): JsonReport {
  return {
    output,
    inputs: result.inputs.map((i) => ({
      file: i.file,
      kind: i.kind,
      prefecture: i.prefecture,
      rows: i.rows,
      status: i.status === "rejected" ? "rejected" : "ok",
      ...(i.error ? { error: i.error } : {}),
      ...(i.status === "superseded" ? { note: "已被同一市州较新的文件取代，未计入汇总" } : {}),
    })),
    records: result.records.map((r) => ({
      prefecture: r.prefecture,
      order: r.order,
      caseName: r.caseName,
      enterprise: r.enterprise,
      uscc: r.uscc,
      category: r.category,
      direction: r.direction,
      level: r.level,
      summary: r.summary,
      contact: r.contact,
      phone: r.phone,
      source: r.source,
    })),
    findings: result.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      file: f.file,
      sheet: f.sheet,
      row: f.row,
      column: f.column,
      enterprise: f.enterprise,
      prefecture: f.prefecture ?? null,
      message: f.message,
    })),
    missingPrefectures: result.missingPrefectures,
    indicators: Object.fromEntries(
      indicatorTable(result.indicators)
        .filter((row) => row.reported)
        .map((row) => [row.prefecture, { ...row.values, ...row.derived }])
    ),
  };
}

/** The summary a clerk reads in the terminal. */
export function textSummary(result: MergeResult, output: string | null): string {
  const lines: string[] = [];
  const ok = result.inputs.filter((i) => i.status === "ok").length;
  const bad = result.inputs.filter((i) => i.status === "rejected");
  lines.push(
    `读取文件 ${result.inputs.length} 个：成功 ${ok} 个${bad.length ? `，无法读取 ${bad.length} 个` : ""}；推荐案例 ${result.records.length} 条。`
  );
  const reported = 14 - result.missingPrefectures.length;
  lines.push(
    `已报市州 ${reported} 个${result.missingPrefectures.length ? `；未报：${result.missingPrefectures.join("、")}` : "，14 个市州全部已报"}。`
  );
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.length - errors;
  lines.push(
    `发现问题 ${result.findings.length} 条（错误 ${errors} 条，提醒 ${warnings} 条）${result.findings.length ? "：" : "。"}`
  );
  for (const f of result.findings) {
    lines.push(
      `  [${f.code} ${f.severity === "error" ? "错误" : "提醒"}] ${describeLocation(f)}：${f.message}`
    );
  }
  if (result.findings.length) {
    const counts = new Map<string, number>();
    for (const f of result.findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    lines.push(
      "问题分类：" +
        [...counts]
          .map(([c, n]) => `${c} ${FINDING_TITLES[c as Finding["code"]]} ${n} 条`)
          .join("；")
    );
  }
  if (output) lines.push(`已写出：${output}`);
  return lines.join("\n");
}
