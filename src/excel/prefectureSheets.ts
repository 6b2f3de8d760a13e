/**
 * The prefecture clerk's two sheets: 推荐汇总表 in the official 附件3 layout (what gets stamped and sent) and 明细, an
 * Excel table with every field, dropdowns, highlighted problem rows and HUHANG flag formulas.
 */
import type { CaseRecord } from "../core/model";
import { CATEGORIES, DIRECTIONS, LEVELS, joinDirectionCell } from "../core/vocabulary";
import type { PrefectureState } from "../app/host";
import { findingsByRecord } from "../core/recordRow";
import { COL, recordCell, type ColumnId, type RecordColumn } from "./recordColumns";
import {
  FILL_ERROR,
  FILL_WARNING,
  columnWidths,
  headerRow,
  mergedLine,
  writeCells,
  writeColumn,
  type SheetJob,
} from "./sheetWriter";
import type { XlTable, XlWorksheet } from "./xl";

export const ANNEX3_SHEET = "推荐汇总表";
export const ANNEX3_TITLE = "护航新型工业化网络安全典型案例推荐汇总表";
export const ANNEX3_HEADERS = [
  "序号",
  "案例名称",
  "企业名称",
  "企业类别",
  "案例申报方向和简述（100字内）",
  "联系人",
  "联系方式",
] as const;
/** 0-based row of the 附件3 header; data follow it. */
export const ANNEX3_HEADER_ROW = 3;
const ANNEX3_WIDTHS = [6, 26, 26, 16, 50, 10, 16];

export const DETAIL_SHEET = "明细";
export const DETAIL_TABLE = "明细表";
export const MULTI_DIRECTION_HEADER = "多方向提示";

export const DETAIL_COLUMNS: readonly RecordColumn[] = [
  { id: "prefecture", width: 12, kind: "text" },
  { id: "order", width: 8, kind: "number" },
  { id: "caseName", width: 28, kind: "text" },
  { id: "enterprise", width: 28, kind: "text" },
  { id: "uscc", width: 21, kind: "text" },
  { id: "category", width: 18, kind: "text" },
  { id: "direction", width: 26, kind: "text" },
  { id: "level", width: 10, kind: "text" },
  { id: "summary", width: 40, kind: "text" },
  { id: "contact", width: 10, kind: "text" },
  { id: "phone", width: 15, kind: "text" },
  { id: "sourceFile", width: 24, kind: "text" },
  { id: "sourceSheet", width: 12, kind: "text" },
  { id: "sourceRow", width: 7, kind: "number" },
  { id: "problems", width: 48, kind: "text" },
  { id: "usccCheck", width: 24, kind: "formula" },
  { id: "enterpriseId", width: 21, kind: "text", hidden: true },
  { id: "sourceColumns", width: 10, kind: "text", hidden: true },
  { id: "key", width: 10, kind: "text", hidden: true },
];

/** Dropdown lists of the enumerated columns (names have no commas, so a comma-separated source is safe). */
const LISTS: Partial<Record<ColumnId, readonly string[]>> = {
  category: CATEGORIES,
  direction: DIRECTIONS.map((d) => d.name),
  level: LEVELS,
};

/** The six cells after 序号 in the official table; the 方向和简述 cell leads with the direction (方向：简述). */
export function annex3Cells(r: CaseRecord): string[] {
  const summaryCell = r.direction ? joinDirectionCell(r.direction, r.summary) : r.summaryCell;
  return [r.caseName, r.enterprise, r.category ?? r.categoryRaw, summaryCell, r.contact, r.phone];
}

export function annex3Job(state: PrefectureState): SheetJob {
  return {
    name: ANNEX3_SHEET,
    build(ws) {
      const width = ANNEX3_HEADERS.length;
      const n = state.records.length;
      mergedLine(ws, 0, width, ANNEX3_TITLE, { bold: true, size: 16, center: true });
      mergedLine(ws, 1, width, `推荐单位（盖章）：${state.meta.recommender}`);
      mergedLine(ws, 2, width, `日期：${state.meta.date}`);
      headerRow(ws, ANNEX3_HEADER_ROW, 0, ANNEX3_HEADERS);
      if (n > 0) {
        const first = ANNEX3_HEADER_ROW + 1;
        writeColumn(
          ws,
          first,
          0,
          "number",
          state.records.map((_, i) => i + 1)
        );
        writeCells(
          ws.getRangeByIndexes(first, 1, n, width - 1),
          "text",
          state.records.map(annex3Cells)
        );
        ws.getRangeByIndexes(first, 0, n, width).format.wrapText = true;
      }
      const last = ANNEX3_HEADER_ROW + n;
      mergedLine(ws, last + 2, width, `联系人：${state.meta.contact}`);
      mergedLine(ws, last + 3, width, `手机/座机：${state.meta.phone}`);
      columnWidths(ws, ANNEX3_WIDTHS);
      // wrapped 简述 must show every line when the sheet is printed and stamped
      if (n > 0) ws.getRangeByIndexes(ANNEX3_HEADER_ROW + 1, 0, n, width).format.autofitRows();
      ws.freezePanes.freezeRows(ANNEX3_HEADER_ROW + 1);
    },
  };
}

export function detailJob(state: PrefectureState): SheetJob {
  const cols = DETAIL_COLUMNS;
  const n = state.records.length;
  const index = (id: ColumnId) => cols.findIndex((c) => c.id === id);
  const flagCol = cols.length + 1; // one empty column between the table and the spilled MULTIDIRECTION flags
  let table: XlTable | null = null;
  return {
    name: DETAIL_SHEET,
    build(ws) {
      const own = findingsByRecord(state.records, state.findings);
      headerRow(
        ws,
        0,
        0,
        cols.map((c) => COL[c.id])
      );
      cols.forEach((c, j) => {
        if (c.kind !== "formula")
          writeColumn(
            ws,
            1,
            j,
            c.kind,
            state.records.map((r, i) => recordCell(c.id, r, own[i], r.score))
          );
      });
      // a table needs a body row: with no records it gets one empty row
      const bodyRows = Math.max(n, 1);
      table = ws.tables.add(ws.getRangeByIndexes(0, 0, bodyRows + 1, cols.length), true);
      table.style = "TableStyleLight9";
      if (n > 0)
        writeColumn(
          ws,
          1,
          index("usccCheck"),
          "formula",
          state.records.map(() => `=HUHANG.USCC([@${COL.uscc}])`)
        );
      for (const [id, list] of Object.entries(LISTS) as [ColumnId, readonly string[]][]) {
        ws.getRangeByIndexes(1, index(id), bodyRows, 1).dataValidation.rule = {
          list: { inCellDropDown: true, source: list.join(",") },
        };
      }
      own.forEach((fs, i) => {
        const fill = fs.some((f) => f.severity === "error")
          ? FILL_ERROR
          : fs.length > 0
            ? FILL_WARNING
            : null;
        if (fill) ws.getRangeByIndexes(1 + i, 0, 1, cols.length).format.fill.color = fill;
      });
      headerRow(ws, 0, flagCol, [MULTI_DIRECTION_HEADER]);
      columnWidths(
        ws,
        cols.map((c) => c.width)
      );
      columnWidths(ws, [24], flagCol);
      cols.forEach((c, j) => {
        if (c.hidden) ws.getRangeByIndexes(0, j, 1, 1).columnHidden = true;
      });
      ws.freezePanes.freezeRows(1);
    },
    after(ws: XlWorksheet) {
      if (table) table.name = DETAIL_TABLE;
      // names the table, so it is written once the table has its final name
      if (n > 0) {
        writeColumn(ws, 1, flagCol, "formula", [
          `=HUHANG.MULTIDIRECTION(${DETAIL_TABLE}[${COL.enterpriseId}],${DETAIL_TABLE}[${COL.direction}])`,
        ]);
      }
    },
  };
}
