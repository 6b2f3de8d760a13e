/**
 * The command line's side of reading: expand the files and folders named on the command line, load each file (the
 * size limit is checked before it is read into memory) and hand it to the one input dispatcher (src/io/inputs.ts).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { errorMessage } from "../core/errors";
import type { PrefectureSubmission } from "../core/model";
import type { CampaignSettings } from "../core/settings";
import type { PrefectureName } from "../core/vocabulary";
import {
  assembleSubmissions,
  isInputCandidate,
  readInput,
  unreadable,
  type InputRead,
} from "../io/inputs";
import { formatBytes, withLimits, type InputLimits } from "../io/limits";

export interface Expanded {
  files: string[];
  missing: string[];
  /** Files inside the folders that are neither inputs nor legacy formats (README, scripts, images…). */
  skipped: string[];
}

/**
 * Expand folders (recursively, skipping hidden files and Office lock files "~$…"), keep a stable order. A file named
 * on the command line is always read; inside folders only inputs and legacy formats are, the rest is counted.
 */
export async function expandInputs(args: string[]): Promise<Expanded> {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: string[] = [];
  async function walk(p: string, named: boolean): Promise<void> {
    const st = await fs.stat(p).catch(() => null);
    if (!st) {
      missing.push(p);
      return;
    }
    if (st.isDirectory()) {
      const entries = (await fs.readdir(p)).sort();
      for (const e of entries) {
        if (!e.startsWith(".") && !e.startsWith("~$")) await walk(path.join(p, e), false);
      }
    } else if (st.isFile()) {
      if (named || isInputCandidate(p)) files.push(p);
      else skipped.push(p);
    }
  }
  for (const a of args) await walk(a, true);
  return { files: [...new Set(files)], missing, skipped };
}

export interface ReadOptions {
  settings: CampaignSettings;
  /** Prefecture of a clerk's batch (`--prefecture`): Word forms are listed under it; workbooks keep their own. */
  prefecture?: PrefectureName;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Limits on one input file (size, unpacked size, rows, cells, sheets, time); DEFAULT_LIMITS otherwise. */
  limits?: Partial<InputLimits>;
}

/** Read every file and assemble the batch's submissions. */
export async function readInputs(
  files: string[],
  opts: ReadOptions
): Promise<PrefectureSubmission[]> {
  const limits = withLimits(opts.limits);
  const reads: InputRead[] = [];
  for (let i = 0; i < files.length; i++) {
    const full = files[i];
    const name = path.basename(full);
    opts.onProgress?.(i, files.length, name);
    try {
      // a file over the size limit is not even read into memory
      const size = (await fs.stat(full)).size;
      if (size > limits.maxFileBytes) {
        reads.push(
          unreadable(
            name,
            `文件大小 ${formatBytes(size)}，超过单个文件上限 ${formatBytes(limits.maxFileBytes)}，未读取：请删除无关工作表、图片后重新保存`
          )
        );
        continue;
      }
      reads.push(await readInput(name, new Uint8Array(await fs.readFile(full)), { limits }));
    } catch (e) {
      reads.push(unreadable(name, `无法打开文件：${errorMessage(e)}`));
    }
  }
  opts.onProgress?.(files.length, files.length, "");
  return assembleSubmissions(reads, {
    prefecture: opts.prefecture ?? null,
    summaryLimit: opts.settings.summaryLimit,
  });
}
