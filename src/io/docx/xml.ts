/**
 * Safe XML parsing for OOXML parts. Word, WPS and LibreOffice never write a document type declaration, so any
 * <!DOCTYPE> (the carrier of external-entity and entity-expansion attacks) is refused before the parser sees it.
 * @xmldom/xmldom never resolves external entities or fetches anything; parse errors are turned into XmlError.
 */
import type * as XmlDom from "@xmldom/xmldom";
import { errorMessage } from "../../core/errors";

let xmldom: typeof XmlDom | null = null;

/**
 * The parser's module, loaded on the first Word part: its start-up (about 10 ms, mostly freezing its entity table)
 * is never paid by a command that reads only workbooks. A plain require, so that every bundle keeps it in the same
 * chunk and loads it synchronously.
 */
function domParser(): typeof XmlDom.DOMParser {
  xmldom ??= require("@xmldom/xmldom") as typeof XmlDom;
  return xmldom.DOMParser;
}

export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml";
export const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Strict OOXML (ISO/IEC 29500 Strict) names the same vocabularies under purl.oclc.org. */
const STRICT: ReadonlyArray<[RegExp, string]> = [
  [/http:\/\/purl\.oclc\.org\/ooxml\/wordprocessingml\/main/g, W_NS],
  [/http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships(?=["'/])/g, R_NS],
];

/**
 * A Strict part read as Transitional: the Strict namespace names are replaced by the Transitional ones, so one reader
 * serves both (the element and attribute names are the same).
 */
export function strictToTransitional(text: string): string {
  if (!text.includes("purl.oclc.org/ooxml/")) return text;
  let out = text;
  for (const [re, ns] of STRICT) out = out.replace(re, ns);
  return out;
}

export class XmlError extends Error {
  constructor(
    readonly kind: "doctype" | "malformed",
    message: string
  ) {
    super(message);
    this.name = "XmlError";
  }
}

/** Minimal structural view of the DOM nodes we walk (xmldom's and the browser's both satisfy it). */
export interface XElement {
  readonly nodeType: number;
  readonly localName: string | null;
  readonly namespaceURI: string | null;
  readonly childNodes: ArrayLike<XNode>;
  readonly firstChild?: XNode | null;
  getAttributeNS(ns: string | null, name: string): string | null;
  getAttribute(name: string): string | null;
}
export interface XNode {
  readonly nodeType: number;
  readonly localName?: string | null;
  readonly namespaceURI?: string | null;
  readonly nodeValue?: string | null;
  readonly childNodes?: ArrayLike<XNode>;
}

const ELEMENT = 1;

export function decodeUtf8(bytes: Uint8Array): string {
  // fatal: a part that is not UTF-8 is damaged; UTF-16 parts (legal but rare) carry a BOM
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new XmlError("malformed", "内容不是有效的 UTF-8 文本");
  }
}

export function parseXml(text: string, part: string): XElement {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new XmlError(
      "doctype",
      `${part} 含有 DOCTYPE / ENTITY 声明（Word 从不写入，可能是恶意构造的外部实体攻击），已拒绝读取`
    );
  }
  let fatal = "";
  const DOMParser = domParser();
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning" && !fatal) fatal = message;
    },
  });
  let doc: { documentElement: unknown };
  try {
    doc = parser.parseFromString(text, "text/xml") as unknown as { documentElement: unknown };
  } catch (e) {
    throw new XmlError("malformed", `${part} 不是合法的 XML：${errorMessage(e)}`);
  }
  if (fatal || !doc.documentElement)
    throw new XmlError("malformed", `${part} 不是合法的 XML：${fatal.split("\n")[0]}`);
  return doc.documentElement as XElement;
}

export function isEl(node: XNode | null | undefined, ns: string, local: string): node is XElement {
  return (
    !!node && node.nodeType === ELEMENT && node.localName === local && node.namespaceURI === ns
  );
}

export function children(el: XElement): XElement[] {
  const out: XElement[] = [];
  const list = el.childNodes;
  for (let i = 0; i < list.length; i++) {
    const n = list[i];
    if (n.nodeType === ELEMENT) out.push(n as unknown as XElement);
  }
  return out;
}

export function child(el: XElement, ns: string, local: string): XElement | null {
  const list = el.childNodes;
  for (let i = 0; i < list.length; i++)
    if (isEl(list[i], ns, local)) return list[i] as unknown as XElement;
  return null;
}

/** First descendant with that name (depth-first), or null. */
export function descendant(el: XElement, ns: string, local: string): XElement | null {
  for (const c of children(el)) {
    if (c.localName === local && c.namespaceURI === ns) return c;
    const d = descendant(c, ns, local);
    if (d) return d;
  }
  return null;
}

/** w:val-style attribute: namespaced first, then plain (some writers drop the prefix). */
export function attr(el: XElement, ns: string, name: string): string | null {
  return el.getAttributeNS(ns, name) ?? el.getAttribute(name);
}

/** Text of all text-node children (for w:t, w:instrText). */
export function ownText(el: XElement): string {
  let s = "";
  const list = el.childNodes;
  for (let i = 0; i < list.length; i++) {
    const n = list[i];
    if (n.nodeType === 3 || n.nodeType === 4) s += n.nodeValue ?? "";
  }
  return s;
}
