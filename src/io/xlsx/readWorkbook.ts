/**
 * Reading one prefecture workbook (.xlsx bytes) into a PrefectureSubmission: the 附件3 推荐汇总表 on whichever sheet
 * holds it, the 附件2 indicators (label/value pairs or a table) and attached name lists. Never throws: a file that
 * cannot be read gives ok:false and a FILE finding in Chinese. Runs in Node and in the browser (bytes in, no fs).
 */
import ExcelJS from 'exceljs';
import { finding } from '../../core/findings';
import { EMPTY_META, type CaseRecord, type IndicatorValues, type PrefectureSubmission } from '../../core/model';
import { parsePrefecture, type PrefectureName } from '../../core/vocabulary';
import { mergeIndicatorValues, readIndicators } from './reader/annex2';
import { readTable, type TableRead } from './reader/annex3';
import { buildGrid, type SheetGrid } from './reader/grid';
import { findTableHeader, type TableHeader } from './reader/header';
import { readLists } from './reader/lists';
import { formatMessage, sniffFormat as sniffBytes, sniffWithListing } from './reader/sniff';
import { guardPackage } from './reader/zipGuard';
import { DEFAULT_LIMITS, formatMillis, type InputLimits } from '../limits';

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

/** Resolves to null after `ms`, with a way to cancel the timer. */
function timeout(ms: number): { promise: Promise<null>; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.max(0, ms));
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

export function sniffFormat(data: Uint8Array): 'xlsx' | 'zip' | 'ole' | 'pdf' | 'text' | 'empty' | 'unknown' {
  return sniffBytes(data);
}

function mb(n: number): string {
  return (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) {
    return bytes.buffer;
  }
  return bytes.slice().buffer as ArrayBuffer;
}

export async function readWorkbook(
  data: Uint8Array | ArrayBuffer,
  file: string,
  opts: { prefecture?: PrefectureName; limits?: Partial<ReadLimits> } = {},
): Promise<PrefectureSubmission> {
  const sub: PrefectureSubmission = {
    file,
    kind: 'unknown',
    prefecture: opts.prefecture ?? null,
    meta: { ...EMPTY_META },
    records: [],
    indicators: null,
    findings: [],
    ok: false,
  };
  const fail = (message: string, sheet?: string): PrefectureSubmission => {
    sub.findings.push(finding('FILE', { file, ...(sheet ? { sheet } : {}) }, message, { prefecture: sub.prefecture }));
    return sub;
  };
  try {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...opts.limits };
    const deadline = Date.now() + limits.maxMillis;
    const tooSlow = `读取时间超过上限 ${formatMillis(limits.maxMillis)}，已停止读取：文件过大或结构异常，请删除无关内容后重新保存`;
    if (bytes.byteLength > limits.maxBytes) {
      return fail(`文件大小 ${mb(bytes.byteLength)} MB，超过单个文件上限 ${mb(limits.maxBytes)} MB，未读取：请删除无关工作表、图片后重新保存`);
    }
    const { format, listing } = sniffWithListing(bytes);
    const bad = formatMessage(format, bytes, listing);
    if (bad !== null || listing === null) return fail(bad ?? '无法识别的文件格式');
    const sheetCount = listing.names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).length;
    if (sheetCount > limits.maxSheets) {
      return fail(`工作簿有 ${sheetCount} 个工作表，超过上限 ${limits.maxSheets} 个，未读取：请只保留推荐汇总表和地区指标工作表`);
    }
    if (listing.totalSize > limits.maxUncompressedBytes) {
      return fail(`文件解压后内容约 ${mb(listing.totalSize)} MB，超过解压后总大小上限 ${mb(limits.maxUncompressedBytes)} MB，未读取：疑似“压缩炸弹”，或请删除无关内容后重新保存`);
    }
    // declared and actual sizes, rows and cells, checked on the stream before exceljs inflates anything
    const refusal = guardPackage(bytes, { ...limits, deadline });
    if (refusal) return fail(refusal.message, refusal.sheet);

    const wb = new ExcelJS.Workbook();
    const timer = timeout(deadline - Date.now());
    try {
      const loading = wb.xlsx.load(toArrayBuffer(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
      loading.catch(() => undefined); // a late failure after the time limit has nobody to report to
      const loaded = await Promise.race([loading, timer.promise]);
      if (loaded === null) return fail(tooSlow);
    } catch (e) {
      return fail(`文件已损坏或不是有效的 Excel 工作簿，无法读取（${e instanceof Error ? e.message : String(e)}）：请用 Excel/WPS 打开后另存为 .xlsx`);
    } finally {
      timer.cancel();
    }
    const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
    const grids: SheetGrid[] = [];
    for (const ws of wb.worksheets) {
      const rows = ws.actualRowCount;
      if (rows > limits.maxRowsPerSheet) {
        return fail(`工作表“${ws.name}”有 ${rows} 行，超过每个工作表 ${limits.maxRowsPerSheet} 行的上限，未读取：请删除多余的行`);
      }
      grids.push(buildGrid(ws));
      if (Date.now() > deadline) return fail(tooSlow, ws.name);
    }
    readContents(sub, grids, { file, date1904, prefecture: opts.prefecture ?? null });
    return sub;
  } catch (e) {
    // an unexpected failure in our own code must not stop the other files: report it on this file
    return fail(`读取文件时出错：${e instanceof Error ? e.message : String(e)}`);
  }
}

interface Ctx {
  file: string;
  date1904: boolean;
  prefecture: PrefectureName | null;
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}

function readContents(sub: PrefectureSubmission, grids: SheetGrid[], ctx: Ctx): void {
  const { file } = ctx;
  // 1. the 附件3 table: visible sheets first; hidden sheets only when no visible sheet holds one
  const withTable = grids
    .map((grid) => ({ grid, header: findTableHeader(grid) }))
    .filter((t): t is { grid: SheetGrid; header: TableHeader } => t.header !== null);
  const visible = withTable.filter((t) => !t.grid.hidden);
  const chosen = visible.length > 0 ? visible : withTable;
  for (const t of withTable) {
    if (chosen.includes(t)) continue;
    sub.findings.push(
      finding('FILE', { file, sheet: t.grid.name }, `隐藏工作表“${t.grid.name}”也含有推荐汇总表，已按可见工作表读取，未读取该隐藏表：如需以它为准请取消隐藏并删除其他表`, {
        severity: 'warning',
      }),
    );
  }
  const tables: TableRead[] = chosen.map((t) => readTable(t.grid, t.header, { file, date1904: ctx.date1904 }));
  const records: CaseRecord[] = [];
  for (const t of tables) {
    records.push(...t.records);
    sub.findings.push(...t.findings);
    for (const k of ['recommender', 'date', 'contact', 'phone'] as const) if (!sub.meta[k]) sub.meta[k] = t.meta[k];
  }

  // 2. the prefecture: given, 推荐单位, a 所属市州 column agreeing on every row, the file name, the sheet name
  let prefecture: PrefectureName | null = ctx.prefecture ?? parsePrefecture(sub.meta.recommender);
  if (!prefecture && records.length > 0 && tables.some((t) => t.hasPrefectureColumn)) {
    const named = new Set(records.map((r) => r.prefecture));
    if (named.size === 1) prefecture = records[0].prefecture;
  }
  prefecture ??= parsePrefecture(baseName(file));

  // 3. the 附件2 indicators and name lists, on the sheets without a table
  const tableSheets = new Set(withTable.map((t) => t.grid));
  let indicators: IndicatorValues | null = null;
  const others = grids.filter((g) => !tableSheets.has(g));
  for (const hiddenPass of [false, true]) {
    if (hiddenPass && indicators) break;
    for (const grid of others.filter((g) => g.hidden === hiddenPass)) {
      const lists = readLists(grid);
      if (lists.isListSheet) {
        if (Object.keys(lists.lists).length === 0) continue;
        indicators ??= emptyIndicators(file, grid.name, prefecture);
        for (const [k, v] of Object.entries(lists.lists)) indicators.lists[k as keyof IndicatorValues['lists']] ??= v;
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
    prefecture ??= indicators.prefecture ?? parsePrefecture(indicators.header.unitName ?? '');
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
  sub.kind = chosen.length > 0 && indicators ? 'workbook' : chosen.length > 0 ? 'annex3' : indicators ? 'annex2' : 'unknown';
  sub.ok = sub.kind !== 'unknown';
  if (!sub.ok) {
    const names = grids.map((g) => `“${g.name}”`).join('、');
    sub.findings.push(
      finding(
        'FILE',
        { file },
        `未找到推荐汇总表（附件3）或地区指标（附件2）：工作簿中的工作表（${names || '无'}）都没有“序号、案例名称、企业名称、企业类别、案例申报方向和简述、联系人、联系方式”表头，也没有成效突出地区指标。请检查是否选错了文件`,
      ),
    );
  } else if (chosen.length > 0 && records.length === 0) {
    sub.findings.push(
      finding('FILE', { file, sheet: chosen[0].grid.name }, '推荐汇总表中没有填写任何案例行', { severity: 'warning' }),
    );
  }
  for (const f of sub.findings) f.prefecture ??= prefecture;
}

function emptyIndicators(file: string, sheet: string, prefecture: PrefectureName | null): IndicatorValues {
  return { prefecture, values: {}, header: {}, lists: {}, source: { file, sheet, row: null }, cells: {} };
}

