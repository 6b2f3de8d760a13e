/**
 * What a file handed to the Word reader really is, in the reader's own terms (the shared sniffer, src/io/sniff.ts,
 * tells the formats apart; a text file is nothing the Word reader recognises).
 */
import { sniffFile } from "../sniff";

export type DocFormat = "docx" | "zip" | "ole" | "pdf" | "rtf" | "image" | "empty" | "unknown";

export function sniffDocFormat(data: Uint8Array): DocFormat {
  const { format } = sniffFile(data);
  return format === "xlsx" ? "zip" : format === "text" ? "unknown" : format;
}
