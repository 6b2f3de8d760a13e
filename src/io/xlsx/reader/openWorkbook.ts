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
import {
  openPackage,
  oversizedSheet,
  sheetSize,
  type GuardLimits,
  type PackageParts,
} from "./zipGuard";

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
