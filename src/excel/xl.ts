/**
 * The subset of the Excel JavaScript API (Office.js) that the Excel host uses, typed from @types/office-js: every data
 * member and plain method is a Pick<> of the real Excel.* type (so enums such as horizontalAlignment and rules such as
 * dataValidation.rule are compiler-checked against Office.js); members that return further Office objects are
 * redeclared to return the Xl* subset instead, under the same name as the real member (XlMirrors says which Excel type
 * each interface mirrors; test/excel/apiUsage.test.ts reads the requirement set of every member used from there).
 *
 * The real Excel.RequestContext is assignable to XlContext (officeExcel.ts checks this at compile time), and the
 * in-memory fake in test/support/fakeExcel implements exactly these members, so code written against them runs
 * unchanged on both.
 *
 * Semantics to keep in mind (the fake enforces them): writes are queued and applied at sync(); a property can be read
 * only after load() and a sync(); *OrNullObject results tell isNullObject only after a sync; a sync that fails at one
 * operation keeps what ran before it and skips the rest (a batch is not a transaction); Excel on the web refuses a
 * request or a response above 5 MB (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded).
 */

export type XlCellValue = string | number | boolean;

export type XlFill = Pick<Excel.RangeFill, "color" | "clear">;

export type XlFont = Pick<Excel.RangeFont, "bold" | "size" | "color">;

export interface XlRangeFormat extends Pick<
  Excel.RangeFormat,
  "wrapText" | "columnWidth" | "horizontalAlignment" | "autofitRows"
> {
  readonly fill: XlFill;
  readonly font: XlFont;
}

export type XlDataValidation = Pick<
  Excel.DataValidation,
  "rule" | "prompt" | "errorAlert" | "clear"
>;

export interface XlRange extends Pick<
  Excel.Range,
  | "values"
  | "formulas"
  | "formulasR1C1"
  | "numberFormat"
  | "address"
  | "rowIndex"
  | "columnIndex"
  | "rowCount"
  | "columnCount"
  | "isNullObject"
  | "columnHidden"
  | "merge"
  | "unmerge"
  | "clear"
  | "select"
> {
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  /** The merged areas whose top-left cell is in the range (ExcelApi 1.13: only behind isSetSupported; ≤ 512 areas). */
  getMergedAreasOrNullObject(): XlRangeAreas;
  load(propertyNames: string | string[]): void;
}

/** Several rectangles of one sheet (ExcelApi 1.9): `address` lists them as "Sheet1!A1:G1, Sheet1!A2:G2". */
export interface XlRangeAreas extends Pick<Excel.RangeAreas, "address" | "isNullObject"> {
  load(propertyNames: string | string[]): void;
}

export interface XlTable extends Pick<Excel.Table, "name" | "style"> {
  load(propertyNames: string | string[]): void;
}

export interface XlTableCollection {
  add(address: XlRange | string, hasHeaders: boolean): XlTable;
  /** After load("items/name") and a sync. */
  readonly items: XlTable[];
  load(propertyNames: string | string[]): void;
}

export type XlChartTitle = Pick<Excel.ChartTitle, "text">;

export interface XlChart extends Pick<Excel.Chart, "name" | "setPosition"> {
  readonly title: XlChartTitle;
}

/** The chart types and series orientations Office.js accepts, as its own string unions. */
export type XlChartType = Excel.ChartType | `${Excel.ChartType}`;
export type XlChartSeriesBy = Excel.ChartSeriesBy | `${Excel.ChartSeriesBy}`;

export interface XlChartCollection {
  add(type: XlChartType, sourceData: XlRange, seriesBy?: XlChartSeriesBy): XlChart;
}

export type XlFreezePanes = Pick<Excel.WorksheetFreezePanes, "freezeRows">;

export type XlHeaderFooter = Pick<Excel.HeaderFooter, "centerFooter">;

export interface XlHeaderFooterGroup {
  readonly defaultForAllPages: XlHeaderFooter;
}

/** Print setup (ExcelApi 1.9, above the manifest's minimum: only behind isSetSupported). */
export interface XlPageLayout extends Pick<
  Excel.PageLayout,
  "orientation" | "paperSize" | "centerHorizontally" | "setPrintTitleRows"
> {
  readonly headersFooters: XlHeaderFooterGroup;
}

/** Office.context.requirements in production (Office.RequirementSetSupport); tests say what the fake supports. */
export interface XlRequirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface XlWorksheet extends Pick<
  Excel.Worksheet,
  "name" | "position" | "isNullObject" | "activate" | "delete"
> {
  readonly tables: XlTableCollection;
  readonly charts: XlChartCollection;
  readonly freezePanes: XlFreezePanes;
  readonly pageLayout: XlPageLayout;
  getRange(address?: string): XlRange;
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
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

export interface XlContext extends Pick<Excel.RequestContext, "sync"> {
  readonly workbook: XlWorkbook;
}

/**
 * Which Office.js type each interface above mirrors. A member redeclared in an interface's own body is the member of
 * the same name of that type (test/excel/apiUsage.test.ts looks its requirement set up there).
 */
export interface XlMirrors {
  XlRangeFormat: Excel.RangeFormat;
  XlRange: Excel.Range;
  XlRangeAreas: Excel.RangeAreas;
  XlTable: Excel.Table;
  XlTableCollection: Excel.TableCollection;
  XlChart: Excel.Chart;
  XlChartCollection: Excel.ChartCollection;
  XlPageLayout: Excel.PageLayout;
  XlRequirements: Office.RequirementSetSupport;
  XlHeaderFooterGroup: Excel.HeaderFooterGroup;
  XlWorksheet: Excel.Worksheet;
  XlWorksheetCollection: Excel.WorksheetCollection;
  XlWorkbook: Excel.Workbook;
  XlContext: Excel.RequestContext;
}

/** Excel.run in production, the fake's run in tests: runs one batch function against a fresh request context. */
export type ExcelRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

/** Excel.createWorkbook in production: opens a new workbook from a base64 .xlsx. */
export type CreateWorkbook = (base64: string) => Promise<void>;
