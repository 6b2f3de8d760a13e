/** Worksheet, worksheet collection, table and chart proxies of the fake. */
import type {
  XlChart,
  XlChartCollection,
  XlChartSeriesBy,
  XlChartTitle,
  XlChartType,
  XlFreezePanes,
  XlPageLayout,
  XlRange,
  XlTable,
  XlTableCollection,
  XlWorksheet,
  XlWorksheetCollection,
} from "../../../src/excel/xl";
import { Batch, FakeClientObject, resolveSheet, sheetNameOf, type SheetRef } from "./batch";
import { renameSheetRefs } from "./formula";
import { FakeRange } from "./range";
import { jsonBytes } from "./batch";
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

/** Formulas on every sheet naming sheet `from`: renamed to `to`, or #REF! when it is gone. */
function rewriteRefs(wb: WorkbookState, from: string, to: string | null): void {
  for (const sheet of wb.sheets)
    for (const cell of sheet.cells.values())
      if (cell.formula) cell.formula = renameSheetRefs(cell.formula, from, to);
}

function allTables(wb: WorkbookState): TableState[] {
  return wb.sheets.flatMap((s) => s.tables);
}

class FakeTable extends FakeClientObject implements XlTable {
  constructor(
    batch: Batch,
    private readonly locate: (wb: WorkbookState) => TableState,
    private readonly sheetName: (wb: WorkbookState) => string | null
  ) {
    super(batch);
  }
  private edit(kind: string, args: unknown, f: (t: TableState, wb: WorkbookState) => void): void {
    this.batch.push(kind, (wb) => f(this.locate(wb), wb), { args, sheet: this.sheetName });
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.edit("table.name", name, (t, wb) => {
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
    this.edit("table.style", style, (t) => (t.style = style));
  }
  load(propertyNames: string | string[]): void {
    this.queueLoad(
      "table.load",
      propertyNames,
      ["name", "style"],
      (wb, p) => (p === "name" ? this.locate(wb).name : this.locate(wb).style),
      this.sheetName
    );
  }
  /** Loaded by the collection's load("items/name"). */
  setLoadedName(name: string): void {
    this.markLoaded("name", name);
  }
}

function tableLocator(id: () => number): (wb: WorkbookState) => TableState {
  return (wb) => {
    const t = allTables(wb).find((x) => x.id === id());
    if (!t)
      throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist (table).");
    return t;
  };
}

class FakeTableCollection implements XlTableCollection {
  private loadedItems: FakeTable[] | null = null;
  constructor(
    private readonly batch: Batch,
    private readonly sheetRef: SheetRef
  ) {}

  add(address: XlRange | string, hasHeaders: boolean): XlTable {
    let id = -1;
    const sheetName = sheetNameOf(this.sheetRef);
    this.batch.push(
      "tables.add",
      (wb) => {
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
      },
      { args: [typeof address === "string" ? address : "range", hasHeaders], sheet: sheetName }
    );
    return new FakeTable(
      this.batch,
      tableLocator(() => id),
      sheetName
    );
  }

  get items(): XlTable[] {
    if (!this.loadedItems)
      throw new FakeExcelError(
        "PropertyNotLoaded",
        "The property 'items' is not available. Call load(\"items/name\") and context.sync() first."
      );
    return this.loadedItems;
  }

  load(propertyNames: string | string[]): void {
    const props = Array.isArray(propertyNames) ? propertyNames : propertyNames.split(",");
    if (props.map((p) => p.trim()).join() !== "items/name")
      throw new FakeExcelError("InvalidArgument", 'The fake supports load("items/name") only.');
    const sheetName = sheetNameOf(this.sheetRef);
    this.batch.push(
      "tables.load",
      (wb, commit) => {
        const tables = resolveSheet(wb, this.sheetRef).tables.map((t) => ({
          id: t.id,
          name: t.name,
        }));
        commit(() => {
          this.loadedItems = tables.map(({ id, name }) => {
            const t = new FakeTable(
              this.batch,
              tableLocator(() => id),
              sheetName
            );
            t.setLoadedName(name);
            return t;
          });
        }, jsonBytes(tables));
      },
      { args: props, sheet: sheetName }
    );
  }
}

class FakeChart implements XlChart {
  readonly title: XlChartTitle;
  private readonly sheetName: (wb: WorkbookState) => string | null;
  constructor(
    private readonly batch: Batch,
    private readonly sheetRef: SheetRef,
    private readonly id: () => number
  ) {
    this.sheetName = sheetNameOf(sheetRef);
    const edit = (v: string) => this.edit("chart.title", v, (c) => (c.title = v));
    this.title = {
      get text(): string {
        throw new FakeExcelError(
          "PropertyNotLoaded",
          "The fake does not support reading chart.title.text."
        );
      },
      set text(t: string) {
        edit(t);
      },
    };
  }
  private edit(
    kind: string,
    args: unknown,
    f: (c: SheetState["charts"][number], wb: WorkbookState) => void
  ): void {
    this.batch.push(kind, (wb) => f(this.chart(wb), wb), { args, sheet: this.sheetName });
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
    this.edit("chart.name", n, (c) => (c.name = n));
  }
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void {
    const arg = (x: XlRange | string | undefined) => (typeof x === "string" ? x : "range");
    this.edit("chart.setPosition", [arg(startCell), arg(endCell)], (c, wb) => {
      const cell = (x: XlRange | string) =>
        typeof x === "string"
          ? formatRect(parseAddress(x))
          : formatRect(asFakeRange(x).resolvedTarget(wb).rect);
      c.position = {
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
  add(type: XlChartType, sourceData: XlRange, seriesBy: XlChartSeriesBy = "Auto"): XlChart {
    let id = -1;
    this.batch.push(
      "charts.add",
      (wb) => {
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
      },
      { args: [type, seriesBy], sheet: sheetNameOf(this.sheetRef) }
    );
    return new FakeChart(this.batch, this.sheetRef, () => id);
  }
}

export class FakeWorksheet extends FakeClientObject implements XlWorksheet {
  readonly tables: XlTableCollection;
  readonly charts: XlChartCollection;
  readonly freezePanes: XlFreezePanes;
  readonly pageLayout: XlPageLayout;
  private readonly sheetName: (wb: WorkbookState) => string | null;

  constructor(
    batch: Batch,
    private readonly ref: SheetRef,
    nullable: boolean,
    kind: string,
    args: unknown,
    locate: (wb: WorkbookState) => void
  ) {
    super(batch);
    this.sheetName = sheetNameOf(ref);
    this.tables = new FakeTableCollection(batch, ref);
    this.charts = new FakeChartCollection(batch, ref);
    this.freezePanes = {
      freezeRows: (count = 1) =>
        this.edit("freezePanes.freezeRows", count, (s) => (s.frozenRows = count)),
    };
    this.pageLayout = this.makePageLayout();
    batch.push(
      kind,
      (wb, commit) => {
        locate(wb);
        if (ref.id === null && !nullable)
          throw new FakeExcelError(
            "ItemNotFound",
            "The requested resource doesn't exist (worksheet)."
          );
        commit(() => this.markLoaded("isNullObject", ref.id === null));
      },
      { args, sheet: (wb) => this.sheetName(wb) ?? (typeof args === "string" ? args : null) }
    );
  }

  private edit(
    kind: string,
    args: unknown,
    f: (sheet: SheetState, wb: WorkbookState) => void
  ): void {
    this.batch.push(kind, (wb) => f(resolveSheet(wb, this.ref), wb), {
      args,
      sheet: this.sheetName,
    });
  }

  private makePageLayout(): XlPageLayout {
    const unread = (what: string): never => {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The fake does not support reading pageLayout.${what}.`
      );
    };
    const set = <K extends keyof SheetState["print"]>(what: K, v: SheetState["print"][K]) =>
      this.edit(`pageLayout.${what}`, v, (s) => (s.print[what] = v));
    const footer = {
      get centerFooter(): string {
        return unread("centerFooter");
      },
      set centerFooter(v: string) {
        set("centerFooter", v);
      },
    };
    return {
      get orientation(): XlPageLayout["orientation"] {
        return unread("orientation");
      },
      set orientation(v: XlPageLayout["orientation"]) {
        set("orientation", String(v));
      },
      get paperSize(): XlPageLayout["paperSize"] {
        return unread("paperSize");
      },
      set paperSize(v: XlPageLayout["paperSize"]) {
        set("paperSize", String(v));
      },
      get centerHorizontally(): boolean {
        return unread("centerHorizontally");
      },
      set centerHorizontally(v: boolean) {
        set("centerHorizontally", v);
      },
      setPrintTitleRows: (rows: XlRange | string) => {
        if (typeof rows !== "string" || !/^\$\d+:\$\d+$/.test(rows))
          throw new FakeExcelError(
            "InvalidArgument",
            `The fake takes print title rows as "$4:$4", not ${String(rows)}.`
          );
        set("titleRows", rows);
      },
      headersFooters: { defaultForAllPages: footer },
    };
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.edit("worksheet.name", name, (s, wb) => {
      checkSheetName(wb, name, s.id);
      // as in Excel, every formula that names the sheet follows it to its new name
      rewriteRefs(wb, s.name, name);
      s.name = name;
    });
  }
  get position(): number {
    return this.read("position");
  }
  set position(p: number) {
    this.edit("worksheet.position", p, (s, wb) => {
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
      false,
      address ?? null
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
      false,
      [startRow, startColumn, rowCount, columnCount]
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): XlRange {
    return new FakeRange(
      this.batch,
      this.ref,
      (_wb, sheet) => usedRect(sheet, valuesOnly),
      true,
      valuesOnly
    );
  }

  activate(): void {
    this.edit("worksheet.activate", null, (s, wb) => (wb.activeSheetId = s.id));
  }

  delete(): void {
    this.edit("worksheet.delete", null, (s, wb) => {
      if (wb.sheets.length === 1)
        throw new FakeExcelError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet."
        );
      wb.sheets = wb.sheets.filter((x) => x.id !== s.id);
      // as in Excel, formulas elsewhere that named the sheet now say #REF!
      rewriteRefs(wb, s.name, null);
      if (wb.activeSheetId === s.id) wb.activeSheetId = wb.sheets[0].id;
      if (wb.selection?.sheetId === s.id) wb.selection = null;
    });
  }

  load(propertyNames: string | string[]): void {
    this.queueLoad(
      "worksheet.load",
      propertyNames,
      ["name", "position", "isNullObject"],
      (wb, p) => {
        if (this.ref.id === null) return p === "isNullObject" ? true : undefined;
        const s = resolveSheet(wb, this.ref);
        return p === "name" ? s.name : p === "position" ? wb.sheets.indexOf(s) : false;
      },
      this.sheetName
    );
  }
}

export class FakeWorksheetCollection implements XlWorksheetCollection {
  constructor(private readonly batch: Batch) {}

  add(name?: string): XlWorksheet {
    const ref: SheetRef = { id: undefined };
    return new FakeWorksheet(this.batch, ref, false, "worksheets.add", name ?? null, (wb) => {
      let n = wb.sheets.length + 1;
      while (!name && findSheetByName(wb, `Sheet${n}`)) n++;
      const sheetName = name ?? `Sheet${n}`;
      checkSheetName(wb, sheetName, null);
      const s = newSheet(wb, sheetName);
      wb.sheets.push(s);
      ref.id = s.id;
    });
  }

  getItem(key: string): XlWorksheet {
    return this.lookup(key, false);
  }

  getItemOrNullObject(key: string): XlWorksheet {
    return this.lookup(key, true);
  }

  private lookup(key: string, nullable: boolean): XlWorksheet {
    const ref: SheetRef = { id: undefined };
    return new FakeWorksheet(
      this.batch,
      ref,
      nullable,
      nullable ? "worksheets.getItemOrNullObject" : "worksheets.getItem",
      key,
      (wb) => {
        ref.id = findSheetByName(wb, key)?.id ?? null;
      }
    );
  }
}
