/**
 * What a file really is, from its bytes (clerks rename .xls, .csv and PDF scans to .xlsx), and the Chinese message
 * that tells them what to do with it.
 */
import { unzipSync } from "fflate";
import { isEncryptedOle } from "../../docx/sniff";

export type SniffedFormat = "xlsx" | "zip" | "ole" | "pdf" | "text" | "empty" | "unknown";

export interface ZipListing {
  names: string[];
  /** Sum of the entries' uncompressed sizes. */
  totalSize: number;
}

/** The entries of a zip read from its central directory (nothing is inflated); null when the zip is broken. */
export function listZip(data: Uint8Array): ZipListing | null {
  const names: string[] = [];
  let totalSize = 0;
  try {
    unzipSync(data, {
      filter: (f) => {
        names.push(f.name.replace(/^\//, ""));
        totalSize += f.originalSize;
        return false;
      },
    });
  } catch {
    // the caller reports a broken zip by the null result
    return null;
  }
  return { names, totalSize };
}

function startsWith(data: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (data.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (data[at + i] !== bytes[i]) return false;
  return true;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

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

function hasPdfMarker(data: Uint8Array): boolean {
  const n = Math.min(data.length, 1024);
  for (let i = 0; i + 4 < n; i++) {
    if (
      data[i] === 0x25 &&
      data[i + 1] === 0x50 &&
      data[i + 2] === 0x44 &&
      data[i + 3] === 0x46 &&
      data[i + 4] === 0x2d
    ) {
      return true;
    }
  }
  return false;
}

/** The format and, for zips, the listing (so the caller does not read the central directory twice). */
export function sniffWithListing(data: Uint8Array): {
  format: SniffedFormat;
  listing: ZipListing | null;
} {
  if (data.length === 0) return { format: "empty", listing: null };
  if (startsWith(data, OLE)) return { format: "ole", listing: null };
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) {
    const listing = listZip(data);
    return {
      format: listing && listing.names.includes("xl/workbook.xml") ? "xlsx" : "zip",
      listing,
    };
  }
  if (hasPdfMarker(data)) return { format: "pdf", listing: null };
  if (looksLikeText(data)) return { format: "text", listing: null };
  return { format: "unknown", listing: null };
}

export function sniffFormat(data: Uint8Array): SniffedFormat {
  return sniffWithListing(data).format;
}

/** What a text file renamed .xlsx most likely is, for the message. */
function describeText(data: Uint8Array): string {
  let head = "";
  for (let i = 0; i < Math.min(data.length, 512); i++)
    if (data[i] < 0x80) head += String.fromCharCode(data[i]);
  const lower = head.toLowerCase();
  if (lower.includes("<html") || lower.includes("<table")) return "网页（HTML）格式";
  if (lower.includes("<?xml") || lower.includes("urn:schemas-microsoft-com:office:spreadsheet"))
    return "XML 表格格式";
  return "纯文本（如 CSV）格式";
}

/** The Chinese FILE message for a file that is not a readable .xlsx (null for 'xlsx'). */
export function formatMessage(
  format: SniffedFormat,
  data: Uint8Array,
  listing: ZipListing | null
): string | null {
  switch (format) {
    case "xlsx":
      return null;
    case "empty":
      return "文件为空（0 字节），可能未保存完整或传输中断：请重新获取该文件";
    case "ole":
      if (isEncryptedOle(data))
        return "文件设置了打开密码（已加密），无法读取：请取消密码后用 Excel/WPS 另存为 .xlsx 再导入";
      return "文件为旧版 Excel（.xls/.et）格式或已加密，请用 Excel/WPS 打开后另存为 .xlsx（不加密）";
    case "pdf":
      return "PDF 扫描件无法读取表格内容：请提供 Excel（.xlsx）格式的推荐汇总表";
    case "text":
      return `文件内容是${describeText(data)}，不是 Excel 工作簿：请用 Excel/WPS 打开后另存为 .xlsx`;
    case "zip": {
      if (!listing)
        return "文件已损坏（压缩包不完整，可能未下载或复制完整），无法读取：请重新获取或重新保存该文件";
      if (listing.names.includes("word/document.xml"))
        return "这是 Word 文档（.docx），不是 Excel 工作簿：请按申报表导入，或提供 .xlsx 推荐汇总表";
      if (listing.names.includes("content.xml"))
        return "文件为 OpenDocument（.ods）等格式，不是 .xlsx：请用 Excel/WPS 打开后另存为 .xlsx";
      return "文件是压缩包，但不是 Excel 工作簿：请提供 .xlsx 格式的文件";
    }
    default:
      return "无法识别的文件格式，不是 Excel 工作簿：请用 Excel/WPS 打开后另存为 .xlsx";
  }
}
