/**
 * Reading our sheets back: the experts' 评审得分 from 全省汇总, and the cell a finding points at in 明细 / 全省汇总.
 * Columns are found by header text, rows by the hidden 记录键 column, so sorting or moving columns does not break them.
 * Only the header row and the columns needed are read, a few thousand rows a sync (Excel on the web refuses a response
 * above 5 MB; the used range of 14,000 records is about twice that).
 */
import type { Finding } from "../core/findings";
import { CASE_FIELD_LABELS, type CaseField } from "../core/model";
import { cleanText, parseLooseNumber } from "../core/text";
import { DETAIL_SHEET } from "./prefectureSheets";
import { PROVINCE_SHEET } from "./provinceSheet";
import { decodeSourceColumns } from "../core/recordRow";
import { COL, FIELD_COLUMN, type ColumnId } from "./recordColumns";
import type { ExcelRun, XlContext, XlWorksheet } from "./xl";

/** How many rows one read fetches: a column of 5,000 record keys is well under Excel on the web's 5 MB response. */
const READ_ROWS = 5000;

interface SheetHeader {
  ws: XlWorksheet;
  /** 0-based position of the used range's first row (the header) and first column. */
  rowIndex: number;
  columnIndex: number;
  /** Data rows under the header. */
  rows: number;
  headers: string[];
}

/**
 * The header row of a sheet's used range (null when the sheet is missing or empty): three small syncs, and never the
 * sheet's values, which for 14,000 records would pass Excel on the web's 5 MB response limit.
 */
async function readHeader(context: XlContext, name: string): Promise<SheetHeader | null> {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is a scalar the *OrNullObject pattern needs
  ws.load("isNullObject");
  await context.sync();
  if (ws.isNullObject) return null;
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  await context.sync();
  if (used.isNullObject) return null;
  const header = ws.getRangeByIndexes(used.rowIndex, used.columnIndex, 1, used.columnCount);
  header.load("values");
  await context.sync();
  return {
    ws,
    rowIndex: used.rowIndex,
    columnIndex: used.columnIndex,
    rows: used.rowCount - 1,
    headers: (header.values[0] ?? []).map((h) => cleanText(h)),
  };
}

/** The data cells of some columns (by index into headers), READ_ROWS rows per sync. */
async function readColumns(
  context: XlContext,
  sheet: SheetHeader,
  cols: readonly number[]
): Promise<unknown[][]> {
  const out: unknown[][] = cols.map(() => []);
  for (let start = 0; start < sheet.rows; start += READ_ROWS) {
    const count = Math.min(READ_ROWS, sheet.rows - start);
    const ranges = cols.map((c) => {
      const r = sheet.ws.getRangeByIndexes(
        sheet.rowIndex + 1 + start,
        sheet.columnIndex + c,
        count,
        1
      );
      r.load("values");
      return r;
    });
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block of rows, on purpose (5 MB limit)
    await context.sync();
    ranges.forEach((r, j) => {
      for (const row of r.values) out[j].push(row[0]);
    });
  }
  return out;
}

export async function readScores(run: ExcelRun): Promise<Map<string, number>> {
  return run(async (context) => {
    const scores = new Map<string, number>();
    const sheet = await readHeader(context, PROVINCE_SHEET);
    if (!sheet) return scores;
    const keyCol = sheet.headers.indexOf(COL.key);
    const scoreCol = sheet.headers.indexOf(COL.score);
    if (keyCol < 0 || scoreCol < 0) {
      throw new Error(
        `工作表“${PROVINCE_SHEET}”缺少“${keyCol < 0 ? COL.key : COL.score}”列，无法读取评审得分：请重新生成全省汇总`
      );
    }
    const [keys, raws] = await readColumns(context, sheet, [keyCol, scoreCol]);
    keys.forEach((k, i) => {
      const key = cleanText(k);
      const raw = raws[i];
      if (key === "" || raw === "" || raw === null || raw === undefined) return;
      const score = typeof raw === "number" ? raw : parseLooseNumber(raw);
      if (score !== null && Number.isFinite(score)) scores.set(key, score);
    });
    return scores;
  });
}

/** Word-form field labels (the finding's column) that name one of our columns under another word. */
const LABEL_FIELDS: Record<string, CaseField> = {
  单位名称: "enterprise",
  申报单位: "enterprise",
  组织机构代码: "uscc",
  三证合一码: "uscc",
  "组织机构代码/三证合一码": "uscc",
  联系电话: "phone",
  申报方向: "direction",
};

function fieldOf(f: Finding, sourceColumns: unknown): CaseField | null {
  const col = f.column;
  if (!col) return null;
  if (/^[A-Z]{1,3}$/.test(col)) {
    const columns = decodeSourceColumns(cleanText(sourceColumns));
    const hit = (Object.entries(columns) as [CaseField, string][]).find(
      ([, letter]) => letter === col
    );
    return hit ? hit[0] : null;
  }
  const label = cleanText(col);
  const byLabel = (Object.entries(CASE_FIELD_LABELS) as [CaseField, string][]).find(
    ([, l]) => l === label
  );
  return byLabel ? byLabel[0] : (LABEL_FIELDS[label] ?? null);
}

/** Whether a row's source cells (来源文件, 来源工作表, 来源行) are the place a finding points at. */
function sourceMatches(file: unknown, sheet: unknown, row: unknown, f: Finding): boolean {
  if (cleanText(file) !== f.file) return false;
  const sourceRow = cleanText(row);
  // a Word form has no source row: its findings point at the form's parts
  if (sourceRow === "") return true;
  return cleanText(sheet) === (f.sheet ?? "") && sourceRow === String(f.row ?? "");
}

export async function selectFinding(run: ExcelRun, f: Finding): Promise<boolean> {
  return run(async (context) => {
    for (const name of [DETAIL_SHEET, PROVINCE_SHEET]) {
      const sheet = await readHeader(context, name);
      if (!sheet) continue;
      const h = (id: ColumnId) => sheet.headers.indexOf(COL[id]);
      if (h("sourceFile") < 0) continue;
      // only the source columns are read (a missing one reads as blank)
      const wanted = [h("sourceFile"), h("sourceSheet"), h("sourceRow")];
      const present = wanted.filter((c) => c >= 0);
      const read = await readColumns(context, sheet, present);
      const column = (c: number) => (c < 0 ? [] : read[present.indexOf(c)]);
      const [files, sheets, rows] = wanted.map(column);
      const i = files.findIndex((file, n) => sourceMatches(file, sheets[n], rows[n], f));
      if (i < 0) continue;
      let encoded: unknown = "";
      if (h("sourceColumns") >= 0 && /^[A-Z]{1,3}$/.test(f.column ?? "")) {
        const cell = sheet.ws.getRangeByIndexes(
          sheet.rowIndex + 1 + i,
          sheet.columnIndex + h("sourceColumns"),
          1,
          1
        );
        cell.load("values");
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- runs once: the loop returns right after
        await context.sync();
        encoded = cell.values[0][0];
      }
      const field = fieldOf(f, encoded);
      const id = field ? FIELD_COLUMN[field] : undefined;
      let col = id ? h(id) : -1;
      if (col < 0) col = h("problems");
      if (col < 0) col = 0;
      sheet.ws.activate();
      sheet.ws.getRangeByIndexes(sheet.rowIndex + 1 + i, sheet.columnIndex + col, 1, 1).select();
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- runs once: the loop returns right after
      await context.sync();
      return true;
    }
    return false;
  });
}
