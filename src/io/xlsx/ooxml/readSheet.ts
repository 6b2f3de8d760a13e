/**
 * One worksheet part (xl/worksheets/sheetN.xml) scanned into rows of CellData and its merged ranges. The scan walks
 * the tags with indexOf (no DOM): <row r>, <c r t s> with <v>, <f> and <is>, and <mergeCell ref>. A cell's
 * attributes and a shared string's index are read in place, without slicing them out of the part. Cells or rows
 * without an r attribute follow the previous one (our own writer, and some libraries, leave it out).
 * Values: t="s" shared string, "str" formula text, "inlineStr" <is>, "b" boolean, "e" error, "d" ISO date, else a
 * number; a number in a date-formatted cell becomes a date, as Excel shows it. A formula keeps its cached value;
 * a formula without one is flagged missingResult.
 */
import { columnLetter } from "../../../core/findings";
import { numberText, parseRangeRef, toIsoDate, type CellData, type MergeRange } from "../cells";
import { readStringItem } from "./readSharedStrings";
import { GENERAL_FORMAT, type CellFormatKind } from "./readStyles";
import {
  attrsInto,
  nextAttr,
  decodeEntities,
  elementText,
  nextTag,
  ownText,
  PartError,
  refuseDoctype,
  type AttrSpan,
  type Tag,
} from "./xmlScan";

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Cell format kinds by style index (s="…"). */
  formats: readonly CellFormatKind[];
  date1904: boolean;
  /** Date.now() after which reading stops with PartError('timeout'); Infinity for none. */
  deadline?: number;
  /**
   * More `<row>` elements holding cells, or more `<c>` elements, than these stop the reading with PartError('limit')
   * as soon as they are passed (so a huge sheet costs no more than the largest one read); Infinity for none.
   */
  maxRows?: number;
  maxCells?: number;
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

/** A <c>'s attributes as readCellAttrs finds them. */
interface CellAttrs {
  /** Column and row of r (0: r absent, or without letters / digits). */
  col: number;
  row: number;
  t: string | null;
  /** The style index (0 when absent). */
  s: number;
}

/** The t values written, as constants (no string sliced out of the part for them). */
const CELL_TYPES = ["s", "n", "str", "inlineStr", "b", "e", "d"];

/**
 * The attributes r, t and s of the start tag `xml[from, to)`, read in place: r's column and row, s's number, t as
 * one of CELL_TYPES (or sliced, when it is another). A value with a character reference is decoded first.
 */
function readCellAttrs(xml: string, from: number, to: number, out: CellAttrs): void {
  out.col = out.row = 0;
  out.t = null;
  out.s = 0;
  const span = ATTR;
  for (let i = nextAttr(xml, from, to, span); i >= 0; i = nextAttr(xml, i, to, span)) {
    if (span.nameEnd - span.local !== 1) continue;
    const name = xml.charCodeAt(span.local);
    if (name !== 114 /* r */ && name !== 116 /* t */ && name !== 115 /* s */) continue;
    let amp = span.value;
    while (amp < span.valueEnd && xml.charCodeAt(amp) !== 38 /* & */) amp++;
    if (amp < span.valueEnd) {
      // a value with a character reference: decoded first
      const value = decodeEntities(xml.slice(span.value, span.valueEnd));
      setCellAttr(out, name, value, 0, value.length);
    } else setCellAttr(out, name, xml, span.value, span.valueEnd);
  }
}
/** readCellAttrs' one span (the scan is synchronous: never two at once). */
const ATTR: AttrSpan = { local: 0, nameEnd: 0, value: 0, valueEnd: 0 };

/** One of r, t, s from `text[from, to)` (already free of references). */
function setCellAttr(out: CellAttrs, name: number, text: string, from: number, to: number): void {
  if (name === 115 /* s */) {
    const n = digitsAt(text, from, to);
    out.s = n >= 0 ? n : Number(text.slice(from, to)) || 0;
  } else if (name === 116 /* t */) {
    const n = to - from;
    for (let j = 0; j < CELL_TYPES.length; j++) {
      const t = CELL_TYPES[j];
      if (t.length === n && text.startsWith(t, from)) return void (out.t = t);
    }
    out.t = text.slice(from, to);
  } else {
    let col = 0;
    let j = from;
    for (; j < to; j++) {
      const c = text.charCodeAt(j);
      if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
      else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
      else if (c !== 36 /* $ */) break;
    }
    let row = 0;
    for (; j < to; j++) {
      const c = text.charCodeAt(j);
      if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
      else if (c !== 36) break;
    }
    out.col = col;
    out.row = row;
  }
}

// `<v>` and `</v></c>` at an offset, by their code units (hot: every cell; startsWith is a call into the runtime)
function opensValue(xml: string, at: number): boolean {
  return (
    xml.charCodeAt(at) === 0x3c &&
    xml.charCodeAt(at + 1) === 0x76 &&
    xml.charCodeAt(at + 2) === 0x3e
  );
}
function closesValueAndCell(xml: string, at: number): boolean {
  return (
    xml.charCodeAt(at) === 0x3c &&
    xml.charCodeAt(at + 1) === 0x2f &&
    xml.charCodeAt(at + 2) === 0x76 &&
    xml.charCodeAt(at + 3) === 0x3e &&
    xml.charCodeAt(at + 4) === 0x3c &&
    xml.charCodeAt(at + 5) === 0x2f &&
    xml.charCodeAt(at + 6) === 0x63 &&
    xml.charCodeAt(at + 7) === 0x3e
  );
}

/** The number `xml[from, to)` spells in decimal digits, or -1 when it is empty or holds anything else. */
function digitsAt(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** "B3" for a message (the cell as read: column and row after any missing r was filled in). */
function cellName(col: number, row: number): string {
  return col > 0 && row > 0 ? `${columnLetter(col)}${row}` : `第 ${row} 行第 ${col} 列`;
}

/** The children of a <c> up to its </c> (<v>, <f>, <is>) into `raw`; returns where reading goes on. */
function readCellChildren(xml: string, pos: number, limit: number, tag: Tag, raw: RawCell): number {
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
  return pos;
}

const TIME_CHECK_ROWS = 2048;
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
  const cellAttrs: CellAttrs = { col: 0, row: 0, t: null, s: 0 };
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
  // the limits count every <c> and every <row> holding one, wherever they stand
  const maxRows = ctx.maxRows ?? Infinity;
  const maxCells = ctx.maxCells ?? Infinity;
  let cells = 0;
  let rowsWithCells = 0;
  let rowOpen = false;
  let pos = 0;
  try {
    while (nextTag(xml, pos, limit, tag)) {
      pos = tag.end + 1;
      const name = tag.name;
      if (name === "c" && !tag.closing) {
        if (rowOpen) {
          rowOpen = false;
          if (++rowsWithCells > maxRows) throw new PartError("limit", part);
        }
        if (++cells > maxCells) throw new PartError("limit", part);
        if (!inSheetData) continue;
        readCellAttrs(xml, tag.attrs, tag.end, cellAttrs);
        let cellRow = rowNo;
        col = cellAttrs.col > 0 ? cellAttrs.col : col + 1;
        if (cellAttrs.row > 0) cellRow = cellAttrs.row;
        if (tag.selfClosing) continue;
        const format = ctx.formats[cellAttrs.s] ?? GENERAL_FORMAT;
        // most cells are <v>…</v></c> with plain text (Excel, WPS, openpyxl): read straight, as the loop below would
        const vEnd = opensValue(xml, pos) ? xml.indexOf("<", pos + 3) : -1;
        const plainV = vEnd >= 0 && closesValueAndCell(xml, vEnd);
        let data: CellData | null = null;
        let index: number;
        if (plainV && cellAttrs.t === "s" && (index = digitsAt(xml, pos + 3, vEnd)) >= 0) {
          // a shared string's index, read in place
          if (index >= ctx.sharedStrings.length) {
            throw new PartError(
              "corrupt",
              `${part} 的单元格 ${cellName(col, cellRow)} 引用了不存在的共享字符串（第 ${index} 项）`
            );
          }
          data = make(ctx.sharedStrings[index], null, null, null, format.percent, false, false);
          pos = vEnd + 8;
        } else {
          // one RawCell for every cell (toCellData keeps nothing of it)
          raw.t = cellAttrs.t;
          raw.value = null;
          raw.inline = null;
          raw.formula = false;
          if (plainV) {
            raw.value = ownText(decodeEntities(xml.slice(pos + 3, vEnd)));
            pos = vEnd + 8;
          } else pos = readCellChildren(xml, pos, limit, tag, raw);
          try {
            data = toCellData(raw, format, ctx);
          } catch (e) {
            if (!(e instanceof PartError)) throw e;
            throw new PartError(e.kind, `${part} 的单元格 ${cellName(col, cellRow)}${e.message}`);
          }
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
      } else if (name === "row" && !tag.closing) {
        rowOpen = true;
        if (!inSheetData) continue;
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
