/**
 * Load a workbook with exceljs, and when that fails, once more without its cell comments. exceljs cannot follow
 * comment parts stored where other programs (openpyxl, some WPS versions) put them ("/xl/comments/comment1.xml"),
 * and a comment never matters for reading values.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const COMMENT_REL = /<Relationship\b[^>]*Type="[^"]*\/(?:comments|vmlDrawing)"[^>]*\/>/g;

export async function loadWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  try {
    return await loadOnce(data);
  } catch (first) {
    let stripped: Uint8Array;
    try {
      stripped = withoutComments(data);
    } catch {
      throw first;
    }
    return await loadOnce(stripped);
  }
}

async function loadOnce(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  await wb.xlsx.load(buffer as ArrayBuffer);
  return wb;
}

function withoutComments(data: Uint8Array): Uint8Array {
  const parts = unzipSync(data);
  const out: Zippable = {};
  for (const [name, bytes] of Object.entries(parts)) {
    if (/^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(name)) out[name] = strToU8(strFromU8(bytes).replace(COMMENT_REL, ''));
    else if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) out[name] = strToU8(strFromU8(bytes).replace(/<legacyDrawing\b[^>]*\/>/g, ''));
    else if (/^xl\/comments|^xl\/drawings\/.*vmlDrawing/i.test(name)) continue;
    else out[name] = bytes;
  }
  return zipSync(out);
}
