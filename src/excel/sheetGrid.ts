/**
 * One sheet of the live workbook as the workbook reader's grid (src/io/xlsx/reader/grid.ts SheetGrid), so that the
 * readers a saved file goes through read the sheet unchanged: each cell's value and number format become the reader's
 * CellData by the file reader's own cell rule (ooxml/readSheet toCellData: a number in a date format is a date, a
 * percent format is kept, an error value is an error), merged areas answer with their top-left cell as in a file.
 *
 * Read a block of rows at a time, every column of the used range (from A1, where the readers count from): the block
 * size follows the bytes the previous blocks brought (about SYNC_BYTES a sync, Excel on the web refusing a response
 * above 5 MB), and a block refused for its size is read again in smaller blocks. Merged areas need ExcelApi 1.13
 * (Range.getMergedAreasOrNullObject); below it every cell reads as itself, a slave cell of a merged area as empty.
 */
import { errorMessage } from "../core/errors";
import { columnLetter } from "../core/findings";
import { isExcelErrorText } from "../core/text";
import { DEFAULT_LIMITS } from "../io/limits";
import { parseRangeRef, type CellData, type MergeRange } from "../io/xlsx/cells";
import { toCellData, type ParsedSheet, type RawCell } from "../io/xlsx/ooxml/readSheet";
import { isDateFormat, isPercentFormat, type CellFormatKind } from "../io/xlsx/ooxml/readStyles";
import { buildGrid, type SheetGrid } from "../io/xlsx/reader/grid";
import { SYNC_BYTES, jsonBytes } from "./sheetPlan";
import { READ_ROWS, openSheet, type OpenSheet } from "./sheetRead";
import type { XlContext, XlRange, XlRangeAreas, XlRequirements } from "./xl";

/** Rows a block reads at most with merged areas (getMergedAreasOrNullObject fails above 512: two per row allowed). */
export const GRID_BLOCK_ROWS = 200;
/** Rows of the first block, which measures the bytes a row brings. */
const FIRST_BLOCK_ROWS = 50;
/** Bytes a cell is taken to bring before anything is measured: its value and number format, as JSON, generously. */
const FIRST_GUESS_CELL_BYTES = 60;

const CELL_CONTEXT = { sharedStrings: [], formats: [], date1904: false } as const;

/** What a number format shows (the file reader's notion, readStyles.ts), cached per format code. */
function formatKinds(): (code: unknown) => CellFormatKind {
  const cache = new Map<string, CellFormatKind>();
  return (code) => {
    const text = typeof code === "string" ? code : "General";
    let kind = cache.get(text);
    if (!kind) {
      kind = { date: isDateFormat(text), percent: isPercentFormat(text) };
      cache.set(text, kind);
    }
    return kind;
  };
}

/**
 * One cell from Range.values / numberFormat, as the file reader would have it from the saved file: null when empty.
 * Text typed in a text ("@") cell is never an error value, whatever it says.
 */
export function cellFromExcel(
  value: unknown,
  format: unknown,
  kind: CellFormatKind
): CellData | null {
  let raw: RawCell;
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    raw = { t: null, value: String(value), inline: null, formula: false };
  } else if (typeof value === "boolean") {
    raw = { t: "b", value: value ? "1" : "0", inline: null, formula: false };
  } else {
    const text = String(value);
    const error = format !== "@" && isExcelErrorText(text);
    raw = { t: error ? "e" : "str", value: text, inline: null, formula: false };
  }
  return toCellData(raw, kind, CELL_CONTEXT);
}

/** "明细!A1:G1, 明细!A2:G2" (or with a quoted sheet name) → 1-based ranges. */
export function parseAreas(address: string): MergeRange[] {
  const out: MergeRange[] = [];
  for (const part of address.split(",")) {
    const bare = part.slice(part.lastIndexOf("!") + 1).trim();
    const range = bare === "" ? null : parseRangeRef(bare);
    if (range && (range.bottom > range.top || range.right > range.left)) out.push(range);
  }
  return out;
}

function mergedAreas(range: XlRange, requirements: XlRequirements): XlRangeAreas | null {
  if (requirements.isSetSupported("ExcelApi", "1.13")) {
    const areas = range.getMergedAreasOrNullObject();
    areas.load(["address", "isNullObject"]);
    return areas;
  }
  return null;
}

function mergedRects(areas: XlRangeAreas | null, requirements: XlRequirements): MergeRange[] {
  if (requirements.isSetSupported("ExcelApi", "1.13") && areas && !areas.isNullObject)
    return parseAreas(areas.address);
  return [];
}

function isSizeRefusal(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/** What reading a sheet measured: syncs, and the largest response of one. */
export interface GridReadStats {
  syncs: number;
  maxBytes: number;
}

/**
 * The sheet `name` of the live workbook as a SheetGrid, or null when there is no such sheet. Throws (in Chinese,
 * naming the sheet, its rows and columns) when Excel refuses a read, or when the sheet is used beyond the reader's
 * limits (src/io/limits.ts): nothing is written either way.
 */
export async function readSheetGrid(
  context: XlContext,
  name: string,
  requirements: XlRequirements,
  stats?: GridReadStats
): Promise<SheetGrid | null> {
  let sheet: OpenSheet | null;
  try {
    sheet = await openSheet(context, name);
  } catch (e) {
    throw new Error(`读取工作表“${name}”时出错：${errorMessage(e)}`, { cause: e });
  }
  if (!sheet) return null;
  const rowCount = sheet.lastRow + 1;
  const colCount = sheet.lastCol + 1;
  const parsed: ParsedSheet = { rows: [], merges: [], rowCount: 0, colCount: 0, filledRows: 0 };
  if (rowCount === 0 || colCount === 0) return buildGrid(name, false, parsed);
  const limits = DEFAULT_LIMITS;
  if (rowCount > limits.maxRowsPerSheet || rowCount * colCount > limits.maxCellsPerSheet) {
    throw new Error(
      `工作表“${name}”的内容用到第 ${rowCount} 行、${columnLetter(colCount)} 列，超过读取上限（每个工作表 ${limits.maxRowsPerSheet} 行、${limits.maxCellsPerSheet} 个单元格），未读取：请删除表格下方和右侧多余的内容后重新打开任务窗格`
    );
  }
  const kindOf = formatKinds();
  // with merged areas a block stays under the 512 areas getMergedAreasOrNullObject returns
  const maxBlock = requirements.isSetSupported("ExcelApi", "1.13") ? GRID_BLOCK_ROWS : READ_ROWS;
  const fit = (bytesPerRow: number) =>
    Math.max(1, Math.min(maxBlock, Math.floor(SYNC_BYTES / Math.max(1, bytesPerRow))));
  /** The largest bytes per row a block brought so far. */
  let perRow = 0;
  // a small first block measures what a row brings
  let block = Math.min(FIRST_BLOCK_ROWS, fit(colCount * FIRST_GUESS_CELL_BYTES));
  for (let start = 0; start < rowCount;) {
    const count = Math.min(block, rowCount - start);
    const range = sheet.ws.getRangeByIndexes(start, 0, count, colCount);
    range.load(["values", "numberFormat"]);
    const areas = mergedAreas(range, requirements);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block of rows, on purpose (5 MB limit)
      await context.sync();
    } catch (e) {
      if (isSizeRefusal(e) && count > 1) {
        // Excel refused the block for its size: the same rows again, a quarter at a time
        block = Math.max(1, Math.floor(count / 4));
        continue;
      }
      throw new Error(
        `读取工作表“${name}”第 ${start + 1}–${start + count} 行（A–${columnLetter(colCount)} 列）时出错：${errorMessage(e)}`,
        { cause: e }
      );
    }
    const values = range.values;
    const formats = range.numberFormat;
    const bytes = jsonBytes(values) + jsonBytes(formats);
    if (stats) {
      stats.syncs += 1;
      stats.maxBytes = Math.max(stats.maxBytes, bytes);
    }
    for (let r = 0; r < count; r++) {
      const line: CellData[] = [];
      let filled = false;
      for (let c = 0; c < colCount; c++) {
        const format = formats[r]?.[c];
        const cell = cellFromExcel(values[r]?.[c], format, kindOf(format));
        if (!cell) continue;
        line[c + 1] = cell;
        filled = true;
        if (c + 1 > parsed.colCount) parsed.colCount = c + 1;
      }
      if (!filled) continue;
      parsed.rows[start + r + 1] = line;
      parsed.rowCount = start + r + 1;
      parsed.filledRows += 1;
    }
    for (const m of mergedRects(areas, requirements)) parsed.merges.push(m);
    // the next block: as many rows as fit SYNC_BYTES at the largest bytes per row seen so far
    perRow = Math.max(perRow, bytes / count);
    block = fit(perRow);
    start += count;
  }
  return buildGrid(name, false, parsed);
}
