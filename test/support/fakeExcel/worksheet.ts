/** Worksheet, worksheet collection, table and chart proxies of the fake. */
import type {
  XlChart,
  XlChartCollection,
  XlChartTitle,
  XlFreezePanes,
  XlRange,
  XlTable,
  XlTableCollection,
  XlWorksheet,
  XlWorksheetCollection,
} from "../../../src/excel/xl";
import { Batch, FakeClientObject, resolveSheet, type SheetRef } from "./batch";
import { FakeRange } from "./range";
import {
  checkSheetName,
  FakeExcelError,
  findSheetByName,
  formatRect,
  newSheet,
  overlaps,
  parseAddress,
  usedRect,
  type SheetState,
  type TableState,
  type WorkbookState,
} from "./state";

function asFakeRange(r: XlRange): FakeRange {
  if (!(r instanceof FakeRange))
    throw new FakeExcelError("InvalidArgument", "A range from another context was passed.");
  return r;
}

function allTables(wb: WorkbookState): TableState[] {
  return wb.sheets.flatMap((s) => s.tables);
}

class FakeTable extends FakeClientObject implements XlTable {
  constructor(
    batch: Batch,
    private readonly locate: (wb: WorkbookState) => TableState
  ) {
    super(batch);
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.batch.push((wb) => {
      const t = this.locate(wb);
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || name.length > 255)
        throw new FakeExcelError("InvalidArgument", `Invalid table name "${name}".`);
      if (allTables(wb).some((o) => o.id !== t.id && o.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeExcelError("ItemAlreadyExists", `A table named "${name}" already exists.`);
      }
      t.name = name;
    });
  }
  get style(): string {
    return this.read("style");
  }
  set style(style: string) {
    this.batch.push((wb) => (this.locate(wb).style = style));
  }
  load(propertyNames: string | string[]): void {
    this.queueLoad(propertyNames, ["name", "style"], (wb, p) =>
      p === "name" ? this.locate(wb).name : this.locate(wb).style
    );
  }
}

class FakeTableCollection implements XlTableCollection {
  constructor(
    private readonly batch: Batch,
    private readonly sheetRef: SheetRef
  ) {}

  add(address: XlRange | string, hasHeaders: boolean): XlTable {
    let id = -1;
    this.batch.push((wb) => {
      const sheet = resolveSheet(wb, this.sheetRef);
      const rect =
        typeof address === "string"
          ? parseAddress(address)
          : asFakeRange(address).resolvedTarget(wb).rect;
      if (sheet.tables.some((t) => overlaps(t.rect, rect)))
        throw new FakeExcelError("InvalidOperation", "A table can't overlap another table.");
      if (sheet.merges.some((m) => overlaps(m, rect)))
        throw new FakeExcelError("InvalidOperation", "A table can't contain merged cells.");
      id = wb.nextId++;
      let n = 1;
      while (allTables(wb).some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      sheet.tables.push({ id, name: `Table${n}`, rect, hasHeaders, style: "TableStyleMedium2" });
    });
    return new FakeTable(this.batch, (wb) => {
      const t = allTables(wb).find((x) => x.id === id);
      if (!t)
        throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist (table).");
      return t;
    });
  }
}

class FakeChart implements XlChart {
  readonly title: XlChartTitle;
  constructor(
    private readonly batch: Batch,
    private readonly sheetRef: SheetRef,
    private readonly id: () => number
  ) {
    const edit = (f: (c: SheetState["charts"][number]) => void) =>
      batch.push((wb) => f(this.chart(wb)));
    this.title = {
      get text(): string {
        throw new FakeExcelError(
          "PropertyNotLoaded",
          "The fake does not support reading chart.title.text."
        );
      },
      set text(t: string) {
        edit((c) => (c.title = t));
      },
    };
  }
  private chart(wb: WorkbookState): SheetState["charts"][number] {
    const c = resolveSheet(wb, this.sheetRef).charts.find((x) => x.id === this.id());
    if (!c)
      throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist (chart).");
    return c;
  }
  get name(): string {
    throw new FakeExcelError("PropertyNotLoaded", "The fake does not support reading chart.name.");
  }
  set name(n: string) {
    this.batch.push((wb) => (this.chart(wb).name = n));
  }
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void {
    this.batch.push((wb) => {
      const cell = (x: XlRange | string) =>
        typeof x === "string"
          ? formatRect(parseAddress(x))
          : formatRect(asFakeRange(x).resolvedTarget(wb).rect);
      this.chart(wb).position = {
        start: cell(startCell),
        end: endCell === undefined ? null : cell(endCell),
      };
    });
  }
}

class FakeChartCollection implements XlChartCollection {
  constructor(
    private readonly batch: Batch,
    private readonly sheetRef: SheetRef
  ) {}
  add(
    type: "ColumnClustered",
    sourceData: XlRange,
    seriesBy: "Auto" | "Columns" | "Rows" = "Auto"
  ): XlChart {
    let id = -1;
    this.batch.push((wb) => {
      const sheet = resolveSheet(wb, this.sheetRef);
      const src = asFakeRange(sourceData).resolvedTarget(wb);
      id = wb.nextId++;
      sheet.charts.push({
        id,
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        sourceSheetId: src.sheet.id,
        source: src.rect,
        seriesBy,
        title: "",
        position: null,
      });
    });
    return new FakeChart(this.batch, this.sheetRef, () => id);
  }
}

export class FakeWorksheet extends FakeClientObject implements XlWorksheet {
  readonly tables: XlTableCollection;
  readonly charts: XlChartCollection;
  readonly freezePanes: XlFreezePanes;

  constructor(
    batch: Batch,
    private readonly ref: SheetRef,
    nullable: boolean
  ) {
    super(batch);
    this.tables = new FakeTableCollection(batch, ref);
    this.charts = new FakeChartCollection(batch, ref);
    this.freezePanes = { freezeRows: (count = 1) => this.edit((s) => (s.frozenRows = count)) };
    batch.push((_wb, commit) => {
      if (ref.id === null && !nullable)
        throw new FakeExcelError(
          "ItemNotFound",
          "The requested resource doesn't exist (worksheet)."
        );
      commit(() => this.markLoaded("isNullObject", ref.id === null));
    });
  }

  private edit(f: (sheet: SheetState, wb: WorkbookState) => void): void {
    this.batch.push((wb) => f(resolveSheet(wb, this.ref), wb));
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.edit((s, wb) => {
      checkSheetName(wb, name, s.id);
      s.name = name;
    });
  }
  get position(): number {
    return this.read("position");
  }
  set position(p: number) {
    this.edit((s, wb) => {
      if (!Number.isInteger(p) || p < 0 || p >= wb.sheets.length)
        throw new FakeExcelError("InvalidArgument", `Invalid position ${p}.`);
      wb.sheets = wb.sheets.filter((x) => x.id !== s.id);
      wb.sheets.splice(p, 0, s);
    });
  }

  getRange(address?: string): XlRange {
    return new FakeRange(
      this.batch,
      this.ref,
      () =>
        address === undefined
          ? { row: 0, col: 0, rows: 1048576, cols: 16384 }
          : parseAddress(address),
      false
    );
  }
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): XlRange {
    return new FakeRange(
      this.batch,
      this.ref,
      () => ({ row: startRow, col: startColumn, rows: rowCount, cols: columnCount }),
      false
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): XlRange {
    return new FakeRange(this.batch, this.ref, (_wb, sheet) => usedRect(sheet, valuesOnly), true);
  }

  activate(): void {
    this.edit((s, wb) => (wb.activeSheetId = s.id));
  }

  delete(): void {
    this.edit((s, wb) => {
      if (wb.sheets.length === 1)
        throw new FakeExcelError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet."
        );
      wb.sheets = wb.sheets.filter((x) => x.id !== s.id);
      if (wb.activeSheetId === s.id) wb.activeSheetId = wb.sheets[0].id;
      if (wb.selection?.sheetId === s.id) wb.selection = null;
    });
  }

  load(propertyNames: string | string[]): void {
    this.queueLoad(propertyNames, ["name", "position", "isNullObject"], (wb, p) => {
      if (this.ref.id === null) return p === "isNullObject" ? true : undefined;
      const s = resolveSheet(wb, this.ref);
      return p === "name" ? s.name : p === "position" ? wb.sheets.indexOf(s) : false;
    });
  }
}

export class FakeWorksheetCollection implements XlWorksheetCollection {
  constructor(private readonly batch: Batch) {}

  add(name?: string): XlWorksheet {
    const ref: SheetRef = { id: undefined };
    this.batch.push((wb) => {
      let n = wb.sheets.length + 1;
      while (!name && findSheetByName(wb, `Sheet${n}`)) n++;
      const sheetName = name ?? `Sheet${n}`;
      checkSheetName(wb, sheetName, null);
      const s = newSheet(wb, sheetName);
      wb.sheets.push(s);
      ref.id = s.id;
    });
    return new FakeWorksheet(this.batch, ref, false);
  }

  getItem(key: string): XlWorksheet {
    return this.lookup(key, false);
  }

  getItemOrNullObject(key: string): XlWorksheet {
    return this.lookup(key, true);
  }

  private lookup(key: string, nullable: boolean): XlWorksheet {
    const ref: SheetRef = { id: undefined };
    this.batch.push((wb) => {
      ref.id = findSheetByName(wb, key)?.id ?? null;
    });
    return new FakeWorksheet(this.batch, ref, nullable);
  }
}
