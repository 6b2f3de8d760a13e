/**
 * What a file really is, from its bytes: file names lie (a .doc renamed .docx, an .xls or a PDF scan renamed .xlsx,
 * a Word document sent as a workbook). One sniffer for every reader and for the input dispatcher; packages are
 * listed once, from their central directory (src/io/zip.ts), without inflating anything.
 */
import { listZip, ZipError, type ZipEntry } from "./zip";

export type FileFormat =
  "xlsx" | "docx" | "zip" | "ole" | "pdf" | "rtf" | "image" | "text" | "empty" | "unknown";

export interface Sniffed {
  format: FileFormat;
  /** The central directory of a ZIP package; null when the file is not one or its directory is damaged. */
  entries: ZipEntry[] | null;
  /** A ZIP package whose central directory cannot be read (truncated, damaged); its format is a best guess. */
  damaged: boolean;
}

/** Listing only: the callers apply their own size limits to the entries. */
const NO_LIMITS = { maxEntryBytes: Infinity, maxTotalBytes: Infinity, maxRatio: Infinity };

function startsWith(d: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (d.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (d[at + i] !== bytes[i]) return false;
  return true;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Index of `needle` in `hay`, or -1 (plain scan; the files are a few MB at most). */
export function indexOfBytes(hay: Uint8Array, needle: readonly number[], from = 0): number {
  const first = needle[0];
  outer: for (
    let i = hay.indexOf(first, from);
    i >= 0 && i <= hay.length - needle.length;
    i = hay.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = ascii("%PDF-");

/** An OLE container holding an "EncryptedPackage" stream is a password-protected Office file. */
export function isEncryptedOle(data: Uint8Array): boolean {
  const name = [..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]);
  return indexOfBytes(data, name) >= 0;
}

/** Text: no NUL and few control bytes in the first 4 KB (UTF-8, GBK and UTF-16 with a BOM all pass). */
function looksLikeText(data: Uint8Array): boolean {
  if (startsWith(data, [0xff, 0xfe]) || startsWith(data, [0xfe, 0xff])) return true;
  const n = Math.min(data.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = data[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control += 1;
  }
  return control <= n / 100;
}

function isImage(data: Uint8Array): boolean {
  return (
    startsWith(data, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(data, [0xff, 0xd8, 0xff]) ||
    startsWith(data, ascii("GIF8")) ||
    startsWith(data, ascii("BM")) ||
    startsWith(data, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(data, [0x4d, 0x4d, 0x00, 0x2a]) ||
    (startsWith(data, ascii("RIFF")) && startsWith(data, ascii("WEBP"), 8))
  );
}

/** The main part names an OOXML package is recognised by (lower case, no leading slash). */
export function entryNames(entries: readonly ZipEntry[]): Set<string> {
  return new Set(entries.map((e) => e.name.replace(/^\/+/, "").toLowerCase()));
}

function packageFormat(entries: readonly ZipEntry[]): FileFormat {
  const names = entryNames(entries);
  if (names.has("xl/workbook.xml")) return "xlsx";
  for (const n of names) if (n.startsWith("word/")) return "docx";
  return "zip";
}

/** A damaged package by the part names of its local headers (the directory at the end is what is missing). */
function guessDamagedPackage(data: Uint8Array): FileFormat {
  if (indexOfBytes(data, ascii("xl/workbook.xml")) >= 0) return "xlsx";
  if (indexOfBytes(data, ascii("word/")) >= 0) return "docx";
  return "zip";
}

export function sniffFile(data: Uint8Array): Sniffed {
  let start = 0;
  while (start < data.length && start < 64 && /[\t\n\r ]/.test(String.fromCharCode(data[start])))
    start++;
  const plain = (format: FileFormat): Sniffed => ({ format, entries: null, damaged: false });
  if (data.length === 0 || start === data.length) return plain("empty");
  if (startsWith(data, OLE)) return plain("ole");
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) {
    let entries: ZipEntry[] | null = null;
    try {
      entries = listZip(data, NO_LIMITS, { consistent: false });
    } catch (e) {
      // a package whose directory cannot be read is reported by the caller as damaged
      if (!(e instanceof ZipError)) throw e;
    }
    return entries
      ? { format: packageFormat(entries), entries, damaged: false }
      : { format: guessDamagedPackage(data), entries: null, damaged: true };
  }
  if (startsWith(data, PDF, start) || indexOfBytes(data.subarray(0, 1024), PDF) >= 0)
    return plain("pdf");
  if (startsWith(data, ascii("{\\rtf"), start)) return plain("rtf");
  if (isImage(data)) return plain("image");
  if (looksLikeText(data)) return plain("text");
  return plain("unknown");
}
