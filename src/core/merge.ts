/**
 * Merge of prefecture submissions into the province's roll-up: provenance kept on every row, a prefecture's corrected
 * workbook replaces its earlier one, missing prefectures listed, rules run across all rows.
 * The result does not depend on the order of the inputs, and giving the same file twice changes nothing.
 */
import { parseDateLoose } from "./dates";
import { compareFindings, finding, type Finding } from "./findings";
import type { CaseRecord, IndicatorValues, PrefectureSubmission, SubmissionMeta } from "./model";
import { matchCases } from "./identity";
import type { ScoreCarry } from "./scores";
import { checkAll, dedupeFindings } from "./rules";
import type { CampaignSettings } from "./settings";
import { PREFECTURE_NAMES, prefectureIndex, type PrefectureName } from "./vocabulary";

export interface InputSummary {
  file: string;
  kind: PrefectureSubmission["kind"];
  prefecture: PrefectureName | null;
  rows: number;
  /** ok: merged; rejected: unreadable (see error); superseded: a newer file of the same prefecture replaced it. */
  status: "ok" | "rejected" | "superseded";
  error?: string;
  /** The prefecture package the submission came in: its name, the 申报表 read with it, the attachments counted. */
  package?: PrefectureSubmission["package"];
}

export interface MergeResult {
  settings: CampaignSettings;
  inputs: InputSummary[];
  /** Every row, by prefecture (GB/T 2260 order) then the prefecture's recommendation order. */
  records: CaseRecord[];
  findings: Finding[];
  missingPrefectures: PrefectureName[];
  indicators: Partial<Record<PrefectureName, IndicatorValues>>;
  /** 推荐单位 / 日期 / 联系人 / 手机 per prefecture, from its 附件3 sheet. */
  meta: Partial<Record<PrefectureName, SubmissionMeta>>;
  /** Cases of a superseded file: replaced by the same case of the newer file, or gone from it. */
  replaced: ReplacedCase[];
  /** Scores carried from the previous roll-up (huhang merge --out of an existing workbook), when there was one. */
  scoreCarry?: ScoreCarry;
}

/** A case of a prefecture's earlier file, and what became of it in the newer one. */
export interface ReplacedCase {
  prefecture: PrefectureName;
  caseName: string;
  enterprise: string;
  /** The earlier file, and the newer one that replaced it. */
  from: string;
  by: string;
  /** replaced: the same case (core/identity) is in the newer file; gone: the newer file no longer has it. */
  kind: "replaced" | "gone";
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Which of two files of one prefecture is the newer: the later 日期 on its sheet, then the later file name in sort
 * order ("…（修改版）", "…v2" sort after the first version). Order of the inputs plays no part.
 */
function newer(a: PrefectureSubmission, b: PrefectureSubmission): PrefectureSubmission {
  const da = parseDateLoose(a.meta.date) ?? "";
  const db = parseDateLoose(b.meta.date) ?? "";
  if (da !== db) return da > db ? a : b;
  return byText(a.file, b.file) >= 0 ? a : b;
}

export function mergeSubmissions(
  submissions: readonly PrefectureSubmission[],
  settings: CampaignSettings
): MergeResult {
  // the same file name given twice is one input
  const unique = [
    ...new Map(
      [...submissions].sort((a, b) => byText(a.file, b.file)).map((s) => [s.file, s])
    ).values(),
  ];

  // a prefecture may send its 附件3 and its 附件2 as two files: an indicators-only file never replaces rows
  const indicatorOwner = new Map<PrefectureName, PrefectureSubmission>();
  for (const s of unique) {
    if (!s.ok || !s.prefecture || !s.indicators) continue;
    const current = indicatorOwner.get(s.prefecture);
    indicatorOwner.set(s.prefecture, current ? newer(current, s) : s);
  }
  const recordOwner = new Map<PrefectureName, PrefectureSubmission>();
  for (const s of unique) {
    if (!s.ok || !s.prefecture || s.records.length === 0) continue;
    const current = recordOwner.get(s.prefecture);
    recordOwner.set(s.prefecture, current ? newer(current, s) : s);
  }

  const keepsRows = (s: PrefectureSubmission) =>
    s.ok && (!s.prefecture || recordOwner.get(s.prefecture) === s);
  const keepsIndicators = (s: PrefectureSubmission) =>
    s.ok && !!s.prefecture && indicatorOwner.get(s.prefecture) === s;
  const isKept = (s: PrefectureSubmission) => keepsRows(s) || keepsIndicators(s);

  const findings: Finding[] = [];
  const replacedCases: ReplacedCase[] = [];
  const inputs: InputSummary[] = unique.map((s) => {
    if (s.ok && s.prefecture && s.records.length > 0 && !keepsRows(s)) {
      const owner = recordOwner.get(s.prefecture)!;
      const { matched } = matchCases(s.records, owner.records, (r) => r);
      const continued = new Set(matched.values());
      for (const r of s.records) {
        replacedCases.push({
          prefecture: s.prefecture,
          caseName: r.caseName,
          enterprise: r.enterprise,
          from: s.file,
          by: owner.file,
          kind: continued.has(r) ? "replaced" : "gone",
        });
      }
    }
    const fileError = s.findings.find((f) => f.code === "FILE" && f.severity === "error");
    const replaced: string[] = [];
    if (s.ok && s.prefecture && s.records.length > 0 && !keepsRows(s))
      replaced.push(`推荐案例已采用较新的“${recordOwner.get(s.prefecture)!.file}”`);
    if (s.ok && s.prefecture && s.indicators && !keepsIndicators(s))
      replaced.push(`地区指标已采用较新的“${indicatorOwner.get(s.prefecture)!.file}”`);
    if (replaced.length > 0) {
      findings.push(
        finding(
          "FILE",
          { file: s.file },
          `${s.prefecture}有多个文件：${replaced.join("，")}，本文件的这部分未计入汇总`,
          {
            severity: "warning",
            prefecture: s.prefecture,
          }
        )
      );
    }
    const status: InputSummary["status"] = !s.ok
      ? "rejected"
      : isKept(s) || !s.prefecture
        ? "ok"
        : "superseded";
    return {
      file: s.file,
      kind: s.kind,
      prefecture: s.prefecture,
      rows: s.records.length,
      status,
      ...(status === "rejected" && fileError ? { error: fileError.message } : {}),
      ...(s.package ? { package: s.package } : {}),
    };
  });

  const records: CaseRecord[] = [];
  for (const s of unique) {
    if (keepsRows(s)) records.push(...s.records);
    // a file's own findings (reading problems) count while any part of it is used, and always when it was unreadable
    if (!s.ok || isKept(s)) findings.push(...s.findings);
  }
  records.sort(compareRecords);

  const indicators: MergeResult["indicators"] = {};
  for (const p of PREFECTURE_NAMES) {
    const s = indicatorOwner.get(p);
    if (s) indicators[p] = s.indicators!;
  }
  findings.push(...checkAll(records, indicators, settings));

  const meta: MergeResult["meta"] = {};
  for (const p of PREFECTURE_NAMES) {
    const s = recordOwner.get(p);
    if (s) meta[p] = s.meta;
  }

  const reported = new Set<PrefectureName>([...recordOwner.keys(), ...indicatorOwner.keys()]);
  return {
    settings,
    inputs,
    records,
    findings: dedupeFindings(findings).sort(compareFindingsByPrefecture),
    missingPrefectures: PREFECTURE_NAMES.filter((p) => !reported.has(p)),
    indicators,
    meta,
    replaced: replacedCases,
  };
}

/** Prefecture in GB/T 2260 order (unknown last), then its recommendation order, then source position. */
export function compareRecords(a: CaseRecord, b: CaseRecord): number {
  const pa = a.prefecture ? prefectureIndex(a.prefecture) : 99;
  const pb = b.prefecture ? prefectureIndex(b.prefecture) : 99;
  return (
    pa - pb ||
    a.order - b.order ||
    byText(a.source.file, b.source.file) ||
    (a.source.row ?? 0) - (b.source.row ?? 0)
  );
}

/** Findings by prefecture (GB/T 2260 order, province-wide last), then by place. */
export function compareFindingsByPrefecture(a: Finding, b: Finding): number {
  const rank = (p: string | null | undefined) =>
    p ? PREFECTURE_NAMES.indexOf(p as PrefectureName) : 99;
  return rank(a.prefecture) - rank(b.prefecture) || compareFindings(a, b);
}
