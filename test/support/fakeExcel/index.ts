/**
 * An in-memory Excel for tests and the browser end-to-end test: `run` behaves like Excel.run over the subset of the
 * API in src/excel/xl.ts (queued writes applied at sync, PropertyNotLoaded for unloaded reads, null objects, batches
 * that half-apply when one operation fails, Excel on the web's 5 MB limit on a request and a response), with failure
 * injection for a whole sync or any one operation, and inspection helpers that read the resulting workbook the way a
 * person would look at it. No Node APIs: it bundles into the browser.
 */
import { columnLetter } from "../../../src/core/findings";
import type {
  CreateWorkbook,
  ExcelRun,
  XlCellValue,
  XlContext,
  XlWorkbook,
} from "../../../src/excel/xl";
import { Batch, Store, type OpInfo, type OpMatch } from "./batch";
import {
  cellAt,
  cellForWrite,
  findSheetById,
  findSheetByName,
  formatRect,
  newSheet,
  overlaps,
  parseAddress,
  quoteSheet,
  usedRect,
  type CellState,
  type Rect,
  type SheetState,
  type WorkbookState,
} from "./state";
import { FakeWorksheetCollection } from "./worksheet";

export { FakeExcelError } from "./state";
export { PAYLOAD_LIMIT, type OpInfo, type OpMatch } from "./batch";

class FakeContext implements XlContext {
  readonly workbook: XlWorkbook;
  constructor(readonly batch: Batch) {
    this.workbook = { worksheets: new FakeWorksheetCollection(batch) };
  }
  sync<T>(passThroughValue?: T): Promise<T> {
    return this.batch.sync(passThroughValue);
  }
}

/** What a test (or a person) sees on one sheet. Addresses are A1 style. */
export interface FakeSheetView {
  name: string;
  /** The cell's value; for a formula cell, the formula text (the fake does not calculate). */
  shown(address: string): XlCellValue;
  value(address: string): XlCellValue;
  formula(address: string): string | null;
  numberFormat(address: string): string;
  fill(address: string): string | null;
  bold(address: string): boolean;
  /** The used range as rows of shown() values, from A1. */
  grid(): XlCellValue[][];
  /** Every formula on the sheet by address. */
  formulas(): Record<string, string>;
  merges: string[];
  tables: { name: string; address: string; hasHeaders: boolean; style: string }[];
  /** Each data validation: its rule kind, a list's items or a number/length rule, the prompt and the error alert. */
  validations: FakeValidationView[];
  /** Width in points of a column ("E"); null when never set. */
  columnWidth(letter: string): number | null;
  charts: {
    name: string;
    type: string;
    source: string;
    seriesBy: string;
    title: string;
    position: { start: string; end: string | null } | null;
  }[];
  hiddenColumns: string[];
  frozenRows: number;
  /** The print setup (pageLayout): orientation, paper, centring, rows repeated on every page, footer. */
  print: SheetState["print"];
}

export interface FakeValidationView {
  address: string;
  type: "list" | "wholeNumber" | "decimal" | "textLength";
  list: string[] | null;
  inCellDropDown: boolean | null;
  operator: string | null;
  formula1: string | number | null;
  formula2: string | number | null;
  prompt: { title: string; message: string } | null;
  errorAlert: { title: string; message: string; style: string } | null;
}

export interface FakeExcel {
  run: ExcelRun;
  createWorkbook: CreateWorkbook;
  /** Base64 payloads passed to createWorkbook, in order. */
  createdWorkbooks: string[];
  /** The next sync (or the one after `skip` more syncs) throws a GeneralException and applies nothing of its batch. */
  failNextSync(message?: string, skip?: number): void;
  /**
   * The matching operation throws a GeneralException when its sync runs (`times` times, default once): by its index
   * among all operations this fake ran (see operations()), or by kind ("worksheet.delete", "range.values", …) and
   * sheet. As in Excel, the operations before it in its sync stay applied and the rest of the sync is skipped.
   */
  failOperation(match: OpMatch, options?: { message?: string; times?: number }): void;
  /** Forget every injected failure not yet used (of syncs and of operations). */
  clearFailures(): void;
  /** Every operation attempted so far, in order (index, kind, sheet, sync). */
  operations(): readonly OpInfo[];
  /** The request size in bytes of every sync so far. */
  requestSizes(): readonly number[];
  /** Sheet names in tab order. */
  sheetNames(): string[];
  sheet(name: string): FakeSheetView | null;
  activeSheet(): string | null;
  /** "明细!E3" — the last selected range, or null. */
  selection(): string | null;
  /** Committed requests worth asserting on: "select 明细!E3", "formulas 明细!P2:P9", … */
  log: readonly string[];
  syncCount(): number;
  /** What a user does between add-in calls: type a value straight into a cell (no formula, no conversion). */
  typeInto(sheet: string, address: string, value: XlCellValue): void;
  /**
   * What a user does in Excel's ribbon: merge cells (合并单元格). As Excel does, only the top-left cell keeps its value;
   * the others are emptied.
   */
  mergeCells(sheet: string, address: string): void;
  /**
   * What a user does with 删除 › 删除工作表行: rows `row` … `row + count - 1` (1-based) go, the rows below move up with
   * their cells, merged areas and validations. The fake adjusts no formula: it refuses a sheet that holds formulas or
   * that a formula names.
   */
  deleteRows(sheet: string, row: number, count?: number): void;
  /** The response size in bytes of every sync so far (what its loads brought back). */
  responseSizes(): readonly number[];
  /** A deep copy of the whole state, to compare before/after. */
  snapshot(): WorkbookState;
  /** Structured references (Table[Column], [@Column]), #REF! and sheet references that point at nothing. */
  formulaProblems(): string[];
}

export function createFakeExcel(initialSheets: readonly string[] = ["Sheet1"]): FakeExcel {
  const wb: WorkbookState = { sheets: [], activeSheetId: null, selection: null, nextId: 1 };
  for (const n of initialSheets) wb.sheets.push(newSheet(wb, n));
  wb.activeSheetId = wb.sheets[0]?.id ?? null;
  const store = new Store(wb);
  const createdWorkbooks: string[] = [];

  const run: ExcelRun = async (batchFn) => {
    const batch = new Batch(store);
    const result = await batchFn(new FakeContext(batch));
    if (batch.pending > 0) await batch.sync(); // Excel.run flushes what is left when the batch function returns
    return result;
  };

  const sheetState = (name: string): SheetState | undefined => findSheetByName(store.state, name);

  return {
    run,
    createWorkbook: async (base64) => {
      createdWorkbooks.push(base64);
    },
    createdWorkbooks,
    failNextSync: (message = "模拟的 Excel 同步失败", skip = 0) => store.failSync(message, skip),
    failOperation: (match, { message = "模拟的 Excel 操作失败", times = 1 } = {}) =>
      store.failOperation(match, message, times),
    clearFailures: () => store.clearFailures(),
    operations: () => store.operations,
    requestSizes: () => store.requestBytes,
    sheetNames: () => store.state.sheets.map((s) => s.name),
    sheet: (name) => {
      const s = sheetState(name);
      return s ? view(store.state, s) : null;
    },
    activeSheet: () =>
      store.state.activeSheetId === null
        ? null
        : (findSheetById(store.state, store.state.activeSheetId)?.name ?? null),
    selection: () => {
      const sel = store.state.selection;
      const s = sel ? findSheetById(store.state, sel.sheetId) : undefined;
      return sel && s ? `${quoteSheet(s.name)}!${formatRect(sel.rect)}` : null;
    },
    log: store.log,
    syncCount: () => store.syncCount,
    typeInto: (sheet, address, value) => {
      const s = sheetState(sheet);
      if (!s) throw new Error(`no sheet ${sheet}`);
      const r = parseAddress(address);
      const cell = cellForWrite(s, r.row, r.col);
      cell.value = value;
      cell.formula = null;
    },
    mergeCells: (sheet, address) => {
      const s = sheetState(sheet);
      if (!s) throw new Error(`no sheet ${sheet}`);
      const rect = parseAddress(address);
      if (s.merges.some((m) => overlaps(m, rect))) throw new Error(`${address} overlaps a merge`);
      for (let r = rect.row; r < rect.row + rect.rows; r++)
        for (let c = rect.col; c < rect.col + rect.cols; c++) {
          if (r === rect.row && c === rect.col) continue;
          const cell = cellAt(s, r, c);
          if (cell) Object.assign(cell, { value: "", formula: null });
        }
      s.merges.push(rect);
    },
    deleteRows: (sheet, row, count = 1) => {
      const s = sheetState(sheet);
      if (!s) throw new Error(`no sheet ${sheet}`);
      deleteRows(store.state, s, row - 1, count);
    },
    responseSizes: () => store.responseBytes,
    snapshot: () => structuredClone(store.state),
    formulaProblems: () => formulaProblems(store.state),
  };
}

function view(wb: WorkbookState, s: SheetState): FakeSheetView {
  const at = (address: string): CellState | undefined => {
    const r = parseAddress(address);
    return cellAt(s, r.row, r.col);
  };
  const shown = (c: CellState | undefined): XlCellValue => c?.formula ?? c?.value ?? "";
  return {
    name: s.name,
    shown: (a) => shown(at(a)),
    value: (a) => at(a)?.value ?? "",
    formula: (a) => at(a)?.formula ?? null,
    numberFormat: (a) => at(a)?.numberFormat ?? "General",
    fill: (a) => at(a)?.fill ?? null,
    bold: (a) => at(a)?.bold ?? false,
    grid: () => {
      const u = usedRect(s, true);
      if (!u) return [];
      return Array.from({ length: u.row + u.rows }, (_, r) =>
        Array.from({ length: u.col + u.cols }, (_, c) => shown(cellAt(s, r, c)))
      );
    },
    formulas: () => {
      const out: Record<string, string> = {};
      for (const [key, c] of s.cells) {
        const [r, col] = key.split(",").map(Number);
        if (c.formula) out[`${columnLetter(col + 1)}${r + 1}`] = c.formula;
      }
      return out;
    },
    merges: s.merges.map(formatRect),
    tables: s.tables.map((t) => ({
      name: t.name,
      address: formatRect(t.rect),
      hasHeaders: t.hasHeaders,
      style: t.style,
    })),
    validations: s.validations.map((v) => ({
      address: formatRect(v.rect),
      type: v.type,
      list: v.list ? v.list.source.split(",") : null,
      inCellDropDown: v.list ? v.list.inCellDropDown : null,
      operator: v.basic?.operator ?? null,
      formula1: v.basic?.formula1 ?? null,
      formula2: v.basic?.formula2 ?? null,
      prompt:
        v.prompt && v.prompt.showPrompt
          ? { title: v.prompt.title, message: v.prompt.message }
          : null,
      errorAlert:
        v.errorAlert && v.errorAlert.showAlert
          ? { title: v.errorAlert.title, message: v.errorAlert.message, style: v.errorAlert.style }
          : null,
    })),
    columnWidth: (letter) => s.columnWidths[parseAddress(`${letter}1`).col] ?? null,
    charts: s.charts.map((c) => ({
      name: c.name,
      type: c.type,
      source: `${quoteSheet(findSheetById(wb, c.sourceSheetId)?.name ?? "#REF")}!${formatRect(c.source)}`,
      seriesBy: c.seriesBy,
      title: c.title,
      position: c.position,
    })),
    hiddenColumns: s.hiddenColumns.map((c) => columnLetter(c + 1)),
    frozenRows: s.frozenRows,
    print: { ...s.print },
  };
}

/** Rows [first, first + count) (0-based) deleted, the rows below moved up (see FakeExcel.deleteRows). */
function deleteRows(wb: WorkbookState, s: SheetState, first: number, count: number): void {
  const named = wb.sheets.some((o) =>
    [...o.cells.values()].some(
      (c) => c.formula !== null && (o === s || c.formula.includes(`${quoteSheet(s.name)}!`))
    )
  );
  if (named)
    throw new Error(`the fake does not adjust formulas: ${s.name} holds or is named by one`);
  const end = first + count;
  const cells = new Map<string, CellState>();
  for (const [key, c] of s.cells) {
    const [r, col] = key.split(",").map(Number);
    if (r < first) cells.set(key, c);
    else if (r >= end) cells.set(`${r - count},${col}`, c);
  }
  s.cells = cells;
  /** A rectangle after the deletion: shrunk where it covered deleted rows, null when nothing of it is left. */
  const shift = (rect: Rect): Rect | null => {
    const top = rect.row < first ? rect.row : Math.max(first, rect.row - count);
    const bottom = rect.row + rect.rows - 1;
    const newBottom = bottom < first ? bottom : bottom >= end ? bottom - count : first - 1;
    return newBottom < top ? null : { ...rect, row: top, rows: newBottom - top + 1 };
  };
  s.merges = s.merges.flatMap((m) => {
    const r = shift(m);
    return r && r.rows * r.cols > 1 ? [r] : [];
  });
  s.validations = s.validations.flatMap((v) => {
    const r = shift(v.rect);
    return r ? [{ ...v, rect: r }] : [];
  });
}

/** Check every formula's table references (also inside INDIRECT("…") text) and Sheet!A1 references. */
function formulaProblems(wb: WorkbookState): string[] {
  const problems: string[] = [];
  const tables = wb.sheets.flatMap((s) => s.tables.map((t) => ({ sheet: s, table: t })));
  const headersOf = (s: SheetState, t: (typeof tables)[number]["table"]): string[] =>
    Array.from({ length: t.rect.cols }, (_, i) =>
      String(cellAt(s, t.rect.row, t.rect.col + i)?.value ?? "")
    );
  for (const s of wb.sheets) {
    for (const [key, c] of s.cells) {
      if (!c.formula) continue;
      const [row, col] = key.split(",").map(Number);
      const where = `${s.name}!${columnLetter(col + 1)}${row + 1}`;
      // a reference to a sheet that was deleted (also one renamed away and deleted: the swap's backup)
      if (c.formula.includes("#REF!")) problems.push(`${where}: #REF!（${c.formula}）`);
      for (const m of c.formula.matchAll(/([\p{L}_][\p{L}\p{N}_.]*)?\[(@?)([^\][]+)\]/gu)) {
        const [, tableName, at, column] = m;
        const owner = tableName
          ? tables.find((x) => x.table.name.toLowerCase() === tableName.toLowerCase())
          : tables.find(
              (x) =>
                x.sheet === s &&
                row > x.table.rect.row &&
                row < x.table.rect.row + x.table.rect.rows &&
                col >= x.table.rect.col &&
                col < x.table.rect.col + x.table.rect.cols
            );
        if (!owner) problems.push(`${where}: 没有表 ${tableName ?? "(所在表)"}`);
        else if (!column.startsWith("#") && !headersOf(owner.sheet, owner.table).includes(column))
          problems.push(`${where}: 表 ${owner.table.name} 没有列 ${column}`);
        if (at && tableName) problems.push(`${where}: [@${column}] 应不带表名`);
      }
      for (const m of c.formula.matchAll(
        /(?<![#\p{L}\p{N}_.])(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_]*))!\$?[A-Z]{1,3}\$?\d+/gu
      )) {
        const name = (m[1] ?? m[2]).replace(/''/g, "'");
        if (!findSheetByName(wb, name)) problems.push(`${where}: 没有工作表 ${name}`);
      }
    }
  }
  return problems;
}
