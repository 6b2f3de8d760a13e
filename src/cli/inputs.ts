/**
 * The command line's side of reading: expand the files and folders named on the command line, load each file (the
 * size limit is checked before it is read into memory) and hand it to the one input dispatcher (src/io/inputs.ts).
 *
 * Package folders: a folder named on the command line, or any folder inside it, whose 推荐汇总表 (附件3) all belong to
 * one prefecture and which holds at least one 申报表 (附件1) is that prefecture's package (src/io/package.ts): its
 * list is checked against its forms, its other files (PDF 证明材料, scans, .txt) are counted as attachments, and its
 * files are named by their path from the folder ("长沙市/附件3.xlsx"). Everything else reads as before: a folder of
 * forms alone (`huhang merge 申报表/ --prefecture 长沙市`) and a folder of prefecture workbooks keep their file names.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { errorMessage } from "../core/errors";
import type { Finding } from "../core/findings";
import type { PrefectureSubmission } from "../core/model";
import type { CampaignSettings } from "../core/settings";
import type { PrefectureName } from "../core/vocabulary";
import {
  assembleSubmissions,
  extensionOf,
  isInputCandidate,
  readInput,
  unreadable,
  withFileName,
  type InputRead,
} from "../io/inputs";
import { formatBytes, withLimits, type InputLimits } from "../io/limits";
import {
  attachmentNote,
  isTableOrForm,
  packageByteLimit,
  packageDirs,
  packageItem,
  type PackageInput,
  type PackageItem,
} from "../io/package";

export interface Expanded {
  files: string[];
  missing: string[];
  /** Files inside the folders that are neither inputs nor legacy formats (README, scripts, images…). */
  skipped: string[];
  /** The folder named on the command line each file or skipped file was found in (absent: named itself). */
  roots?: Map<string, string>;
}

/** Workbooks read of at least this many bytes make a roll-up worth a second thread to compress (14 × 1,000: 1.1 MB). */
const LARGE_INPUT_BYTES = 512 * 1024;

/** Whether the .xlsx files among `files` are large enough for that (one that cannot be read counts nothing). */
export function makesLargeRollUp(files: readonly string[]): boolean {
  let total = 0;
  for (const f of files) {
    if (!f.toLowerCase().endsWith(".xlsx")) continue;
    try {
      total += statSync(f).size;
    } catch {
      // reading it says why
    }
  }
  return total >= LARGE_INPUT_BYTES;
}

/**
 * Expand folders (recursively, skipping hidden files and Office lock files "~$…"), keep a stable order. A file named
 * on the command line is always read; inside folders only inputs and legacy formats are, the rest is counted.
 */
export async function expandInputs(args: string[]): Promise<Expanded> {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: string[] = [];
  const roots = new Map<string, string>();
  // synchronous file system calls: a command reads one file after another, and each await of the promise API
  // costs a round trip through the event loop (a few ms per file)
  function walk(p: string, root: string | null): void {
    let st: ReturnType<typeof statSync> | null;
    try {
      st = statSync(p);
    } catch {
      // missing or unreadable: reported as not found, as before
      st = null;
    }
    if (!st) {
      missing.push(p);
      return;
    }
    if (st.isDirectory()) {
      const entries = readdirSync(p).sort();
      for (const e of entries) {
        if (!e.startsWith(".") && !e.startsWith("~$")) walk(path.join(p, e), root ?? p);
      }
    } else if (st.isFile()) {
      if (root !== null && !roots.has(p)) roots.set(p, root);
      if (root === null || isInputCandidate(p)) files.push(p);
      else skipped.push(p);
    }
  }
  for (const a of args) walk(a, null);
  return { files: [...new Set(files)], missing, skipped: [...new Set(skipped)], roots };
}

export interface ReadOptions {
  settings: CampaignSettings;
  /** Prefecture of a clerk's batch (`--prefecture`): Word forms are listed under it; workbooks keep their own. */
  prefecture?: PrefectureName;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Limits on one input file (size, unpacked size, rows, cells, sheets, time); DEFAULT_LIMITS otherwise. */
  limits?: Partial<InputLimits>;
}

export interface ReadResult {
  submissions: PrefectureSubmission[];
  /** The skipped files that were not part of a package (a package's other files are its attachments). */
  skipped: string[];
}

async function readOne(
  full: string,
  name: string,
  limits: InputLimits
): Promise<{ read: InputRead; bytes: Uint8Array | null }> {
  try {
    // a file over the size limit is not even read into memory (a .zip package may hold scans: a larger limit)
    const size = statSync(full).size;
    const max = extensionOf(full) === "zip" ? packageByteLimit(limits) : limits.maxFileBytes;
    if (size > max) {
      return {
        read: unreadable(
          name,
          `文件大小 ${formatBytes(size)}，超过单个文件上限 ${formatBytes(max)}，未读取：请删除无关工作表、图片后重新保存`
        ),
        bytes: null,
      };
    }
    const bytes = new Uint8Array(readFileSync(full));
    return { read: await readInput(name, bytes, { limits }), bytes };
  } catch (e) {
    return { read: unreadable(name, `无法打开文件：${errorMessage(e)}`), bytes: null };
  }
}

/** "a/b/c.docx" relative to `root`, with "/" separators. */
function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

/** Read every file, recognise the package folders, and assemble the batch's submissions. */
export async function readExpanded(expanded: Expanded, opts: ReadOptions): Promise<ReadResult> {
  const limits = withLimits(opts.limits);
  const { files } = expanded;
  const roots = expanded.roots ?? new Map<string, string>();
  const reads = new Map<string, InputRead>();
  const items = new Map<string, PackageItem>();
  for (let i = 0; i < files.length; i++) {
    const full = files[i];
    const name = path.basename(full);
    opts.onProgress?.(i, files.length, name);
    const { read, bytes } = await readOne(full, name, limits);
    reads.set(full, read);
    if (roots.has(full)) {
      const rel = relative(roots.get(full)!, full);
      items.set(
        full,
        bytes && isTableOrForm(full)
          ? packageItem(rel, bytes, read)
          : { path: rel, read: isTableOrForm(full) ? read : null }
      );
    }
  }
  opts.onProgress?.(files.length, files.length, "");

  // each named folder: which of its folders are prefecture packages
  const byRoot = new Map<string, string[]>();
  for (const f of [...files, ...expanded.skipped]) {
    const root = roots.get(f);
    // a .zip in a folder is a package (or an input) of its own, never another package's attachment
    if (root === undefined || extensionOf(f) === "zip") continue;
    const list = byRoot.get(root);
    if (list) list.push(f);
    else byRoot.set(root, [f]);
  }
  const inPackage = new Set<string>();
  const packages: PackageInput[] = [];
  for (const [root, members] of byRoot) {
    const tree = members.filter((f) => items.has(f)).map((f) => items.get(f)!);
    for (const dir of packageDirs(tree, false)) {
      const base = dir === "" ? root : path.join(root, ...dir.split("/"));
      const inside = members.filter((f) => dir === "" || relative(root, f).startsWith(dir + "/"));
      packages.push(packageFolder(path.basename(path.resolve(base)), base, inside, items));
      for (const f of inside) inPackage.add(f);
    }
  }

  const plain = files.filter((f) => !inPackage.has(f)).map((f) => reads.get(f)!);
  const submissions = assembleSubmissions([...packages, ...plain], {
    prefecture: opts.prefecture ?? null,
    summaryLimit: opts.settings.summaryLimit,
  });
  return { submissions, skipped: expanded.skipped.filter((f) => !inPackage.has(f)) };
}

/**
 * A package folder's files under the names a package gives them — their path from the package folder
 * ("长沙市/附件3.xlsx"), so that the files of two packages stay apart; everything but tables and forms is an attachment.
 * Each table and form was read once, under its file name, by the first pass of readExpanded (`firstPass`, by path),
 * and is renamed.
 */
function packageFolder(
  name: string,
  base: string,
  members: readonly string[],
  firstPass: ReadonlyMap<string, PackageItem>
): PackageInput {
  const items: PackageItem[] = [];
  const findings: Finding[] = [];
  for (const f of members) {
    const rel = relative(base, f);
    const where = `${name}/${rel}`;
    if (!isTableOrForm(f)) {
      items.push({ path: rel, read: null });
      const note = attachmentNote(where, rel);
      if (note) findings.push(note);
      continue;
    }
    // a table or form is an input file: the first pass read it (as rejected, when it could not be read)
    const first = firstPass.get(f)!;
    items.push({ ...first, path: rel, read: withFileName(first.read!, path.basename(f), where) });
  }
  return { kind: "package", file: name, container: "folder", items, findings };
}

/** Read every file and assemble the batch's submissions (files named one by one: no package folders). */
export async function readInputs(
  files: string[] | Expanded,
  opts: ReadOptions
): Promise<PrefectureSubmission[]> {
  const expanded = Array.isArray(files) ? { files, missing: [], skipped: [] } : files;
  return (await readExpanded(expanded, opts)).submissions;
}
