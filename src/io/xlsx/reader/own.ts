/**
 * Reading back a workbook the tool wrote (as a file, or saved from Excel): recognised by its record sheet (明细 or
 * 全省汇总, src/sheets/records.ts) and read ONCE, every field from the record sheet, paired with the official
 * 推荐汇总表 rows by the hidden case key (else by the case itself).
 *
 * A clerk's edits after writing are read the way the clerk meant:
 * - the 推荐汇总表 is the list that gets stamped: its rows, in its order, are the cases (a row deleted there is gone,
 *   a row added there is a new case); a 明细 row whose case was deleted from it is left out, a 明细 row the clerk added
 *   (no key) is taken in — each with a located warning;
 * - a cell corrected in either sheet: the fingerprint of what was written tells which sheet changed, and that one is
 *   taken; where the two sheets disagree a located finding names both cells — nothing is picked silently.
 */
import { columnLetter, finding, type Finding } from "../../../core/findings";
import { caseKey } from "../../../core/identity";
import { INDICATOR_DEFS } from "../../../core/indicatorDefs";
import type { IndicatorMap } from "../../../core/indicators";
import { parsePrefecture } from "../../../core/vocabulary";
import type { CaseRecord, SubmissionMeta } from "../../../core/model";
import { cleanText } from "../../../core/text";
import { joinDirectionCell, splitDirectionCell } from "../../../core/directionText";
import { parseCategory } from "../../../core/vocabulary";
import { ANNEX3_SHEET, KEY_HEADER } from "../../../sheets/annex3";
import {
  PROVINCE_COLUMNS as INDICATOR_COLUMNS,
  PROVINCE_HEADERS as INDICATOR_HEADERS,
  PROVINCE_ROWS as INDICATOR_ROWS,
  STATUS_HEADER,
} from "../../../sheets/indicators";
import { recognizeFindingsHeader } from "../../../sheets/findings";
import {
  formOfDraft,
  OFFICIAL_FIELDS,
  officialFields,
  unchangedSinceWritten,
  type OfficialField,
} from "../../../sheets/hiddenColumns";
import {
  DETAIL_SHEET,
  PROVINCE_SHEET,
  recognizeRecordHeader,
  recordColumn,
  RECORD_COLUMNS,
  scoreFromText,
  type ReadCell,
  type RecordColumnId,
  type RecordDraft,
} from "../../../sheets/records";
import { toIsoDate, type CellData } from "../cells";
import type { TableRead } from "./annex3";
import type { SheetGrid } from "./grid";
import { findTableHeader } from "./header";

export interface OwnWorkbook {
  /** The record sheet (明细 or 全省汇总). */
  recordSheet: SheetGrid;
  /** The official 推荐汇总表, when the workbook still has one. */
  annex3: SheetGrid | null;
  /** Sheets the reader must not read as data (问题清单). */
  skip: Set<SheetGrid>;
}

function headerRow(grid: SheetGrid): string[] {
  const out: string[] = [];
  for (let c = 1; c <= grid.colCount; c++) out.push(grid.text(1, c));
  return out;
}

/** Whether the workbook is one the tool wrote: it has one of our record sheets. */
export function recognizeOwnWorkbook(grids: readonly SheetGrid[]): OwnWorkbook | null {
  const records = grids.filter((g) => recognizeRecordHeader(headerRow(g)));
  if (records.length === 0) return null;
  const recordSheet =
    records.find((g) => cleanText(g.name) === DETAIL_SHEET) ??
    records.find((g) => cleanText(g.name) === PROVINCE_SHEET) ??
    records[0];
  const others = grids.filter((g) => g !== recordSheet && !records.includes(g));
  const withTable = others.filter((g) => findTableHeader(g) !== null);
  const annex3 = withTable.find((g) => cleanText(g.name) === ANNEX3_SHEET) ?? withTable[0] ?? null;
  const skip = new Set<SheetGrid>([
    ...records,
    ...others.filter((g) => recognizeFindingsHeader(headerRow(g))),
  ]);
  return { recordSheet, annex3, skip };
}

export interface OwnRead {
  records: CaseRecord[];
  meta: SubmissionMeta;
  findings: Finding[];
}

interface DetailRow {
  row: number;
  draft: RecordDraft;
  key: string;
  fingerprint: string;
}

function blankDraft(file: string, sheet: string, row: number): RecordDraft {
  return {
    prefecture: null,
    order: row - 1,
    caseName: "",
    enterprise: "",
    uscc: "",
    category: null,
    categoryRaw: "",
    direction: null,
    directionRaw: "",
    level: null,
    levelRaw: "",
    summary: "",
    summaryCell: "",
    contact: "",
    phone: "",
    date: null,
    score: null,
    source: { file, sheet, row },
    columns: {},
    form: null,
    formExtra: null,
    formSeen: false,
  };
}

function cellText(c: CellData, fallback: string): string {
  if (c.date) return toIsoDate(c.date);
  return fallback;
}

/** The record sheet's rows, every field. */
function readRecordSheet(grid: SheetGrid, file: string, findings: Finding[]): DetailRow[] {
  const col = new Map<RecordColumnId, number>();
  for (let c = 1; c <= grid.colCount; c++) {
    const h = grid.text(1, c);
    const def = RECORD_COLUMNS.find((d) => d.header === h);
    if (def && !col.has(def.id)) col.set(def.id, c);
  }
  const out: DetailRow[] = [];
  const scoreCol = col.get("score");
  // hot (every row): the columns that read into the draft, in sheet order, found once
  const readers = [...col].flatMap(([id, c]) => {
    const read = recordColumn(id).read;
    return read ? [{ read, c }] : [];
  });
  // one view for every cell read (a read takes what it needs from it and keeps nothing: see ReadCell)
  const view: ReadCell = { text: "", raw: "", num: null };
  for (let r = 2; r <= grid.rowCount; r++) {
    const text = (id: RecordColumnId) => {
      const c = col.get(id);
      return c === undefined ? "" : grid.text(r, c);
    };
    if (text("caseName") === "" && text("enterprise") === "" && text("summary") === "") continue;
    const draft = blankDraft(file, grid.name, r);
    const sourceGiven = text("sourceFile") !== "";
    for (const { read, c } of readers) {
      const cell = grid.cell(r, c);
      view.text = cellText(cell, grid.text(r, c));
      view.raw = cell.text;
      view.num = cell.num;
      read(view, draft);
    }
    // a row a clerk added by hand has no source: it points at itself
    if (!sourceGiven) draft.source = { file, sheet: grid.name, row: r };
    if (scoreCol !== undefined) readScore(grid, r, scoreCol, draft, file, findings);
    draft.summaryCell = joinDirectionCell(draft.direction, draft.summary);
    out.push({ row: r, draft, key: text("key"), fingerprint: text("written") });
  }
  return out;
}

/** 评审得分: a number, a number typed as text ("88.5", "８８．５", "88.5分"); anything else a located warning. */
function readScore(
  grid: SheetGrid,
  row: number,
  col: number,
  draft: RecordDraft,
  file: string,
  findings: Finding[]
): void {
  const c = grid.cell(row, col);
  const text = grid.text(row, col);
  if (c.error === null && !c.missingResult && c.num !== null && Number.isFinite(c.num)) {
    draft.score = c.num;
    return;
  }
  if (text === "" && c.error === null) return;
  const n = c.error === null ? scoreFromText(text) : null;
  if (n !== null) {
    draft.score = n;
    return;
  }
  findings.push(
    finding(
      "REQ",
      { file, sheet: grid.name, row, column: columnLetter(col) },
      `评审得分“${text}”不是数字，已按未评分处理。请填写数字（如 88.5）后重新导入。`,
      { severity: "warning", enterprise: draft.enterprise || null, prefecture: draft.prefecture }
    )
  );
}

function finalRecord(draft: RecordDraft): CaseRecord {
  const { formExtra: _e, formSeen: _s, ...record } = draft;
  return { ...record, form: formOfDraft(draft) };
}

const FIELD_LABEL: Record<OfficialField, string> = {
  caseName: "案例名称",
  enterprise: "企业名称",
  category: "企业类别",
  summaryCell: "案例申报方向和简述",
  contact: "联系人",
  phone: "联系方式",
};

/** Which 明细 column shows an official field (the 方向和简述 cell is the 申报方向 and 简述 columns together). */
const DETAIL_COLUMN_OF: Record<OfficialField, RecordColumnId> = {
  caseName: "caseName",
  enterprise: "enterprise",
  category: "category",
  summaryCell: "summary",
  contact: "contact",
  phone: "phone",
};

/** Apply one official field's value to the record. */
function setOfficial(r: CaseRecord, field: OfficialField, value: string): void {
  switch (field) {
    case "category":
      r.category = parseCategory(value);
      r.categoryRaw = value;
      break;
    case "summaryCell": {
      const split = splitDirectionCell(value);
      r.direction = split.direction;
      r.directionRaw = split.direction ?? split.head;
      r.summary = split.summary;
      r.summaryCell = joinDirectionCell(r.direction, r.summary);
      break;
    }
    default:
      r[field] = value;
  }
}

const same = (a: string, b: string) => cleanText(a) === cleanText(b);

/**
 * Read a workbook the tool wrote. `table` is the 推荐汇总表 as the generic 附件3 reader read it (its meta lines and
 * rows), or null when the workbook has none.
 */
export function readOwnWorkbook(own: OwnWorkbook, table: TableRead | null, file: string): OwnRead {
  const findings: Finding[] = [];
  const details = readRecordSheet(own.recordSheet, file, findings);
  const detailSheet = own.recordSheet.name;
  if (!table || !own.annex3) {
    return {
      records: details.map((d) => finalRecord(d.draft)),
      meta: { recommender: "", date: "", contact: "", phone: "" },
      findings,
    };
  }
  const annex3 = own.annex3;
  // the hidden key of each 推荐汇总表 row
  let keyCol = 0;
  const headerTop = Math.max(1, (table.records[0]?.source.row ?? 2) - 1);
  for (let r = 1; r <= headerTop && keyCol === 0; r++) {
    for (let c = 1; c <= annex3.colCount; c++) if (annex3.text(r, c) === KEY_HEADER) keyCol = c;
  }
  const byKey = new Map<string, DetailRow>();
  const byCase = new Map<string, DetailRow[]>();
  for (const d of details) {
    if (d.key) byKey.set(d.key, d);
    const k = caseKey(d.draft);
    byCase.set(k, [...(byCase.get(k) ?? []), d]);
  }
  const used = new Set<DetailRow>();
  const at = (row: number, column: string | null) => ({ file, sheet: annex3.name, row, column });

  const out: CaseRecord[] = [];
  table.records.forEach((t, i) => {
    const row = t.source.row!;
    const key = keyCol ? annex3.text(row, keyCol) : "";
    let d = key ? byKey.get(key) : undefined;
    if (!d) d = (byCase.get(caseKey(t)) ?? []).find((x) => !used.has(x) && (!x.key || !key));
    if (!d || used.has(d)) {
      out.push({ ...t, order: i + 1 });
      if (key) {
        findings.push(
          finding(
            "MAT",
            at(row, "B"),
            `推荐汇总表第 ${row} 行的案例在“${detailSheet}”中已没有对应行：已按推荐汇总表读取，统一社会信用代码、网络安全级别等信息缺失，请核对`,
            { severity: "warning", enterprise: t.enterprise || null }
          )
        );
      }
      return;
    }
    used.add(d);
    const record = finalRecord(d.draft);
    reconcile(record, t, d, (column, message, severity) =>
      findings.push(
        finding("MAT", at(row, column), message, {
          severity,
          enterprise: record.enterprise || null,
        })
      )
    );
    out.push(record);
  });

  const oneList = new Set(out.map((r) => r.prefecture)).size <= 1;
  if (oneList) {
    // a prefecture's list: its recommendation order is the 推荐汇总表's
    const detailOrder = out.map((r) => r.order);
    out.forEach((r, i) => (r.order = i + 1));
    if (detailOrder.some((o, i) => o !== i + 1) && detailOrder.every((o) => o > 0)) {
      findings.push(
        finding(
          "MAT",
          { file, sheet: detailSheet, row: null, column: columnOfDetail(own, "order") },
          `“${detailSheet}”的“推荐顺序”与推荐汇总表的行序不同：已按推荐汇总表的顺序读取`,
          { severity: "warning" }
        )
      );
    }
  }

  for (const d of details) {
    if (used.has(d)) continue;
    const where = { file, sheet: detailSheet, row: d.row, column: columnOfDetail(own, "caseName") };
    if (d.key) {
      findings.push(
        finding(
          "MAT",
          where,
          `“${detailSheet}”第 ${d.row} 行的案例“${d.draft.caseName}”已不在推荐汇总表中，未计入：如仍要推荐，请在推荐汇总表中补上该行`,
          { severity: "warning", enterprise: d.draft.enterprise || null }
        )
      );
      continue;
    }
    const record = finalRecord(d.draft);
    record.order = out.length + 1;
    out.push(record);
    findings.push(
      finding(
        "MAT",
        where,
        `“${detailSheet}”第 ${d.row} 行的案例“${d.draft.caseName}”是新加的，推荐汇总表中没有这一行：已计入，请在推荐汇总表中补上以便盖章报送`,
        { severity: "warning", enterprise: d.draft.enterprise || null }
      )
    );
  }
  return { records: out, meta: table.meta, findings };
}

function columnOfDetail(own: OwnWorkbook, id: RecordColumnId): string | null {
  const header = recordColumn(id).header;
  for (let c = 1; c <= own.recordSheet.colCount; c++) {
    if (own.recordSheet.text(1, c) === header) return columnLetter(c);
  }
  return null;
}

/**
 * Decide each official field between the 推荐汇总表 row (t) and the 明细 record: equal → nothing to say; only one
 * changed since writing → that one, with a warning naming both cells; both changed (or no fingerprint) → the
 * 推荐汇总表's (the stamped list), with an error naming both cells.
 */
function reconcile(
  record: CaseRecord,
  t: CaseRecord,
  d: DetailRow,
  say: (column: string, message: string, severity: "error" | "warning") => void
): void {
  const table = officialFields(t);
  const detail = officialFields(record);
  const letters = ["B", "C", "D", "E", "F", "G"];
  OFFICIAL_FIELDS.forEach((field, i) => {
    if (same(table[field], detail[field])) return;
    const tableKept = unchangedSinceWritten(d.fingerprint, field, table[field]);
    const detailKept = unchangedSinceWritten(d.fingerprint, field, detail[field]);
    const label = FIELD_LABEL[field];
    const detailCell = `“明细”第 ${d.row} 行“${recordColumn(DETAIL_COLUMN_OF[field]).header}”`;
    const both = `推荐汇总表为“${table[field]}”，${detailCell}为“${detail[field]}”`;
    if (tableKept === true && detailKept === false) {
      say(
        letters[i],
        `“${label}”两表不一致：${both}；明细是写出后修改的，已按明细读取，请同步修改推荐汇总表`,
        "warning"
      );
      return;
    }
    setOfficial(record, field, table[field]);
    if (detailKept === true && tableKept === false) {
      say(
        letters[i],
        `“${label}”两表不一致：${both}；推荐汇总表是写出后修改的，已按推荐汇总表读取`,
        "warning"
      );
    } else {
      say(
        letters[i],
        `“${label}”两表不一致：${both}；无法判断以哪张表为准，已按推荐汇总表读取，请核对后改成一致`,
        "error"
      );
    }
  });
}

/**
 * A 地区指标 sheet of our own (src/sheets/indicators.ts): each reported prefecture's row back into its indicators.
 * null when the sheet is not ours.
 */
export function readProvinceIndicators(grid: SheetGrid, file: string): IndicatorMap | null {
  const headers = INDICATOR_HEADERS.map((_, i) => grid.text(INDICATOR_ROWS.header, i + 1));
  if (headers.some((h, i) => h !== INDICATOR_HEADERS[i])) return null;
  const statusCol = INDICATOR_HEADERS.indexOf(STATUS_HEADER) + 1;
  const out: IndicatorMap = {};
  for (let r = INDICATOR_ROWS.first; r <= INDICATOR_ROWS.last; r++) {
    const prefecture = parsePrefecture(grid.text(r, 1));
    if (!prefecture || grid.text(r, statusCol) !== "已报") continue;
    const values: Partial<Record<(typeof INDICATOR_DEFS)[number]["key"], number | null>> = {};
    const cells: NonNullable<IndicatorMap[typeof prefecture]>["cells"] = {};
    for (const def of INDICATOR_DEFS) {
      const column = INDICATOR_COLUMNS.byKey[def.key];
      const col = [...column].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
      const c = grid.cell(r, col);
      values[def.key] = c.num !== null && Number.isFinite(c.num) ? c.num : null;
      cells[def.key] = { sheet: grid.name, row: r, column };
    }
    out[prefecture] = {
      prefecture,
      values,
      header: {},
      lists: {},
      source: { file, sheet: grid.name, row: r },
      cells,
    };
  }
  return out;
}
