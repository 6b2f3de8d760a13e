/**
 * The subset of the Excel JavaScript API (Office.js) that the Excel host uses, as plain interfaces. The real
 * Excel.RequestContext is assignable to XlContext (officeExcel.ts checks this at compile time), and the in-memory fake
 * in test/support/fakeExcel implements exactly these members, so code written against them runs unchanged on both.
 *
 * Semantics to keep in mind (the fake enforces them): writes are queued and applied at sync(); a property can be read
 * only after load() and a sync(); *OrNullObject results tell isNullObject only after a sync.
 */

export type XlCellValue = string | number | boolean;

export interface XlFill {
  color: string;
}

export interface XlFont {
  bold: boolean;
  size: number;
  color: string;
}

export interface XlRangeFormat {
  readonly fill: XlFill;
  readonly font: XlFont;
  wrapText: boolean;
  columnWidth: number;
  horizontalAlignment: string;
  /** Grow the rows to fit their wrapped text (set column widths first). */
  autofitRows(): void;
}

export interface XlListValidation {
  inCellDropDown: boolean;
  /** A comma-separated list (the real API also takes a Range). */
  source: unknown;
}

export interface XlDataValidation {
  rule: { list?: XlListValidation };
  clear(): void;
}

export interface XlRange {
  /** Values as shown (formula results for formula cells); "" for an empty cell. */
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject: boolean;
  columnHidden: boolean;
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  merge(across?: boolean): void;
  select(): void;
  load(propertyNames: string | string[]): void;
}

export interface XlTable {
  name: string;
  style: string;
  load(propertyNames: string | string[]): void;
}

export interface XlTableCollection {
  add(address: XlRange | string, hasHeaders: boolean): XlTable;
}

export interface XlChartTitle {
  text: string;
}

export interface XlChart {
  name: string;
  readonly title: XlChartTitle;
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void;
}

export interface XlChartCollection {
  add(
    type: "ColumnClustered",
    sourceData: XlRange,
    seriesBy?: "Auto" | "Columns" | "Rows"
  ): XlChart;
}

export interface XlFreezePanes {
  freezeRows(count?: number): void;
}

export interface XlWorksheet {
  name: string;
  position: number;
  readonly isNullObject: boolean;
  readonly tables: XlTableCollection;
  readonly charts: XlChartCollection;
  readonly freezePanes: XlFreezePanes;
  getRange(address?: string): XlRange;
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
  load(propertyNames: string | string[]): void;
}

export interface XlWorksheetCollection {
  add(name?: string): XlWorksheet;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<unknown>;
}

/** Excel.run in production, the fake's run in tests: runs one batch function against a fresh request context. */
export type ExcelRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

/** Excel.createWorkbook in production: opens a new workbook from a base64 .xlsx. */
export type CreateWorkbook = (base64: string) => Promise<void>;
