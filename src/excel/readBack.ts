/**
 * Reading our sheets back: the experts' 评审得分 from 全省汇总, and the cell a finding points at in 明细 / 全省汇总.
 * Columns are found by header text, rows by the hidden 记录键 column, so sorting or moving columns does not break them.
 */
import type { Finding } from "../core/findings";
import { CASE_FIELD_LABELS, type CaseField } from "../core/model";
import { cleanText, parseLooseNumber } from "../core/text";
import { DETAIL_SHEET } from "./prefectureSheets";
import { PROVINCE_SHEET } from "./provinceSheet";
import { decodeSourceColumns } from "../core/recordRow";
import { COL, FIELD_COLUMN } from "./recordColumns";
import type { ExcelRun, XlContext, XlWorksheet } from "./xl";

interface SheetGrid {
  ws: XlWorksheet;
  values: unknown[][];
  rowIndex: number;
  columnIndex: number;
  headers: string[];
}

/** The used range of a sheet (null when the sheet is missing or empty); the first used row is the header. */
async function readGrid(context: XlContext, name: string): Promise<SheetGrid | null> {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  ws.load("isNullObject");
  await context.sync();
  if (ws.isNullObject) return null;
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(["values", "rowIndex", "columnIndex"]);
  await context.sync();
  if (used.isNullObject) return null;
  const values = used.values;
  return {
    ws,
    values,
    rowIndex: used.rowIndex,
    columnIndex: used.columnIndex,
    headers: (values[0] ?? []).map((h) => cleanText(h)),
  };
}

export async function readScores(run: ExcelRun): Promise<Map<string, number>> {
  return run(async (context) => {
    const scores = new Map<string, number>();
    const grid = await readGrid(context, PROVINCE_SHEET);
    if (!grid) return scores;
    const keyCol = grid.headers.indexOf(COL.key);
    const scoreCol = grid.headers.indexOf(COL.score);
    if (keyCol < 0 || scoreCol < 0) {
      throw new Error(
        `工作表“${PROVINCE_SHEET}”缺少“${keyCol < 0 ? COL.key : COL.score}”列，无法读取评审得分：请重新生成全省汇总`
      );
    }
    for (const row of grid.values.slice(1)) {
      const key = cleanText(row[keyCol]);
      const raw = row[scoreCol];
      if (key === "" || raw === "" || raw === null || raw === undefined) continue;
      const score = typeof raw === "number" ? raw : parseLooseNumber(raw);
      if (score !== null && Number.isFinite(score)) scores.set(key, score);
    }
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
function sourceMatches(
  row: readonly unknown[],
  cols: { file: number; sheet: number; row: number },
  f: Finding
): boolean {
  if (cols.file < 0 || cleanText(row[cols.file]) !== f.file) return false;
  const sourceRow = cols.row < 0 ? "" : cleanText(row[cols.row]);
  // a Word form has no source row: its findings point at the form's parts
  if (sourceRow === "") return true;
  return cleanText(row[cols.sheet]) === (f.sheet ?? "") && sourceRow === String(f.row ?? "");
}

export async function selectFinding(run: ExcelRun, f: Finding): Promise<boolean> {
  return run(async (context) => {
    for (const name of [DETAIL_SHEET, PROVINCE_SHEET]) {
      const grid = await readGrid(context, name);
      if (!grid) continue;
      const cols = {
        file: grid.headers.indexOf(COL.sourceFile),
        sheet: grid.headers.indexOf(COL.sourceSheet),
        row: grid.headers.indexOf(COL.sourceRow),
      };
      if (cols.file < 0) continue;
      const i = grid.values.findIndex((row, n) => n > 0 && sourceMatches(row, cols, f));
      if (i < 0) continue;
      const field = fieldOf(f, grid.values[i][grid.headers.indexOf(COL.sourceColumns)]);
      const id = field ? FIELD_COLUMN[field] : undefined;
      let col = id ? grid.headers.indexOf(COL[id]) : -1;
      if (col < 0) col = grid.headers.indexOf(COL.problems);
      if (col < 0) col = 0;
      grid.ws.activate();
      grid.ws.getRangeByIndexes(grid.rowIndex + i, grid.columnIndex + col, 1, 1).select();
      await context.sync();
      return true;
    }
    return false;
  });
}
