/**
 * A sheet plan: the writes a SheetJob makes, recorded instead of queued, so that they can be sent to Excel in syncs of
 * about SYNC_BYTES (Excel on the web refuses a request above 5 MB) and in two parts (the build on a temporary sheet,
 * the `after` step at the swap). The job writes into `plan.sheet`, a stand-in with the XlWorksheet members a build
 * uses; each write is replayed later, in the same order, against the real worksheet.
 *
 * Every write carries an estimate of its request bytes (the arguments as UTF-8 JSON plus the operation itself); a
 * matrix bigger than CHUNK_BYTES is split into blocks of rows written through ranges of their own. Reading anything
 * while building is a programming error: the stand-ins throw.
 */
import type {
  XlChart,
  XlChartCollection,
  XlChartSeriesBy,
  XlChartTitle,
  XlChartType,
  XlDataValidation,
  XlFill,
  XlFont,
  XlFreezePanes,
  XlPageLayout,
  XlRange,
  XlRangeAreas,
  XlRangeFormat,
  XlTable,
  XlTableCollection,
  XlWorksheet,
} from "./xl";

/** What one sync carries at most (about 1 MB: a fifth of Excel on the web's limit, whatever the encoding). */
export const SYNC_BYTES = 1_000_000;
/** A matrix write above this is split into blocks of rows. */
export const CHUNK_BYTES = 250_000;
/** An operation without arguments: its action and object path in the request JSON (generous). */
const OP_BYTES = 300;

export interface PlanOp {
  bytes: number;
  apply(ws: XlWorksheet): void;
}

/** UTF-8 bytes of a value written as JSON. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function readNotAllowed(what: string): never {
  throw new Error(`内部错误：构建工作表时不能读取 ${what}（写入会在之后统一发送给 Excel）`);
}

export class SheetPlan {
  readonly ops: PlanOp[] = [];
  readonly sheet: XlWorksheet;

  constructor() {
    this.sheet = new PlanSheet(this);
  }

  record(args: unknown, apply: (ws: XlWorksheet) => void): void {
    this.ops.push({ bytes: OP_BYTES + jsonBytes(args), apply });
  }

  get bytes(): number {
    return this.ops.reduce((n, op) => n + op.bytes, 0);
  }
}

/** A recorded object stands for a real one made when its first write is replayed. */
class Lazy<T> {
  private real: T | null = null;
  constructor(private readonly make: (ws: XlWorksheet) => T) {}
  get(ws: XlWorksheet): T {
    this.real ??= this.make(ws);
    return this.real;
  }
}

class PlanRange implements XlRange {
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  readonly real: Lazy<XlRange>;

  constructor(
    private readonly plan: SheetPlan,
    private readonly row: number,
    private readonly col: number,
    private readonly rows: number,
    private readonly cols: number
  ) {
    this.real = new Lazy((ws) => ws.getRangeByIndexes(row, col, rows, cols));
    const on = (args: unknown, f: (r: XlRange) => void) =>
      plan.record(args, (ws) => f(this.real.get(ws)));
    const fill: XlFill = {
      get color(): string {
        return readNotAllowed("format.fill.color");
      },
      set color(v: string) {
        on(v, (r) => (r.format.fill.color = v));
      },
      clear: () => on(null, (r) => r.format.fill.clear()),
    };
    const font: XlFont = {
      get bold(): boolean {
        return readNotAllowed("format.font.bold");
      },
      set bold(v: boolean) {
        on(v, (r) => (r.format.font.bold = v));
      },
      get size(): number {
        return readNotAllowed("format.font.size");
      },
      set size(v: number) {
        on(v, (r) => (r.format.font.size = v));
      },
      get color(): string {
        return readNotAllowed("format.font.color");
      },
      set color(v: string) {
        on(v, (r) => (r.format.font.color = v));
      },
    };
    this.format = {
      fill,
      font,
      get wrapText(): boolean {
        return readNotAllowed("format.wrapText");
      },
      set wrapText(v: boolean) {
        on(v, (r) => (r.format.wrapText = v));
      },
      get columnWidth(): number {
        return readNotAllowed("format.columnWidth");
      },
      set columnWidth(v: number) {
        on(v, (r) => (r.format.columnWidth = v));
      },
      get horizontalAlignment(): XlRangeFormat["horizontalAlignment"] {
        return readNotAllowed("format.horizontalAlignment");
      },
      set horizontalAlignment(v: XlRangeFormat["horizontalAlignment"]) {
        on(v, (r) => (r.format.horizontalAlignment = v));
      },
      autofitRows: () => on(null, (r) => r.format.autofitRows()),
    };
    this.dataValidation = {
      get rule(): Excel.DataValidationRule {
        return readNotAllowed("dataValidation.rule");
      },
      set rule(v: Excel.DataValidationRule) {
        on(v, (r) => (r.dataValidation.rule = v));
      },
      get prompt(): Excel.DataValidationPrompt {
        return readNotAllowed("dataValidation.prompt");
      },
      set prompt(v: Excel.DataValidationPrompt) {
        on(v, (r) => (r.dataValidation.prompt = v));
      },
      get errorAlert(): Excel.DataValidationErrorAlert {
        return readNotAllowed("dataValidation.errorAlert");
      },
      set errorAlert(v: Excel.DataValidationErrorAlert) {
        on(v, (r) => (r.dataValidation.errorAlert = v));
      },
      clear: () => on(null, (r) => r.dataValidation.clear()),
    };
  }

  /** A matrix property, split into blocks of rows when it is big (each block through a range of its own). */
  private matrix(
    name: "values" | "formulas" | "formulasR1C1" | "numberFormat",
    m: unknown[][]
  ): void {
    const rowBytes = m.map((r) => jsonBytes(r) + 1);
    const total = rowBytes.reduce((a, b) => a + b, 0);
    if (total <= CHUNK_BYTES || m.length <= 1 || m.length !== this.rows) {
      this.plan.record(m, (ws) => (this.real.get(ws)[name] = m));
      return;
    }
    let start = 0;
    while (start < m.length) {
      let end = start;
      let bytes = 0;
      while (end < m.length && (end === start || bytes + rowBytes[end] <= CHUNK_BYTES))
        bytes += rowBytes[end++];
      const block = m.slice(start, end);
      const first = this.row + start;
      this.plan.record(block, (ws) => {
        ws.getRangeByIndexes(first, this.col, block.length, this.cols)[name] = block;
      });
      start = end;
    }
  }

  get values(): unknown[][] {
    return readNotAllowed("values");
  }
  set values(m: unknown[][]) {
    this.matrix("values", m);
  }
  get formulas(): unknown[][] {
    return readNotAllowed("formulas");
  }
  set formulas(m: unknown[][]) {
    this.matrix("formulas", m);
  }
  get formulasR1C1(): unknown[][] {
    return readNotAllowed("formulasR1C1");
  }
  set formulasR1C1(m: unknown[][]) {
    this.matrix("formulasR1C1", m);
  }
  get numberFormat(): unknown[][] {
    return readNotAllowed("numberFormat");
  }
  set numberFormat(m: unknown[][]) {
    this.matrix("numberFormat", m);
  }
  get columnHidden(): boolean {
    return readNotAllowed("columnHidden");
  }
  set columnHidden(v: boolean) {
    this.plan.record(v, (ws) => (this.real.get(ws).columnHidden = v));
  }
  get address(): string {
    return readNotAllowed("address");
  }
  get rowIndex(): number {
    return readNotAllowed("rowIndex");
  }
  get columnIndex(): number {
    return readNotAllowed("columnIndex");
  }
  get rowCount(): number {
    return readNotAllowed("rowCount");
  }
  get columnCount(): number {
    return readNotAllowed("columnCount");
  }
  get isNullObject(): boolean {
    return readNotAllowed("isNullObject");
  }
  merge(across?: boolean): void {
    this.plan.record(across ?? null, (ws) => this.real.get(ws).merge(across));
  }
  unmerge(): void {
    this.plan.record(null, (ws) => this.real.get(ws).unmerge());
  }
  clear(applyTo?: Parameters<XlRange["clear"]>[0]): void {
    this.plan.record(applyTo ?? null, (ws) => this.real.get(ws).clear(applyTo));
  }
  select(): void {
    this.plan.record(null, (ws) => this.real.get(ws).select());
  }
  getMergedAreasOrNullObject(): XlRangeAreas {
    return readNotAllowed("range.getMergedAreasOrNullObject");
  }
  load(): void {
    readNotAllowed("range.load");
  }
}

function planRange(r: XlRange | string): PlanRange {
  if (!(r instanceof PlanRange))
    throw new Error("内部错误：构建工作表时只能使用 getRangeByIndexes 得到的区域");
  return r;
}

class PlanTable implements XlTable {
  constructor(
    private readonly plan: SheetPlan,
    readonly real: Lazy<XlTable>
  ) {}
  get name(): string {
    return readNotAllowed("table.name");
  }
  set name(v: string) {
    this.plan.record(v, (ws) => (this.real.get(ws).name = v));
  }
  get style(): string {
    return readNotAllowed("table.style");
  }
  set style(v: string) {
    this.plan.record(v, (ws) => (this.real.get(ws).style = v));
  }
  load(): void {
    readNotAllowed("table.load");
  }
}

class PlanTables implements XlTableCollection {
  constructor(private readonly plan: SheetPlan) {}
  add(address: XlRange | string, hasHeaders: boolean): XlTable {
    const range = planRange(address);
    const real = new Lazy((ws) => ws.tables.add(range.real.get(ws), hasHeaders));
    this.plan.record(hasHeaders, (ws) => real.get(ws));
    return new PlanTable(this.plan, real);
  }
  get items(): XlTable[] {
    return readNotAllowed("tables.items");
  }
  load(): void {
    readNotAllowed("tables.load");
  }
}

class PlanChart implements XlChart {
  readonly title: XlChartTitle;
  constructor(
    private readonly plan: SheetPlan,
    private readonly real: Lazy<XlChart>
  ) {
    this.title = {
      get text(): string {
        return readNotAllowed("chart.title.text");
      },
      set text(v: string) {
        plan.record(v, (ws) => (real.get(ws).title.text = v));
      },
    };
  }
  get name(): string {
    return readNotAllowed("chart.name");
  }
  set name(v: string) {
    this.plan.record(v, (ws) => (this.real.get(ws).name = v));
  }
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    if (typeof startCell !== "string" || (endCell !== undefined && typeof endCell !== "string"))
      throw new Error("内部错误：构建工作表时图表位置请用单元格地址");
    this.plan.record([startCell, endCell ?? null], (ws) =>
      this.real.get(ws).setPosition(startCell, endCell)
    );
  }
}

class PlanCharts implements XlChartCollection {
  constructor(private readonly plan: SheetPlan) {}
  add(type: XlChartType, sourceData: XlRange, seriesBy?: XlChartSeriesBy): XlChart {
    const range = planRange(sourceData);
    const real = new Lazy((ws) => ws.charts.add(type, range.real.get(ws), seriesBy));
    this.plan.record([type, seriesBy ?? null], (ws) => real.get(ws));
    return new PlanChart(this.plan, real);
  }
}

class PlanSheet implements XlWorksheet {
  readonly tables: XlTableCollection;
  readonly charts: XlChartCollection;
  readonly freezePanes: XlFreezePanes;

  constructor(private readonly plan: SheetPlan) {
    this.tables = new PlanTables(plan);
    this.charts = new PlanCharts(plan);
    this.freezePanes = {
      freezeRows: (count?: number) =>
        plan.record(count ?? null, (ws) => ws.freezePanes.freezeRows(count)),
    };
  }
  get pageLayout(): XlPageLayout {
    throw new Error("内部错误：打印设置由 replaceSheets 在新工作表建好后设定");
  }
  get name(): string {
    return readNotAllowed("worksheet.name");
  }
  set name(_v: string) {
    throw new Error("内部错误：工作表的名称由 replaceSheets 设定");
  }
  get position(): number {
    return readNotAllowed("worksheet.position");
  }
  set position(_v: number) {
    throw new Error("内部错误：工作表的位置由 replaceSheets 设定");
  }
  get isNullObject(): boolean {
    return readNotAllowed("worksheet.isNullObject");
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): XlRange {
    return new PlanRange(this.plan, row, col, rows, cols);
  }
  getRange(): XlRange {
    throw new Error("内部错误：构建工作表时请用 getRangeByIndexes");
  }
  getUsedRangeOrNullObject(): XlRange {
    return readNotAllowed("getUsedRangeOrNullObject");
  }
  activate(): void {
    throw new Error("内部错误：激活哪张工作表由 replaceSheets 决定");
  }
  delete(): void {
    throw new Error("内部错误：构建中的工作表不能删除");
  }
  load(): void {
    readNotAllowed("worksheet.load");
  }
}
