/**
 * One worksheet part (xl/worksheets/sheetN.xml) scanned into rows of CellData and its merged ranges. The scan walks
 * the tags with indexOf (no DOM): <row r>, <c r t s> with <v>, <f> and <is>, and <mergeCell ref>. Cells or rows
 * without an r attribute follow the previous one (our own writer, and some libraries, leave it out).
 * Values: t="s" shared string, "str" formula text, "inlineStr" <is>, "b" boolean, "e" error, "d" ISO date, else a
 * number; a number in a date-formatted cell becomes a date, as Excel shows it. A formula keeps its cached value;
 * a formula without one is flagged missingResult.
 */
import { numberText, parseRangeRef, toIsoDate, type CellData, type MergeRange } from "../cells";
import { readStringItem } from "./readSharedStrings";
import { GENERAL_FORMAT, type CellFormatKind } from "./readStyles";
import {
  attrsInto,
  decodeEntities,
  elementText,
  nextTag,
  ownText,
  PartError,
  refuseDoctype,
  type Tag,
} from "./xmlScan";

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Cell format kinds by style index (s="…"). */
  formats: readonly CellFormatKind[];
  date1904: boolean;
  /** Date.now() after which reading stops with PartError('timeout'); Infinity for none. */
  deadline?: number;
}

export interface ParsedSheet {
  /** rows[row][col], 1-based, sparse: only cells holding a value. */
  rows: CellData[][];
  merges: MergeRange[];
  /** Last row / column holding a value. */
  rowCount: number;
  colCount: number;
  /** Rows holding at least one value. */
  filledRows: number;
}

/** Excel's serial day number as a UTC Date (the 1900 or 1904 date system). */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** Column number of an "AB12" reference (0 when it has no letters), and its row (0 when it has no digits). */
function parseRef(ref: string): { col: number; row: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36 /* $ */) break;
  }
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c !== 36) break;
  }
  return { col, row };
}

export interface RawCell {
  t: string | null;
  value: string | null;
  inline: string | null;
  formula: boolean;
}

/** A CellData with every field set, always in the same order (one object shape for the whole grid). */
function make(
  text: string,
  num: number | null,
  date: Date | null,
  error: string | null,
  percent: boolean,
  formula: boolean,
  missingResult: boolean
): CellData {
  return { text, num, date, error, percent, formula, missingResult };
}

/** The CellData of one cell from its raw parts; null when it holds nothing. */
export function toCellData(
  raw: RawCell,
  format: CellFormatKind,
  ctx: SheetContext
): CellData | null {
  const { t, value, formula } = raw;
  const percent = format.percent;
  if (t === "inlineStr" || value === null || (value === "" && t !== "str" && t !== "s")) {
    const text = raw.inline ?? (t === "inlineStr" ? value : null);
    if (text !== null) return make(text, null, null, null, percent, formula, false);
    return formula ? make("", null, null, null, percent, true, true) : null;
  }
  switch (t) {
    case "s": {
      const index = Number(value);
      if (!Number.isInteger(index) || index < 0 || index >= ctx.sharedStrings.length) {
        throw new PartError("corrupt", ` 引用了不存在的共享字符串（第 ${value} 项）`);
      }
      return make(ctx.sharedStrings[index], null, null, null, percent, formula, false);
    }
    case "str":
      return make(value, null, null, null, percent, formula, false);
    case "b":
      return make(
        value === "1" || value === "true" ? "TRUE" : "FALSE",
        null,
        null,
        null,
        percent,
        formula,
        false
      );
    case "e":
      return make(value, null, null, value, percent, formula, false);
    case "d": {
      const d = new Date(
        /[zZ]|[+-]\d\d:?\d\d$/.test(value) || !value.includes("T") ? value : value + "Z"
      );
      if (Number.isNaN(d.getTime())) return make(value, null, null, null, percent, formula, false);
      return make(toIsoDate(d), null, d, null, percent, formula, false);
    }
    default: {
      const n = Number(value);
      if (value.trim() === "" || !Number.isFinite(n))
        return make(value, null, null, null, percent, formula, false);
      if (format.date) {
        const d = excelSerialToDate(n, ctx.date1904);
        if (Number.isNaN(d.getTime())) return make("", null, null, null, percent, formula, false);
        return make(toIsoDate(d), null, d, null, percent, formula, false);
      }
      return make(numberText(n), n, null, null, percent, formula, false);
    }
  }
}

const TIME_CHECK_ROWS = 2048;
const CELL_KEYS = ["r", "t", "s"];
const ROW_KEYS = ["r"];
const MERGE_KEYS = ["ref"];

/** Parse one worksheet part. Throws PartError for a DTD, broken markup, a bad string index or the time limit. */
export function readSheetXml(xml: string, ctx: SheetContext, part: string): ParsedSheet {
  refuseDoctype(xml, part);
  const rows: CellData[][] = [];
  const merges: MergeRange[] = [];
  let rowCount = 0;
  let colCount = 0;
  let filledRows = 0;
  const tag: Tag = { name: "", closing: false, selfClosing: false, start: 0, attrs: 0, end: 0 };
  const rowAttrs: Record<string, string | null> = { r: null };
  const cellAttrs: Record<string, string | null> = { r: null, t: null, s: null };
  const mergeAttrs: Record<string, string | null> = { ref: null };
  const raw: RawCell = { t: null, value: null, inline: null, formula: false };
  const limit = xml.length;
  const deadline = ctx.deadline ?? Infinity;
  let inSheetData = false;
  let rowNo = 0;
  let col = 0;
  let line: CellData[] | null = null;
  let lineRow = 0;
  let rowsSeen = 0;
  let pos = 0;
  try {
    while (nextTag(xml, pos, limit, tag)) {
      pos = tag.end + 1;
      const name = tag.name;
      if (name === "c" && inSheetData && !tag.closing) {
        cellAttrs.r = cellAttrs.t = cellAttrs.s = null;
        attrsInto(xml, tag.attrs, tag.end, cellAttrs, CELL_KEYS);
        let cellRow = rowNo;
        if (cellAttrs.r !== null) {
          const ref = parseRef(cellAttrs.r);
          col = ref.col > 0 ? ref.col : col + 1;
          if (ref.row > 0) cellRow = ref.row;
        } else col += 1;
        if (tag.selfClosing) continue;
        // one RawCell for every cell (toCellData keeps nothing of it)
        raw.t = cellAttrs.t;
        raw.value = null;
        raw.inline = null;
        raw.formula = false;
        // most cells are <v>…</v></c> with plain text (Excel, WPS, openpyxl): read straight, as the loop below would
        const vEnd = xml.startsWith("<v>", pos) ? xml.indexOf("<", pos + 3) : -1;
        if (vEnd >= 0 && vEnd < limit && xml.startsWith("</v></c>", vEnd)) {
          raw.value = ownText(decodeEntities(xml.slice(pos + 3, vEnd)));
          pos = vEnd + 8;
        } else {
          // the cell's children, up to </c>
          while (nextTag(xml, pos, limit, tag)) {
            pos = tag.end + 1;
            if (tag.closing) {
              if (tag.name === "c") break;
              continue;
            }
            if (tag.name === "v") {
              if (tag.selfClosing) continue;
              const v = elementText(xml, tag.end, "v", limit);
              // numbers and string indexes are short; anything longer is kept without the sheet's text (ownText)
              raw.value = ownText(v.text);
              pos = v.end;
            } else if (tag.name === "f") {
              raw.formula = true;
              if (!tag.selfClosing) pos = elementText(xml, tag.end, "f", limit).end;
            } else if (tag.name === "is" && !tag.selfClosing) {
              const item = readStringItem(xml, tag.end, limit, "is");
              raw.inline = item.text;
              pos = item.end;
            }
          }
        }
        const s = cellAttrs.s === null ? 0 : Number(cellAttrs.s);
        let data: CellData | null;
        try {
          data = toCellData(raw, ctx.formats[s] ?? GENERAL_FORMAT, ctx);
        } catch (e) {
          if (!(e instanceof PartError)) throw e;
          throw new PartError(
            e.kind,
            `${part} 的单元格 ${cellAttrs.r ?? `第 ${cellRow} 行第 ${col} 列`}${e.message}`
          );
        }
        if (data === null || cellRow <= 0 || col <= 0) continue;
        if (cellRow !== lineRow || line === null) {
          line = rows[cellRow] ??= [];
          lineRow = cellRow;
          if (line.length === 0) filledRows++;
        }
        line[col] = data;
        if (cellRow > rowCount) rowCount = cellRow;
        if (col > colCount) colCount = col;
      } else if (name === "row" && inSheetData) {
        if (tag.closing) continue;
        rowAttrs.r = null;
        attrsInto(xml, tag.attrs, tag.end, rowAttrs, ROW_KEYS);
        const r = rowAttrs.r === null ? NaN : Number(rowAttrs.r);
        rowNo = Number.isInteger(r) && r > 0 ? r : rowNo + 1;
        col = 0;
        line = null;
        if (++rowsSeen % TIME_CHECK_ROWS === 0 && Date.now() > deadline)
          throw new PartError("timeout", part);
      } else if (name === "sheetData") {
        inSheetData = !tag.closing && !tag.selfClosing;
      } else if (name === "mergeCell" && !tag.closing) {
        mergeAttrs.ref = null;
        attrsInto(xml, tag.attrs, tag.end, mergeAttrs, MERGE_KEYS);
        const range = mergeAttrs.ref === null ? null : parseRangeRef(mergeAttrs.ref);
        if (range) merges.push(range);
      }
    }
  } catch (e) {
    if (e instanceof PartError && e.kind === "corrupt" && !e.message.startsWith(part)) {
      throw new PartError("corrupt", `${part} 已损坏：${e.message}`);
    }
    throw e;
  }
  return { rows, merges, rowCount, colCount, filledRows };
}
