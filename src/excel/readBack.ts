/**
 * Reading our sheets back: the experts' 评审得分 from 全省汇总 with the identity of each scored case, and the cell a
 * finding points at in 明细 / 全省汇总. Columns are found by their headers (src/sheets/records.ts), so a clerk moving
 * columns breaks nothing; only the header row and the columns needed are read, a few thousand rows a sync.
 */
import type { Finding } from "../core/findings";
import { CASE_FIELD_LABELS, type CaseField } from "../core/model";
import type { ScoredCase } from "../core/scores";
import { cleanText } from "../core/text";
import { decodeSourceColumns } from "../sheets/hiddenColumns";
import {
  DETAIL_SHEET,
  PROVINCE_SHEET,
  RECORD_COLUMNS,
  recordColumn,
  scoreFromText,
  type ReadCell,
  type RecordColumnId,
  type RecordDraft,
} from "../sheets/records";
import { findColumns, openSheet, readColumns, readRow } from "./sheetRead";
import type { ExcelRun } from "./xl";

/** The cell as the record columns read it. */
function readCell(v: unknown): ReadCell {
  const raw = v === null || v === undefined ? "" : String(v);
  return { text: cleanText(raw), raw, num: typeof v === "number" ? v : null };
}

const IDENTITY: readonly RecordColumnId[] = [
  "prefecture",
  "caseName",
  "enterprise",
  "uscc",
  "direction",
];

/** The scored cases of the current 全省汇总 (none when there is no such sheet). */
export async function readScores(run: ExcelRun): Promise<ScoredCase[]> {
  return run(async (context) => {
    const sheet = await openSheet(context, PROVINCE_SHEET);
    if (!sheet || sheet.lastRow < 1) return [];
    const headers = await readRow(context, sheet, 0, sheet.lastCol + 1);
    const wanted = [...IDENTITY, "score" as const];
    const cols = findColumns(
      headers,
      wanted.map((id) => recordColumn(id).header)
    );
    const required = new Set<RecordColumnId>(["caseName", "enterprise", "score"]);
    const missing = wanted.filter((id, i) => cols[i] < 0 && required.has(id));
    if (missing.length > 0) {
      throw new Error(
        `工作表“${PROVINCE_SHEET}”缺少“${missing.map((id) => recordColumn(id).header).join("”“")}”列，无法读取评审得分：请重新合并全省汇总`
      );
    }
    const present = cols.filter((c) => c >= 0);
    const read = await readColumns(context, sheet, present, 1, sheet.lastRow);
    const column = (i: number) => (cols[i] < 0 ? [] : read[present.indexOf(cols[i])]);
    const out: ScoredCase[] = [];
    const scores = column(cols.length - 1);
    scores.forEach((raw, r) => {
      const score =
        typeof raw === "number"
          ? Number.isFinite(raw)
            ? raw
            : null
          : scoreFromText(cleanText(raw));
      if (score === null) return;
      const draft = {} as RecordDraft;
      IDENTITY.forEach((id, i) => recordColumn(id).read!(readCell(column(i)[r]), draft));
      out.push({
        prefecture: draft.prefecture ?? null,
        caseName: draft.caseName ?? "",
        enterprise: draft.enterprise ?? "",
        uscc: draft.uscc ?? "",
        direction: draft.direction ?? null,
        score,
      });
    });
    return out;
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

/** The record column that shows a field (every field has one of the same id). */
function columnOfField(field: CaseField): RecordColumnId | null {
  const column = RECORD_COLUMNS.find((c) => c.id === field);
  return column ? column.id : null;
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
      const sheet = await openSheet(context, name);
      if (!sheet || sheet.lastRow < 1) continue;

      const headers = await readRow(context, sheet, 0, sheet.lastCol + 1);
      const h = (id: RecordColumnId) => headers.indexOf(recordColumn(id).header);
      if (h("sourceFile") < 0) continue;
      // only the source columns are read (a missing one reads as blank)
      const wanted = [h("sourceFile"), h("sourceSheet"), h("sourceRow"), h("sourceColumns")];
      const present = wanted.filter((c) => c >= 0);

      const read = await readColumns(context, sheet, present, 1, sheet.lastRow);
      const column = (c: number) => (c < 0 ? [] : read[present.indexOf(c)]);
      const [files, sheets, rows, encoded] = wanted.map(column);
      const i = files.findIndex((file, n) => sourceMatches(file, sheets[n], rows[n], f));
      if (i < 0) continue;
      const field = fieldOf(f, encoded[i] ?? "");
      const id = field ? columnOfField(field) : null;
      let col = id ? h(id) : -1;
      if (col < 0) col = h("problems");
      if (col < 0) col = 0;
      sheet.ws.activate();
      sheet.ws.getRangeByIndexes(1 + i, col, 1, 1).select();
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- runs once: the loop returns right after
      await context.sync();
      return true;
    }
    return false;
  });
}
