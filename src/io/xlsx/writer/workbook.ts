/**
 * New workbooks for our writers: document properties from the caller's timestamp (or a fixed epoch), so the same
 * input always gives the same bytes.
 */
import { WorkbookWriter } from "../ooxml/workbook";

/** Used for the document dates when the caller gives no timestamp. */
export const FIXED_EPOCH = new Date(Date.UTC(2000, 0, 1));
export const APP_NAME = "护航汇总";

export function newWorkbook(generatedAt?: string): WorkbookWriter {
  const parsed = generatedAt ? new Date(generatedAt) : null;
  const when = parsed && !Number.isNaN(parsed.getTime()) ? parsed : FIXED_EPOCH;
  return new WorkbookWriter({ creator: APP_NAME, created: when });
}
