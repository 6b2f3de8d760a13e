/**
 * Collect the inputs named on the command line (files and folders), read each one by its format, and turn Word forms
 * into per-prefecture submissions. A file that cannot be read becomes a FILE finding; the others go on.
 */
import { errorMessage } from "../core/errors";
import { promises as fs } from "node:fs";
import path from "node:path";
import { applicationToRecord } from "../core/application";
import { finding, type Finding } from "../core/findings";
import { EMPTY_META, type CaseRecord, type PrefectureSubmission } from "../core/model";
import type { CampaignSettings } from "../core/settings";
import { bureauName, parsePrefecture, type PrefectureName } from "../core/vocabulary";
import { docxLimitsFrom, readApplicationDocx } from "../io/docx/readApplication";
import { formatBytes, withLimits, type InputLimits } from "../io/limits";
import { readLimitsFrom, readWorkbook } from "../io/xlsx/readWorkbook";

const WORKBOOK = new Set([".xlsx", ".xlsm"]);
const WORD = new Set([".docx"]);
/** Formats clerks send that we cannot read, with what to do about each. */
const LEGACY: Record<string, string> = {
  ".xls": "旧版 Excel（.xls）文件，请用 Excel 或 WPS 打开后“另存为” .xlsx 格式再导入",
  ".et": "WPS 表格（.et）文件，请用 WPS 打开后“另存为” .xlsx 格式再导入",
  ".doc": "旧版 Word（.doc）文件，请用 Word 或 WPS 打开后“另存为” .docx 格式再导入",
  ".wps": "WPS 文字（.wps）文件，请用 WPS 打开后“另存为” .docx 格式再导入",
  ".pdf": "PDF 文件无法读取内容，请向企业索取 Word（.docx）版申报表",
  ".ofd": "OFD 文件无法读取内容，请向企业索取 Word（.docx）版申报表",
  ".jpg": "图片（扫描件）无法读取内容，请向企业索取 Word（.docx）版申报表",
  ".jpeg": "图片（扫描件）无法读取内容，请向企业索取 Word（.docx）版申报表",
  ".png": "图片（扫描件）无法读取内容，请向企业索取 Word（.docx）版申报表",
  ".csv": "CSV 文件不含推荐汇总表格式，请使用 .xlsx 文件",
};

/** Expand folders (recursively, skipping hidden files and Office lock files "~$…"), keep a stable order. */
export async function expandInputs(
  args: string[]
): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  async function walk(p: string): Promise<void> {
    const st = await fs.stat(p).catch(() => null);
    if (!st) {
      missing.push(p);
      return;
    }
    if (st.isDirectory()) {
      const entries = (await fs.readdir(p)).sort();
      for (const e of entries)
        if (!e.startsWith(".") && !e.startsWith("~$")) await walk(path.join(p, e));
    } else if (st.isFile()) {
      files.push(p);
    }
  }
  for (const a of args) await walk(a);
  return { files: [...new Set(files)], missing };
}

export interface ReadOptions {
  settings: CampaignSettings;
  /** Prefecture of a clerk's batch (`--prefecture`): Word forms and workbooks without one are taken as this one's. */
  prefecture?: PrefectureName;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Limits on one input file (size, unpacked size, rows, cells, sheets, time); DEFAULT_LIMITS otherwise. */
  limits?: Partial<InputLimits>;
}

function rejected(
  file: string,
  message: string,
  prefecture: PrefectureName | null = null
): PrefectureSubmission {
  return {
    file,
    kind: "unknown",
    prefecture,
    meta: EMPTY_META,
    records: [],
    indicators: null,
    findings: [finding("FILE", { file }, message)],
    ok: false,
  };
}

interface WordForm {
  file: string;
  record: CaseRecord | null;
  findings: Finding[];
  prefecture: PrefectureName | null;
}

/**
 * Read every file. Workbooks become one submission each; Word forms are grouped into one submission per prefecture
 * (the 推荐单位 on the form, or `--prefecture`), in file-name order, which is the recommendation order until the clerk
 * reorders them.
 */
export async function readInputs(
  files: string[],
  opts: ReadOptions
): Promise<PrefectureSubmission[]> {
  const out: PrefectureSubmission[] = [];
  const forms: WordForm[] = [];
  const limits = withLimits(opts.limits);
  for (let i = 0; i < files.length; i++) {
    const full = files[i];
    const name = path.basename(full);
    const ext = path.extname(name).toLowerCase();
    opts.onProgress?.(i, files.length, name);
    let data: Uint8Array;
    try {
      // a file over the size limit is not even read into memory
      const size = (await fs.stat(full)).size;
      if (size > limits.maxFileBytes) {
        out.push(
          rejected(
            name,
            `文件大小 ${formatBytes(size)}，超过单个文件上限 ${formatBytes(limits.maxFileBytes)}，未读取：请删除无关工作表、图片后重新保存`
          )
        );
        continue;
      }
      data = new Uint8Array(await fs.readFile(full));
    } catch (e) {
      out.push(rejected(name, `无法打开文件：${errorMessage(e)}`));
      continue;
    }
    if (WORKBOOK.has(ext)) {
      out.push(
        await readWorkbook(data, name, {
          limits: readLimitsFrom(limits),
          ...(opts.prefecture ? { prefecture: opts.prefecture } : {}),
        })
      );
    } else if (WORD.has(ext)) {
      const { application, findings } = await readApplicationDocx(data, name, {
        settings: opts.settings,
        limits: docxLimitsFrom(limits),
      });
      const prefecture =
        opts.prefecture ?? (application ? parsePrefecture(application.recommender) : null);
      forms.push({
        file: name,
        record: application ? applicationToRecord(application, 0, prefecture) : null,
        findings, // the reader's findings include the form checks (checkApplication)
        prefecture,
      });
    } else {
      out.push(
        rejected(
          name,
          LEGACY[ext] ??
            `不支持的文件类型“${ext || "无扩展名"}”：请导入 .xlsx 推荐汇总表或 .docx 申报表`
        )
      );
    }
  }
  opts.onProgress?.(files.length, files.length, "");
  out.push(...groupForms(forms));
  return out;
}

/** One submission per prefecture of the Word forms; an unreadable form is its own rejected input. */
function groupForms(forms: WordForm[]): PrefectureSubmission[] {
  const out: PrefectureSubmission[] = [];
  const groups = new Map<string, WordForm[]>();
  for (const f of forms) {
    if (!f.record) {
      out.push({ ...rejected(f.file, ""), kind: "docx", findings: f.findings });
      continue;
    }
    const key = f.prefecture ?? "";
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const [key, group] of groups) {
    const prefecture = (key || null) as PrefectureName | null;
    const label = prefecture ?? "未识别市州";
    const records = group.map((f, i) => ({ ...f.record!, order: i + 1, prefecture }));
    const findings = group.flatMap((f) => f.findings);
    if (!prefecture) {
      findings.push(
        finding(
          "REQ",
          { file: group[0].file, sheet: "封面", column: "推荐单位" },
          `${group.length} 份申报表的推荐单位无法识别为湖南省的市州：请用 --prefecture 指定，或在申报表封面填写推荐单位`
        )
      );
    }
    out.push({
      file: `${label}申报表（${group.length} 份）`,
      kind: "docx",
      prefecture,
      meta: { ...EMPTY_META, recommender: bureauName(prefecture) },
      records,
      indicators: null,
      findings,
      ok: true,
    });
  }
  return out;
}
