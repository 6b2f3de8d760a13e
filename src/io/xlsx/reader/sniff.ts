/**
 * The Chinese message that tells a clerk what to do with a file that is not a readable .xlsx (the formats are told
 * apart by the shared sniffer, src/io/sniff.ts).
 */
import { entryNames, isEncryptedOle, type FileFormat } from "../../sniff";
import type { ZipEntry } from "../../zip";

const DAMAGED =
  "文件已损坏（压缩包不完整，可能未下载或复制完整），无法读取：请重新获取或重新保存该文件";

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
  format: FileFormat,
  data: Uint8Array,
  entries: readonly ZipEntry[] | null
): string | null {
  switch (format) {
    case "xlsx":
      return entries ? null : DAMAGED;
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
    case "docx":
      return "这是 Word 文档（.docx），不是 Excel 工作簿：请按申报表导入，或提供 .xlsx 推荐汇总表";
    case "zip": {
      if (!entries) return DAMAGED;
      if (entryNames(entries).has("content.xml"))
        return "文件为 OpenDocument（.ods）等格式，不是 .xlsx：请用 Excel/WPS 打开后另存为 .xlsx";
      return "文件是压缩包，但不是 Excel 工作簿：请提供 .xlsx 格式的文件";
    }
    default:
      return "无法识别的文件格式，不是 Excel 工作簿：请用 Excel/WPS 打开后另存为 .xlsx";
  }
}
