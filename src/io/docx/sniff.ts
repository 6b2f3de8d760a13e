/**
 * What a file really is, from its first bytes (file names lie: a .doc renamed .docx, a scan saved as .docx).
 */
export type DocFormat = "docx" | "zip" | "ole" | "pdf" | "rtf" | "image" | "empty" | "unknown";

function startsWith(d: Uint8Array, bytes: number[], at = 0): boolean {
  if (d.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (d[at + i] !== bytes[i]) return false;
  return true;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Index of `needle` in `hay`, or -1 (plain scan; the files are a few MB at most). */
export function indexOfBytes(hay: Uint8Array, needle: number[], from = 0): number {
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

const WORD_MAIN = ascii("word/");
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffDocFormat(data: Uint8Array): DocFormat {
  let start = 0;
  while (
    start < data.length &&
    start < 64 &&
    (data[start] === 0x20 || data[start] === 0x0a || data[start] === 0x0d || data[start] === 0x09)
  )
    start++;
  if (data.length === 0 || start === data.length) return "empty";
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) {
    return indexOfBytes(data, WORD_MAIN) >= 0 ? "docx" : "zip";
  }
  if (startsWith(data, OLE)) return "ole";
  if (startsWith(data, ascii("%PDF"), start)) return "pdf";
  if (startsWith(data, ascii("{\\rtf"), start)) return "rtf";
  if (
    startsWith(data, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(data, [0xff, 0xd8, 0xff]) ||
    startsWith(data, ascii("GIF8")) ||
    startsWith(data, ascii("BM")) ||
    startsWith(data, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(data, [0x4d, 0x4d, 0x00, 0x2a]) ||
    (startsWith(data, ascii("RIFF")) && startsWith(data, ascii("WEBP"), 8))
  ) {
    return "image";
  }
  return "unknown";
}

/** An OLE container holding an "EncryptedPackage" stream is a password-protected Office file. */
export function isEncryptedOle(data: Uint8Array): boolean {
  const name = [..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]);
  return indexOfBytes(data, name) >= 0;
}
