/**
 * Range proxy of the fake. Values are written as Excel takes typed input: in a General cell "=…" becomes a formula and
 * a numeric string becomes a number (so an 18-digit credit code loses its tail, as in Excel); in a text ("@") cell
 * everything stays the text it was. Formula cells are not calculated: their value reads as "".
 */
import type {
  XlDataValidation,
  XlFill,
  XlFont,
  XlRange,
  XlRangeAreas,
  XlRangeFormat,
} from "../../../src/excel/xl";
import { Batch, FakeClientObject, resolveSheet, sheetNameOf, type SheetRef } from "./batch";
import { fromR1C1, toR1C1 } from "./formula";
import {
  cellAt,
  cellForWrite,
  checkRect,
  emptyCell,
  FakeExcelError,
  formatRect,
  overlaps,
  quoteSheet,
  type CellState,
  type Rect,
  type SheetState,
  type ValidationState,
  type WorkbookState,
} from "./state";

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const RANGE_PROPS = [
  "values",
  "formulas",
  "formulasR1C1",
  "numberFormat",
  "address",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
  "columnHidden",
] as const;

/** Whether Office.js takes v as a cell input (checked for the whole matrix before any cell changes). */
function checkInput(v: unknown): void {
  if (v === null || v === undefined) return;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return;
  throw new FakeExcelError(
    "InvalidArgument",
    `The argument is invalid or missing: cell value ${String(v)}`
  );
}

/** How Excel stores one input: see the file comment. null/undefined leave the cell as it is (Office.js does the same). */
function writeInput(cell: CellState, v: unknown): void {
  if (v === null || v === undefined) return;
  if (typeof v === "number" || typeof v === "boolean") {
    cell.value = v;
    cell.formula = null;
  } else if (typeof v === "string") {
    cell.formula = null;
    if (cell.numberFormat === "@") cell.value = v;
    else if (v.length > 1 && v.startsWith("=")) {
      cell.formula = v;
      cell.value = "";
    } else cell.value = NUMERIC.test(v.trim()) ? Number(Number(v).toPrecision(15)) : v; // Excel keeps 15 digits
  }
}

export class FakeRange extends FakeClientObject implements XlRange {
  /** Resolved when the request creating this range runs; null for a null object. */
  private rect: Rect | null | undefined;
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  private readonly sheetName: (wb: WorkbookState) => string | null;

  constructor(
    batch: Batch,
    private readonly sheetRef: SheetRef,
    locate: (wb: WorkbookState, sheet: SheetState) => Rect | null,
    nullable: boolean,
    args: unknown
  ) {
    super(batch);
    this.sheetName = sheetNameOf(sheetRef);
    batch.push(
      "range.get",
      (wb, commit) => {
        const sheet = resolveSheet(wb, sheetRef);
        const rect = locate(wb, sheet);
        if (rect) checkRect(rect);
        else if (!nullable)
          throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist (range).");
        this.rect = rect;
        commit(() => this.markLoaded("isNullObject", rect === null));
      },
      { args, sheet: this.sheetName }
    );
    this.format = this.makeFormat();
    this.dataValidation = this.makeValidation();
  }

  private target(wb: WorkbookState): { sheet: SheetState; rect: Rect } {
    if (!this.rect)
      throw new FakeExcelError(
        "ItemNotFound",
        "The requested resource doesn't exist (null range)."
      );
    return { sheet: resolveSheet(wb, this.sheetRef), rect: this.rect };
  }

  /** Queue one operation on this range's sheet and rectangle. */
  private edit(
    kind: string,
    args: unknown,
    f: (sheet: SheetState, rect: Rect, wb: WorkbookState) => void
  ): void {
    this.batch.push(
      kind,
      (wb) => {
        const { sheet, rect } = this.target(wb);
        f(sheet, rect, wb);
      },
      { args, sheet: this.sheetName }
    );
  }

  private eachCell(kind: string, args: unknown, f: (cell: CellState) => void): void {
    this.edit(kind, args, (sheet, rect) => {
      for (let r = 0; r < rect.rows; r++)
        for (let c = 0; c < rect.cols; c++) f(cellForWrite(sheet, rect.row + r, rect.col + c));
    });
  }

  private writeMatrix(
    kind: string,
    m: unknown[][],
    check: (v: unknown) => void,
    put: (cell: CellState, v: unknown, row: number, col: number) => void
  ): void {
    this.edit(`range.${kind}`, m, (sheet, rect) => {
      if (
        !Array.isArray(m) ||
        m.length !== rect.rows ||
        m.some((row) => !Array.isArray(row) || row.length !== rect.cols)
      ) {
        throw new FakeExcelError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${kind} ${formatRect(rect)}).`
        );
      }
      // every input is checked before any cell changes: a refused write changes nothing
      for (const row of m) for (const v of row) check(v);
      for (let r = 0; r < rect.rows; r++)
        for (let c = 0; c < rect.cols; c++)
          put(cellForWrite(sheet, rect.row + r, rect.col + c), m[r][c], rect.row + r, rect.col + c);
      this.batch.store.log.push(`${kind} ${quoteSheet(sheet.name)}!${formatRect(rect)}`);
    });
  }

  private readMatrix(
    wb: WorkbookState,
    get: (cell: CellState | undefined, row: number, col: number) => unknown
  ): unknown[][] {
    const { sheet, rect } = this.target(wb);
    return Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) =>
        get(cellAt(sheet, rect.row + r, rect.col + c), rect.row + r, rect.col + c)
      )
    );
  }

  get values(): unknown[][] {
    return this.read("values");
  }
  set values(m: unknown[][]) {
    this.writeMatrix("values", m, checkInput, writeInput);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(m: unknown[][]) {
    this.writeMatrix("formulas", m, checkInput, writeInput);
  }
  get formulasR1C1(): unknown[][] {
    return this.read("formulasR1C1");
  }
  /** Formulas in R1C1 notation are stored as Excel stores every formula: in A1 notation, relative to each cell. */
  set formulasR1C1(m: unknown[][]) {
    this.writeMatrix("formulasR1C1", m, checkInput, (cell, v, row, col) =>
      writeInput(cell, typeof v === "string" ? fromR1C1(v, row, col) : v)
    );
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(m: unknown[][]) {
    this.writeMatrix(
      "numberFormat",
      m,
      (v) => {
        if (typeof v !== "string")
          throw new FakeExcelError("InvalidArgument", "numberFormat must be text");
      },
      (cell, v) => (cell.numberFormat = v as string)
    );
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get columnHidden(): boolean {
    return this.read("columnHidden");
  }
  set columnHidden(hidden: boolean) {
    this.edit("range.columnHidden", hidden, (sheet, rect) => {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        sheet.hiddenColumns = sheet.hiddenColumns.filter((h) => h !== c);
        if (hidden) sheet.hiddenColumns.push(c);
      }
      sheet.hiddenColumns.sort((a, b) => a - b);
    });
  }

  merge(across = false): void {
    this.edit("range.merge", across, (sheet, rect) => {
      const parts = across
        ? Array.from({ length: rect.rows }, (_, i) => ({ ...rect, row: rect.row + i, rows: 1 }))
        : [rect];
      for (const p of parts) {
        if (sheet.merges.some((m) => overlaps(m, p)))
          throw new FakeExcelError(
            "InvalidOperation",
            `Cannot merge over an existing merged area (${formatRect(p)}).`
          );
        if (sheet.tables.some((t) => overlaps(t.rect, p)))
          throw new FakeExcelError("InvalidOperation", "Cannot merge cells in a table.");
      }
      sheet.merges.push(...parts);
    });
  }

  /** Every merged area the range touches is split, as Excel does. */
  unmerge(): void {
    this.edit("range.unmerge", null, (sheet, rect) => {
      sheet.merges = sheet.merges.filter((m) => !overlaps(m, rect));
    });
  }

  /**
   * Contents (values, formulas), formats (number format, fill, font, alignment) or both. Like Excel, neither merges
   * nor data validation go with it: those have unmerge() and dataValidation.clear().
   */
  clear(applyTo: Parameters<XlRange["clear"]>[0] = "All"): void {
    if (applyTo !== "All" && applyTo !== "Contents" && applyTo !== "Formats")
      throw new FakeExcelError("InvalidArgument", `The fake does not support clear("${applyTo}").`);
    this.edit("range.clear", applyTo, (sheet, rect) => {
      const blank = emptyCell();
      for (let r = rect.row; r < rect.row + rect.rows; r++)
        for (let c = rect.col; c < rect.col + rect.cols; c++) {
          const cell = cellAt(sheet, r, c);
          if (!cell) continue;
          if (applyTo !== "Formats") {
            cell.value = "";
            cell.formula = null;
          }
          if (applyTo !== "Contents")
            Object.assign(cell, { ...blank, value: cell.value, formula: cell.formula });
        }
      this.batch.store.log.push(`clear ${quoteSheet(sheet.name)}!${formatRect(rect)}`);
    });
  }

  select(): void {
    this.edit("range.select", null, (sheet, rect, wb) => {
      wb.activeSheetId = sheet.id;
      wb.selection = { sheetId: sheet.id, rect };
      this.batch.store.log.push(`select ${quoteSheet(sheet.name)}!${formatRect(rect)}`);
    });
  }

  /** As in Excel (ExcelApi 1.13): the merged areas whose top-left cell is in the range, whole; more than 512 fail. */
  getMergedAreasOrNullObject(): XlRangeAreas {
    return new FakeRangeAreas(this.batch, this.sheetName, (wb) => {
      const { sheet, rect } = this.target(wb);
      const inside = sheet.merges
        .filter(
          (m) =>
            m.row >= rect.row &&
            m.row < rect.row + rect.rows &&
            m.col >= rect.col &&
            m.col < rect.col + rect.cols
        )
        .sort((a, b) => a.row - b.row || a.col - b.col);
      if (inside.length > MERGED_AREAS_LIMIT)
        throw new FakeExcelError(
          "GeneralException",
          `The range has ${inside.length} merged areas: getMergedAreasOrNullObject returns at most ${MERGED_AREAS_LIMIT}.`
        );
      return { sheet: sheet.name, areas: inside };
    });
  }

  load(propertyNames: string | string[]): void {
    this.queueLoad(
      "range.load",
      propertyNames,
      RANGE_PROPS,
      (wb, prop) => {
        if (!this.rect) return undefined;
        const { sheet, rect } = this.target(wb);
        switch (prop) {
          case "values":
            return this.readMatrix(wb, (c) => c?.value ?? "");
          case "formulas":
            return this.readMatrix(wb, (c) => c?.formula ?? c?.value ?? "");
          case "formulasR1C1":
            return this.readMatrix(wb, (c, row, col) =>
              c?.formula ? toR1C1(c.formula, row, col) : (c?.value ?? "")
            );
          case "numberFormat":
            return this.readMatrix(wb, (c) => c?.numberFormat ?? "General");
          case "address":
            return `${quoteSheet(sheet.name)}!${formatRect(rect)}`;
          case "rowIndex":
            return rect.row;
          case "columnIndex":
            return rect.col;
          case "rowCount":
            return rect.rows;
          case "columnCount":
            return rect.cols;
          default:
            return Array.from({ length: rect.cols }, (_, i) => rect.col + i).every((c) =>
              sheet.hiddenColumns.includes(c)
            );
        }
      },
      this.sheetName
    );
  }

  /** For collections that take a Range argument (tables.add, charts.add): the sheet and rect, once resolved. */
  resolvedTarget(wb: WorkbookState): { sheet: SheetState; rect: Rect } {
    return this.target(wb);
  }

  private makeFormat(): XlRangeFormat {
    const unread = (what: string): never => {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The fake does not support reading format.${what}.`
      );
    };
    const set = (kind: string, v: unknown, f: (cell: CellState) => void) =>
      this.eachCell(`format.${kind}`, v, f);
    const fill: XlFill = {
      get color(): string {
        return unread("fill.color");
      },
      set color(v: string) {
        set("fill.color", v, (c) => (c.fill = v === "" ? null : v.toUpperCase()));
      },
      clear() {
        set("fill.clear", null, (c) => (c.fill = null));
      },
    };
    const font: XlFont = {
      get bold(): boolean {
        return unread("font.bold");
      },
      set bold(v: boolean) {
        set("font.bold", v, (c) => (c.bold = v));
      },
      get size(): number {
        return unread("font.size");
      },
      set size(v: number) {
        set("font.size", v, (c) => (c.fontSize = v));
      },
      get color(): string {
        return unread("font.color");
      },
      set color(v: string) {
        set("font.color", v, (c) => (c.fontColor = v.toUpperCase()));
      },
    };
    const edit = (kind: string, v: unknown, op: (sheet: SheetState, rect: Rect) => void) =>
      this.edit(`format.${kind}`, v, op);
    return {
      fill,
      font,
      autofitRows: () =>
        edit("autofitRows", null, (sheet, rect) =>
          this.batch.store.log.push(`autofitRows ${quoteSheet(sheet.name)}!${formatRect(rect)}`)
        ),
      get wrapText(): boolean {
        return unread("wrapText");
      },
      set wrapText(v: boolean) {
        set("wrapText", v, (c) => (c.wrap = v));
      },
      get horizontalAlignment(): XlRangeFormat["horizontalAlignment"] {
        return unread("horizontalAlignment");
      },
      set horizontalAlignment(v: XlRangeFormat["horizontalAlignment"]) {
        set("horizontalAlignment", v, (c) => (c.hAlign = v));
      },
      get columnWidth(): number {
        return unread("columnWidth");
      },
      set columnWidth(w: number) {
        edit("columnWidth", w, (sheet, rect) => {
          for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths[c] = w;
        });
      },
    };
  }

  private makeValidation(): XlDataValidation {
    const edit = (kind: string, v: unknown, op: (sheet: SheetState, rect: Rect) => void) =>
      this.edit(`dataValidation.${kind}`, v, op);
    const unread = (what: string): never => {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The fake does not support reading dataValidation.${what}.`
      );
    };
    /** The prompt and the error alert belong to the validation of exactly this range (set the rule first). */
    const onRule = (sheet: SheetState, rect: Rect, what: string): ValidationState => {
      const v = sheet.validations.find(
        (x) =>
          x.rect.row === rect.row &&
          x.rect.col === rect.col &&
          x.rect.rows === rect.rows &&
          x.rect.cols === rect.cols
      );
      if (!v)
        throw new FakeExcelError(
          "InvalidOperation",
          `The fake sets dataValidation.${what} only on a range whose rule was set (${formatRect(rect)}).`
        );
      return v;
    };
    const attach = <K extends "prompt" | "errorAlert">(what: K, v: ValidationState[K]) =>
      edit(what, v, (sheet, rect) => {
        onRule(sheet, rect, what)[what] = v;
      });
    return {
      get rule(): Excel.DataValidationRule {
        return unread("rule");
      },
      set rule(rule: Excel.DataValidationRule) {
        const entry = validationOf(rule);
        edit("rule", rule, (sheet, rect) => {
          // conservative: demand clear() before a new rule over cells that already have one
          if (sheet.validations.some((v) => overlaps(v.rect, rect))) {
            throw new FakeExcelError(
              "InvalidOperation",
              `The range already has data validation (${formatRect(rect)}): clear it first.`
            );
          }
          sheet.validations.push({ ...entry, rect });
        });
      },
      get prompt(): Excel.DataValidationPrompt {
        return unread("prompt");
      },
      set prompt(p: Excel.DataValidationPrompt) {
        attach("prompt", { title: p.title, message: p.message, showPrompt: p.showPrompt });
      },
      get errorAlert(): Excel.DataValidationErrorAlert {
        return unread("errorAlert");
      },
      set errorAlert(a: Excel.DataValidationErrorAlert) {
        const { title, message, showAlert } = a;
        attach("errorAlert", { title, message, style: String(a.style), showAlert });
      },
      clear() {
        edit(
          "clear",
          null,
          (sheet, rect) =>
            (sheet.validations = sheet.validations.filter((v) => !overlaps(v.rect, rect)))
        );
      },
    };
  }
}

/** Range.getMergedAreasOrNullObject fails above this many areas (Office.js reference). */
const MERGED_AREAS_LIMIT = 512;

/** The merged areas of a range (RangeAreas): a null object when there are none; `address` as Excel gives it. */
class FakeRangeAreas extends FakeClientObject implements XlRangeAreas {
  private found: { sheet: string; areas: Rect[] } | null = null;
  constructor(
    batch: Batch,
    private readonly sheetName: (wb: WorkbookState) => string | null,
    locate: (wb: WorkbookState) => { sheet: string; areas: Rect[] }
  ) {
    super(batch);
    batch.push(
      "range.getMergedAreasOrNullObject",
      (wb, commit) => {
        const found = locate(wb);
        this.found = found;
        commit(() => this.markLoaded("isNullObject", found.areas.length === 0));
      },
      { sheet: sheetName }
    );
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
  load(propertyNames: string | string[]): void {
    this.queueLoad(
      "rangeAreas.load",
      propertyNames,
      ["address", "isNullObject"],
      (_wb, prop) => {
        const found = this.found;
        if (!found || found.areas.length === 0) return prop === "isNullObject" ? true : undefined;
        if (prop === "isNullObject") return false;
        return found.areas.map((a) => `${quoteSheet(found.sheet)}!${formatRect(a)}`).join(", ");
      },
      this.sheetName
    );
  }
}

/** Excel limits the text of a list rule's source to 255 characters. */
const LIST_SOURCE_LIMIT = 255;
const OPERATORS = new Set([
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
]);

/** The one rule kind of a rule object, checked as Office.js checks it (the kinds the add-in uses). */
function validationOf(rule: Excel.DataValidationRule): Omit<ValidationState, "rect"> {
  const kinds = Object.keys(rule) as (keyof Excel.DataValidationRule)[];
  const bad = (why: string) =>
    new FakeExcelError("InvalidArgument", `The argument is invalid or missing: ${why}`);
  if (kinds.length !== 1) throw bad("a data validation rule has exactly one kind");
  const base = { prompt: null, errorAlert: null };
  const kind = kinds[0];
  if (kind === "list") {
    const list = rule.list!;
    if (typeof list.source !== "string" || list.source.trim() === "")
      throw bad("list source (the fake supports a text source)");
    if (list.source.length > LIST_SOURCE_LIMIT)
      throw bad(`list source longer than ${LIST_SOURCE_LIMIT} characters`);
    return {
      ...base,
      type: "list",
      list: { source: list.source, inCellDropDown: list.inCellDropDown },
      basic: null,
    };
  }
  if (kind === "wholeNumber" || kind === "decimal" || kind === "textLength") {
    const b = rule[kind]!;
    if (!OPERATORS.has(String(b.operator))) throw bad(`operator ${String(b.operator)}`);
    const between = b.operator === "Between" || b.operator === "NotBetween";
    const formula = (f: unknown) => {
      if (typeof f !== "number" && typeof f !== "string") throw bad("formula (number or text)");
      return f;
    };
    if (between && b.formula2 === undefined) throw bad("formula2 of a Between rule");
    return {
      ...base,
      type: kind,
      list: null,
      basic: {
        operator: String(b.operator),
        formula1: formula(b.formula1),
        formula2: b.formula2 === undefined ? null : formula(b.formula2),
      },
    };
  }
  throw bad(`the fake does not support ${kind} rules`);
}
