/**
 * 全省汇总: every merged record with its prefecture and source, the problems found, an empty 评审得分 column for the
 * experts, R2/R3 rows highlighted and the HUHANG.CROSSREGION / HUHANG.MULTIDIRECTION flags as spilled formulas.
 */
import { columnLetter } from "../core/findings";
import type { MergeResult } from "../core/merge";
import { caseKey } from "../core/identity";
import { findingsByRecord } from "../core/recordRow";
import { COL, recordCell, type ColumnId, type RecordColumn } from "./recordColumns";
import { FILL_ERROR, columnWidths, headerRow, writeColumn, type SheetJob } from "./sheetWriter";

export const PROVINCE_SHEET = "全省汇总";
export const CROSS_REGION_HEADER = "多地推荐提示";
export const MULTI_DIRECTION_HEADER_PROVINCE = "多方向提示";

type ProvinceColumn =
  | RecordColumn
  | { id: "crossRegion" | "multiDirection"; width: number; kind: "formula"; hidden?: false };

export const PROVINCE_COLUMNS: readonly ProvinceColumn[] = [
  { id: "prefecture", width: 12, kind: "text" },
  { id: "order", width: 8, kind: "number" },
  { id: "caseName", width: 28, kind: "text" },
  { id: "enterprise", width: 28, kind: "text" },
  { id: "uscc", width: 21, kind: "text" },
  { id: "category", width: 18, kind: "text" },
  { id: "direction", width: 26, kind: "text" },
  { id: "level", width: 10, kind: "text" },
  { id: "summaryCell", width: 44, kind: "text" },
  { id: "contact", width: 10, kind: "text" },
  { id: "phone", width: 15, kind: "text" },
  { id: "sourceFile", width: 24, kind: "text" },
  { id: "sourceSheet", width: 12, kind: "text" },
  { id: "sourceRow", width: 7, kind: "number" },
  { id: "problems", width: 48, kind: "text" },
  { id: "score", width: 10, kind: "number" },
  { id: "crossRegion", width: 30, kind: "formula" },
  { id: "multiDirection", width: 30, kind: "formula" },
  { id: "enterpriseId", width: 21, kind: "text", hidden: true },
  { id: "sourceColumns", width: 10, kind: "text", hidden: true },
  { id: "key", width: 10, kind: "text", hidden: true },
];

export function provinceHeader(c: ProvinceColumn): string {
  if (c.id === "crossRegion") return CROSS_REGION_HEADER;
  if (c.id === "multiDirection") return MULTI_DIRECTION_HEADER_PROVINCE;
  return COL[c.id];
}

/** `carried`: scores typed into an earlier 全省汇总 (by record key), kept where the record itself has none. */
export function provinceJob(result: MergeResult, carried: ReadonlyMap<string, number>): SheetJob {
  const cols = PROVINCE_COLUMNS;
  const n = result.records.length;
  const letter = (id: ColumnId) => columnLetter(cols.findIndex((c) => c.id === id) + 1);
  const span = (id: ColumnId) => `${letter(id)}2:${letter(id)}${n + 1}`;
  return {
    name: PROVINCE_SHEET,
    build(ws) {
      const own = findingsByRecord(result.records, result.findings);
      headerRow(ws, 0, 0, cols.map(provinceHeader));
      cols.forEach((c, j) => {
        if (c.id === "crossRegion" || c.id === "multiDirection") {
          if (n === 0) return;
          const f =
            c.id === "crossRegion"
              ? `=HUHANG.CROSSREGION(${span("enterpriseId")},${span("prefecture")})`
              : `=HUHANG.MULTIDIRECTION(${span("enterpriseId")},${span("direction")})`;
          writeColumn(ws, 1, j, "formula", [f]); // spills down the n rows
          return;
        }
        const id = c.id;
        writeColumn(
          ws,
          1,
          j,
          c.kind,
          result.records.map((r, i) =>
            recordCell(id, r, own[i], r.score ?? carried.get(caseKey(r)) ?? null)
          )
        );
      });
      own.forEach((fs, i) => {
        if (fs.some((f) => f.code === "R2" || f.code === "R3")) {
          ws.getRangeByIndexes(1 + i, 0, 1, cols.length).format.fill.color = FILL_ERROR;
        }
      });
      columnWidths(
        ws,
        cols.map((c) => c.width)
      );
      cols.forEach((c, j) => {
        if (c.hidden) ws.getRangeByIndexes(0, j, 1, 1).columnHidden = true;
      });
      ws.freezePanes.freezeRows(1);
    },
  };
}
