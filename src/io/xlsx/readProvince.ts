/**
 * Read back a province workbook written by writeProvinceWorkbook after staff have filled the 评审得分 column of 明细
 * (numbers, numbers typed as text, blanks). Columns are found by their header text, so moved columns still read.
 * Never throws: an unreadable file or a missing sheet is a FILE finding, an unreadable score a warning.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { columnLetter, finding, type Finding } from '../../core/findings';
import type { CaseRecord } from '../../core/model';
import { cleanText, parseLooseNumber, toHalfWidth } from '../../core/text';
import { parseCategory, parseDirection, parseLevel, parsePrefecture } from '../../core/vocabulary';
import { DETAIL_COLUMNS, DETAIL_ORDER, DETAIL_SHEET, decodeSourceColumns, type DetailColumn } from './writer/detailColumns';

type Result = { records: CaseRecord[]; findings: Finding[] };
const REQUIRED: DetailColumn[] = ['caseName', 'enterprise', 'score'];

export async function readProvinceWorkbook(data: Uint8Array | ArrayBuffer, file: string): Promise<Result> {
  try {
    let wb: ExcelJS.Workbook;
    try {
      wb = await loadWorkbook(data instanceof Uint8Array ? data : new Uint8Array(data));
    } catch (e) {
      return fileProblem(file, `无法读取该文件（${reason(e)}）。请确认它是本工具导出的全省汇总工作簿（.xlsx），没有加密或损坏；如是 .xls / .et 格式，请另存为 .xlsx 后再导入。`);
    }
    const ws = wb.worksheets.find((w) => cleanText(w.name) === DETAIL_SHEET);
    if (!ws) {
      return fileProblem(file, `文件中没有“${DETAIL_SHEET}”工作表，不是本工具导出的全省汇总工作簿。请导入由“生成全省汇总”导出并填写了评审得分的文件。`);
    }
    return readDetail(ws, file);
  } catch (e) {
    return fileProblem(file, `读取时出错（${reason(e)}），该文件未导入。`);
  }
}

function fileProblem(file: string, message: string): Result {
  return { records: [], findings: [finding('FILE', { file }, message)] };
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function normHeader(s: string): string {
  return toHalfWidth(s).replace(/\s/g, '');
}

function readDetail(ws: ExcelJS.Worksheet, file: string): Result {
  const findings: Finding[] = [];
  const col: Partial<Record<DetailColumn, number>> = {};
  const header = ws.getRow(1);
  const wanted = new Map(DETAIL_ORDER.map((c) => [normHeader(DETAIL_COLUMNS[c]), c] as const));
  for (let c = 1; c <= Math.max(ws.columnCount, header.cellCount); c++) {
    const key = wanted.get(normHeader(cellText(header.getCell(c).value)));
    if (key && col[key] === undefined) col[key] = c;
  }
  const missing = REQUIRED.filter((c) => col[c] === undefined);
  if (missing.length > 0) {
    const names = missing.map((c) => `“${DETAIL_COLUMNS[c]}”`).join('、');
    return fileProblem(file, `工作表“${DETAIL_SHEET}”第 1 行缺少 ${names} 列，无法读取评审得分。请不要修改表头。`);
  }

  const records: CaseRecord[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const text = (c: DetailColumn): string => (col[c] === undefined ? '' : cellText(row.getCell(col[c]!).value));
    if (text('caseName') === '' && text('enterprise') === '' && text('summaryCell') === '') continue;
    const at = { file, sheet: DETAIL_SHEET, row: r };
    const prefecture = parsePrefecture(text('prefecture'));
    const enterprise = text('enterprise');

    const orderNo = parseLooseNumber(text('order'));
    let order = records.length + 1;
    if (orderNo !== null && Number.isInteger(orderNo) && orderNo > 0) order = orderNo;
    else {
      findings.push(
        finding('REQ', { ...at, column: letterOf(col.order) }, `推荐顺序“${text('order')}”不是正整数，已按第 ${order} 位处理。`, {
          severity: 'warning',
          enterprise: enterprise || null,
          prefecture,
        }),
      );
    }

    const score = readScore(col.score === undefined ? null : plainValue(row.getCell(col.score).value));
    if (score === 'bad') {
      findings.push(
        finding('REQ', { ...at, column: letterOf(col.score) }, `评审得分“${text('score')}”不是数字，已按未评分处理。请填写数字（如 88.5）后重新导入。`, {
          severity: 'warning',
          enterprise: enterprise || null,
          prefecture,
        }),
      );
    }

    const sourceFile = text('sourceFile');
    const sourceRow = parseLooseNumber(text('sourceRow'));
    const date = text('date');
    records.push({
      prefecture,
      order,
      caseName: text('caseName'),
      enterprise,
      uscc: toHalfWidth(text('uscc')).replace(/\s/g, '').toUpperCase(),
      category: parseCategory(text('category')),
      categoryRaw: text('category'),
      direction: parseDirection(text('direction')),
      directionRaw: text('direction'),
      level: parseLevel(text('level')),
      levelRaw: text('level'),
      summary: text('summary'),
      summaryCell: text('summaryCell'),
      contact: text('contact'),
      phone: text('phone'),
      date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
      score: score === 'bad' ? null : score,
      // a row staff added by hand has no source: it points at itself
      source: sourceFile
        ? { file: sourceFile, sheet: text('sourceSheet') || null, row: sourceRow !== null && Number.isInteger(sourceRow) ? sourceRow : null }
        : { file, sheet: DETAIL_SHEET, row: r },
      columns: decodeSourceColumns(text('sourceColumns')),
    });
  }
  return { records, findings };
}

function letterOf(c: number | undefined): string | null {
  return c === undefined ? null : columnLetter(c);
}

/** A number, a number typed as text ("88.5", "８８．５", "88.5分"), blank → null; anything else → 'bad'. */
function readScore(v: ReturnType<typeof plainValue>): number | null | 'bad' {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : 'bad';
  if (typeof v === 'string') {
    if (cleanText(v) === '') return null;
    const n = parseLooseNumber(v.replace(/分$/, ''));
    return n === null ? 'bad' : n;
  }
  return 'bad';
}

// ---- loading: exceljs cannot follow comment parts stored where other programs (openpyxl, some WPS versions) put them
// ("/xl/comments/comment1.xml"), so a workbook that fails to load is tried once more without its comments (a comment
// never matters for reading values).

const COMMENT_REL = /<Relationship\b[^>]*Type="[^"]*\/(?:comments|vmlDrawing)"[^>]*\/>/g;

async function loadWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
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

// ---- plain values out of exceljs cells (rich text, formulas' cached results, hyperlinks, dates)

type Plain = string | number | boolean | Date | null;

function plainValue(v: ExcelJS.CellValue): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return plainValue((v.result ?? null) as ExcelJS.CellValue);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return null;
}

/** Text of a cell: numbers without float noise, dates as yyyy-mm-dd (exceljs dates are UTC), trimmed. */
function cellText(v: ExcelJS.CellValue): string {
  const p = plainValue(v);
  if (p === null) return '';
  if (p instanceof Date) return Number.isNaN(p.getTime()) ? '' : p.toISOString().slice(0, 10);
  if (typeof p === 'number') return String(Number.isInteger(p) ? p : Number(p.toPrecision(15)));
  return String(p).trim();
}
