/**
 * Merge of prefecture submissions into the province's roll-up: provenance kept on every row, a later file of the same
 * prefecture replaces its earlier rows (a corrected workbook), missing prefectures listed, rules run across all rows.
 * The result does not depend on the order of the inputs.
 */
import { compareFindings, type Finding } from './findings';
import type { CaseRecord, IndicatorValues, PrefectureSubmission } from './model';
import { checkRecords } from './rules';
import { checkIndicators } from './rules/indicators';
import type { CampaignSettings } from './settings';
import { PREFECTURE_NAMES, prefectureIndex, type PrefectureName } from './vocabulary';

export interface InputSummary {
  file: string;
  kind: PrefectureSubmission['kind'];
  prefecture: PrefectureName | null;
  rows: number;
  status: 'ok' | 'rejected' | 'superseded';
  error?: string;
}

export interface MergeResult {
  settings: CampaignSettings;
  inputs: InputSummary[];
  /** Every row, by prefecture (GB/T 2260 order) then the prefecture's recommendation order. */
  records: CaseRecord[];
  findings: Finding[];
  missingPrefectures: PrefectureName[];
  indicators: Partial<Record<PrefectureName, IndicatorValues>>;
  /** 推荐单位 / 联系人 / 手机 per prefecture, from its 附件3 sheet. */
  meta: Partial<Record<PrefectureName, PrefectureSubmission['meta']>>;
}

/**
 * Merge submissions. Submissions are grouped by prefecture; when one prefecture sent several files, the one read last
 * in a stable order (by file name) wins for its rows and indicators, so importing a corrected workbook replaces the
 * earlier one. Files with no recognisable prefecture are kept under "未识别" (null) and still checked.
 */
export function mergeSubmissions(submissions: PrefectureSubmission[], settings: CampaignSettings): MergeResult {
  const sorted = [...submissions].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // identical file names (same file given twice) collapse to one
  const byFile = new Map<string, PrefectureSubmission>();
  for (const s of sorted) byFile.set(s.file, s);
  const unique = [...byFile.values()];

  const recordsOwner = new Map<PrefectureName, PrefectureSubmission>();
  const indicatorsOwner = new Map<PrefectureName, PrefectureSubmission>();
  for (const s of unique) {
    if (!s.ok || !s.prefecture) continue;
    if (s.records.length > 0) recordsOwner.set(s.prefecture, s);
    if (s.indicators) indicatorsOwner.set(s.prefecture, s);
  }

  const inputs: InputSummary[] = unique.map((s) => {
    const superseded =
      s.ok &&
      s.prefecture !== null &&
      (s.records.length > 0 || s.indicators !== null) &&
      recordsOwner.get(s.prefecture) !== s &&
      indicatorsOwner.get(s.prefecture) !== s;
    const fileError = s.findings.find((f) => f.code === 'FILE');
    return {
      file: s.file,
      kind: s.kind,
      prefecture: s.prefecture,
      rows: s.records.length,
      status: !s.ok ? 'rejected' : superseded ? 'superseded' : 'ok',
      ...(fileError && !s.ok ? { error: fileError.message } : {}),
    };
  });

  const kept = unique.filter((s) => s.ok && (!s.prefecture || recordsOwner.get(s.prefecture) === s || indicatorsOwner.get(s.prefecture) === s));
  const records: CaseRecord[] = [];
  for (const s of kept) {
    if (!s.prefecture || recordsOwner.get(s.prefecture) === s) records.push(...s.records);
  }
  records.sort(compareRecords);

  const findings: Finding[] = [];
  for (const s of unique) {
    const keepsFindings = !s.ok || kept.includes(s);
    if (keepsFindings) findings.push(...s.findings.filter((f) => !s.prefecture || recordsOwner.get(s.prefecture) === s || f.code === 'FILE' || f.code === 'IND'));
  }
  findings.push(...checkRecords(records, settings));

  const indicators: MergeResult['indicators'] = {};
  for (const [p, s] of indicatorsOwner) {
    indicators[p] = s.indicators!;
    findings.push(...checkIndicators(s.indicators!, s.file));
  }

  const meta: MergeResult['meta'] = {};
  for (const [p, s] of recordsOwner) meta[p] = s.meta;

  const reported = new Set<PrefectureName>([...recordsOwner.keys(), ...indicatorsOwner.keys()]);
  return {
    settings,
    inputs,
    records,
    findings: dedupeFindings(findings).sort(compareFindings),
    missingPrefectures: PREFECTURE_NAMES.filter((p) => !reported.has(p)),
    indicators,
    meta,
  };
}

/** Prefecture in GB/T 2260 order (unknown last), then its recommendation order, then source position. */
export function compareRecords(a: CaseRecord, b: CaseRecord): number {
  const pa = a.prefecture ? prefectureIndex(a.prefecture) : 99;
  const pb = b.prefecture ? prefectureIndex(b.prefecture) : 99;
  return (
    pa - pb ||
    a.order - b.order ||
    (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0) ||
    (a.source.row ?? 0) - (b.source.row ?? 0)
  );
}

function dedupeFindings(list: Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const key = [f.code, f.file, f.sheet, f.row, f.column, f.message].join('\u0001');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
