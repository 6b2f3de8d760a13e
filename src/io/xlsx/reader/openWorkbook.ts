/**
 * An .xlsx package turned into SheetGrids by our own SpreadsheetML reader: the guarded, once-inflated parts
 * (zipGuard) → workbook info, shared strings, styles → one grid per worksheet, in workbook order. No exceljs; runs
 * in Node and the browser. Every failure comes back as a Chinese message (and the sheet when there is one).
 */
import { formatMillis } from "../../limits";
import { readContentTypes, readWorkbookInfo, type SheetEntry } from "../ooxml/readPackage";
import { readSharedStrings } from "../ooxml/readSharedStrings";
import { readSheetXml } from "../ooxml/readSheet";
import { readStyles, type CellFormatKind } from "../ooxml/readStyles";
import { PartError, partText } from "../ooxml/xmlScan";
import { buildGrid, type SheetGrid } from "./grid";
import { openPackage, type GuardLimits, type GuardRefusal, type PackageParts } from "./zipGuard";

export interface OpenedWorkbook {
  grids: SheetGrid[];
  date1904: boolean;
}

export type OpenResult =
  { ok: true; workbook: OpenedWorkbook } | { ok: false; message: string; sheet?: string };

export interface OpenOptions {
  /** Only the sheets whose name passes are parsed (all by default); the others give no grid. */
  sheetFilter?: (name: string, entry: SheetEntry) => boolean;
}

const CORRUPT_TAIL = "：请用 Excel/WPS 打开后另存为 .xlsx";

export function tooSlowMessage(maxMillis: number): string {
  return `读取时间超过上限 ${formatMillis(maxMillis)}，已停止读取：文件过大或结构异常，请删除无关内容后重新保存`;
}

function text(parts: PackageParts, name: string | null): string | null {
  if (name === null) return null;
  const bytes = parts.get(name.toLowerCase());
  return bytes ? partText(bytes) : null;
}

/** Guard, inflate and parse a workbook package. Never throws for a bad file. */
export function openWorkbook(
  data: Uint8Array,
  limits: GuardLimits,
  opts: OpenOptions = {}
): OpenResult {
  const opened = openPackage(data, limits);
  if (opened.refusal) return { ok: false, ...opened.refusal };
  const parts = opened.parts;
  let current: string | undefined;
  let currentBytes: Uint8Array | null = null;
  try {
    const workbookXml = text(parts, "xl/workbook.xml");
    if (workbookXml === null)
      return {
        ok: false,
        message: `文件已损坏或不是有效的 Excel 工作簿，无法读取（缺少 xl/workbook.xml）${CORRUPT_TAIL}`,
      };
    const ctXml = text(parts, "[Content_Types].xml");
    const info = readWorkbookInfo(
      workbookXml,
      text(parts, "xl/_rels/workbook.xml.rels"),
      ctXml === null ? undefined : readContentTypes(ctXml)
    );
    const sstPart = info.sharedStringsPart ?? "xl/sharedStrings.xml";
    const sstXml = text(parts, sstPart) ?? text(parts, "xl/sharedStrings.xml");
    const sharedStrings = sstXml === null ? [] : readSharedStrings(sstXml, sstPart);
    const stylesXml =
      text(parts, info.stylesPart ?? "xl/styles.xml") ?? text(parts, "xl/styles.xml");
    const formats: CellFormatKind[] =
      stylesXml === null ? [] : readStyles(stylesXml, info.stylesPart ?? "xl/styles.xml");
    const ctx = {
      sharedStrings,
      formats,
      date1904: info.date1904,
      deadline: limits.deadline,
      maxRows: limits.maxRowsPerSheet,
      maxCells: limits.maxCellsPerSheet,
    };
    const grids: SheetGrid[] = [];
    for (const entry of info.sheets) {
      if (opts.sheetFilter && !opts.sheetFilter(entry.name, entry)) continue;
      current = entry.name;
      const bytes = parts.get(entry.part.toLowerCase());
      if (bytes === undefined)
        throw new PartError("corrupt", `缺少工作表“${entry.name}”的内容 ${entry.part}`);
      currentBytes = bytes;
      const sheet = readSheetXml(partText(bytes), ctx, entry.part);
      grids.push(buildGrid(entry.name, entry.state !== "visible", sheet));
      if (Date.now() > limits.deadline)
        return { ok: false, sheet: entry.name, message: tooSlowMessage(limits.maxMillis) };
    }
    return { ok: true, workbook: { grids, date1904: info.date1904 } };
  } catch (e) {
    if (!(e instanceof PartError)) throw e;
    const sheet = current === undefined ? {} : { sheet: current };
    if (e.kind === "limit" && current !== undefined && currentBytes !== null) {
      // the parser stopped at the limit: the message names the sheet's real size
      return { ok: false, ...oversizedSheet(current, sheetSize(currentBytes), limits) };
    }
    if (e.kind === "timeout")
      return { ok: false, ...sheet, message: tooSlowMessage(limits.maxMillis) };
    if (e.kind === "doctype")
      return {
        ok: false,
        ...sheet,
        message: `文件结构异常，未读取：${e.message}。请让报送单位重新另存为 .xlsx`,
      };
    return {
      ok: false,
      ...sheet,
      message: `文件已损坏或不是有效的 Excel 工作簿，无法读取（${e.message}）${CORRUPT_TAIL}`,
    };
  }
}

/**
 * The `<row>` elements that hold cells and the `<c>` elements of a worksheet part, counted in its bytes: the figures
 * a refusal names once the parser has stopped at a limit (a plain loop over the bytes: TypedArray#indexOf costs more
 * per call than it saves between the '<'s).
 */
function sheetSize(bytes: Uint8Array): { rows: number; cells: number } {
  let rows = 0;
  let cells = 0;
  let rowOpen = false;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0x3c) continue;
    // the element name after '<', prefix dropped
    let k = i + 1;
    let local = k;
    while (k < n && k - i <= 20 && isNameByte(bytes[k])) {
      if (bytes[k] === 0x3a) local = k + 1;
      k++;
    }
    const len = k - local;
    if (len === 1 && bytes[local] === 0x63) {
      cells += 1;
      if (rowOpen) {
        rows += 1;
        rowOpen = false;
      }
    } else if (
      len === 3 &&
      bytes[local] === 0x72 &&
      bytes[local + 1] === 0x6f &&
      bytes[local + 2] === 0x77
    ) {
      rowOpen = true;
    }
  }
  return { rows, cells };
}

/** The refusal of a sheet over the row or the cell limit (rows first, as a clerk would cut them first). */
function oversizedSheet(
  sheet: string,
  size: { rows: number; cells: number },
  limits: Pick<GuardLimits, "maxRowsPerSheet" | "maxCellsPerSheet">
): GuardRefusal {
  if (size.rows > limits.maxRowsPerSheet) {
    return {
      sheet,
      message: `工作表“${sheet}”有 ${size.rows} 行，超过每个工作表 ${limits.maxRowsPerSheet} 行的上限，未读取：请删除多余的行，只保留推荐汇总表`,
    };
  }
  return {
    sheet,
    message: `工作表“${sheet}”有 ${size.cells} 个单元格，超过每个工作表 ${limits.maxCellsPerSheet} 个单元格的上限，未读取：请删除多余的行列后重新保存`,
  };
}

function isNameByte(b: number): boolean {
  return (
    (b >= 0x61 && b <= 0x7a) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x30 && b <= 0x39) ||
    b === 0x3a ||
    b === 0x2d ||
    b === 0x5f
  );
}
