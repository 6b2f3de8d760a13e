/**
 * The in-memory workbook behind the Excel fake: plain data (structuredClone-able, for snapshots), cell addresses, and
 * the errors Office.js raises, with the same codes.
 */
import { columnLetter } from "../../../src/core/findings";
import type { XlCellValue } from "../../../src/excel/xl";

export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "GeneralException"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded";

/** Mirrors OfficeExtension.Error: a `code` string tests and callers can test. */
export class FakeExcelError extends Error {
  readonly code: FakeErrorCode;
  constructor(code: FakeErrorCode, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
  }
}

/** 0-based rectangle of cells. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface CellState {
  value: XlCellValue;
  /** Formula text ("=…") when the cell holds a formula; its value then stays "" (the fake does not calculate). */
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  fontSize: number | null;
  fontColor: string | null;
  wrap: boolean;
  hAlign: string | null;
}

export interface TableState {
  id: number;
  name: string;
  rect: Rect;
  hasHeaders: boolean;
  style: string;
}

export interface ChartState {
  id: number;
  name: string;
  type: string;
  sourceSheetId: number;
  source: Rect;
  seriesBy: string;
  title: string;
  position: { start: string; end: string | null } | null;
}

/** A data validation as Office.js sets it: one rule kind, and the prompt and error alert set after it. */
export interface ValidationState {
  rect: Rect;
  type: "list" | "wholeNumber" | "decimal" | "textLength";
  list: { source: string; inCellDropDown: boolean } | null;
  basic: { operator: string; formula1: string | number; formula2: string | number | null } | null;
  prompt: { title: string; message: string; showPrompt: boolean } | null;
  errorAlert: { title: string; message: string; style: string; showAlert: boolean } | null;
}

export interface SheetState {
  id: number;
  name: string;
  /** key `${row},${col}` (0-based). */
  cells: Map<string, CellState>;
  merges: Rect[];
  tables: TableState[];
  charts: ChartState[];
  validations: ValidationState[];
  hiddenColumns: number[];
  columnWidths: Record<number, number>;
  frozenRows: number;
  /** Print setup (pageLayout, ExcelApi 1.9). */
  print: {
    orientation: string;
    paperSize: string;
    centerHorizontally: boolean;
    titleRows: string | null;
    centerFooter: string;
  };
}

export interface WorkbookState {
  /** In tab order. */
  sheets: SheetState[];
  activeSheetId: number | null;
  selection: { sheetId: number; rect: Rect } | null;
  nextId: number;
}

export function emptyCell(): CellState {
  return {
    value: "",
    formula: null,
    numberFormat: "General",
    fill: null,
    bold: false,
    fontSize: null,
    fontColor: null,
    wrap: false,
    hAlign: null,
  };
}

export function newSheet(wb: WorkbookState, name: string): SheetState {
  return {
    id: wb.nextId++,
    name,
    cells: new Map(),
    merges: [],
    tables: [],
    charts: [],
    validations: [],
    hiddenColumns: [],
    columnWidths: {},
    frozenRows: 0,
    print: {
      orientation: "Portrait",
      paperSize: "Letter",
      centerHorizontally: false,
      titleRows: null,
      centerFooter: "",
    },
  };
}

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

export function cellAt(sheet: SheetState, row: number, col: number): CellState | undefined {
  return sheet.cells.get(cellKey(row, col));
}

export function cellForWrite(sheet: SheetState, row: number, col: number): CellState {
  const key = cellKey(row, col);
  let c = sheet.cells.get(key);
  if (!c) {
    c = emptyCell();
    sheet.cells.set(key, c);
  }
  return c;
}

export function isEmptyCell(c: CellState | undefined): boolean {
  return !c || (c.formula === null && c.value === "");
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/** "B3", "$B$3:D9", "Sheet!A1:B2" (sheet part ignored) → Rect; throws InvalidArgument on anything else. */
export function parseAddress(address: string): Rect {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(
    bare.trim().toUpperCase()
  );
  if (!m)
    throw new FakeExcelError(
      "InvalidArgument",
      `The argument is invalid or missing: address "${address}"`
    );
  const r1 = Number(m[2]) - 1;
  const c1 = colIndex(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? colIndex(m[3]) : c1;
  const rect = {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
  checkRect(rect);
  return rect;
}

export function checkRect(r: Rect): void {
  if (
    r.row < 0 ||
    r.col < 0 ||
    r.rows < 1 ||
    r.cols < 1 ||
    r.row + r.rows > MAX_ROWS ||
    r.col + r.cols > MAX_COLS
  ) {
    throw new FakeExcelError(
      "InvalidArgument",
      `The argument is invalid or missing: range ${JSON.stringify(r)}`
    );
  }
}

/** Rect → "A1:D15" ("B3" for one cell). */
export function formatRect(r: Rect): string {
  const a = `${columnLetter(r.col + 1)}${r.row + 1}`;
  if (r.rows === 1 && r.cols === 1) return a;
  return `${a}:${columnLetter(r.col + r.cols)}${r.row + r.rows}`;
}

export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}

/** Excel's sheet-name rules: 1–31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe. */
export function checkSheetName(wb: WorkbookState, name: string, exceptId: number | null): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
    throw new FakeExcelError(
      "InvalidArgument",
      `The argument is invalid or missing: sheet name "${name}"`
    );
  }
  if (wb.sheets.some((s) => s.id !== exceptId && s.name.toLowerCase() === name.toLowerCase())) {
    throw new FakeExcelError(
      "ItemAlreadyExists",
      `A resource with the same name or identifier already exists: "${name}"`
    );
  }
}

export function findSheetByName(wb: WorkbookState, name: string): SheetState | undefined {
  return wb.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

export function findSheetById(wb: WorkbookState, id: number): SheetState | undefined {
  return wb.sheets.find((s) => s.id === id);
}

/** Bounding box of the cells holding a value or formula (valuesOnly) or any content/format; null when none. */
export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const [key, cell] of sheet.cells) {
    if (
      valuesOnly
        ? isEmptyCell(cell)
        : isEmptyCell(cell) && cell.fill === null && cell.numberFormat === "General"
    )
      continue;
    const [r, c] = key.split(",").map(Number);
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  }
  return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}
