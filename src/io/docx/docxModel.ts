/**
 * WordprocessingML body → a small model of what a reader of the form sees: paragraphs and tables of cells (with grid
 * position, horizontal span and vertical-merge continuation). Ticks are turned into glyphs where they are not glyphs
 * already: a w14:checkbox content control becomes ☑ / ☐ from its checked state (not from the glyph it happens to
 * show), a legacy FORMCHECKBOX field likewise, and Wingdings symbols (w:sym) become their Unicode glyphs.
 */
import { W14_NS, W_NS, attr, child, children, isEl, ownText, type XElement } from "./xml";

export const TICK_ON = "☑";
export const TICK_OFF = "☐";

export interface DocCell {
  text: string;
  /** 0-based grid column where the cell starts. */
  gridCol: number;
  span: number;
  /** true for a vMerge continuation cell (the cell above holds the content). */
  merged: boolean;
}
export type DocBlock = { kind: "p"; text: string } | { kind: "table"; rows: DocCell[][] };

/** Symbol fonts' private-use code points (F0xx) that Word users insert as check boxes. */
const SYMBOLS: Record<string, Record<string, string>> = {
  wingdings: {
    A8: "☐",
    "6F": "☐",
    "71": "☐",
    FE: "☑",
    FD: "☒",
    FC: "✓",
    FB: "✗",
    "78": "☒",
    A2: "☐",
    A4: "●",
    "6E": "■",
  },
  "wingdings 2": {
    A3: "☐",
    "2A": "☐",
    "52": "☑",
    "54": "☒",
    "50": "✓",
    "51": "☒",
    "4F": "✗",
    A2: "☐",
  },
  "wingdings 3": {},
};

/** Glyphs a content control shows for itself, removed when its checked state is emitted instead. */
const CONTROL_GLYPHS = /[☐☑☒□■✓✔√✗✘]/g;

export function readBody(documentElement: XElement): DocBlock[] {
  const body = child(documentElement, W_NS, "body");
  if (!body) return [];
  const out: DocBlock[] = [];
  readBlocks(body, out);
  return out;
}

function readBlocks(container: XElement, out: DocBlock[]): void {
  for (const el of children(container)) {
    if (el.namespaceURI !== W_NS) continue;
    switch (el.localName) {
      case "p":
        out.push({ kind: "p", text: paragraphText(el) });
        break;
      case "tbl":
        out.push({ kind: "table", rows: readTable(el) });
        break;
      case "sdt": {
        const content = child(el, W_NS, "sdtContent");
        if (content) readBlocks(content, out);
        break;
      }
      case "customXml":
        readBlocks(el, out);
        break;
      default:
        break;
    }
  }
}

function readTable(tbl: XElement): DocCell[][] {
  const rows: DocCell[][] = [];
  for (const tr of rowElements(tbl)) {
    const trPr = child(tr, W_NS, "trPr");
    const before = trPr ? child(trPr, W_NS, "gridBefore") : null;
    let col = before ? Number(attr(before, W_NS, "val")) || 0 : 0;
    const row: DocCell[] = [];
    for (const tc of cellElements(tr)) {
      const tcPr = child(tc, W_NS, "tcPr");
      const spanEl = tcPr ? child(tcPr, W_NS, "gridSpan") : null;
      const span = Math.max(1, spanEl ? Number(attr(spanEl, W_NS, "val")) || 1 : 1);
      const vMerge = tcPr ? child(tcPr, W_NS, "vMerge") : null;
      const merged = !!vMerge && (attr(vMerge, W_NS, "val") ?? "continue") !== "restart";
      row.push({ text: cellText(tc), gridCol: col, span, merged });
      col += span;
    }
    rows.push(row);
  }
  return rows;
}

function rowElements(tbl: XElement): XElement[] {
  const out: XElement[] = [];
  for (const el of children(tbl)) {
    if (isEl(el, W_NS, "tr")) out.push(el);
    else if (isEl(el, W_NS, "sdt") || isEl(el, W_NS, "customXml")) {
      const content = isEl(el, W_NS, "sdt") ? child(el, W_NS, "sdtContent") : el;
      if (content) out.push(...rowElements(content));
    }
  }
  return out;
}

function cellElements(tr: XElement): XElement[] {
  const out: XElement[] = [];
  for (const el of children(tr)) {
    if (isEl(el, W_NS, "tc")) out.push(el);
    else if (isEl(el, W_NS, "sdt") || isEl(el, W_NS, "customXml")) {
      const content = isEl(el, W_NS, "sdt") ? child(el, W_NS, "sdtContent") : el;
      if (content) out.push(...cellElements(content));
    }
  }
  return out;
}

/** A cell's paragraphs joined by line breaks; nested tables flattened row by row. */
function cellText(tc: XElement): string {
  const blocks: DocBlock[] = [];
  readBlocks(tc, blocks);
  return blocks.map(blockText).join("\n");
}

export function blockText(b: DocBlock): string {
  if (b.kind === "p") return b.text;
  return b.rows
    .map((r) =>
      r
        .filter((c) => !c.merged)
        .map((c) => c.text)
        .join(" ")
    )
    .join("\n");
}

export function paragraphText(p: XElement): string {
  const parts: string[] = [];
  inline(p, parts);
  return parts.join("");
}

function inline(el: XElement, out: string[]): void {
  for (const c of children(el)) {
    if (c.namespaceURI !== W_NS) {
      if (c.localName === "AlternateContent") {
        const choice = children(c)[0];
        if (choice) inline(choice, out);
      } else inline(c, out);
      continue;
    }
    switch (c.localName) {
      case "r":
        run(c, out);
        break;
      case "sdt":
        contentControl(c, out);
        break;
      case "del":
      case "moveFrom":
      case "pPr":
      case "rPr":
      case "proofErr":
      case "bookmarkStart":
      case "bookmarkEnd":
        break;
      case "p":
        if (out.length) out.push("\n");
        inline(c, out);
        break;
      default:
        inline(c, out); // hyperlink, ins, smartTag, fldSimple, customXml, moveTo, txbxContent…
    }
  }
}

function run(r: XElement, out: string[]): void {
  for (const c of children(r)) {
    if (c.namespaceURI !== W_NS) {
      if (c.localName === "AlternateContent") {
        const choice = children(c)[0];
        if (choice) inline(choice, out);
      }
      continue;
    }
    switch (c.localName) {
      case "t":
        out.push(ownText(c));
        break;
      case "tab":
        out.push("\t");
        break;
      case "br":
      case "cr":
        out.push("\n");
        break;
      case "noBreakHyphen":
        out.push("-");
        break;
      case "sym":
        out.push(symbol(c));
        break;
      case "fldChar":
        out.push(legacyCheckbox(c));
        break;
      case "drawing":
      case "pict":
        inline(c, out);
        break;
      default:
        break; // instrText, delText, rPr, lastRenderedPageBreak…
    }
  }
}

function symbol(sym: XElement): string {
  const font = (attr(sym, W_NS, "font") ?? "").toLowerCase();
  const code = (attr(sym, W_NS, "char") ?? "").toUpperCase().replace(/^F0/, "");
  const table = SYMBOLS[font];
  if (table && table[code]) return table[code];
  const n = parseInt(attr(sym, W_NS, "char") ?? "", 16);
  return Number.isFinite(n) && n >= 0x20 && (n < 0xf000 || n > 0xf0ff)
    ? String.fromCodePoint(n)
    : "";
}

/** FORMCHECKBOX: <w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:checked/>…</w:checkBox></w:ffData>. */
function legacyCheckbox(fld: XElement): string {
  const ff = child(fld, W_NS, "ffData");
  const box = ff ? child(ff, W_NS, "checkBox") : null;
  if (!box) return "";
  const checked = child(box, W_NS, "checked") ?? child(box, W_NS, "default");
  return checked && isOn(attr(checked, W_NS, "val")) ? TICK_ON : TICK_OFF;
}

function contentControl(sdt: XElement, out: string[]): void {
  const pr = child(sdt, W_NS, "sdtPr");
  const content = child(sdt, W_NS, "sdtContent");
  const box = pr ? child(pr, W14_NS, "checkbox") : null;
  if (!box) {
    if (content) inline(content, out);
    return;
  }
  const checked = child(box, W14_NS, "checked");
  out.push(
    checked && isOn(checked.getAttributeNS(W14_NS, "val") ?? checked.getAttribute("w14:val"))
      ? TICK_ON
      : TICK_OFF
  );
  if (content) {
    const inner: string[] = [];
    inline(content, inner);
    out.push(inner.join("").replace(CONTROL_GLYPHS, ""));
  }
}

/** OOXML on/off: absent val means on; "1", "true", "on" are on. */
function isOn(val: string | null): boolean {
  return val === null || val === "" || val === "1" || val === "true" || val === "on";
}
