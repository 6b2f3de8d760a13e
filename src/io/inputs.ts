/**
 * The one input dispatcher, for the command line and the page alike: a file's name and bytes in, what it holds out —
 * a workbook's submission, the Word forms it holds, or why it cannot be read. Then the forms of a batch become one
 * submission per prefecture. Bytes only: the callers do the file system (CLI) or the file picker (page).
 *
 * Prefecture precedence, everywhere: a workbook keeps the 推荐单位 it names (a different prefecture asked for is a
 * warning, never a relabel); a Word form is listed under the prefecture the clerk chose, else under the prefecture
 * its own 推荐单位 names. A form whose 推荐单位 names another prefecture than its list's is a rule finding on the record
 * (rules/form.ts), so it is never moved silently.
 */
import { applicationToRecord, COVER_SHEET } from "../core/application";
import { finding, type Finding } from "../core/findings";
import {
  EMPTY_META,
  emptySubmission,
  type Application,
  type CaseRecord,
  type PrefectureSubmission,
} from "../core/model";
import { bureauName, parsePrefecture, type PrefectureName } from "../core/vocabulary";
import { docxLimitsFrom } from "./docx/readApplication";
import { readWordDocument } from "./docx/readDocument";
import { withLimits, type InputLimits } from "./limits";
import { assemblePackage, readPackageZip, type PackageInput } from "./package";
import { readLimitsFrom, readWorkbookSubmissions } from "./xlsx/readWorkbook";

/**
 * What a clerk's or the province's file turned out to be. "workbook": a prefecture's submission read whole — a
 * workbook, or a Word 附件3 (submission.kind "annex3") or 附件2 (submission.kind "annex2", indicators only, its
 * prefecture from its 申报单位名称) — which is listed as it reads; "forms": the 附件1 forms of one Word document.
 */
export type InputRead =
  | { kind: "workbook"; file: string; submission: PrefectureSubmission }
  /** A province roll-up the tool wrote: one submission per prefecture it holds. */
  | { kind: "province"; file: string; submissions: PrefectureSubmission[] }
  | { kind: "forms"; file: string; applications: Application[]; findings: Finding[] }
  | { kind: "rejected"; file: string; findings: Finding[] }
  /** A prefecture package (a .zip, or a folder the CLI recognised): its files, each as read (src/io/package.ts). */
  | PackageInput;

export const WORKBOOK_EXTENSIONS = ["xlsx", "xlsm"] as const;
export const WORD_EXTENSIONS = ["docx", "docm"] as const;
export const PACKAGE_EXTENSIONS = ["zip"] as const;

const IMAGE =
  "这是图片（扫描件或照片），无法读取其中的内容：请向报送单位索取 Word（.docx）或 Excel（.xlsx）原件";

/** Formats clerks send that we cannot read, with what to do about each. */
const LEGACY: Record<string, string> = {
  xls: "这是旧版 Excel 工作簿（.xls）：请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（*.xlsx）再导入",
  et: "这是 WPS 表格文件（.et）：请用 WPS 打开后“另存为” Excel 工作簿（*.xlsx）再导入",
  doc: "这是旧版 Word 文档（.doc）：请用 Word 或 WPS 打开后“另存为” Word 文档（*.docx）再导入",
  wps: "这是 WPS 文字文档（.wps）：请用 WPS 打开后“另存为” Word 文档（*.docx）再导入",
  pdf: "这是 PDF 或扫描件，无法读取其中的表格：请向报送单位索取 Word（.docx）或 Excel（.xlsx）原件",
  ofd: "这是 OFD 版式文件，无法读取其中的表格：请向报送单位索取 Word（.docx）或 Excel（.xlsx）原件",
  csv: "这是 CSV 文本文件，不含推荐汇总表的格式：请使用 .xlsx 工作簿",
  jpg: IMAGE,
  jpeg: IMAGE,
  png: IMAGE,
  tif: IMAGE,
  tiff: IMAGE,
};

export function extensionOf(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1].toLowerCase() : "";
}

/** Whether a file found in a folder is one to read (an input, or a legacy format that gets a save-as message). */
export function isInputCandidate(name: string): boolean {
  const ext = extensionOf(name);
  return (
    (WORKBOOK_EXTENSIONS as readonly string[]).includes(ext) ||
    (WORD_EXTENSIONS as readonly string[]).includes(ext) ||
    (PACKAGE_EXTENSIONS as readonly string[]).includes(ext) ||
    ext in LEGACY
  );
}

function rejectedMessage(name: string): string {
  const ext = extensionOf(name);
  return (
    LEGACY[ext] ??
    `不支持的文件类型“${ext ? "." + ext : "无扩展名"}”：请导入 .xlsx 推荐汇总表或 .docx 申报表`
  );
}

export function rejectedSubmission(file: string, findings: Finding[]): PrefectureSubmission {
  return emptySubmission(file, null, findings);
}

export interface ReadInputOptions {
  /** Limits on one input file (size, unpacked size, rows, cells, sheets, time); DEFAULT_LIMITS otherwise. */
  limits?: Partial<InputLimits>;
}

/** Read one file by its name and bytes. Never throws: what cannot be read is a FILE finding. */
export async function readInput(
  file: string,
  bytes: Uint8Array,
  opts: ReadInputOptions = {}
): Promise<InputRead> {
  const limits = withLimits(opts.limits);
  const ext = extensionOf(file);
  if ((WORKBOOK_EXTENSIONS as readonly string[]).includes(ext)) {
    const submissions = await readWorkbookSubmissions(bytes, file, {
      limits: readLimitsFrom(limits),
    });
    if (submissions.length > 1) return { kind: "province", file, submissions };
    return { kind: "workbook", file, submission: submissions[0] };
  }
  if ((WORD_EXTENSIONS as readonly string[]).includes(ext)) {
    // a Word document is whichever annex its content is: 附件1 forms, a 附件3 table, an 附件2
    const read = await readWordDocument(bytes, file, { limits: docxLimitsFrom(limits) });
    if (read.kind === "submission") return { kind: "workbook", file, submission: read.submission };
    if (read.kind === "rejected") return { kind: "rejected", file, findings: read.findings };
    return { kind: "forms", file, applications: read.applications, findings: read.findings };
  }
  if ((PACKAGE_EXTENSIONS as readonly string[]).includes(ext)) {
    return readPackageZip(file, bytes, {
      limits,
      readOne: (name, data) => readInput(name, data, opts),
    });
  }
  return { kind: "rejected", file, findings: [finding("FILE", { file }, rejectedMessage(file))] };
}

/**
 * `read` as if its file had been read under the name `to` instead of `from`. A reader uses a file's name only as the
 * label of what it read: every "file" of the read (its own, its submissions', findings', records' and indicators'
 * sources) is `from`, or `from（市州）` for the prefectures of a province workbook. So the CLI reads a package folder's
 * files once and names them by their path in the package afterwards (test: a read renamed so equals a read under the
 * new name, on every fixture). What holds no name is kept as it is, shared, frozen or not.
 */
export function withFileName<T extends InputRead>(read: T, from: string, to: string): T {
  const label = `${from}（`;
  const rename = (v: unknown, key: string): unknown => {
    if (typeof v === "string") {
      if (key !== "file") return v;
      return v === from ? to : v.startsWith(label) ? to + v.slice(from.length) : v;
    }
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) {
      let out: unknown[] | null = null;
      v.forEach((x, i) => {
        const y = rename(x, key);
        if (y !== x) (out ??= v.slice())[i] = y;
      });
      return out ? (Object.isFrozen(v) ? Object.freeze(out) : out) : v;
    }
    let copy: Record<string, unknown> | null = null;
    for (const [k, x] of Object.entries(v)) {
      const y = rename(x, k);
      if (y !== x) (copy ??= { ...v })[k] = y;
    }
    return copy ? (Object.isFrozen(v) ? Object.freeze(copy) : copy) : v;
  };
  return rename(read, "") as T;
}

/** A file that was not read at all (missing, too large to load, unreadable from disk). */
export function unreadable(file: string, message: string): InputRead {
  return { kind: "rejected", file, findings: [finding("FILE", { file }, message)] };
}

export interface AssembleOptions {
  /** The prefecture a clerk builds the list for: Word forms are listed under it. */
  prefecture?: PrefectureName | null;
  /** R5 limit used when proposing a form's 简述. */
  summaryLimit?: number;
}

/** A form's record, listed under the chosen prefecture, else under its own 推荐单位. */
export function formRecord(
  app: Application,
  order: number,
  opts: AssembleOptions = {}
): CaseRecord {
  const prefecture = opts.prefecture ?? parsePrefecture(app.recommender);
  return applicationToRecord(app, order, prefecture, opts.summaryLimit);
}

/**
 * The submissions of a batch: each workbook as it reads (a different prefecture asked for is a warning on the file),
 * the Word forms grouped into one submission per prefecture in file-name order (the recommendation order until the
 * clerk reorders them), each unreadable file as a rejected submission.
 */
export function assembleSubmissions(
  reads: readonly InputRead[],
  opts: AssembleOptions = {}
): PrefectureSubmission[] {
  const out: PrefectureSubmission[] = [];
  const groups = new Map<string, { records: CaseRecord[]; findings: Finding[]; files: string[] }>();
  const queue: InputRead[] = [];
  for (const read of reads) {
    if (read.kind !== "package") {
      queue.push(read);
      continue;
    }
    // a prefecture package: its lists checked against its forms; what lies outside any package reads as usual
    const pkg = assemblePackage(read, opts, (forms, prefecture) =>
      forms.applications.map((app) => formRecord(app, 0, { ...opts, prefecture }))
    );
    out.push(...pkg.submissions);
    queue.push(...pkg.plain);
    if (pkg.findings.length > 0) out.push(containerSubmission(read.file, pkg.findings));
  }
  for (const read of queue) {
    if (read.kind === "package") continue;
    if (read.kind === "rejected") {
      out.push(rejectedSubmission(read.file, read.findings));
    } else if (read.kind === "workbook") {
      out.push(withPrefectureCheck(read.submission, opts.prefecture ?? null));
    } else if (read.kind === "province") {
      out.push(...read.submissions);
    } else {
      for (const app of read.applications) {
        const record = formRecord(app, 0, opts);
        const key = record.prefecture ?? "";
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { records: [], findings: [], files: [] }));
        g.records.push(record);
        if (!g.files.includes(read.file)) {
          g.files.push(read.file);
          g.findings.push(...read.findings);
        }
      }
    }
  }
  for (const [key, g] of groups) {
    const prefecture = (key || null) as PrefectureName | null;
    const records = g.records.map((r, i) => ({ ...r, order: i + 1 }));
    const findings = [...g.findings];
    if (!prefecture) {
      findings.push(
        finding(
          "REQ",
          { file: g.files[0], sheet: COVER_SHEET, column: "推荐单位" },
          `${records.length} 份申报表的推荐单位无法识别为湖南省的市州：请选择本市州（命令行用 --prefecture），或在申报表封面填写推荐单位`
        )
      );
    }
    out.push({
      file: `${prefecture ?? "未识别市州"}申报表（${records.length} 份）`,
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

/** What a package's container said when no package was found in it: unreadable on an error, else a note. */
function containerSubmission(file: string, findings: Finding[]): PrefectureSubmission {
  const sub = rejectedSubmission(file, findings);
  return findings.some((f) => f.severity === "error") ? sub : { ...sub, ok: true };
}

/**
 * A workbook keeps its own 推荐单位; when the clerk asked for another prefecture, that is said on the file. A workbook
 * that names no prefecture anywhere is taken as the one asked for.
 */
function withPrefectureCheck(
  sub: PrefectureSubmission,
  wanted: PrefectureName | null
): PrefectureSubmission {
  if (!wanted || !sub.ok || sub.prefecture === wanted) return sub;
  if (!sub.prefecture) {
    const records = sub.records.map((r) => ({ ...r, prefecture: r.prefecture ?? wanted }));
    const indicators = sub.indicators && { ...sub.indicators, prefecture: wanted };
    return { ...sub, prefecture: wanted, records, indicators };
  }
  const what = /\.doc[xm]$/i.test(sub.file) ? "文档" : "工作簿";
  const warning = finding(
    "MAT",
    { file: sub.file, sheet: sub.records[0]?.source.sheet ?? null },
    `${what}的推荐单位为${sub.prefecture}，不是指定的${wanted}：已按${what}自身的${sub.prefecture}读取，请核对是否选错文件或市州`,
    { severity: "warning", prefecture: sub.prefecture }
  );
  return { ...sub, findings: [...sub.findings, warning] };
}
