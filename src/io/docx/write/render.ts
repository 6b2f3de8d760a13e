/**
 * The model (model.ts) as WordprocessingML: word/document.xml's body and the footers' content, every property
 * element in the order of the ECMA-376 schema (CT_PPrBase, EG_RPrBase, CT_TblPr, CT_TcPr, CT_SectPr) so that Word,
 * which rejects a part whose children are out of order, opens the file.
 */
import {
  FONT_NAMES,
  LATIN_FONT,
  type Block,
  type Inline,
  type Paragraph,
  type ParagraphProps,
  type RunProps,
  type Table,
} from "./model";
import { escapeAttr, escapeText } from "./xml";

/** One character of a 三号 body line, in twips: the unit of "firstLineChars" when Word has no grid to go by. */
const CHAR_TWIPS = 320;

const halfPoints = (pt: number): number => Math.round(pt * 2);
const twips = (pt: number): number => Math.round(pt * 20);

export function rPr(props: RunProps): string {
  let out = "";
  if (props.font) {
    const east = escapeAttr(FONT_NAMES[props.font]);
    const latin = props.font === "symbol" ? east : LATIN_FONT;
    out += `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${east}" w:cs="${latin}"${props.font === "symbol" ? "" : ' w:hint="eastAsia"'}/>`;
  }
  if (props.bold) out += "<w:b/><w:bCs/>";
  if (props.sizePt !== undefined) {
    const sz = halfPoints(props.sizePt);
    out += `<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/>`;
  }
  if (props.underline) out += '<w:u w:val="single"/>';
  return out === "" ? "" : `<w:rPr>${out}</w:rPr>`;
}

export function pPr(props: ParagraphProps): string {
  let out = "";
  if (props.style) out += `<w:pStyle w:val="${props.style}"/>`;
  if (props.keepNext) out += "<w:keepNext/>";
  if (props.pageBreakBefore) out += "<w:pageBreakBefore/>";
  const spacing: string[] = [];
  if (props.beforePt !== undefined) spacing.push(`w:before="${twips(props.beforePt)}"`);
  if (props.afterPt !== undefined) spacing.push(`w:after="${twips(props.afterPt)}"`);
  if (props.linePt !== undefined)
    spacing.push(`w:line="${twips(props.linePt)}" w:lineRule="exact"`);
  if (spacing.length > 0) out += `<w:spacing ${spacing.join(" ")}/>`;
  const ind: string[] = [];
  if (props.leftChars !== undefined)
    ind.push(
      `w:leftChars="${Math.round(props.leftChars * 100)}" w:left="${Math.round(props.leftChars * CHAR_TWIPS)}"`
    );
  if (props.firstLineChars !== undefined)
    ind.push(
      `w:firstLineChars="${Math.round(props.firstLineChars * 100)}" w:firstLine="${Math.round(props.firstLineChars * CHAR_TWIPS)}"`
    );
  if (ind.length > 0) out += `<w:ind ${ind.join(" ")}/>`;
  if (props.align) out += `<w:jc w:val="${props.align}"/>`;
  return out === "" ? "" : `<w:pPr>${out}</w:pPr>`;
}

/** A text run: tabs and line breaks as w:tab / w:br, the rest in w:t with its spaces kept. */
function textRun(value: string, props: RunProps): string {
  const parts: string[] = [];
  for (const piece of value.replace(/\r\n?/g, "\n").split(/(\n|\t)/)) {
    if (piece === "\n") parts.push("<w:br/>");
    else if (piece === "\t") parts.push("<w:tab/>");
    else if (piece !== "") parts.push(`<w:t xml:space="preserve">${escapeText(piece)}</w:t>`);
  }
  return `<w:r>${rPr(props)}${parts.join("")}</w:r>`;
}

function inline(run: Inline): string {
  switch (run.kind) {
    case "text":
      return textRun(run.text, run);
    case "break":
      return run.type === "page" ? '<w:r><w:br w:type="page"/></w:r>' : "<w:r><w:br/></w:r>";
    case "field": {
      // a complex field with its cached result, which Word and LibreOffice recompute when they lay the page out
      const pr = rPr(run);
      return (
        `<w:r>${pr}<w:fldChar w:fldCharType="begin"/></w:r>` +
        `<w:r>${pr}<w:instrText xml:space="preserve"> ${run.instr} \\* Arabic </w:instrText></w:r>` +
        `<w:r>${pr}<w:fldChar w:fldCharType="separate"/></w:r>` +
        `<w:r>${pr}<w:t>${escapeText(run.cached)}</w:t></w:r>` +
        `<w:r>${pr}<w:fldChar w:fldCharType="end"/></w:r>`
      );
    }
  }
}

export function paragraph(p: Paragraph): string {
  return `<w:p>${pPr(p.props)}${p.runs.map(inline).join("")}</w:p>`;
}

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';

/** Checks the table's shape (each row fills the grid; a vMerge continuation lies under a cell of the same span). */
function checkTable(t: Table): void {
  let above: Map<number, number> = new Map();
  t.rows.forEach((row, r) => {
    const here = new Map<number, number>();
    let col = 0;
    for (const c of row.cells) {
      const span = c.span ?? 1;
      if (c.vMerge === "continue" && above.get(col) !== span)
        throw new Error(
          `内部错误：表格第 ${r + 1} 行第 ${col + 1} 列的纵向合并单元格上方没有同宽的单元格`
        );
      if (c.vMerge) here.set(col, span);
      col += span;
    }
    if (col !== t.columns.length)
      throw new Error(`内部错误：表格第 ${r + 1} 行占 ${col} 列，表格共 ${t.columns.length} 列`);
    above = here;
  });
}

export function table(t: Table): string {
  checkTable(t);
  const width = t.columns.reduce((a, b) => a + b, 0);
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((side) => `<w:${side} ${BORDER}/>`)
    .join("");
  const tblPr =
    `<w:tblPr><w:tblW w:w="${width}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>` +
    `<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr>`;
  const grid = `<w:tblGrid>${t.columns.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  const rows = t.rows.map((row) => {
    const trPr =
      row.minHeightPt !== undefined
        ? `<w:trPr><w:trHeight w:val="${twips(row.minHeightPt)}" w:hRule="atLeast"/></w:trPr>`
        : "";
    let col = 0;
    const cells = row.cells.map((c) => {
      const span = c.span ?? 1;
      const w = t.columns.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      let tcPr = `<w:tcW w:w="${w}" w:type="dxa"/>`;
      if (span > 1) tcPr += `<w:gridSpan w:val="${span}"/>`;
      if (c.vMerge === "restart") tcPr += '<w:vMerge w:val="restart"/>';
      else if (c.vMerge === "continue") tcPr += "<w:vMerge/>";
      if (c.vAlign) tcPr += `<w:vAlign w:val="${c.vAlign}"/>`;
      const blocks = c.vMerge === "continue" || c.blocks.length === 0 ? [] : c.blocks;
      // a cell holds at least one paragraph; a continuation's is empty, as Word writes it
      const body =
        blocks.length > 0
          ? blocks.map(paragraph).join("")
          : '<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p>';
      return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${body}</w:tc>`;
    });
    return `<w:tr>${trPr}${cells.join("")}</w:tr>`;
  });
  return `<w:tbl>${tblPr}${grid}${rows.join("")}</w:tbl>`;
}

export function block(b: Block): string {
  return b.kind === "p" ? paragraph(b) : table(b);
}

/** Page setup: A4 portrait, margins in twips, the default and first-page footers by relationship id. */
export interface PageSetup {
  margins: {
    top: number;
    bottom: number;
    left: number;
    right: number;
    header: number;
    footer: number;
  };
  footer: string;
  /** The cover's own (empty) footer: no page number on the first page. */
  firstFooter?: string;
}

export const A4 = { width: 11906, height: 16838 } as const;

export function sectPr(page: PageSetup): string {
  const m = page.margins;
  return (
    "<w:sectPr>" +
    `<w:footerReference w:type="default" r:id="${page.footer}"/>` +
    (page.firstFooter ? `<w:footerReference w:type="first" r:id="${page.firstFooter}"/>` : "") +
    `<w:pgSz w:w="${A4.width}" w:h="${A4.height}"/>` +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${m.header}" w:footer="${m.footer}" w:gutter="0"/>` +
    '<w:cols w:space="425"/>' +
    (page.firstFooter ? "<w:titlePg/>" : "") +
    '<w:docGrid w:linePitch="312"/>' +
    "</w:sectPr>"
  );
}
