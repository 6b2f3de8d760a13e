/**
 * Reading the rows of a 附件3 推荐汇总表 once its header is found: one CaseRecord per data row, blank / placeholder /
 * repeated-header rows skipped, reading stopped at the notes and footer (注：…, 联系人：…, 手机/座机：…, 合计),
 * 推荐单位 / 日期 / 联系人 / 手机 collected into the meta.
 */
import { finding, columnLetter, type Finding } from "../../../core/findings";
import {
  CASE_FIELD_LABELS,
  type CaseField,
  type CaseRecord,
  type SubmissionMeta,
} from "../../../core/model";
import {
  cleanText,
  codeUnitTest,
  isNotApplicable,
  optionalText,
  parseLooseNumber,
  toHalfWidth,
} from "../../../core/text";
import { normalizeUscc } from "../../../core/uscc";
import {
  parseCategory,
  parseLevel,
  parsePrefecture,
  type PrefectureName,
} from "../../../core/vocabulary";
import { parseDirection, splitDirectionCell } from "../../../core/directionText";
import { cellIsoDate, EMPTY_CELL, type CellData } from "../cells";
import type { SheetGrid } from "./grid";
import { matchHeader, type HeaderNote, type TableField, type TableHeader } from "./header";
import { isFooterRow, scanMetaRow } from "./meta";

export interface TableRead {
  records: CaseRecord[];
  meta: SubmissionMeta;
  findings: Finding[];
  /** The table has a 所属市州 column (province files): each record's prefecture comes from it. */
  hasPrefectureColumn: boolean;
}

export interface TableContext {
  file: string;
  date1904: boolean;
}

/** Fields whose content makes a row a data row (序号 alone, or the template's 如：… hint, does not). */
const CONTENT_FIELDS: readonly TableField[] = [
  "caseName",
  "enterprise",
  "uscc",
  "summary",
  "direction",
  "contact",
  "phone",
];

const PLACEHOLDER_RE = /^[.。…·\-—_]*$/;

function orderOf(c: CellData): number | null {
  if (c.num !== null) return Number.isInteger(c.num) && c.num > 0 ? c.num : null;
  const m = /^[(（]?\s*(\d+)\s*[)）.、．]?$/.exec(toHalfWidth(cleanText(c.text)));
  return m ? Number(m[1]) : null;
}

/** A warning on how a header cell was read: a repeated column is ignored, a label with a slip is read as intended. */
function headerFinding(note: HeaderNote, sheet: string, file: string): Finding {
  const where = { file, sheet, row: note.row, column: columnLetter(note.col) };
  const message =
    note.kind === "duplicate"
      ? `表头“${note.text}”与 ${columnLetter(note.used)} 列重复，已按 ${columnLetter(note.used)} 列读取，本列未读取：请删除或改名重复的列`
      : `表头“${note.text}”按“${note.label}”读取（疑似笔误），请核对`;
  return finding("FILE", where, message, { severity: "warning" });
}

/**
 * Whether a cell may be the 案例名称 or 企业名称 label (a quick test, no false negatives): those labels, with a slip,
 * have at most 6 characters once normalizeHeader drops spaces, bracketed hints, stars and colons — text longer than
 * that with none of these (a case or enterprise name) is not one, and needs no header matching. (Folding keeps the
 * length, but for compatibility ideographs beyond the BMP: their lead surrogate sends the text to the full test.)
 */
function mayBeLabel(text: string): boolean {
  if (text.length <= 6) return true;
  // hot (every row, twice): a lookup per character, not the pattern
  for (let i = 0; i < text.length; i++) if (isLabelMark(text.charCodeAt(i))) return true;
  return false;
}
const isLabelMark = codeUnitTest(/[\s()[\]（）［］【】*＊※:：\ud87e]/);

export function readTable(grid: SheetGrid, header: TableHeader, ctx: TableContext): TableRead {
  const meta: SubmissionMeta = { recommender: "", date: "", contact: "", phone: "" };
  const findings: Finding[] = [];
  const records: CaseRecord[] = [];
  const cols = header.columns;
  for (let row = 1; row < header.top; row++) scanMetaRow(grid, row, meta);
  for (const note of header.notes) findings.push(headerFinding(note, grid.name, ctx.file));

  const columns: Partial<Record<CaseField, string>> = {};
  for (const [field, col] of Object.entries(cols) as [TableField, number][]) {
    if (field !== "prefecture") columns[field] = columnLetter(col);
  }
  // one object for every record of the table (nothing changes a record's columns; frozen so nothing can)
  Object.freeze(columns);
  const layout: RowLayout = {
    cols,
    columns,
    fields: Object.entries(cols) as [TableField, number][],
  };
  const at = (row: number, field: TableField): CellData => {
    const col = cols[field];
    return col === undefined ? EMPTY_CELL : grid.cell(row, col);
  };
  const txt = (row: number, field: TableField): string => {
    const col = cols[field];
    return col === undefined ? "" : grid.text(row, col);
  };

  let footerAt = 0;
  for (let row = header.bottom + 1; row <= grid.rowCount; row++) {
    if (grid.filledColumns(row).length === 0) continue;
    if (isFooterRow(grid, row)) {
      footerAt = row;
      break;
    }
    const hasContent = CONTENT_FIELDS.some((f) => {
      const c = at(row, f);
      return c.missingResult || c.error !== null || !PLACEHOLDER_RE.test(txt(row, f));
    });
    const categoryText = txt(row, "category");
    const realCategory = categoryText !== "" && !/^如[:：]/.test(categoryText);
    if (!hasContent && !realCategory) continue;
    // a header repeated on a printed page
    if (
      (mayBeLabel(txt(row, "caseName")) && matchHeader(txt(row, "caseName")) === "caseName") ||
      (mayBeLabel(txt(row, "enterprise")) && matchHeader(txt(row, "enterprise")) === "enterprise")
    ) {
      continue;
    }
    records.push(readRow(grid, row, layout, ctx, records.length + 1, findings));
  }

  if (footerAt > 0) {
    for (let row = footerAt; row <= grid.rowCount; row++) scanMetaRow(grid, row, meta);
    const late = firstDataLikeRowAfter(grid, footerAt, cols);
    if (late !== null) {
      findings.push(
        finding(
          "FILE",
          { file: ctx.file, sheet: grid.name, row: late },
          `第 ${late} 行看起来是案例数据，但位于第 ${footerAt} 行的说明/落款行之后，未被读取：请把案例行移到说明行之前`,
          { severity: "warning" }
        )
      );
    }
  }
  return { records, meta, findings, hasPrefectureColumn: cols.prefecture !== undefined };
}

function firstDataLikeRowAfter(
  grid: SheetGrid,
  footerAt: number,
  cols: Partial<Record<TableField, number>>
): number | null {
  const need: TableField[] = ["caseName", "enterprise", "summary"];
  for (let row = footerAt + 1; row <= grid.rowCount; row++) {
    const filled = need.filter((f) => cols[f] !== undefined && grid.text(row, cols[f]!) !== "");
    if (filled.length < 2) continue;
    // notes merged across the table repeat one text in every column: not data
    const texts = new Set(filled.map((f) => grid.text(row, cols[f]!)));
    if (texts.size >= 2 && !isFooterRow(grid, row)) return row;
  }
  return null;
}

/** What readRow needs of the table's header, worked out once per table. */
interface RowLayout {
  cols: Partial<Record<TableField, number>>;
  /** The records' column letters (one frozen object shared by every record of the table). */
  columns: Partial<Record<CaseField, string>>;
  /** The fields found and their columns, in header order. */
  fields: readonly [TableField, number][];
}

function readRow(
  grid: SheetGrid,
  row: number,
  layout: RowLayout,
  ctx: TableContext,
  position: number,
  findings: Finding[]
): CaseRecord {
  const { cols, columns } = layout;
  const cell = (f: TableField): CellData =>
    cols[f] === undefined ? EMPTY_CELL : grid.cell(row, cols[f]!);
  const text = (f: TableField): string => (cols[f] === undefined ? "" : grid.text(row, cols[f]!));

  const { fields } = layout;
  for (let i = 0; i < fields.length; i++) {
    // indexed, not destructured: this runs for every field of every row
    const f = fields[i][0];
    const col = fields[i][1];
    if (!grid.cell(row, col).missingResult) continue;
    const label = f === "prefecture" ? "所属市州" : CASE_FIELD_LABELS[f];
    findings.push(
      finding(
        "FILE",
        { file: ctx.file, sheet: grid.name, row, column: columnLetter(col) },
        `“${label}”单元格是公式，但文件中没有保存计算结果，无法读取其值：请在 Excel/WPS 中打开该文件、重新计算并保存后再导入`,
        { severity: "warning" }
      )
    );
  }

  const summaryCell = text("summary");
  const split = splitDirectionCell(summaryCell);
  // optional cells with an N/A mark ("/", "无", "—", "不适用") are empty, not values
  const directionColumn = optionalText(text("direction"));
  let direction = split.direction;
  let directionRaw = split.head;
  if (directionColumn !== "") {
    directionRaw = directionColumn;
    direction = parseDirection(directionColumn);
  }
  const categoryRaw = text("category");
  const levelCell = cell("level");
  const levelRaw = optionalText(text("level"));
  const scoreCell = cell("score");
  const usccCell = cell("uscc");
  const usccText = optionalText(usccCell.text);
  const dateCell = cell("date");
  const prefecture: PrefectureName | null =
    cols.prefecture !== undefined ? parsePrefecture(text("prefecture")) : null;
  return {
    prefecture,
    order: orderOf(cell("order")) ?? position,
    caseName: text("caseName"),
    enterprise: text("enterprise"),
    uscc: usccCell.num !== null ? normalizeUscc(usccCell.num) : normalizeUscc(usccText),
    category: parseCategory(categoryRaw),
    categoryRaw,
    direction,
    directionRaw,
    level: levelCell.num !== null ? parseLevel(levelCell.num) : parseLevel(levelRaw),
    levelRaw,
    summary: split.summary,
    summaryCell,
    contact: text("contact"),
    phone: toHalfWidth(text("phone")).replace(/\s+/g, " "),
    date: isNotApplicable(dateCell.text) ? null : cellIsoDate(dateCell, ctx.date1904),
    score: scoreCell.num ?? parseLooseNumber(scoreCell.text),
    source: { file: ctx.file, sheet: grid.name, row },
    columns,
    form: null,
  };
}
