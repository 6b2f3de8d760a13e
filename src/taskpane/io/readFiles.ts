/**
 * Reading the files a clerk picks or drops (loaded on first use by lazy.ts: the readers, fflate and xmldom stay out of
 * the first load), through the one input dispatcher (src/io/inputs.ts). Never throws — a file that cannot be read
 * becomes a FILE finding in Chinese, and the other files go on.
 */
import type { PrefectureSubmission } from "../../core/model";
import type { CampaignSettings } from "../../core/settings";
import type { PrefectureName } from "../../core/vocabulary";
import { scoredCases } from "../../core/scores";
import { assembleSubmissions, formRecord, readInput } from "../../io/inputs";
import { readProvinceWorkbook } from "../../io/xlsx/readProvince";
import type { ImportedFile } from "../state/appState";

/**
 * One file of the clerk's import: Word forms (one row each, under the clerk's prefecture, else the form's own
 * 推荐单位) or a workbook (its 推荐汇总表 rows and 附件2 indicators, under its own 推荐单位).
 */
export async function readImportFile(
  file: string,
  bytes: Uint8Array,
  settings: CampaignSettings,
  prefecture: PrefectureName | null
): Promise<ImportedFile> {
  const read = await readInput(file, bytes);
  switch (read.kind) {
    case "forms":
      return {
        file,
        kind: "docx",
        prefecture: prefecture ?? formRecord(read.applications[0], 0).prefecture,
        meta: { recommender: "", date: "", contact: "", phone: "" },
        records: read.applications.map((a, i) =>
          formRecord(a, i + 1, { prefecture, summaryLimit: settings.summaryLimit })
        ),
        findings: read.findings,
        indicators: null,
      };
    case "workbook": {
      const [sub] = assembleSubmissions([read], { prefecture });
      if (!sub.ok) return rejected(file, sub);
      return {
        file,
        kind: "xlsx",
        prefecture: sub.prefecture,
        meta: sub.meta,
        records: sub.records,
        findings: sub.findings,
        indicators: sub.indicators,
      };
    }
    case "province":
      // a province roll-up given to a clerk's list: its cases, each under its own prefecture (a mixed list is said)
      return {
        file,
        kind: "xlsx",
        prefecture: null,
        meta: { recommender: "", date: "", contact: "", phone: "" },
        records: read.submissions.flatMap((s) => s.records),
        findings: read.submissions.flatMap((s) => s.findings),
        indicators: null,
      };
    case "rejected":
      return rejected(file, { findings: read.findings });
    case "package": {
      // a prefecture package (.zip): its list checked against its forms, its 附件2 beside it
      const subs = assembleSubmissions([read], { prefecture, summaryLimit: settings.summaryLimit });
      const main = subs.find((s) => s.ok && s.records.length > 0) ?? subs.find((s) => s.ok);
      const findings = subs.flatMap((s) => s.findings);
      if (!main) return rejected(file, { findings });
      return {
        file,
        kind: "xlsx",
        prefecture: main.prefecture,
        meta: main.meta,
        records: main.records,
        findings,
        indicators: main.indicators ?? subs.find((s) => s.indicators)?.indicators ?? null,
      };
    }
  }
}

function rejected(file: string, sub: Pick<PrefectureSubmission, "findings">): ImportedFile {
  return {
    file,
    kind: "rejected",
    prefecture: null,
    meta: { recommender: "", date: "", contact: "", phone: "" },
    records: [],
    findings: sub.findings,
    indicators: null,
  };
}

/** One file for the provincial merge: a prefecture's workbook, Word forms, or a roll-up (one per prefecture). */
export async function readSubmissions(
  file: string,
  bytes: Uint8Array
): Promise<PrefectureSubmission[]> {
  return assembleSubmissions([await readInput(file, bytes)]);
}

/** The scored cases of a 全省汇总 workbook staff have filled (standalone: Excel reads them from the sheet itself). */
export async function readScoredWorkbook(file: string, bytes: Uint8Array) {
  const { records, findings } = await readProvinceWorkbook(bytes, file);
  return { scores: scoredCases(records), findings };
}
