/**
 * Creating and serialising workbooks so that the same input always gives the same bytes: fixed document dates, and the
 * zip package rebuilt with fixed entry times (exceljs stamps every entry with the current time).
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** Used for the document dates when the caller gives no timestamp. */
export const FIXED_EPOCH = new Date(Date.UTC(2000, 0, 1));
/** Zip entry time; a local-time Date so the DOS date fields are the same in every time zone. */
const ZIP_MTIME = new Date(2000, 0, 1, 0, 0, 0);

export const APP_NAME = '护航汇总';

export function newWorkbook(generatedAt?: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const parsed = generatedAt ? new Date(generatedAt) : null;
  const when = parsed && !Number.isNaN(parsed.getTime()) ? parsed : FIXED_EPOCH;
  wb.creator = APP_NAME;
  wb.lastModifiedBy = APP_NAME;
  wb.created = when;
  wb.modified = when;
  // Excel and WPS recompute every formula on opening; the cached results stay for viewers that do not.
  wb.calcProperties.fullCalcOnLoad = true;
  return wb;
}

/** Serialise to .xlsx bytes, byte-identical for identical content. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const raw: unknown = await wb.xlsx.writeBuffer();
  const bytes = raw instanceof Uint8Array ? raw : new Uint8Array(raw as ArrayBuffer);
  const parts = unzipSync(bytes);
  const out: Zippable = {};
  for (const name of Object.keys(parts)) out[name] = [parts[name], { mtime: ZIP_MTIME, level: 6 }];
  return zipSync(out);
}
