/** 问题清单: every finding with its place, in the order given; the 级别 cell coloured by severity. */
import { FINDING_TITLES, type Finding } from "../core/findings";
import type { ColumnLayout, PrintSpec } from "./layout";
import { printSpec } from "./layout";

export const FINDINGS_SHEET = "问题清单";
export const SEVERITY_LABELS = { error: "错误", warning: "提醒" } as const;

export interface FindingColumn extends ColumnLayout {
  value(f: Finding, seq: number): string | number | null;
}

export const FINDING_COLUMNS: readonly FindingColumn[] = [
  { header: "序号", width: 5, look: "number", value: (_f, i) => i },
  { header: "级别", width: 6, look: "text", value: (f) => SEVERITY_LABELS[f.severity] },
  { header: "代码", width: 6, look: "text", value: (f) => f.code },
  { header: "问题类型", width: 18, look: "text", value: (f) => FINDING_TITLES[f.code] },
  { header: "市州", width: 10, look: "text", value: (f) => f.prefecture ?? null },
  { header: "文件", width: 22, look: "text", value: (f) => f.file || null },
  { header: "工作表", width: 11, look: "text", value: (f) => f.sheet },
  { header: "行", width: 5, look: "number", value: (f) => f.row },
  { header: "列", width: 9, look: "text", value: (f) => f.column },
  { header: "企业", width: 22, look: "text", value: (f) => f.enterprise },
  { header: "说明", width: 60, look: "text", value: (f) => f.message },
];

/** The 级别 column, coloured by severity. */
export const SEVERITY_COLUMN = 1;

export const FINDINGS_PRINT: PrintSpec = printSpec("landscape", [1, 1]);

/** Whether a header row is our 问题清单 (never read as data). */
export function recognizeFindingsHeader(headers: readonly string[]): boolean {
  const want = FINDING_COLUMNS.map((c) => c.header);
  return want.every((h, i) => headers[i] === h);
}
