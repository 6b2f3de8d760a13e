/**
 * A small, allocation-light XML scanner for the SpreadsheetML parts we read (workbook, relationships, shared strings,
 * styles, worksheets). No DOM and no DTD: a part that declares <!DOCTYPE> or <!ENTITY> is refused before anything
 * is read from it, so external entities and entity expansion can never happen. Only the five predefined entities
 * and numeric character references are decoded.
 */

/**
 * A part we refuse or cannot make sense of; the message is Chinese and names the part. "limit": a worksheet with more
 * rows or cells than the reader takes (its reader makes the message, with the real figures).
 */
export class PartError extends Error {
  constructor(
    readonly kind: "doctype" | "corrupt" | "timeout" | "limit",
    message: string
  ) {
    super(message);
    this.name = "PartError";
  }
}

/** Throws PartError('doctype') when the part carries a DTD. */
export function refuseDoctype(text: string, part: string): void {
  // a DOCTYPE, which alone can declare entities, stands in the prolog: the text is read only up to the root element
  // (not through megabytes of worksheet), past the XML declaration, processing instructions and comments
  let p = 0;
  for (;;) {
    const lt = text.indexOf("<", p);
    if (lt < 0) return;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) p = endOf(text, "?>", lt + 2);
    else if (text.startsWith("<!--", lt)) p = endOf(text, "-->", lt + 4);
    else if (next === 0x21 /* ! */ && /^<!(?:DOCTYPE|ENTITY)/i.test(text.slice(lt, lt + 9))) {
      throw new PartError(
        "doctype",
        `${part} 含有 DOCTYPE / ENTITY 声明（Excel、WPS 从不写入，可能是恶意构造的外部实体攻击），已拒绝读取`
      );
    } else return;
    if (p < 0) return;
  }
}

/** Where the first `close` at or after `from` ends; -1 when there is none. */
function endOf(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  return at < 0 ? -1 : at + close.length;
}

/** Bytes of a part as text: UTF-8 (BOM dropped), or UTF-16 when a BOM says so. */
export function partText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

/**
 * Text that outlives the part it was read from, as its own string: V8 makes a substring of 13 or more characters a
 * view of the whole part's text, so one kept cell would keep the whole decoded part (megabytes) alive.
 */
export function ownText(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The character(s) of one reference body ("#25252", "#x41", "amp"); null when it is not one we decode. */
function referenced(s: string, from: number, to: number): string | null {
  if (s.charCodeAt(from) !== 35 /* # */) return NAMED[s.slice(from, to)] ?? null;
  let code = 0;
  const hex = s.charCodeAt(from + 1) === 120 || s.charCodeAt(from + 1) === 88;
  let i = hex ? from + 2 : from + 1;
  if (i >= to) return null;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (hex && c >= 97 && c <= 102) d = c - 87;
    else if (hex && c >= 65 && c <= 70) d = c - 55;
    else return null;
    code = code * (hex ? 16 : 10) + d;
    if (code > 0x10ffff) return "";
  }
  if (code === 0) return "";
  return code <= 0xffff ? String.fromCharCode(code) : String.fromCodePoint(code);
}

/** Decode the predefined entities and character references (an unknown name is left as written). */
export function decodeEntities(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let last = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 2);
    if (semi < 0) break;
    const ch = semi - amp <= 10 ? referenced(s, amp + 1, semi) : null;
    if (ch === null) {
      amp = s.indexOf("&", amp + 1);
      continue;
    }
    out += s.slice(last, amp) + ch;
    last = semi + 1;
    amp = s.indexOf("&", last);
  }
  return last === 0 ? s : out + s.slice(last);
}

const EXCEL_ESCAPE_RE = /_x([0-9A-Fa-f]{4})_/g;

/** Excel's own escape for characters XML cannot hold: "_x000D_" → CR; "_x005F_x0041_" → "_x0041_". */
export function decodeExcelEscapes(s: string): string {
  return s.indexOf("_x") < 0
    ? s
    : s.replace(EXCEL_ESCAPE_RE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Where one attribute of a start tag lies: its local name (prefix dropped) and its value (without the quotes). */
export interface AttrSpan {
  local: number;
  nameEnd: number;
  value: number;
  valueEnd: number;
}

/**
 * The next attribute of the start tag `xml[from, to)` into `span`: the index just past it, or -1 when there is none
 * (or the markup breaks off). Nothing is sliced out of the part.
 */
export function nextAttr(xml: string, from: number, to: number, span: AttrSpan): number {
  let i = from;
  while (i < to && isSpace(xml.charCodeAt(i))) i++;
  let local = i;
  let k = i;
  for (; k < to; k++) {
    const c = xml.charCodeAt(k);
    if (c === 61 /* = */ || isSpace(c)) break;
    if (c === 58 /* : */) local = k + 1;
  }
  const eq = xml.indexOf("=", k);
  if (eq < 0 || eq >= to) return -1;
  let q = eq + 1;
  while (q < to && isSpace(xml.charCodeAt(q))) q++;
  const quote = xml.charCodeAt(q);
  if (quote !== 34 && quote !== 39) return -1;
  const close = xml.indexOf(quote === 34 ? '"' : "'", q + 1);
  if (close < 0 || close >= to) return -1;
  span.local = local;
  span.nameEnd = k;
  span.value = q + 1;
  span.valueEnd = close;
  return close + 1;
}

/**
 * All attributes of the start tag `xml[from, to)` in one pass: each whose local name is a key of `out` is stored
 * (decoded); the others are skipped. The caller resets `out` beforehand. `keys` are the keys of `out` (hot callers
 * pass them: the names are compared in place, no name is sliced out of the part).
 */
export function attrsInto(
  xml: string,
  from: number,
  to: number,
  out: Record<string, string | null>,
  keys: readonly string[] = Object.keys(out)
): void {
  const span: AttrSpan = { local: 0, nameEnd: 0, value: 0, valueEnd: 0 };
  for (let i = nextAttr(xml, from, to, span); i >= 0; i = nextAttr(xml, i, to, span)) {
    const key = keyAt(xml, span.local, span.nameEnd, keys);
    if (key !== null) out[key] = decodeEntities(xml.slice(span.value, span.valueEnd));
  }
}

/** The key that `xml[from, to)` spells, or null. */
function keyAt(xml: string, from: number, to: number, keys: readonly string[]): string | null {
  const n = to - from;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key.length === n && xml.startsWith(key, from)) return key;
  }
  return null;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** One tag found by nextTag: its local name, where its attributes lie, and how it ends. */
export interface Tag {
  /** Local name (prefix dropped), '' for comments, processing instructions and CDATA. */
  name: string;
  /** '</name>' */
  closing: boolean;
  /** '<name …/>' */
  selfClosing: boolean;
  /** Index of '<'. */
  start: number;
  /** Index just past the name: attributes lie in [attrs, end). */
  attrs: number;
  /** Index of the tag's '>' (for a self-closing tag, '/' is at end - 1). */
  end: number;
}

/** Fills `tag` with the next tag at or after `pos`, before `limit`; false when there is none. Reuses `tag`. */
export function nextTag(xml: string, pos: number, limit: number, tag: Tag): boolean {
  const lt = xml.indexOf("<", pos);
  if (lt < 0 || lt >= limit) return false;
  tag.start = lt;
  const c1 = xml.charCodeAt(lt + 1);
  if (c1 === 33 /* ! */ || c1 === 63 /* ? */) {
    const close = xml.startsWith("<!--", lt)
      ? "-->"
      : xml.startsWith("<![CDATA[", lt)
        ? "]]>"
        : c1 === 63
          ? "?>"
          : ">";
    const e = xml.indexOf(close, lt + 2);
    tag.name = "";
    tag.closing = false;
    tag.selfClosing = true;
    tag.attrs = lt;
    tag.end = e < 0 ? limit : e + close.length - 1;
    return true;
  }
  const closing = c1 === 47; /* / */
  let k = closing ? lt + 2 : lt + 1;
  let local = k;
  for (;;) {
    const c = xml.charCodeAt(k);
    if (c === 58 /* : */) local = k + 1;
    else if (c === 62 || c === 47 || isSpace(c) || Number.isNaN(c)) break;
    k++;
  }
  tag.name = xml.slice(local, k);
  tag.closing = closing;
  tag.attrs = k;
  const gt = tagEnd(xml, k);
  tag.end = gt < 0 ? limit : gt;
  tag.selfClosing = !closing && gt > 0 && xml.charCodeAt(gt - 1) === 47;
  return true;
}

/** Index of the '>' that ends a start tag whose attributes begin at `k`, skipping quoted values. */
function tagEnd(xml: string, k: number): number {
  const n = xml.length;
  for (let i = k; i < n; i++) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      const close = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/**
 * The character data of an element whose start tag ends at `from` (index of its '>'), up to its end tag, decoded;
 * nested markup is skipped, CDATA sections are taken as written. Returns the text and the index of the end tag.
 */
export function elementText(
  xml: string,
  from: number,
  name: string,
  limit: number
): { text: string; end: number } {
  let pos = from + 1;
  let lt = xml.indexOf("<", pos);
  if (lt < 0 || lt >= limit) throw new PartError("corrupt", `元素 <${name}> 没有结束`);
  // fast path: plain text straight up to the end tag
  if (xml.charCodeAt(lt + 1) === 47) return { text: decodeEntities(xml.slice(pos, lt)), end: lt };
  let text = "";
  const tag: Tag = { name: "", closing: false, selfClosing: false, start: 0, attrs: 0, end: 0 };
  let depth = 0;
  for (;;) {
    if (lt < 0 || lt >= limit) throw new PartError("corrupt", `元素 <${name}> 没有结束`);
    text += decodeEntities(xml.slice(pos, lt));
    if (xml.startsWith("<![CDATA[", lt)) {
      const e = xml.indexOf("]]>", lt + 9);
      if (e < 0) throw new PartError("corrupt", `元素 <${name}> 中的 CDATA 没有结束`);
      text += xml.slice(lt + 9, e);
      pos = e + 3;
    } else {
      nextTag(xml, lt, limit, tag);
      if (tag.closing) {
        if (depth === 0) return { text, end: lt };
        depth--;
      } else if (tag.name !== "" && !tag.selfClosing) depth++;
      pos = tag.end + 1;
    }
    lt = xml.indexOf("<", pos);
  }
}
