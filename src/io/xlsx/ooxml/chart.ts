/**
 * Native charts (DrawingML, ECMA-376 Part 1 §21.2): a clustered column or bar chart over ranges of the workbook, with
 * the values cached in the chart part so that viewers which do not recalculate (WPS preview, mail previewers,
 * LibreOffice on load) draw the bars. A sheet's charts live in one drawing part (xl/drawings/drawingN.xml), each chart
 * in its own part (xl/charts/chartN.xml); workbook.ts numbers and relates them.
 */
import { CHART_PALETTE } from "./chartPalette";
import { attrs, esc, XML_HEAD, NS_REL } from "./xml";

export interface ChartSeries {
  /** The legend text. */
  name: string;
  /** Where the name is on the sheet ('地区指标'!$C$1), so the legend follows an edited header. */
  nameRef?: string;
  /** The values: a sheet-qualified column or row ('地区指标'!$C$2:$C$15) and what it holds now (null: empty). */
  values: { ref: string; cache: ReadonlyArray<number | null> };
  /** Bar fill, RRGGBB; CHART_PALETTE in order when absent. */
  color?: string;
}

export interface ChartSpec {
  /** Vertical bars side by side (Excel's 簇状柱形图), or the same lying down (簇状条形图). */
  type: "clusteredColumn" | "clusteredBar";
  title: string;
  /** The category labels: a sheet-qualified range and its texts. */
  categories: { ref: string; cache: readonly string[] };
  series: readonly ChartSeries[];
  /** Cells the chart covers: from the top-left corner of `from` to the top-left corner of `to` ('A18', 'L40'). */
  anchor: { from: string; to: string };
  /** Axis titles (none when absent). */
  axisTitles?: { category?: string; value?: string };
  /** Number format of the value axis and cached values (Excel's format codes); "General" when absent. */
  numFmt?: string;
  /** The shape's name as Excel's selection pane lists it. */
  name?: string;
}

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const REL_DRAWING =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const REL_CHART =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

/** A sheet-qualified absolute range: Sheet!$A$2:$A$15, 'My sheet'!$C$2:$C$15 or a single cell. */
const RANGE =
  /^(?:'((?:[^']|'')+)'|([^'!\s]+))!\$([A-Z]{1,3})\$([1-9]\d*)(?::\$([A-Z]{1,3})\$([1-9]\d*))?$/;
const CELL = /^([A-Z]{1,3})([1-9]\d*)$/;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The number of cells of a one-row or one-column range; throws when `ref` is no such range. */
export function rangeLength(ref: string, what: string): number {
  const m = RANGE.exec(ref);
  if (!m)
    throw new Error(
      `图表${what}的区域无效：${ref}（应为 地区指标!$C$2:$C$15 这样带工作表名的绝对引用）`
    );
  const [c1, r1] = [colNumber(m[3]), Number(m[4])];
  const [c2, r2] = m[5] ? [colNumber(m[5]), Number(m[6])] : [c1, r1];
  if (c1 !== c2 && r1 !== r2) throw new Error(`图表${what}的区域须为一行或一列：${ref}`);
  return Math.abs(c2 - c1) + Math.abs(r2 - r1) + 1;
}

/** A range on a sheet as a chart formula: 地区指标!$A$2:$A$15, quoting the name when Excel would. */
export function sheetRange(sheet: string, ref: string): string {
  const abs = ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  const quoted = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !CELL.test(sheet.toUpperCase());
  return `${quoted ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${abs}`;
}

/** Zero-based column and row of a cell reference. */
function cellIndex(ref: string): { col: number; row: number } {
  const m = CELL.exec(ref);
  if (!m) throw new Error(`图表位置无效：${ref}（应为 A18 这样的单元格）`);
  return { col: colNumber(m[1]) - 1, row: Number(m[2]) - 1 };
}

/** Check a spec before anything is written: ranges, cache sizes and the anchor. */
export function validateChart(spec: ChartSpec): void {
  if (spec.series.length === 0) throw new Error(`图表“${spec.title}”没有数据系列`);
  const n = rangeLength(spec.categories.ref, "分类");
  if (spec.categories.cache.length !== n)
    throw new Error(
      `图表“${spec.title}”的分类区域有 ${n} 格，缓存却有 ${spec.categories.cache.length} 个值`
    );
  for (const s of spec.series) {
    const k = rangeLength(s.values.ref, `系列“${s.name}”`);
    if (k !== n) throw new Error(`图表“${spec.title}”的系列“${s.name}”有 ${k} 格，分类有 ${n} 格`);
    if (s.values.cache.length !== n)
      throw new Error(
        `图表“${spec.title}”的系列“${s.name}”缓存了 ${s.values.cache.length} 个值，应为 ${n} 个`
      );
    if (s.nameRef !== undefined && rangeLength(s.nameRef, `系列“${s.name}”名称`) !== 1)
      throw new Error(`图表系列“${s.name}”的名称须指向一个单元格：${s.nameRef}`);
    if (s.color !== undefined && !/^[0-9A-Fa-f]{6}$/.test(s.color))
      throw new Error(`图表系列“${s.name}”的颜色应为 RRGGBB：${s.color}`);
  }
  const from = cellIndex(spec.anchor.from);
  const to = cellIndex(spec.anchor.to);
  if (to.col <= from.col || to.row <= from.row)
    throw new Error(
      `图表“${spec.title}”的位置 ${spec.anchor.from}–${spec.anchor.to} 须从左上到右下`
    );
}

/** Text properties: size in hundredths of a point, bold or not, the East Asian face set so CJK text renders. */
function txPr(size: number, bold = false): string {
  return (
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}">` +
    '<a:latin typeface="宋体"/><a:ea typeface="宋体"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>'
  );
}

function richTitle(text: string, size: number): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size}" b="1"><a:latin typeface="宋体"/><a:ea typeface="宋体"/></a:rPr>` +
    `<a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function strCache(values: readonly string[]): string {
  return (
    `<c:strCache><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join("") +
    "</c:strCache>"
  );
}

function numCache(values: ReadonlyArray<number | null>, format: string): string {
  return (
    `<c:numCache><c:formatCode>${esc(format)}</c:formatCode><c:ptCount val="${values.length}"/>` +
    values
      .map((v, i) =>
        v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`
      )
      .join("") +
    "</c:numCache>"
  );
}

const LINE = (rgb: string) =>
  `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></a:ln></c:spPr>`;

/** The chart part (c:chartSpace). */
export function chartXml(spec: ChartSpec): string {
  validateChart(spec);
  const format = spec.numFmt ?? "General";
  const series = spec.series
    .map((s, i) => {
      const color = (s.color ?? CHART_PALETTE[i % CHART_PALETTE.length]).toUpperCase();
      const tx = s.nameRef
        ? `<c:tx><c:strRef><c:f>${esc(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>`
        : `<c:tx><c:v>${esc(s.name)}</c:v></c:tx>`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${tx}` +
        `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>` +
        '<c:invertIfNegative val="0"/>' +
        `<c:cat><c:strRef><c:f>${esc(spec.categories.ref)}</c:f>${strCache(spec.categories.cache)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(s.values.ref)}</c:f>${numCache(s.values.cache, format)}</c:numRef></c:val>` +
        "</c:ser>"
      );
    })
    .join("");
  const bar = spec.type === "clusteredBar" ? "bar" : "col";
  // categories run along the bottom (columns) or down the left (bars, first category on top)
  const [catPos, valPos] = bar === "col" ? ["b", "l"] : ["l", "b"];
  const catOrientation = bar === "col" ? "minMax" : "maxMin";
  const axisTitle = (t: string | undefined) => (t ? richTitle(t, 1000) : "");
  const CAT = 500100;
  const VAL = 500200;
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_REL}">` +
    '<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>' +
    `<c:chart>${richTitle(spec.title, 1400)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${bar}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="80"/><c:overlap val="0"/><c:axId val="${CAT}"/><c:axId val="${VAL}"/></c:barChart>` +
    `<c:catAx><c:axId val="${CAT}"/><c:scaling><c:orientation val="${catOrientation}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${catPos}"/>${axisTitle(spec.axisTitles?.category)}` +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>' +
    `<c:tickLblPos val="nextTo"/>${LINE("BFBFBF")}${txPr(900)}<c:crossAx val="${VAL}"/><c:crosses val="autoZero"/>` +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="${VAL}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines>${LINE("D9D9D9")}</c:majorGridlines>` +
    `${axisTitle(spec.axisTitles?.value)}<c:numFmt formatCode="${esc(format)}" sourceLinked="0"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `${LINE("BFBFBF")}${txPr(900)}<c:crossAx val="${CAT}"/><c:crosses val="${bar === "col" ? "autoZero" : "max"}"/>` +
    '<c:crossBetween val="between"/></c:valAx></c:plotArea>' +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${txPr(900)}</c:legend>` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    `${txPr(1000)}</c:chartSpace>`
  );
}

/** A sheet's drawing part: one two-cell anchor per chart, chart i related as rId(i+1). */
export function drawingXml(specs: readonly ChartSpec[]): string {
  const anchors = specs
    .map((spec, i) => {
      const from = cellIndex(spec.anchor.from);
      const to = cellIndex(spec.anchor.to);
      const marker = (tag: string, p: { col: number; row: number }) =>
        `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">${marker("from", from)}${marker("to", to)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr${attrs([
          ["id", i + 2],
          ["name", spec.name ?? `图表 ${i + 1}`],
          ["descr", spec.title],
        ])}/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/>` +
        "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
      );
    })
    .join("");
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_REL}">${anchors}</xdr:wsDr>`;
}
