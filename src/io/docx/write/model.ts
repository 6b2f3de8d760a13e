/**
 * A small typed model of a Word document as this project writes one: paragraphs of runs (bold, underline, a font role,
 * a size), page and line breaks, PAGE / NUMPAGES fields, and tables of cells spanning grid columns (gridSpan) and rows
 * (vMerge), every border drawn. Rendering is render.ts; the package around it package.ts.
 */

/** The fonts of a Chinese government form (GB/T 9704): what each run's East Asian text is set in. */
export type FontRole = "title" | "heading" | "kai" | "body" | "song" | "symbol";

export const FONT_NAMES: Readonly<Record<FontRole, string>> = {
  /** 方正小标宋简体: the document title. */
  title: "方正小标宋简体",
  /** 黑体: first-level headings. */
  heading: "黑体",
  /** 楷体_GB2312: second-level headings. */
  kai: "楷体_GB2312",
  /** 仿宋_GB2312: body text. */
  body: "仿宋_GB2312",
  /** 宋体: page numbers. */
  song: "宋体",
  /** Tick boxes (☐ ☑): a font that has them on every Windows. */
  symbol: "Segoe UI Symbol",
};

/** Latin letters and digits of every run except ticks. */
export const LATIN_FONT = "Times New Roman";

/** Chinese type sizes in points. */
export const SIZE = { 二号: 22, 三号: 16, 四号: 14, 小四: 12 } as const;

export interface RunProps {
  bold?: boolean;
  underline?: boolean;
  font?: FontRole;
  /** Points; the style's size when absent. */
  sizePt?: number;
}

export type Inline =
  | ({ kind: "text"; text: string } & RunProps)
  | ({ kind: "field"; instr: "PAGE" | "NUMPAGES"; cached: string } & RunProps)
  | { kind: "break"; type: "line" | "page" };

export type StyleId = "Normal" | "Heading1" | "Heading2" | "TableText" | "Footer";

export interface ParagraphProps {
  style?: StyleId;
  align?: "left" | "center" | "right" | "both";
  /** First-line indent in characters (2 = the usual two-character indent). */
  firstLineChars?: number;
  /** Left indent in characters. */
  leftChars?: number;
  beforePt?: number;
  afterPt?: number;
  /** Exact line pitch in points. */
  linePt?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
}

export interface Paragraph {
  kind: "p";
  runs: Inline[];
  props: ParagraphProps;
}

export interface TableCell {
  blocks: Paragraph[];
  /** Grid columns spanned (default 1). */
  span?: number;
  /** Vertical merge: "restart" opens a merged cell, "continue" lies under it (its own content is empty). */
  vMerge?: "restart" | "continue";
  vAlign?: "top" | "center" | "bottom";
}

export interface TableRow {
  cells: TableCell[];
  /** Minimum row height in points. */
  minHeightPt?: number;
}

export interface Table {
  kind: "table";
  /** Grid column widths in twentieths of a point (dxa). */
  columns: number[];
  rows: TableRow[];
}

export type Block = Paragraph | Table;

// ---------------------------------------------------------------------------------------------------------------
// Constructors

export function text(value: string, props: RunProps = {}): Inline {
  return { kind: "text", text: value, ...props };
}

export function field(instr: "PAGE" | "NUMPAGES", props: RunProps = {}): Inline {
  return { kind: "field", instr, cached: "1", ...props };
}

export const lineBreak: Inline = { kind: "break", type: "line" };

export function para(runs: Inline[] | string, props: ParagraphProps = {}): Paragraph {
  return { kind: "p", runs: typeof runs === "string" ? [text(runs)] : runs, props };
}

export function cell(
  content: Paragraph[] | string,
  opts: Omit<TableCell, "blocks"> = {}
): TableCell {
  const blocks = typeof content === "string" ? [para(content, { style: "TableText" })] : content;
  return { blocks, ...opts };
}

/** Twips (dxa) per millimetre. */
export const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);
