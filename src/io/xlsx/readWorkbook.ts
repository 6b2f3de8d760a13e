/**
 * Reading one prefecture workbook (.xlsx bytes) into a PrefectureSubmission: the 附件3 推荐汇总表 on whichever sheet
 * holds it, the 附件2 indicators (label/value pairs or a table) and attached name lists. Never throws: a file that
 * cannot be read gives ok:false and a FILE finding in Chinese. Runs in Node and in the browser (bytes in, no fs).
 */
import { errorMessage } from "../../core/errors";
import { finding } from "../../core/findings";
import {
  EMPTY_META,
  emptyIndicatorValues,
  emptySubmission,
  type CaseRecord,
  type IndicatorValues,
  type PrefectureSubmission,
} from "../../core/model";
import type { IndicatorMap } from "../../core/indicators";
import {
  bureauName,
  parsePrefecture,
  PREFECTURE_NAMES,
  type PrefectureName,
} from "../../core/vocabulary";
import { readOwnWorkbook, readProvinceIndicators, recognizeOwnWorkbook } from "./reader/own";
import { mergeIndicatorValues, readIndicators } from "./reader/annex2";
import { readTable, type TableRead } from "./reader/annex3";
import type { SheetGrid } from "./reader/grid";
import { findTableHeader, type TableHeader } from "./reader/header";
import { readLists } from "./reader/lists";
import { formatMessage } from "./reader/sniff";
import { sniffFile, type FileFormat } from "../sniff";
import { openWorkbook } from "./reader/openWorkbook";
import { DEFAULT_LIMITS, formatBytes, type InputLimits } from "../limits";

export interface ReadLimits {
  maxBytes: number;
  maxRowsPerSheet: number;
  maxSheets: number;
  /** Sum of the parts' uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Uncompressed size of one part (a worksheet). */
  maxEntryBytes: number;
  maxCellsPerSheet: number;
  /** Time allowed for one file, in milliseconds. */
  maxMillis: number;
}

/** From the shared input limits (src/io/limits.ts). */
export const DEFAULT_READ_LIMITS: ReadLimits = readLimitsFrom(DEFAULT_LIMITS);

/** The workbook reader's limits from the shared input limit settings. */
export function readLimitsFrom(limits: InputLimits): ReadLimits {
  return {
    maxBytes: limits.maxFileBytes,
    maxRowsPerSheet: limits.maxRowsPerSheet,
    maxSheets: limits.maxSheets,
    maxUncompressedBytes: limits.maxUncompressedBytes,
    maxEntryBytes: limits.maxEntryBytes,
    maxCellsPerSheet: limits.maxCellsPerSheet,
    maxMillis: limits.maxMillis,
  };
}

export function sniffFormat(data: Uint8Array): FileFormat {
  return sniffFile(data).format;
}

export interface WorkbookReadOptions {
  prefecture?: PrefectureName;
  limits?: Partial<ReadLimits>;
}

/** One workbook as one submission (a province workbook's records of every prefecture together). */
export async function readWorkbook(
  data: Uint8Array | ArrayBuffer,
  file: string,
  opts: WorkbookReadOptions = {}
): Promise<PrefectureSubmission> {
  return (await readWorkbookContents(data, file, opts)).sub;
}

/**
 * One workbook as the submissions it holds: a province workbook the tool wrote gives one per prefecture (its cases
 * and its row of 地区指标), labelled "file（市州）"; any other workbook gives itself.
 */
export async function readWorkbookSubmissions(
  data: Uint8Array | ArrayBuffer,
  file: string,
  opts: WorkbookReadOptions = {}
): Promise<PrefectureSubmission[]> {
  const { sub, contents } = await readWorkbookContents(data, file, opts);
  return splitSubmissions(sub, contents, file);
}

/**
 * A workbook's submission as the submissions it holds (see readWorkbookSubmissions): a province workbook the tool
 * wrote gives one per prefecture, labelled "file（市州）"; any other gives itself.
 */
export function splitSubmissions(
  sub: PrefectureSubmission,
  contents: Contents | null,
  file: string
): PrefectureSubmission[] {
  const named = new Set(sub.records.map((r) => r.prefecture));
  if (!sub.ok || (named.size <= 1 && !contents?.provinceIndicators)) return [sub];
  const prefectures = PREFECTURE_NAMES.filter(
    (p) => named.has(p) || contents?.provinceIndicators?.[p]
  );
  const parts = prefectures.map((p): PrefectureSubmission => {
    const label = `${file}（${p}）`;
    return {
      file: label,
      kind: "workbook",
      prefecture: p,
      meta: { ...EMPTY_META, recommender: bureauName(p) },
      records: sub.records.filter((r) => r.prefecture === p),
      indicators: contents?.provinceIndicators?.[p] ?? null,
      findings: sub.findings.filter((f) => f.prefecture === p),
      ok: true,
    };
  });
  const rest = sub.records.filter((r) => r.prefecture === null);
  const unplaced = sub.findings.filter(
    (f) => !f.prefecture || !prefectures.includes(f.prefecture as PrefectureName)
  );
  if (rest.length > 0 || unplaced.length > 0) {
    parts.push({ ...sub, prefecture: null, records: rest, indicators: null, findings: unplaced });
  }
  return parts;
}

/** The submission and what else the workbook holds (null when the file could not be read). */
export async function readWorkbookContents(
  data: Uint8Array | ArrayBuffer,
  file: string,
  opts: WorkbookReadOptions = {}
): Promise<{ sub: PrefectureSubmission; contents: Contents | null }> {
  const sub = emptySubmission(file, opts.prefecture ?? null);
  const fail = (message: string, sheet?: string) => {
    sub.findings.push(
      finding("FILE", { file, ...(sheet ? { sheet } : {}) }, message, {
        prefecture: sub.prefecture,
      })
    );
    return { sub, contents: null };
  };
  try {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...opts.limits };
    const deadline = Date.now() + limits.maxMillis;
    if (bytes.byteLength > limits.maxBytes) {
      return fail(
        `文件大小 ${formatBytes(bytes.byteLength)}，超过单个文件上限 ${formatBytes(limits.maxBytes)}，未读取：请删除无关工作表、图片后重新保存`
      );
    }
    const { format, entries } = sniffFile(bytes);
    const bad = formatMessage(format, bytes, entries);
    if (bad !== null || entries === null) return fail(bad ?? "无法识别的文件格式");
    const sheetCount = entries.filter((e) =>
      /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(e.name)
    ).length;
    const totalSize = entries.reduce((n, e) => n + e.size, 0);
    if (sheetCount > limits.maxSheets) {
      return fail(
        `工作簿有 ${sheetCount} 个工作表，超过上限 ${limits.maxSheets} 个，未读取：请只保留推荐汇总表和地区指标工作表`
      );
    }
    if (totalSize > limits.maxUncompressedBytes) {
      return fail(
        `文件解压后内容约 ${formatBytes(totalSize)}，超过解压后总大小上限 ${formatBytes(limits.maxUncompressedBytes)}，未读取：疑似“压缩炸弹”，或请删除无关内容后重新保存`
      );
    }
    // declared and actual sizes, rows and cells are checked while each part is inflated, once; then our own reader
    const opened = openWorkbook(bytes, { ...limits, deadline });
    if (!opened.ok) return fail(opened.message, opened.sheet);
    const { grids, date1904 } = opened.workbook;
    const contents = readContents(sub, grids, {
      file,
      date1904,
      prefecture: opts.prefecture ?? null,
    });
    return { sub, contents };
  } catch (e) {
    // an unexpected failure in our own code must not stop the other files: report it on this file
    return fail(`读取文件时出错：${errorMessage(e)}`);
  }
}

/**
 * The submission and contents of sheets already read into grids, exactly as readWorkbookContents reads them once a
 * file is opened: the Excel host reads the live workbook's own sheets so (src/excel/resume.ts). Never throws.
 */
export function readWorkbookGrids(
  grids: SheetGrid[],
  file: string,
  opts: { prefecture?: PrefectureName; date1904?: boolean } = {}
): { sub: PrefectureSubmission; contents: Contents | null } {
  const sub = emptySubmission(file, opts.prefecture ?? null);
  try {
    const contents = readContents(sub, grids, {
      file,
      date1904: opts.date1904 ?? false,
      prefecture: opts.prefecture ?? null,
    });
    return { sub, contents };
  } catch (e) {
    sub.findings.push(
      finding("FILE", { file }, `读取工作表时出错：${errorMessage(e)}`, {
        prefecture: sub.prefecture,
      })
    );
    return { sub, contents: null };
  }
}

interface Ctx {
  file: string;
  date1904: boolean;
  prefecture: PrefectureName | null;
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
}

/** What the sheets hold besides the submission. */
export interface Contents {
  /** The workbook is one the tool wrote (it has our record sheet, 明细 or 全省汇总). */
  own: boolean;
  /** A province workbook's indicators, one set per prefecture. */
  provinceIndicators: IndicatorMap | null;
}

function readContents(sub: PrefectureSubmission, grids: SheetGrid[], ctx: Ctx): Contents {
  const { file } = ctx;
  const own = recognizeOwnWorkbook(grids);
  // 1. the 附件3 table: a workbook we wrote reads once, from its record sheet; another, on its visible sheets first
  // (hidden sheets only when no visible sheet holds one)
  const withTable = grids
    .filter((g) => !own || g === own.annex3)
    .map((grid) => ({ grid, header: findTableHeader(grid) }))
    .filter((t): t is { grid: SheetGrid; header: TableHeader } => t.header !== null);
  const visible = withTable.filter((t) => !t.grid.hidden);
  const chosen = visible.length > 0 ? visible : withTable;
  for (const t of withTable) {
    if (chosen.includes(t)) continue;
    sub.findings.push(
      finding(
        "FILE",
        { file, sheet: t.grid.name },
        `隐藏工作表“${t.grid.name}”也含有推荐汇总表，已按可见工作表读取，未读取该隐藏表：如需以它为准请取消隐藏并删除其他表`,
        {
          severity: "warning",
        }
      )
    );
  }
  const tables: TableRead[] = chosen.map((t) =>
    readTable(t.grid, t.header, { file, date1904: ctx.date1904 })
  );
  const records: CaseRecord[] = [];
  for (const t of tables) {
    sub.findings.push(...t.findings);
    for (const k of ["recommender", "date", "contact", "phone"] as const)
      if (!sub.meta[k]) sub.meta[k] = t.meta[k];
  }
  if (own) {
    const read = readOwnWorkbook(own, tables[0] ?? null, file);
    records.push(...read.records);
    sub.findings.push(...read.findings);
  } else {
    for (const t of tables) records.push(...t.records);
  }

  // 2. the prefecture: given, 推荐单位, a 所属市州 column agreeing on every row, the file name, the sheet name
  let prefecture: PrefectureName | null = ctx.prefecture ?? parsePrefecture(sub.meta.recommender);
  if (!prefecture && records.length > 0 && tables.some((t) => t.hasPrefectureColumn)) {
    const named = new Set(records.map((r) => r.prefecture));
    if (named.size === 1) prefecture = records[0].prefecture;
  }
  prefecture ??= parsePrefecture(baseName(file));

  // 3. the 附件2 indicators and name lists, on the sheets without a table; a province 地区指标 of our own, by prefecture
  const tableSheets = new Set([...withTable.map((t) => t.grid), ...(own?.skip ?? [])]);
  let indicators: IndicatorValues | null = null;
  let provinceIndicators: IndicatorMap | null = null;
  const others = grids.filter((g) => {
    if (tableSheets.has(g)) return false;
    if (!own) return true;
    const mine = readProvinceIndicators(g, file);
    if (mine) provinceIndicators = { ...(provinceIndicators ?? {}), ...mine };
    return mine === null;
  });
  for (const hiddenPass of [false, true]) {
    if (hiddenPass && indicators) break;
    for (const grid of others.filter((g) => g.hidden === hiddenPass)) {
      const lists = readLists(grid);
      if (lists.isListSheet) {
        if (Object.keys(lists.lists).length === 0) continue;
        indicators ??= emptyIndicatorValues(prefecture, { file, sheet: grid.name, row: null });
        for (const [k, v] of Object.entries(lists.lists))
          indicators.lists[k as keyof IndicatorValues["lists"]] ??= v;
        continue;
      }
      const read = readIndicators(grid, { file, prefecture });
      if (read.labels < 2) continue;
      sub.findings.push(...read.findings);
      if (!indicators) indicators = read.values;
      else mergeIndicatorValues(indicators, read.values);
    }
  }
  if (indicators) {
    prefecture ??= indicators.prefecture ?? parsePrefecture(indicators.header.unitName ?? "");
  }
  if (!prefecture) {
    const sheetNames = (chosen.length > 0 ? chosen.map((t) => t.grid) : grids).map((g) => g.name);
    for (const name of sheetNames) if ((prefecture = parsePrefecture(name))) break;
  }

  sub.prefecture = prefecture;
  for (const r of records) r.prefecture ??= prefecture;
  if (indicators) indicators.prefecture ??= prefecture;
  sub.records = records;
  sub.indicators = indicators;
  // a workbook we wrote is a list even without its 推荐汇总表 (the Excel host's province has only 全省汇总)
  const list = chosen.length > 0 || own !== null;
  const regional = indicators !== null || provinceIndicators !== null;
  sub.kind = list && regional ? "workbook" : list ? "annex3" : regional ? "annex2" : "unknown";
  sub.ok = sub.kind !== "unknown";
  if (!sub.ok) {
    const names = grids.map((g) => `“${g.name}”`).join("、");
    sub.findings.push(
      finding(
        "FILE",
        { file },
        `未找到推荐汇总表（附件3）或地区指标（附件2）：工作簿中的工作表（${names || "无"}）都没有“序号、案例名称、企业名称、企业类别、案例申报方向和简述、联系人、联系方式”表头，也没有成效突出地区指标。请检查是否选错了文件`
      )
    );
  } else if (chosen.length > 0 && records.length === 0) {
    sub.findings.push(
      finding("FILE", { file, sheet: chosen[0].grid.name }, "推荐汇总表中没有填写任何案例行", {
        severity: "warning",
      })
    );
  }
  for (const f of sub.findings) f.prefecture ??= prefecture;
  return { own: own !== null, provinceIndicators };
}
