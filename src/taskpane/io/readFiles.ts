/**
 * Reading the files a clerk picks or drops (loaded on first use by lazy.ts: the readers, fflate and xmldom stay out of
 * the first load). Bytes in, ImportedFile / PrefectureSubmission out; never throws — a file that cannot be read
 * becomes a FILE finding in Chinese, and the other files go on.
 */
import { applicationToRecord } from "../../core/application";
import { finding } from "../../core/findings";
import { EMPTY_META, type PrefectureSubmission } from "../../core/model";
import type { CampaignSettings } from "../../core/settings";
import { parsePrefecture, type PrefectureName } from "../../core/vocabulary";
import { readApplicationDocx } from "../../io/docx/readApplication";
import { readProvinceWorkbook } from "../../io/xlsx/readProvince";
import { readWorkbook } from "../../io/xlsx/readWorkbook";
import { recordKey } from "../host";
import type { ImportedFile } from "../state/appState";

const LEGACY: Record<string, string> = {
  doc: "这是旧版 Word 文档（.doc）：请用 Word 或 WPS 打开后“另存为” Word 文档（*.docx）再导入",
  wps: "这是 WPS 文字文档（.wps）：请用 WPS 打开后“另存为” Word 文档（*.docx）再导入",
  xls: "这是旧版 Excel 工作簿（.xls）：请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（*.xlsx）再导入",
  et: "这是 WPS 表格文件（.et）：请用 WPS 打开后“另存为” Excel 工作簿（*.xlsx）再导入",
  pdf: "这是 PDF 或扫描件，无法读取其中的表格：请向申报单位索取 Word（.docx）或 Excel（.xlsx）原件",
};

function extension(name: string): string {
  const m = /\.([^.]+)$/.exec(name);
  return m ? m[1].toLowerCase() : "";
}

function rejectedMessage(name: string, accepted: string): string {
  const ext = extension(name);
  return LEGACY[ext] ?? `不支持的文件类型“${ext ? "." + ext : "无扩展名"}”：请导入 ${accepted}`;
}

function rejected(file: string, message: string): ImportedFile {
  return {
    file,
    kind: "rejected",
    prefecture: null,
    meta: { ...EMPTY_META },
    records: [],
    findings: [finding("FILE", { file }, message)],
    indicators: null,
  };
}

/** One file of the clerk's import: a Word 申报表 (one row) or a workbook (its 推荐汇总表 rows and 附件2 indicators). */
export async function readImportFile(
  file: string,
  bytes: Uint8Array,
  settings: CampaignSettings,
  prefecture: PrefectureName | null
): Promise<ImportedFile> {
  const ext = extension(file);
  if (ext === "docx") {
    const { application, findings } = await readApplicationDocx(bytes, file, { settings });
    if (!application) return { ...rejected(file, ""), findings };
    const p = parsePrefecture(application.recommender) ?? prefecture;
    const record = applicationToRecord(application, 0, p);
    return {
      file,
      kind: "docx",
      prefecture: p,
      meta: { ...EMPTY_META },
      records: [record],
      findings,
      indicators: null,
    };
  }
  if (ext === "xlsx" || ext === "xlsm") {
    const sub = await readWorkbook(bytes, file, prefecture ? { prefecture } : {});
    if (!sub.ok) return { ...rejected(file, ""), findings: sub.findings };
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
  return rejected(file, rejectedMessage(file, ".docx 申报表或 .xlsx 推荐汇总表"));
}

/** One prefecture workbook for the provincial merge. */
export async function readPrefectureWorkbook(
  file: string,
  bytes: Uint8Array
): Promise<PrefectureSubmission> {
  const ext = extension(file);
  if (ext === "xlsx" || ext === "xlsm") return readWorkbook(bytes, file);
  const message = rejectedMessage(file, "各市州报送的 .xlsx 推荐汇总表");
  return {
    file,
    kind: "unknown",
    prefecture: null,
    meta: { ...EMPTY_META },
    records: [],
    indicators: null,
    findings: [finding("FILE", { file }, message)],
    ok: false,
  };
}

/** Expert scores from a 全省汇总 workbook staff have filled (standalone: Excel reads them from the sheet itself). */
export async function readScoredWorkbook(file: string, bytes: Uint8Array) {
  const { records, findings } = await readProvinceWorkbook(bytes, file);
  const scores = new Map<string, number>();
  for (const r of records) if (r.score !== null) scores.set(recordKey(r), r.score);
  return { scores, findings };
}
