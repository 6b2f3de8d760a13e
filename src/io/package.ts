/**
 * Prefecture packages: a folder or a .zip per prefecture holding its 附件3 推荐汇总表 (.xlsx, or .docx once the Word
 * reader gives it), its enterprises' 附件1 申报表 (.docx), its 附件2 and other files (PDF 证明材料, scans, images).
 *
 * Layout: anything, nested folders included. A folder (or the .zip itself) is one prefecture's package when the lists
 * in it all belong to one prefecture and it holds at least one 申报表 (a .zip is a package even without forms). A
 * folder holding lists of several prefectures is a collection: each sub-folder is looked at on its own, the files
 * lying loose in it are read as plain inputs (a folder of 13 prefecture workbooks merges as it always did).
 *
 * A package becomes its prefecture's submission: the list's rows in the clerk's order, enriched with the matching
 * forms' facts and checked against them (MAT, src/core/rules/materials.ts); its 附件2 as its own submission; the
 * other files counted as attachments. Entry names in UTF-8 (flag bit 11) or GBK (Windows' own "send to ZIP"), through
 * the one guarded ZIP reader (src/io/zip.ts) and the shared limits.
 */
import { errorMessage } from "../core/errors";
import { finding, type Finding } from "../core/findings";
import type { CaseRecord, PrefectureSubmission } from "../core/model";
import { parseDateLoose } from "../core/dates";
import { enterpriseKey, normalizeCaseName } from "../core/normalize";
import { checkMaterials } from "../core/rules/materials";
import { parsePrefecture, type PrefectureName } from "../core/vocabulary";
import type { AssembleOptions, InputRead } from "./inputs";
import { formatBytes, formatMillis, type InputLimits } from "./limits";
import { sniffFile } from "./sniff";
import { listZip, readZipEntry, ZipError, type ZipEntry } from "./zip";

/** One file of a package, by its "/"-separated path inside the package. */
export interface PackageItem {
  path: string;
  /** What the dispatcher made of it; null for a file that is not read (PDF, image, scan…): an attachment. */
  read: InputRead | null;
  /**
   * A sound Word or Excel file that is none of the annexes (a 证明材料 written in Word, a 企业清单 in Excel): an
   * attachment in a package, where elsewhere it is a FILE error.
   */
  unrecognised?: boolean;
}

/** A package as read: its items and what was wrong with the container itself. */
export interface PackageInput {
  kind: "package";
  /** The .zip's or the folder's name as the clerk gave it. */
  file: string;
  container: "zip" | "folder";
  items: PackageItem[];
  findings: Finding[];
}

const WORKBOOK = ["xlsx", "xlsm"];
const WORD = ["docx", "docm"];
const LEGACY_OFFICE: Record<string, string> = {
  doc: "旧版 Word 文档（.doc）",
  wps: "WPS 文字文档（.wps）",
  xls: "旧版 Excel 工作簿（.xls）",
  et: "WPS 表格文件（.et）",
};

function extension(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1].toLowerCase() : "";
}

function baseName(path: string): string {
  return path.replace(/\/+$/, "").replace(/^.*\//, "");
}

/** Files every system adds to folders and archives, never the clerk's: skipped without a word. */
export function isSystemFile(path: string): boolean {
  const parts = path.split("/");
  const base = parts[parts.length - 1];
  return (
    parts.some((p) => p === "__MACOSX" || p.startsWith(".")) ||
    base.startsWith("~$") ||
    /^(thumbs\.db|desktop\.ini)$/i.test(base)
  );
}

/** The largest .zip package read: a package holds scans and PDFs besides the tables, so four files' worth. */
export function packageByteLimit(limits: InputLimits): number {
  return limits.maxFileBytes * 4;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a .zip

const UTF8 = new TextDecoder("utf-8", { fatal: true });
let gbk: TextDecoder | null | undefined;

function gbkDecoder(): TextDecoder | null {
  if (gbk === undefined) {
    try {
      gbk = new TextDecoder("gbk");
    } catch {
      gbk = null;
    }
  }
  return gbk;
}

/**
 * An entry's name as the clerk's system wrote it: UTF-8 when flag bit 11 says so; otherwise the raw bytes of the local
 * header are UTF-8 when they decode as such (macOS, 7-Zip), else GBK (Windows' built-in ZIP on a Chinese system).
 * Backslashes are folder separators; leading "/" and "./" are dropped (nothing is ever written to disk).
 */
export function entryName(data: Uint8Array, entry: ZipEntry): string {
  let name = entry.name;
  if (!(entry.flags & 0x800)) {
    const p = entry.localOffset;
    if (p + 30 <= data.length) {
      const len = data[p + 26] | (data[p + 27] << 8);
      const raw = data.subarray(p + 30, Math.min(data.length, p + 30 + len));
      if (raw.some((b) => b >= 0x80)) {
        try {
          name = UTF8.decode(raw);
        } catch {
          name = gbkDecoder()?.decode(raw) ?? name;
        }
      }
    }
  }
  return name.replace(/\\/g, "/").replace(/^(\.?\/)+/, "");
}

/** Whether a file in a package is read (a workbook or a Word document); everything else is an attachment. */
export function isTableOrForm(path: string): boolean {
  return [...WORKBOOK, ...WORD].includes(extension(path));
}

/**
 * What to say about an attachment that may be a table or form in a form we do not read (.doc, .xls, .wps, .et) or
 * an archive inside the package; null for proofs, scans and the like.
 */
export function attachmentNote(where: string, path: string): Finding | null {
  const ext = extension(path);
  if (ext in LEGACY_OFFICE) {
    return finding(
      "FILE",
      { file: where },
      `“${baseName(path)}”是${LEGACY_OFFICE[ext]}，未读取，按附件计：如它是申报表或推荐汇总表，请用 Word/WPS/Excel 打开后另存为 .docx / .xlsx 再报送`,
      { severity: "warning" }
    );
  }
  if (ext === "zip" || ext === "rar" || ext === "7z") {
    return finding(
      "FILE",
      { file: where },
      `报送材料中还有压缩包“${baseName(path)}”，未展开，按附件计：如其中有推荐汇总表或申报表，请解压后一并导入`,
      { severity: "warning" }
    );
  }
  return null;
}

/** A sound OOXML package that none of the readers took: a document or a sheet of some other kind. */
function isSoundOffice(bytes: Uint8Array): boolean {
  const s = sniffFile(bytes);
  return (s.format === "docx" || s.format === "xlsx") && !s.damaged;
}

/** Whether a read gave nothing the roll-up uses (not a list, an 附件2 or a form). */
function notAnAnnex(read: InputRead): boolean {
  return read.kind === "rejected" || (read.kind === "workbook" && !read.submission.ok);
}

/** An item, with sound Office files of another kind marked as attachments. */
export function packageItem(path: string, bytes: Uint8Array, read: InputRead): PackageItem {
  return notAnAnnex(read) && isSoundOffice(bytes)
    ? { path, read, unrecognised: true }
    : { path, read };
}

export interface ReadPackageOptions {
  limits: InputLimits;
  /** The dispatcher's reader for one file (src/io/inputs.ts readInput), for the tables and forms inside. */
  readOne: (name: string, bytes: Uint8Array) => Promise<InputRead>;
}

function zipMessage(e: ZipError): string {
  switch (e.kind) {
    case "encrypted":
      return `压缩包已加密（${e.message}），无法读取：请取消密码后重新打包`;
    case "bomb":
      return `压缩包结构异常，已拒绝读取：${e.message}。请解压后导入其中的文件`;
    case "unsupported":
      return `压缩包格式不受支持（${e.message}）：请用系统自带的“压缩(zipped)文件夹”或 7-Zip 重新打包为 .zip`;
    default:
      return `压缩包已损坏或不完整，无法读取：${e.message}。请重新打包或重新发送`;
  }
}

/** Read a .zip package: list it, read its tables and forms, count the rest. Never throws. */
export async function readPackageZip(
  file: string,
  bytes: Uint8Array,
  opts: ReadPackageOptions
): Promise<InputRead | PackageInput> {
  const { limits } = opts;
  const reject = (message: string): InputRead => ({
    kind: "rejected",
    file,
    findings: [finding("FILE", { file }, message)],
  });
  if (bytes.length > packageByteLimit(limits)) {
    return reject(
      `压缩包大小 ${formatBytes(bytes.length)}，超过上限 ${formatBytes(packageByteLimit(limits))}：请把推荐汇总表、申报表与大体积的扫描件分开打包`
    );
  }
  const zipLimits = {
    maxEntryBytes: limits.maxEntryBytes,
    maxTotalBytes: limits.maxUncompressedBytes,
    maxRatio: 200,
  };
  let entries: ZipEntry[];
  try {
    entries = listZip(bytes, zipLimits);
  } catch (e) {
    return reject(e instanceof ZipError ? zipMessage(e) : `压缩包无法读取：${errorMessage(e)}`);
  }
  const findings: Finding[] = [];
  const items: PackageItem[] = [];
  const seen = new Set<string>();
  const deadline = Date.now() + limits.maxMillis;
  let late = 0;
  /** An entry that could not be read: it stays in the package's list with the reason as a FILE finding. */
  const unread = (path: string, message: string) => {
    const where = `${file}/${path}`;
    items.push({
      path,
      read: {
        kind: "rejected",
        file: where,
        findings: [finding("FILE", { file: where }, message)],
      },
    });
  };
  for (const entry of entries) {
    const path = entryName(bytes, entry);
    if (path === "" || path.endsWith("/") || isSystemFile(path)) continue;
    const where = `${file}/${path}`;
    if (seen.has(path)) {
      findings.push(
        finding(
          "FILE",
          { file: where },
          `压缩包内有两个同名文件“${path}”：只读取了第一个，请删除重复的文件后重新打包`
        )
      );
      continue;
    }
    seen.add(path);
    if (!isTableOrForm(path)) {
      items.push({ path, read: null });
      const note = attachmentNote(where, path);
      if (note) findings.push(note);
      continue;
    }
    if (Date.now() > deadline) {
      late++;
      continue;
    }
    if (entry.size > limits.maxFileBytes) {
      unread(
        path,
        `“${path}”解压后 ${formatBytes(entry.size)}，超过单个文件上限 ${formatBytes(limits.maxFileBytes)}，未读取：请删除无关图片后重新保存`
      );
      continue;
    }
    let data: Uint8Array;
    try {
      data = readZipEntry(bytes, entry, zipLimits);
    } catch (e) {
      const why = e instanceof ZipError ? e.message : errorMessage(e);
      unread(path, `压缩包内“${path}”无法解压（${why}），未读取：请重新打包或单独发送该文件`);
      continue;
    }
    items.push(packageItem(path, data, await opts.readOne(where, data)));
  }
  if (late > 0) {
    findings.push(
      finding(
        "FILE",
        { file },
        `读取压缩包超过 ${formatMillis(limits.maxMillis)}，其余 ${late} 个表格/文档未读取：请解压后分批导入`
      )
    );
  }
  return { kind: "package", file, container: "zip", items, findings };
}

// ---------------------------------------------------------------------------------------------------------------
// Which folders are packages

type Role = "list" | "annex2" | "form" | "attachment" | "other";

interface Placed {
  item: PackageItem;
  role: Role;
  prefecture: PrefectureName | null;
}

function roleOf(item: PackageItem): Role {
  const r = item.read;
  if (r === null || item.unrecognised) return "attachment";
  if (r.kind === "forms") return "form";
  if (r.kind === "workbook" && r.submission.ok) {
    if (r.submission.records.length > 0) return "list";
    if (r.submission.indicators) return "annex2";
  }
  return "other";
}

function classify(items: readonly PackageItem[]): Placed[] {
  return items.map((item) => {
    const role = roleOf(item);
    const prefecture =
      item.read?.kind === "workbook" && role === "list" ? item.read.submission.prefecture : null;
    return { item, role, prefecture };
  });
}

interface Unit {
  /** Folder inside the package ('' for its root). */
  dir: string;
  items: Placed[];
}

/** Child folder of `dir` that `path` lies in, or null when the file lies in `dir` itself. */
function childOf(dir: string, path: string): string | null {
  const rest = dir === "" ? path : path.slice(dir.length + 1);
  const i = rest.indexOf("/");
  return i < 0 ? null : (dir === "" ? "" : dir + "/") + rest.slice(0, i);
}

/** Split a folder's items into packages and plain inputs (see the module comment). */
function place(
  dir: string,
  items: Placed[],
  forced: boolean,
  units: Unit[],
  plain: Placed[]
): void {
  const lists = items.filter((p) => p.role === "list");
  if (lists.length === 0) {
    plain.push(...items);
    return;
  }
  const prefectures = new Set(lists.map((p) => p.prefecture).filter((p) => p !== null));
  const forms = items.filter((p) => p.role === "form").length;
  if (prefectures.size <= 1 && (forms > 0 || forced)) {
    units.push({ dir, items });
    return;
  }
  const children = new Map<string, Placed[]>();
  for (const p of items) {
    const child = childOf(dir, p.item.path);
    if (child === null) {
      plain.push(p);
      continue;
    }
    const list = children.get(child);
    if (list) list.push(p);
    else children.set(child, [p]);
  }
  for (const [child, list] of children) place(child, list, false, units, plain);
}

// ---------------------------------------------------------------------------------------------------------------
// A package as submissions

function sameRows(a: readonly CaseRecord[], b: readonly CaseRecord[]): boolean {
  const key = (r: CaseRecord) =>
    enterpriseKey(r.enterprise, r.uscc) + "|" + normalizeCaseName(r.caseName);
  return a.length === b.length && a.every((r, i) => key(r) === key(b[i]));
}

/** The list the package is checked against: a workbook before a Word table, then the later 日期, then the later name. */
function primaryFirst(a: PrefectureSubmission, b: PrefectureSubmission): number {
  const xa = /\.xls[xm]$/i.test(a.file) ? 0 : 1;
  const xb = /\.xls[xm]$/i.test(b.file) ? 0 : 1;
  if (xa !== xb) return xa - xb;
  const da = parseDateLoose(a.meta.date) ?? "";
  const db = parseDateLoose(b.meta.date) ?? "";
  if (da !== db) return da > db ? -1 : 1;
  return a.file < b.file ? 1 : a.file > b.file ? -1 : 0;
}

function withPrefecture(sub: PrefectureSubmission, p: PrefectureName | null): PrefectureSubmission {
  if (!p || sub.prefecture) return sub;
  return {
    ...sub,
    prefecture: p,
    records: sub.records.map((r) => ({ ...r, prefecture: r.prefecture ?? p })),
    ...(sub.indicators ? { indicators: { ...sub.indicators, prefecture: p } } : {}),
  };
}

type FormRecordOf = (
  read: Extract<InputRead, { kind: "forms" }>,
  prefecture: PrefectureName | null
) => CaseRecord[];

function assembleUnit(
  pkg: PackageInput,
  unit: Unit,
  opts: AssembleOptions,
  formRecords: FormRecordOf
): PrefectureSubmission[] {
  const name = unit.dir === "" ? pkg.file : `${pkg.file}/${unit.dir}`;
  const lists = unit.items
    .filter((p) => p.role === "list")
    .map((p) => (p.item.read as Extract<InputRead, { kind: "workbook" }>).submission)
    .sort(primaryFirst);
  const primary = lists[0];
  const formsRead = unit.items
    .filter((p) => p.role === "form")
    .map((p) => p.item.read as Extract<InputRead, { kind: "forms" }>);
  const fromForms = formsRead
    .flatMap((r) => r.applications.map((a) => parsePrefecture(a.recommender)))
    .filter((p) => p !== null);
  const prefecture =
    primary.prefecture ??
    parsePrefecture(baseName(name).replace(/\.zip$/i, "")) ??
    opts.prefecture ??
    (new Set(fromForms).size === 1 ? fromForms[0] : null);
  const list = withPrefecture(primary, prefecture);

  const findings: Finding[] = [...list.findings];
  const attachments: string[] = [];
  for (const other of lists.slice(1)) {
    if (sameRows(other.records, primary.records)) {
      attachments.push(other.file);
      continue;
    }
    findings.push(
      finding(
        "MAT",
        { file: other.file, sheet: other.records[0]?.source.sheet ?? null },
        `报送材料中有两份推荐汇总表（“${baseName(primary.file)}”与“${baseName(other.file)}”），内容不一致（${primary.records.length} 行 / ${other.records.length} 行，或企业、案例名称不同）：已按“${baseName(primary.file)}”核对和汇总，请确认以哪一份为准`,
        { severity: "warning", prefecture }
      )
    );
    attachments.push(other.file);
  }

  const forms: CaseRecord[] = [];
  for (const r of formsRead) {
    findings.push(...r.findings);
    forms.push(...formRecords(r, prefecture));
  }
  const checked = checkMaterials(list.records, forms, { listFile: list.file, packageName: name });
  findings.push(...checked.findings);

  const out: PrefectureSubmission[] = [];
  for (const p of unit.items) {
    if (p.role === "attachment")
      attachments.push(p.item.read?.file ?? `${pkg.file}/${p.item.path}`);
    else if (p.role === "annex2")
      out.push(
        withPrefecture(
          (p.item.read as Extract<InputRead, { kind: "workbook" }>).submission,
          prefecture
        )
      );
  }
  out.unshift({
    ...list,
    records: checked.records,
    findings,
    package: { name, forms: formsRead.map((r) => r.file), attachments },
  });
  return out;
}

/**
 * The folders of a package tree that are prefecture packages ('' for the root), as assemblePackage will take them.
 * The command line uses it to tell a package folder from a folder of workbooks or of forms.
 */
export function packageDirs(items: readonly PackageItem[], forced: boolean): string[] {
  const units: Unit[] = [];
  place("", classify(items), forced, units, []);
  return units.map((u) => u.dir);
}

/**
 * A package's submissions: one per prefecture package found in it (its list, checked against its forms, with its
 * attachments), each 附件2 on its own, and the reads outside any package (or unreadable) as the dispatcher gives them
 * (`plain`, for assembleSubmissions to handle like any other file).
 */
export function assemblePackage(
  pkg: PackageInput,
  opts: AssembleOptions,
  formRecords: FormRecordOf
): {
  submissions: PrefectureSubmission[];
  plain: InputRead[];
  /** Findings on the container itself when no package was found in it (else they sit on the first package). */
  findings: Finding[];
} {
  const units: Unit[] = [];
  const plain: Placed[] = [];
  place("", classify(pkg.items), pkg.container === "zip", units, plain);
  const submissions = units.flatMap((u) => assembleUnit(pkg, u, opts, formRecords));
  const attachments: string[] = [];
  const rest: InputRead[] = [];
  for (const p of plain) {
    if (p.role === "attachment")
      attachments.push(p.item.read?.file ?? `${pkg.file}/${p.item.path}`);
    else if (p.item.read) rest.push(p.item.read);
  }
  if (submissions.length > 0 && attachments.length > 0) {
    // files outside every package folder are still the sender's: counted on the first package
    const first = submissions[0];
    if (first.package)
      first.package = {
        ...first.package,
        attachments: [...first.package.attachments, ...attachments],
      };
    attachments.length = 0;
  }
  const findings = [...pkg.findings];
  if (submissions.length === 0 && pkg.container === "zip") {
    const forms = rest.filter((r) => r.kind === "forms").length;
    const usable = rest.filter((r) => r.kind !== "rejected").length;
    if (forms > 0 && forms === usable) {
      findings.push(
        finding(
          "MAT",
          { file: pkg.file },
          `压缩包“${pkg.file}”中有 ${forms} 份申报表，但没有附件3 推荐汇总表：申报表按文件名顺序列出，无法与推荐顺序核对，请补充推荐汇总表`,
          { severity: "warning" }
        )
      );
    } else if (usable === 0) {
      findings.push(
        finding(
          "FILE",
          { file: pkg.file },
          `压缩包“${pkg.file}”中没有可读取的推荐汇总表、申报表或地区申报表${attachments.length ? `（只有 ${attachments.length} 个附件，如 ${baseName(attachments[0])}）` : ""}：请确认打包的文件`,
          { severity: attachments.length ? "warning" : "error" }
        )
      );
    }
  }
  if (submissions.length > 0 && findings.length > 0) {
    submissions[0] = { ...submissions[0], findings: [...findings, ...submissions[0].findings] };
    return { submissions, plain: rest, findings: [] };
  }
  return { submissions, plain: rest, findings };
}
