/**
 * What `huhang` prints: the `--json` report (field names are a contract with scripts, see ./reportSchema.ts) and the
 * Chinese summary for people.
 */
import { describeLocation, FINDING_TITLES, type FindingCode } from "../core/findings";
import { indicatorTable } from "../core/indicators";
import type { MergeResult } from "../core/merge";
import { carryHeadline } from "../core/scores";
import type { z } from "zod";
import type { cliReportSchema } from "./reportSchema";

/** The `--json` report (its schema, a contract with scripts: ./reportSchema.ts). */
export type JsonReport = z.infer<typeof cliReportSchema>;

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
      ...(i.package ? { package: i.package } : {}),
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
      date: r.date,
      score: r.score,
      source: r.source,
      form: r.form,
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
    replaced: result.replaced,
    scores: result.scoreCarry ?? null,
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
  for (const i of result.inputs) {
    if (!i.package) continue;
    lines.push(
      `报送材料 ${i.package.name}：推荐汇总表 ${i.file}（${i.rows} 个案例），申报表 ${i.package.forms.length} 份，附件 ${i.package.attachments.length} 个。`
    );
  }
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
        [...counts].map(([c, n]) => `${c} ${FINDING_TITLES[c as FindingCode]} ${n} 条`).join("；")
    );
  }
  const replaced = result.replaced.filter((r) => r.kind === "replaced");
  const gone = result.replaced.filter((r) => r.kind === "gone");
  if (replaced.length > 0) {
    lines.push(`较新的报送替换了 ${replaced.length} 个案例：`);
    for (const r of replaced)
      lines.push(`  ${r.prefecture}“${r.caseName}”（${r.enterprise}）：“${r.from}”→“${r.by}”`);
  }
  if (gone.length > 0) {
    lines.push(`较新的报送中已不再有 ${gone.length} 个案例：`);
    for (const r of gone)
      lines.push(`  ${r.prefecture}“${r.caseName}”（${r.enterprise}）：只在“${r.from}”中`);
  }
  if (result.scoreCarry) {
    lines.push(carryHeadline(result.scoreCarry));
    for (const l of result.scoreCarry.lost) lines.push(`  ${l.message}`);
  }
  if (output) lines.push(`已写出：${output}`);
  return lines.join("\n");
}
