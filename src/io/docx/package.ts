/**
 * Opening a Word package (.docx / .docm, Transitional or Strict) down to the model of what it shows: the guarded
 * central directory (src/io/zip.ts: sizes, ratios, one reading only), the main document found through _rels/.rels, the
 * styles that hide text, then docxModel. Only document.xml and styles.xml are ever inflated; relationships to external
 * targets are never followed. Every failure is a ZipError or XmlError that failureMessage turns into Chinese.
 */
import { errorMessage } from "../../core/errors";
import { DEFAULT_LIMITS, formatBytes, type InputLimits } from "../limits";
import { isEncryptedOle } from "../sniff";
import { listZip, partKey, readZipEntry, ZipError, type ZipEntry } from "../zip";
import {
  readBody,
  readHiddenStyles,
  NO_HIDDEN_STYLES,
  type DocBlock,
  type HiddenStyles,
} from "./docxModel";
import { sniffDocFormat } from "./sniff";
import { decodeUtf8, parseXml, strictToTransitional, XmlError, type XElement } from "./xml";

export interface DocxLimits {
  /** Largest .docx file accepted. */
  maxBytes: number;
  /** Largest uncompressed part we inflate (document.xml). */
  maxEntryBytes: number;
  /** Largest sum of the declared uncompressed sizes of all parts. */
  maxTotalBytes: number;
  /** Largest compression ratio for a part over 1 MB. */
  maxRatio: number;
  /**
   * Largest number of XML elements in the main document: what the parsed model costs (about 600 bytes each). A form
   * has about a thousand; a 32 MB document of one pasted paragraph, about a million (600 MB parsed).
   */
  maxElements: number;
}

/** From the shared input limits (src/io/limits.ts); the ratio guard is the .docx reader's own. */
export const DEFAULT_DOCX_LIMITS: DocxLimits = {
  maxBytes: DEFAULT_LIMITS.maxFileBytes,
  maxEntryBytes: DEFAULT_LIMITS.maxEntryBytes,
  maxTotalBytes: DEFAULT_LIMITS.maxUncompressedBytes,
  maxRatio: 200,
  maxElements: 200_000,
};

/** The .docx reader's limits from the shared input limit settings. */
export function docxLimitsFrom(limits: Partial<InputLimits>): Partial<DocxLimits> {
  const out: Partial<DocxLimits> = {};
  if (limits.maxFileBytes !== undefined) out.maxBytes = limits.maxFileBytes;
  if (limits.maxEntryBytes !== undefined) out.maxEntryBytes = limits.maxEntryBytes;
  if (limits.maxUncompressedBytes !== undefined) out.maxTotalBytes = limits.maxUncompressedBytes;
  return out;
}

export const SAVE_AS = "用 Word 或 WPS 打开后“另存为” Word 文档（*.docx）再导入";

/** What the document shows, or the Chinese reason it cannot be read. */
export type OpenedWord = { ok: true; blocks: DocBlock[] } | { ok: false; message: string };

/** Open a Word document. Never throws for a bad file. */
export function openWordDocument(bytes: Uint8Array, limits: DocxLimits): OpenedWord {
  try {
    if (bytes.length > limits.maxBytes) {
      return {
        ok: false,
        message: `文件有 ${formatBytes(bytes.length)}，超过 Word 文档 ${formatBytes(limits.maxBytes)} 的上限：请删去大图片或附件后另存再导入`,
      };
    }
    const rejected = rejectFormat(bytes);
    if (rejected) return { ok: false, message: rejected };
    const { document, styles } = readParts(bytes, limits);
    return { ok: true, blocks: readBody(document, styles) };
  } catch (e) {
    return { ok: false, message: failureMessage(e) };
  }
}

/** The main document holds more elements than the limit. */
class TooManyElements extends Error {
  constructor(
    readonly part: string,
    readonly limit: number
  ) {
    super(`${part}: more than ${limit} elements`);
  }
}

/** Start tags in XML text (a '<' before a name), counted up to just past `stop`. */
function countElements(xml: string, stop: number): number {
  let n = 0;
  for (let i = xml.indexOf("<"); i >= 0 && n <= stop; i = xml.indexOf("<", i + 1)) {
    const c = xml.charCodeAt(i + 1);
    // letters, '_' and ':' start names; '/', '?', '!' start end tags, declarations and comments
    if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) n++;
    else if (c === 0x5f || c === 0x3a || c > 0x7f) n++;
  }
  return n;
}

/** The Chinese FILE message for an error raised while opening a Word package. */
function failureMessage(e: unknown): string {
  if (e instanceof TooManyElements)
    return `文件正文（${e.part}）的 XML 元素超过 ${e.limit} 个（一份申报表约一千个）：内容过多或结构异常（例如整篇报告粘贴成一个段落），已拒绝读取：请删去申报表以外的内容，${SAVE_AS}`;
  if (e instanceof ZipError) {
    if (e.kind === "encrypted")
      return `文件已加密（${e.message}），无法读取：请取消密码后${SAVE_AS}`;
    if (e.kind === "bomb")
      return `文件结构异常，已拒绝读取：${e.message}。请让申报单位重新另存为 .docx`;
    if (e.kind === "ambiguous")
      return `文件结构异常，已拒绝读取：${e.message}。请让报送单位用 Word 或 WPS 重新另存为 .docx 后再发送`;
    return `文件已损坏或不完整，无法读取：${e.message}。请让报送单位重新发送，或${SAVE_AS}`;
  }
  if (e instanceof XmlError) {
    if (e.kind === "doctype")
      return `文件内容异常，已拒绝读取：${e.message}。请让报送单位用 Word 或 WPS 重新另存为 .docx`;
    return `文件已损坏，无法读取：${e.message}。请让报送单位重新发送，或${SAVE_AS}`;
  }
  if (e instanceof RangeError && /call stack/i.test(e.message))
    return "文件结构异常（内容嵌套层次过深，Word 不会这样保存），已拒绝读取：请让报送单位用 Word 或 WPS 重新另存为 .docx";
  return `文件无法读取（${errorMessage(e)}）：请${SAVE_AS}`;
}

/** A message for everything that is not a .docx package, or null to go on. */
function rejectFormat(bytes: Uint8Array): string | null {
  switch (sniffDocFormat(bytes)) {
    case "docx":
      return null;
    case "empty":
      return "文件是空的（0 字节或只有空白），可能复制或下载未完成：请让报送单位重新发送";
    case "ole":
      return isEncryptedOle(bytes)
        ? `文件设置了打开密码（已加密），无法读取：请取消密码后${SAVE_AS}`
        : `文件是旧版 Word 97-2003（.doc）或 WPS（.wps）格式，无法读取表格和勾选项：请${SAVE_AS}`;
    case "pdf":
      return `文件是 PDF，无法读取表格和勾选项：请向报送单位索取 Word 版原件（*.docx），盖章扫描件另行报送`;
    case "rtf":
      return `文件是 RTF 格式：请${SAVE_AS}`;
    case "image":
      return `文件是图片（扫描件或照片），无法读取内容：请向报送单位索取 Word 版原件（*.docx）`;
    case "zip":
      return "文件是 ZIP 压缩包，但不是 Word 文档（可能是 Excel 表格或打包的附件）：请解压后导入其中的 .docx 文件";
    default:
      return `文件不是 Word 文档（.docx），也不是可识别的其他格式：请${SAVE_AS}`;
  }
}

const DOCUMENT_PART = "word/document.xml";

interface Parts {
  document: XElement;
  styles: HiddenStyles;
}

function readParts(bytes: Uint8Array, limits: DocxLimits): Parts {
  const entries = listZip(bytes, limits);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) byName.set(partKey(e.name), e);
  const text = (e: ZipEntry): string =>
    strictToTransitional(decodeUtf8(readZipEntry(bytes, e, limits)));
  const xml = (e: ZipEntry): XElement => parseXml(text(e), e.name);

  let target = DOCUMENT_PART;
  const rels = byName.get("_rels/.rels");
  if (rels) target = relationshipTarget(xml(rels), "", /\/officeDocument$/) ?? DOCUMENT_PART;
  const entry = byName.get(partKey(target)) ?? byName.get(DOCUMENT_PART);
  if (!entry) throw new ZipError("corrupt", `缺少正文部件 ${target}`);
  const documentText = text(entry);
  // counted before parsing: the model of a document far beyond any form would cost hundreds of MB
  const elements = countElements(documentText, limits.maxElements);
  if (elements > limits.maxElements) throw new TooManyElements(entry.name, limits.maxElements);
  const document = parseXml(documentText, entry.name);
  // the styles that hide text: only read when the document uses paragraph or character styles, and only parsed
  // when styles.xml mentions w:vanish at all
  if (!/[:<][pr]Style[\s/>]/.test(documentText)) return { document, styles: NO_HIDDEN_STYLES };
  const dir = partKey(entry.name).replace(/[^/]*$/, "");
  const docRels = byName.get(`${dir}_rels/${partKey(entry.name).slice(dir.length)}.rels`);
  let stylesName = `${dir}styles.xml`;
  if (docRels) stylesName = relationshipTarget(xml(docRels), dir, /\/styles$/) ?? stylesName;
  const stylesEntry = byName.get(partKey(stylesName));
  let styles = NO_HIDDEN_STYLES;
  if (stylesEntry) {
    const stylesText = text(stylesEntry);
    if (stylesText.includes("vanish"))
      styles = readHiddenStyles(parseXml(stylesText, stylesEntry.name));
  }
  return { document, styles };
}

/**
 * The internal target of the first relationship whose type matches, resolved against `base` (the source part's
 * folder); external targets are ignored, never fetched.
 */
function relationshipTarget(root: XElement, base: string, type: RegExp): string | null {
  const list = root.childNodes;
  for (let i = 0; i < list.length; i++) {
    const rel = list[i] as unknown as XElement;
    if (rel.nodeType !== 1 || rel.localName !== "Relationship") continue;
    if (!type.test(rel.getAttribute("Type") ?? "")) continue;
    if (rel.getAttribute("TargetMode") === "External") continue;
    const raw = rel.getAttribute("Target") ?? "";
    if (raw === "" || raw.includes("..") || /^[a-z]+:/i.test(raw)) return null;
    return raw.startsWith("/") ? raw.replace(/^\/+/, "") : base + raw;
  }
  return null;
}
