/**
 * WordprocessingML body → a small model of what a reader of the document SEES: paragraphs and tables of cells (with
 * grid position, horizontal span, vertical-merge continuation and the cell's own paragraphs). Only what Word shows is
 * read:
 * - hidden text (w:vanish on the run, or through its character or paragraph style), deleted revisions (w:del,
 *   w:delText, w:moveFrom, deleted rows and cells) and field codes are left out; inserted revisions (w:ins, w:moveTo)
 *   and field results are shown text;
 * - a content control still showing its placeholder (w:showingPlcHdr, or Word's own "单击或点击此处输入文字。") is
 *   empty.
 * Ticks become glyphs where they are not glyphs already: a w14:checkbox content control becomes ☑ / ☐ from its
 * checked state (not from the glyph it happens to show), a legacy FORMCHECKBOX field likewise, symbol fonts
 * (Wingdings, Wingdings 2, Webdings, Symbol — w:sym, or letters and private-use codes in a run set in that font) their
 * Unicode glyphs (symbols.ts), and a 带圈字符 tick (an EQ \o\ac(□,√) field) ☑.
 */
import { decodeRunText, symbolFont, symbolGlyph, type RunFonts } from "./symbols";
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
  /** The cell's own paragraphs and nested tables, as read (text is these joined by line breaks). */
  blocks: DocBlock[];
}
export type DocBlock = { kind: "p"; text: string } | { kind: "table"; rows: DocCell[][] };

/** Which styles hide their text (w:vanish in the style's run properties, through w:basedOn). */
export interface HiddenStyles {
  /** Paragraph styles: every run of such a paragraph is hidden unless it says otherwise. */
  paragraph: ReadonlySet<string>;
  /** Character styles. */
  character: ReadonlySet<string>;
  /** The document defaults hide text (w:docDefaults/w:rPrDefault). */
  byDefault: boolean;
}

export const NO_HIDDEN_STYLES: HiddenStyles = {
  paragraph: new Set(),
  character: new Set(),
  byDefault: false,
};

/** Glyphs a content control shows for itself, removed when its checked state is emitted instead. */
const CONTROL_GLYPHS = /[☐☑☒□■✓✔√✗✘]/g;

/** The placeholder texts Word and WPS put in content controls, when the showingPlcHdr flag was lost on the way. */
const PLACEHOLDER =
  /^(单击|点击|单击或点击|点击或单击|轻触|单击或轻触)(此处|这里)(以)?输入(文字|文本|日期)?[。.]?$|^(单击或点击|单击|点击)以输入日期[。.]?$|^选择一项[。.]?$|^(click|tap|click or tap) here to enter (text|a date)\.?$|^choose an item\.?$/i;

/** Word's or WPS's own content-control placeholder text ("单击或点击此处输入文字。"), wherever it was left. */
export function isPlaceholderText(text: string): boolean {
  return PLACEHOLDER.test(text.trim());
}

export interface Ctx {
  styles: HiddenStyles;
  /** Inside a content control showing its placeholder: structure is kept, text is not. */
  muted: boolean;
}

export function readBody(
  documentElement: XElement,
  styles: HiddenStyles = NO_HIDDEN_STYLES
): DocBlock[] {
  const body = child(documentElement, W_NS, "body");
  if (!body) return [];
  const out: DocBlock[] = [];
  readBlocks(body, out, { styles, muted: false });
  return out;
}

function readBlocks(container: XElement, out: DocBlock[], ctx: Ctx): void {
  // a paragraph whose mark is deleted or hidden runs on into the next one, as Word shows it
  let carry = "";
  for (const el of children(container)) {
    if (el.namespaceURI !== W_NS) continue;
    switch (el.localName) {
      case "p": {
        const text = carry + paragraphText(el, ctx);
        if (markJoinsNext(el)) carry = text;
        else {
          carry = "";
          out.push({ kind: "p", text });
        }
        break;
      }
      case "tbl":
        flush();
        out.push({ kind: "table", rows: readTable(el, ctx) });
        break;
      case "sdt": {
        const content = child(el, W_NS, "sdtContent");
        if (content) readBlocks(content, out, controlCtx(el, ctx));
        break;
      }
      case "customXml":
      case "ins":
      case "moveTo":
        readBlocks(el, out, ctx);
        break;
      default:
        break; // sectPr, del, moveFrom, bookmarks…
    }
  }
  flush();

  function flush(): void {
    if (carry !== "") out.push({ kind: "p", text: carry });
    carry = "";
  }
}

/** The paragraph mark is deleted (tracked) or hidden: Word runs the paragraph on into the next. */
function markJoinsNext(p: XElement): boolean {
  const pPr = child(p, W_NS, "pPr");
  const rPr = pPr ? child(pPr, W_NS, "rPr") : null;
  if (!rPr) return false;
  if (child(rPr, W_NS, "del") || child(rPr, W_NS, "moveFrom")) return true;
  const vanish = child(rPr, W_NS, "vanish");
  return !!vanish && isOn(attr(vanish, W_NS, "val"));
}

function controlCtx(sdt: XElement, ctx: Ctx): Ctx {
  const pr = child(sdt, W_NS, "sdtPr");
  return pr && child(pr, W_NS, "showingPlcHdr") ? { ...ctx, muted: true } : ctx;
}

function readTable(tbl: XElement, ctx: Ctx): DocCell[][] {
  const rows: DocCell[][] = [];
  for (const { tr, ctx: rowCtx } of rowElements(tbl, ctx)) {
    const trPr = child(tr, W_NS, "trPr");
    if (trPr && child(trPr, W_NS, "del")) continue; // a deleted row (tracked)
    const before = trPr ? child(trPr, W_NS, "gridBefore") : null;
    let col = before ? Number(attr(before, W_NS, "val")) || 0 : 0;
    const row: DocCell[] = [];
    for (const { tc, ctx: cellCtx } of cellElements(tr, rowCtx)) {
      const tcPr = child(tc, W_NS, "tcPr");
      const spanEl = tcPr ? child(tcPr, W_NS, "gridSpan") : null;
      const span = Math.max(1, spanEl ? Number(attr(spanEl, W_NS, "val")) || 1 : 1);
      if (tcPr && child(tcPr, W_NS, "cellDel")) continue; // a deleted cell (tracked)
      const vMerge = tcPr ? child(tcPr, W_NS, "vMerge") : null;
      const merged = !!vMerge && (attr(vMerge, W_NS, "val") ?? "continue") !== "restart";
      const blocks: DocBlock[] = [];
      readBlocks(tc, blocks, cellCtx);
      row.push({ text: blocks.map(blockText).join("\n"), gridCol: col, span, merged, blocks });
      col += span;
    }
    rows.push(row);
  }
  return rows;
}

function rowElements(tbl: XElement, ctx: Ctx): Array<{ tr: XElement; ctx: Ctx }> {
  const out: Array<{ tr: XElement; ctx: Ctx }> = [];
  for (const el of children(tbl)) {
    if (isEl(el, W_NS, "tr")) out.push({ tr: el, ctx });
    else if (isEl(el, W_NS, "sdt")) {
      const content = child(el, W_NS, "sdtContent");
      if (content) out.push(...rowElements(content, controlCtx(el, ctx)));
    } else if (isEl(el, W_NS, "customXml") || isEl(el, W_NS, "ins") || isEl(el, W_NS, "moveTo"))
      out.push(...rowElements(el, ctx));
  }
  return out;
}

function cellElements(tr: XElement, ctx: Ctx): Array<{ tc: XElement; ctx: Ctx }> {
  const out: Array<{ tc: XElement; ctx: Ctx }> = [];
  for (const el of children(tr)) {
    if (isEl(el, W_NS, "tc")) out.push({ tc: el, ctx });
    else if (isEl(el, W_NS, "sdt")) {
      const content = child(el, W_NS, "sdtContent");
      if (content) out.push(...cellElements(content, controlCtx(el, ctx)));
    } else if (isEl(el, W_NS, "customXml") || isEl(el, W_NS, "ins") || isEl(el, W_NS, "moveTo"))
      out.push(...cellElements(el, ctx));
  }
  return out;
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

// ---------------------------------------------------------------------------------------------------------------
// Paragraph text

/** A field being read: its code (between begin and separate) and whether its result is shown. */
interface Field {
  phase: "code" | "result";
  code: string;
  /** The field already put its glyph out (a check box, a 带圈字符 tick): its result is not read again. */
  done: boolean;
}

interface Inline {
  out: string[];
  ctx: Ctx;
  /** The paragraph's style hides its runs. */
  styleHidden: boolean;
  fields: Field[];
}

export function paragraphText(
  p: XElement,
  ctx: Ctx = { styles: NO_HIDDEN_STYLES, muted: false }
): string {
  const st: Inline = { out: [], ctx, styleHidden: paragraphStyleHidden(p, ctx.styles), fields: [] };
  inline(p, st);
  return st.out.join("");
}

function paragraphStyleHidden(p: XElement, styles: HiddenStyles): boolean {
  if (styles.paragraph.size === 0) return styles.byDefault;
  const pPr = child(p, W_NS, "pPr");
  const ps = pPr ? child(pPr, W_NS, "pStyle") : null;
  const id = ps ? attr(ps, W_NS, "val") : null;
  return id !== null && styles.paragraph.has(id) ? true : styles.byDefault;
}

/** Text is shown here: not in a field's code, not in a field whose glyph is already out, not muted. */
function showing(st: Inline): boolean {
  if (st.ctx.muted) return false;
  for (const f of st.fields) if (f.phase === "code" || f.done) return false;
  return true;
}

function inline(el: XElement, st: Inline): void {
  for (const c of children(el)) {
    if (c.namespaceURI !== W_NS) {
      if (c.localName === "AlternateContent") {
        const choice = children(c)[0];
        if (choice) inline(choice, st);
      } else inline(c, st);
      continue;
    }
    switch (c.localName) {
      case "r":
        run(c, st);
        break;
      case "sdt":
        contentControl(c, st);
        break;
      case "fldSimple":
        simpleField(c, st);
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
        if (st.out.length) st.out.push("\n");
        inline(c, st);
        break;
      default:
        inline(c, st); // hyperlink, ins, moveTo, smartTag, customXml, txbxContent…
    }
  }
}

function emit(st: Inline, text: string): void {
  if (text !== "" && showing(st)) st.out.push(text);
}

function run(r: XElement, st: Inline): void {
  const rPr = child(r, W_NS, "rPr");
  const hidden = runHidden(rPr, st);
  const fonts = runFonts(rPr);
  for (const c of children(r)) {
    if (c.namespaceURI !== W_NS) {
      if (c.localName === "AlternateContent" && !hidden) {
        const choice = children(c)[0];
        if (choice) inline(choice, st);
      }
      continue;
    }
    switch (c.localName) {
      case "fldChar":
        fieldChar(c, st, hidden);
        break;
      case "instrText": {
        const f = st.fields[st.fields.length - 1];
        if (f && f.phase === "code") f.code += decodeRunText(ownText(c), fonts);
        break;
      }
      case "t":
        if (!hidden) emit(st, decodeRunText(ownText(c), fonts));
        break;
      case "tab":
        if (!hidden) emit(st, "\t");
        break;
      case "br":
      case "cr":
        if (!hidden) emit(st, "\n");
        break;
      case "noBreakHyphen":
        if (!hidden) emit(st, "-");
        break;
      case "sym":
        if (!hidden) emit(st, symbol(c));
        break;
      case "drawing":
      case "pict":
        if (!hidden) inline(c, st);
        break;
      case "ruby": {
        // phonetic guide: the base text is the text; the guide (w:rt) is not
        const base = child(c, W_NS, "rubyBase");
        if (base && !hidden) inline(base, st);
        break;
      }
      default:
        break; // delText, delInstrText, rPr, lastRenderedPageBreak…
    }
  }
}

/** w:vanish on the run, else its character style, else its paragraph's style (an explicit val="0" shows it). */
function runHidden(rPr: XElement | null, st: Inline): boolean {
  if (rPr) {
    const vanish = child(rPr, W_NS, "vanish");
    if (vanish) return isOn(attr(vanish, W_NS, "val"));
    if (st.ctx.styles.character.size > 0) {
      const rs = child(rPr, W_NS, "rStyle");
      const id = rs ? attr(rs, W_NS, "val") : null;
      if (id !== null && st.ctx.styles.character.has(id)) return true;
    }
  }
  return st.styleHidden;
}

function runFonts(rPr: XElement | null): RunFonts | null {
  const f = rPr ? child(rPr, W_NS, "rFonts") : null;
  if (!f) return null;
  const ascii = symbolFont(attr(f, W_NS, "ascii"));
  const hAnsi = symbolFont(attr(f, W_NS, "hAnsi"));
  const eastAsia = symbolFont(attr(f, W_NS, "eastAsia"));
  return ascii || hAnsi || eastAsia ? { ascii, hAnsi, eastAsia } : null;
}

function symbol(sym: XElement): string {
  const raw = attr(sym, W_NS, "char") ?? "";
  const n = parseInt(raw, 16);
  if (!Number.isFinite(n)) return "";
  const table = symbolFont(attr(sym, W_NS, "font"));
  if (table) return symbolGlyph(table, n);
  return n >= 0x20 && (n < 0xe000 || n > 0xf8ff) ? String.fromCodePoint(n) : "";
}

// ---------------------------------------------------------------------------------------------------------------
// Fields: FORMCHECKBOX, 带圈字符 (EQ \o\ac), and the shown result of any other field

function fieldChar(fld: XElement, st: Inline, hidden: boolean): void {
  const type = attr(fld, W_NS, "fldCharType");
  if (type === "begin") {
    const box = legacyCheckbox(fld);
    if (box && !hidden) emit(st, box);
    st.fields.push({ phase: "code", code: "", done: box !== "" });
  } else if (type === "separate") {
    const f = st.fields[st.fields.length - 1];
    if (f && f.phase === "code") endCode(f, st, hidden);
  } else if (type === "end") {
    const f = st.fields.pop();
    if (f && f.phase === "code") endCode(f, st, hidden);
  }
}

/** The code is complete: an EQ tick puts its glyph out, in place of the result Word may have cached. */
function endCode(f: Field, st: Inline, hidden: boolean): void {
  f.phase = "result";
  if (f.done) return;
  const glyph = eqGlyph(f.code);
  if (glyph === null) return;
  if (!hidden) emit(st, glyph);
  f.done = true;
}

function simpleField(fld: XElement, st: Inline): void {
  const glyph = eqGlyph(attr(fld, W_NS, "instr") ?? "");
  if (glyph === null) inline(fld, st);
  else emit(st, glyph);
}

const TICK_CHARS = /[√✓✔☑✅🗸🗹]/u;
const CROSS_CHARS = /[×✗✘☒⌧🗴🗵🗶🗷]/u;
const BOX_CHARS = /[□☐○◯◻▢❑⬜◇]/gu;

/**
 * What an EQ field shows, when it is a 带圈字符 or overstrike (\o, \o\ac, \o\al…): the enclosure and the character it
 * encloses, read as one glyph — a box or circle around a tick is ☑, around a cross ☒, an empty one ☐; another
 * enclosed character is that character. null for any other field.
 */
export function eqGlyph(code: string): string | null {
  const m = /^\s*eq\s+(.*)$/is.exec(code);
  if (!m || !/\\o/i.test(m[1])) return null;
  // drop the switches (\o \ac \s \up 6 …), brackets and separators: the characters drawn remain
  const drawn = m[1].replace(/\\[a-z]+\s*-?\d*/gi, "").replace(/[(),，\s]/g, "");
  const tick = TICK_CHARS.test(drawn);
  const cross = CROSS_CHARS.test(drawn);
  const inside = drawn.replace(BOX_CHARS, "");
  const box = inside !== drawn;
  if (tick) return box ? TICK_ON : "√";
  if (cross) return box ? "☒" : "×";
  if (box) return inside === "" ? TICK_OFF : inside;
  return drawn;
}

/** FORMCHECKBOX: <w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:checked/>…</w:checkBox></w:ffData>. */
function legacyCheckbox(fld: XElement): string {
  const ff = child(fld, W_NS, "ffData");
  const box = ff ? child(ff, W_NS, "checkBox") : null;
  if (!box) return "";
  const checked = child(box, W_NS, "checked") ?? child(box, W_NS, "default");
  return checked && isOn(attr(checked, W_NS, "val")) ? TICK_ON : TICK_OFF;
}

// ---------------------------------------------------------------------------------------------------------------
// Content controls

function contentControl(sdt: XElement, st: Inline): void {
  const pr = child(sdt, W_NS, "sdtPr");
  const content = child(sdt, W_NS, "sdtContent");
  const box = pr ? child(pr, W14_NS, "checkbox") : null;
  if (box) {
    const checked = child(box, W14_NS, "checked");
    emit(
      st,
      checked && isOn(checked.getAttributeNS(W14_NS, "val") ?? checked.getAttribute("w14:val"))
        ? TICK_ON
        : TICK_OFF
    );
    if (content) {
      const inner: Inline = { ...st, out: [], fields: [] };
      inline(content, inner);
      emit(st, inner.out.join("").replace(CONTROL_GLYPHS, ""));
    }
    return;
  }
  if (!content || (pr && child(pr, W_NS, "showingPlcHdr"))) return; // a placeholder: nothing filled in
  const inner: Inline = { ...st, out: [], fields: [] };
  inline(content, inner);
  const text = inner.out.join("");
  if (!isPlaceholderText(text)) emit(st, text);
}

/** OOXML on/off: absent val means on; "1", "true", "on" are on. */
function isOn(val: string | null): boolean {
  return val === null || val === "" || val === "1" || val === "true" || val === "on";
}

// ---------------------------------------------------------------------------------------------------------------
// Styles that hide text

/** The hidden paragraph and character styles of word/styles.xml (w:vanish in a style's rPr, through w:basedOn). */
export function readHiddenStyles(stylesRoot: XElement): HiddenStyles {
  interface Style {
    type: string;
    basedOn: string | null;
    vanish: boolean | null;
  }
  const styles = new Map<string, Style>();
  let byDefault = false;
  for (const el of children(stylesRoot)) {
    if (isEl(el, W_NS, "docDefaults")) {
      const rd = child(el, W_NS, "rPrDefault");
      const rPr = rd ? child(rd, W_NS, "rPr") : null;
      const v = rPr ? child(rPr, W_NS, "vanish") : null;
      byDefault = !!v && isOn(attr(v, W_NS, "val"));
      continue;
    }
    if (!isEl(el, W_NS, "style")) continue;
    const id = attr(el, W_NS, "styleId");
    if (!id) continue;
    const based = child(el, W_NS, "basedOn");
    const rPr = child(el, W_NS, "rPr");
    const v = rPr ? child(rPr, W_NS, "vanish") : null;
    styles.set(id, {
      type: attr(el, W_NS, "type") ?? "paragraph",
      basedOn: based ? attr(based, W_NS, "val") : null,
      vanish: v ? isOn(attr(v, W_NS, "val")) : null,
    });
  }
  const hidden = (id: string): boolean => {
    const seen = new Set<string>();
    for (let s = styles.get(id); s; s = s.basedOn ? styles.get(s.basedOn) : undefined) {
      if (s.vanish !== null) return s.vanish;
      if (!s.basedOn || seen.has(s.basedOn)) break;
      seen.add(s.basedOn);
    }
    return byDefault;
  };
  const paragraph = new Set<string>();
  const character = new Set<string>();
  for (const [id, s] of styles) {
    if (!hidden(id)) continue;
    if (s.type === "character") character.add(id);
    else if (s.type === "paragraph") paragraph.add(id);
  }
  return { paragraph, character, byDefault };
}
