/**
 * One worksheet. Rows are rendered to XML and encoded to UTF-8 as they are given (top to bottom, each row once), so a
 * sheet of 70 000 rows holds its XML bytes and no cell objects. Everything else (columns, merges, frozen panes, autofilter,
 * validations by range, print setup) is kept as small lists and written by toXml().
 */
import { RowFitter } from "./rowHeight";
import { columnLetter } from "../../../core/findings";
import type { CompressedPart, PartDeflater } from "../../codec";
import { deflaterSink, putAscii, putBytes, putUint, type ByteSink } from "./bytes";
import type { SharedStrings } from "./sharedStrings";
import type { CellStyle, StyleRegistry } from "./styles";
import { validationXml, type DataValidation } from "./validation";
import { validateChart, type ChartSpec } from "./chart";
import { XML_HEAD, NS_MAIN, NS_REL, attrs, esc } from "./xml";

/** A formula (text without '=') with the result viewers show until they recalculate. */
export interface Formula {
  formula: string;
  result?: number | string | boolean | null;
}
/** null / undefined: no value (the cell is still written when it has a style). Strings are always plain text. */
export type CellValue = string | number | boolean | null | undefined | Formula;

export interface ColumnSpec {
  width?: number;
  hidden?: boolean;
  /** Look of cells typed later into the column (e.g. '@' so codes stay text). */
  style?: CellStyle;
}

export interface PageSetup {
  paperSize?: number;
  orientation?: "portrait" | "landscape";
  /** Pages wide / tall when fitting to page; 0 = as many as needed. Setting either turns fit-to-page on. */
  fitToWidth?: number;
  fitToHeight?: number;
  horizontalCentered?: boolean;
  margins?: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
}

/**
 * Printed page header and footer (SpreadsheetML 18.3.1.46). Each text uses Excel's codes: &L / &C / &R start the left,
 * centre and right section, &P is the page number, &N the number of pages, &A the sheet name, && a literal &.
 * At most 255 characters each (Excel's limit).
 */
export interface HeaderFooter {
  oddHeader?: string;
  oddFooter?: string;
  evenHeader?: string;
  evenFooter?: string;
  firstHeader?: string;
  firstFooter?: string;
  /** The even-page texts apply (else every page uses the odd ones). */
  differentOddEven?: boolean;
  /** The first-page texts apply to page 1. */
  differentFirst?: boolean;
}

/** "第 1 页 共 3 页", centred: the footer every printed sheet carries. */
export const PAGE_NUMBER_FOOTER = "&C第 &P 页 共 &N 页";

const HEADER_FOOTER_PARTS = [
  "oddHeader",
  "oddFooter",
  "evenHeader",
  "evenFooter",
  "firstHeader",
  "firstFooter",
] as const;

export type SheetState = "visible" | "hidden" | "veryHidden";

const INVALID_NAME = /[\\/?*[\]:]/;
const letters: string[] = [""];
function col(c: number): string {
  while (letters.length <= c) letters.push(columnLetter(letters.length));
  return letters[c];
}

/** The text a cell shows, for its row's height: a string's, or a formula's cached text result. */
function wrapText(v: CellValue | undefined): string | null {
  return typeof v === "string"
    ? v
    : v && typeof v === "object" && typeof v.result === "string"
      ? v.result
      : null;
}

/** The most bytes one cell's markup takes (a string or number cell: reference, style, value). */
const CELL_MAX = 96;
const ENCODER = new TextEncoder();
const ascii = (text: string): Uint8Array => ENCODER.encode(text);
const STRING_OPEN = ascii(' t="s"><v>');
const NUMBER_OPEN = ascii("><v>");
const VALUE_CLOSE = ascii("</v></c>");
const TRUE_CELL = ascii(' t="b"><v>1</v></c>');
const FALSE_CELL = ascii(' t="b"><v>0</v></c>');
const ROW_CLOSE = ascii("</row>");
const ROW_OPEN = ascii('<row r="');
const ROW_OPEN_END = ascii(">");
/** The end of a row's start tag: `>`, or ` ht="49.5" customHeight="1">` made once per height. */
const heightAttrs = new Map<number, Uint8Array>();
function rowOpenEnd(height: number | undefined): Uint8Array {
  if (height === undefined) return ROW_OPEN_END;
  let bytes = heightAttrs.get(height);
  if (bytes === undefined)
    heightAttrs.set(height, (bytes = ascii(` ht="${height}" customHeight="1">`)));
  return bytes;
}
/** Scratch for one row's `12"` (a row number has at most 7 digits). */
const ROW_REF = new Uint8Array(16);
/** `<c r="B` for column j+1. */
const prefixes: Uint8Array[] = [];
function cellPrefix(j: number): Uint8Array {
  return (prefixes[j] ??= ascii(`<c r="${col(j + 1)}`));
}

export class SheetWriter {
  state: SheetState = "visible";
  private readonly body: ByteSink;
  private readonly columns = new Map<number, ColumnSpec>();
  private readonly merges: string[] = [];
  private readonly validations: string[] = [];
  private frozen: { xSplit: number; ySplit: number } | null = null;
  private filter: string | null = null;
  private page: PageSetup | null = null;
  private titleRows: [number, number] | null = null;
  private area: string[] | null = null;
  private hf: HeaderFooter | null = null;
  private readonly chartSpecs: ChartSpec[] = [];
  private minRow = 0;
  private maxRow = 0;
  private minCol = 0;
  private maxCol = 0;

  constructor(
    readonly name: string,
    private readonly styles: StyleRegistry,
    private readonly strings: SharedStrings,
    /** Compresses the part as its rows are written (the workbook's codec and level). */
    private readonly deflater: PartDeflater
  ) {
    this.body = deflaterSink(deflater);
    if (name.length === 0 || name.length > 31 || INVALID_NAME.test(name) || /^'|'$/.test(name))
      throw new Error(`工作表名称无效：${name}`);
  }

  /** The style index for a look, to pass to row(). */
  style(look: CellStyle | null | undefined): number {
    return this.styles.id(look);
  }

  /** Column (1-based) width, hidden state and default look. */
  column(index: number, spec: ColumnSpec): void {
    this.columns.set(index, { ...this.columns.get(index), ...spec });
    this.fitter.columnsChanged();
  }

  /**
   * Write row `r` (1-based) from column A: values[j] goes to column j+1 with style[j] (or one style for all values).
   * A style array longer than the values styles empty cells too. Rows are written top to bottom, each once.
   */
  row(
    r: number,
    values: readonly CellValue[],
    style: number | readonly number[] = 0,
    opts: { height?: number } = {}
  ): void {
    if (!Number.isInteger(r) || r < 1 || r > 1048576) throw new Error(`行号无效：${r}`);
    if (r <= this.maxRow) throw new Error(`第 ${r} 行须在第 ${this.maxRow} 行之后写出`);
    const perCell = typeof style !== "number";
    const width = perCell ? Math.max(values.length, style.length) : values.length;
    const height = opts.height ?? this.fitter.fit(values, wrapText, style);
    const b = this.body;
    // the row number and its closing quote, once per row (the row tag and the cells copy it from here)
    const rowRef = ROW_REF.subarray(0, putUint(ROW_REF, 0, r) + 1);
    rowRef[rowRef.length - 1] = 0x22;
    // `<row r="12">` or `<row r="12" ht="49.5" customHeight="1">`, from bytes made once (a sheet has few heights)
    const end = rowOpenEnd(height);
    // markup straight into the part's bytes, with room made once for the whole row (a cell takes at most CELL_MAX
    // bytes); formulas, which may hold any text, go through cell() and write()
    let buf = b.room(ROW_OPEN.length + rowRef.length + end.length + width * CELL_MAX + 8);
    let p = putBytes(buf, b.at, ROW_OPEN);
    p = putBytes(buf, p, rowRef);
    p = putBytes(buf, p, end);
    let first = 0;
    let last = 0;
    for (let j = 0; j < width; j++) {
      const s = perCell ? (style[j] ?? 0) : style;
      const v = j < values.length ? values[j] : undefined;
      const kind = typeof v;
      if (v === null || v === undefined || (kind === "number" && !Number.isFinite(v as number))) {
        if (s === 0) continue;
        p = this.cellStart(buf, p, j, rowRef, s);
        buf[p++] = 0x2f; // />
        buf[p++] = 0x3e;
      } else if (kind === "string") {
        // a column often repeats the cell above (市州, 来源文件, 企业类别…): its index without a lookup
        let index: number;
        if (this.lastText[j] === v) {
          index = this.lastIndex[j];
          this.strings.addAgain();
        } else {
          index = this.strings.add(v as string);
          this.lastText[j] = v as string;
          this.lastIndex[j] = index;
        }
        p = this.cellStart(buf, p, j, rowRef, s);
        p = putBytes(buf, p, STRING_OPEN);
        p = putUint(buf, p, index);
        p = putBytes(buf, p, VALUE_CLOSE);
      } else if (kind === "number") {
        p = this.cellStart(buf, p, j, rowRef, s);
        p = putBytes(buf, p, NUMBER_OPEN);
        const n = v as number;
        p =
          Number.isInteger(n) && n >= 0 && n <= Number.MAX_SAFE_INTEGER
            ? putUint(buf, p, n)
            : putAscii(buf, p, String(n));
        p = putBytes(buf, p, VALUE_CLOSE);
      } else if (kind === "boolean") {
        p = this.cellStart(buf, p, j, rowRef, s);
        p = putBytes(buf, p, v ? TRUE_CELL : FALSE_CELL);
      } else {
        // every cell carries its reference, as Excel writes it: readers that imply positions disagree on gaps
        b.advance(p);
        b.write(this.cell(` r="${col(j + 1)}${r}"`, v, s));
        buf = b.room((width - j) * CELL_MAX + 8);
        p = b.at;
      }
      if (first === 0) first = j + 1;
      last = j + 1;
    }
    p = putBytes(buf, p, ROW_CLOSE);
    b.advance(p);
    if (first > 0) {
      if (this.minCol === 0 || first < this.minCol) this.minCol = first;
      if (last > this.maxCol) this.maxCol = last;
    }
    if (this.minRow === 0 || r < this.minRow) this.minRow = r;
    this.maxRow = r;
  }

  private readonly styleAttrs: Uint8Array[] = [];
  /** The rows' heights for their wrapped text. */
  private readonly fitter = new RowFitter({
    wrapFontSize: (s) => this.styles.wrapFontSize(s),
    columnWidth: (index) => this.columns.get(index)?.width,
  });
  /** Per column, the last text written and its shared-string index. */
  private readonly lastText: (string | undefined)[] = [];
  private readonly lastIndex: number[] = [];

  /**
   * `<c r="B2"` and the style attribute, when there is one, into `buf` at `p` (every cell carries its reference, as
   * Excel writes it); returns where it ends.
   */
  private cellStart(buf: Uint8Array, p: number, j: number, rowRef: Uint8Array, s: number): number {
    p = putBytes(buf, p, cellPrefix(j));
    p = putBytes(buf, p, rowRef);
    if (s !== 0) p = putBytes(buf, p, (this.styleAttrs[s] ??= ENCODER.encode(` s="${s}"`)));
    return p;
  }

  /** One <c> element; `ref` is ' r="B2"' or empty. '' when there is nothing to write. */
  private cell(ref: string, v: CellValue, s: number): string {
    const sa = s === 0 ? "" : ` s="${s}"`;
    if (v === null || v === undefined) return s === 0 ? "" : `<c${ref}${sa}/>`;
    switch (typeof v) {
      case "string":
        return `<c${ref}${sa} t="s"><v>${this.strings.add(v)}</v></c>`;
      case "number":
        return Number.isFinite(v)
          ? `<c${ref}${sa}><v>${v}</v></c>`
          : s === 0
            ? ""
            : `<c${ref}${sa}/>`;
      case "boolean":
        return `<c${ref}${sa} t="b"><v>${v ? 1 : 0}</v></c>`;
      default: {
        const f = `<f>${esc(v.formula.replace(/^=/, ""))}</f>`;
        const res = v.result;
        if (res === null || res === undefined || (typeof res === "number" && !Number.isFinite(res)))
          return `<c${ref}${sa}>${f}</c>`;
        if (typeof res === "number") return `<c${ref}${sa}>${f}<v>${res}</v></c>`;
        if (typeof res === "boolean") return `<c${ref}${sa} t="b">${f}<v>${res ? 1 : 0}</v></c>`;
        return `<c${ref}${sa} t="str">${f}<v>${esc(res)}</v></c>`;
      }
    }
  }

  /** Merge a range such as 'A1:G1'. */
  merge(ref: string): void {
    this.merges.push(ref);
  }

  /** Freeze the first `xSplit` columns and `ySplit` rows. */
  freeze(xSplit: number, ySplit: number): void {
    this.frozen = xSplit > 0 || ySplit > 0 ? { xSplit, ySplit } : null;
  }

  autoFilter(ref: string): void {
    this.filter = ref;
  }

  /** One validation rule over a range ('D5:D34', or several separated by spaces). */
  validate(sqref: string, rule: DataValidation): void {
    this.validations.push(validationXml(sqref, rule));
  }

  pageSetup(setup: PageSetup): void {
    this.page = { ...this.page, ...setup };
  }

  /** Rows repeated at the top of every printed page. */
  printTitleRows(first: number, last = first): void {
    this.titleRows = [first, last];
  }

  /**
   * The part of the sheet that prints: one range ('A1:K200') or several ('A1:K20 A30:K40'), written as the sheet's
   * _xlnm.Print_Area name. Without it everything with a value or a style prints.
   */
  printArea(ref: string): void {
    const ranges = ref.trim().split(/[\s,]+/);
    for (const r of ranges)
      if (!/^[A-Z]{1,3}[1-9]\d*(:[A-Z]{1,3}[1-9]\d*)?$/.test(r))
        throw new Error(`打印区域无效：${ref}（应为 A1:K200 这样的单元格区域）`);
    this.area = ranges;
  }

  /** Header and footer of the printed pages (merged into what was set before). */
  headerFooter(hf: HeaderFooter): void {
    for (const k of HEADER_FOOTER_PARTS) {
      const text = hf[k];
      if (text !== undefined && text.length > 255)
        throw new Error(`页眉页脚“${k}”超过 255 个字符（Excel 的上限）：${text.slice(0, 20)}…`);
    }
    this.hf = { ...this.hf, ...hf };
  }

  /**
   * A native chart over ranges of this workbook, drawn over the cells of `spec.anchor` (ranges and caches are checked
   * now: a wrong spec throws here, not when the workbook is packaged).
   */
  chart(spec: ChartSpec): void {
    validateChart(spec);
    this.chartSpecs.push(spec);
  }

  /** The charts added so far, in order. */
  get charts(): readonly ChartSpec[] {
    return this.chartSpecs;
  }

  /** The print-area defined name's value, e.g. '明细'!$A$1:$K$200, or null. */
  printAreaRef(): string | null {
    if (!this.area) return null;
    const sheet = `'${this.name.replace(/'/g, "''")}'`;
    return this.area.map((r) => `${sheet}!${r.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`).join(",");
  }

  /** The range of the autofilter as an absolute reference for the _xlnm._FilterDatabase name, or null. */
  filterDatabaseRef(): string | null {
    if (!this.filter) return null;
    const abs = this.filter.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    return `'${this.name.replace(/'/g, "''")}'!${abs}`;
  }

  /** The print-titles defined name's value, e.g. '推荐汇总表'!$4:$4, or null. */
  printTitlesRef(): string | null {
    if (!this.titleRows) return null;
    return `'${this.name.replace(/'/g, "''")}'!$${this.titleRows[0]}:$${this.titleRows[1]}`;
  }

  /**
   * The worksheet part, compressed: the rows were compressed as they were written; head and tail go around them.
   * `drawingRel` is the relationship id of its drawing part, if any.
   */
  toPart(selected: boolean, drawingRel?: string): CompressedPart {
    const encoder = new TextEncoder();
    this.body.flush();
    return this.deflater.finish(
      encoder.encode(this.head(selected)),
      encoder.encode(this.tail(drawingRel))
    );
  }

  private head(selected: boolean): string {
    const p = this.page;
    const fit = p && (p.fitToWidth !== undefined || p.fitToHeight !== undefined);
    const out: string[] = [XML_HEAD, `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`];
    if (fit) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    out.push(
      `<dimension ref="${this.maxRow === 0 || this.maxCol === 0 ? "A1" : `${col(this.minCol)}${this.minRow}:${col(this.maxCol)}${this.maxRow}`}"/>`
    );
    out.push(
      `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0">${this.paneXml()}</sheetView></sheetViews>`
    );
    out.push('<sheetFormatPr defaultRowHeight="14.25"/>');
    out.push(this.colsXml());
    out.push("<sheetData>");
    return out.join("");
  }

  private tail(drawingRel?: string): string {
    const p = this.page;
    const out: string[] = ["</sheetData>"];
    if (this.filter) out.push(`<autoFilter ref="${esc(this.filter)}"/>`);
    if (this.merges.length > 0)
      out.push(
        `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${esc(m)}"/>`).join("")}</mergeCells>`
      );
    if (this.validations.length > 0)
      out.push(
        `<dataValidations count="${this.validations.length}">${this.validations.join("")}</dataValidations>`
      );
    if (p?.horizontalCentered) out.push('<printOptions horizontalCentered="1"/>');
    const m = p?.margins ?? {
      left: 0.7,
      right: 0.7,
      top: 0.75,
      bottom: 0.75,
      header: 0.3,
      footer: 0.3,
    };
    out.push(
      `<pageMargins${attrs([
        ["left", m.left],
        ["right", m.right],
        ["top", m.top],
        ["bottom", m.bottom],
        ["header", m.header],
        ["footer", m.footer],
      ])}/>`
    );
    if (p)
      out.push(
        `<pageSetup${attrs([
          ["paperSize", p.paperSize],
          ["orientation", p.orientation],
          ["fitToWidth", p.fitToWidth],
          ["fitToHeight", p.fitToHeight],
        ])}/>`
      );
    if (this.hf) out.push(this.headerFooterXml(this.hf));
    if (drawingRel) out.push(`<drawing r:id="${drawingRel}"/>`);
    out.push("</worksheet>");
    return out.join("");
  }

  private headerFooterXml(hf: HeaderFooter): string {
    const parts = HEADER_FOOTER_PARTS.map((k) =>
      hf[k] === undefined || hf[k] === "" ? "" : `<${k}>${esc(hf[k])}</${k}>`
    ).join("");
    return `<headerFooter${attrs([
      ["differentOddEven", hf.differentOddEven ? true : null],
      ["differentFirst", hf.differentFirst ? true : null],
    ])}>${parts}</headerFooter>`;
  }

  private paneXml(): string {
    if (!this.frozen) return "";
    const { xSplit, ySplit } = this.frozen;
    const topLeft = `${col(xSplit + 1)}${ySplit + 1}`;
    const pane = xSplit > 0 && ySplit > 0 ? "bottomRight" : ySplit > 0 ? "bottomLeft" : "topRight";
    const split = attrs([
      ["xSplit", xSplit > 0 ? xSplit : null],
      ["ySplit", ySplit > 0 ? ySplit : null],
    ]);
    return `<pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  }

  private colsXml(): string {
    if (this.columns.size === 0) return "";
    const parts: string[] = [];
    for (const c of [...this.columns.keys()].sort((a, b) => a - b)) {
      const spec = this.columns.get(c)!;
      parts.push(
        `<col${attrs([
          ["min", c],
          ["max", c],
          ["width", spec.width ?? 9],
          ["style", spec.style ? this.styles.id(spec.style) : null],
          ["hidden", spec.hidden ? true : null],
          ["customWidth", spec.width !== undefined ? true : null],
        ])}/>`
      );
    }
    return `<cols>${parts.join("")}</cols>`;
  }
}
