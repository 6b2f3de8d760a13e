/**
 * The record sheets in Excel — 明细 (a prefecture's every field) and 全省汇总 (the province's merge, with the experts'
 * 评审得分) — rendered from their description (src/sheets/records.ts) as the file writer renders 明细: every column
 * with its header, width, look and rule, rows with an error light red and with warnings light yellow, the hidden
 * columns the reader needs. The three live columns are HUHANG formulas here instead of the values a file keeps:
 * 信用代码检查 per row, 多方向提示 and 多地推荐提示 spilled from their first body row over the hidden 企业标识 column
 * (the identity R2/R3 use, rowContexts) and the 申报方向 / 所属市州 columns.
 *
 * Updated in place when every one of our headers is still in the header row (found by text, wherever a clerk moved
 * it): the body rows are rewritten under them, rows beyond the new count emptied, a clerk's own columns carried with
 * their rows (clerkColumns.ts); widths, hidden state, print setup and formulas pointing here stay. Otherwise the sheet
 * is built anew.
 */
import { columnLetter, type Finding } from "../core/findings";
import type { CaseRecord } from "../core/model";
import { cleanText } from "../core/text";
import { normalizeUscc } from "../core/uscc";
import { parsePrefecture } from "../core/vocabulary";
import { parseDirection } from "../core/directionText";
import {
  asWritten,
  rowContexts,
  rowFill,
  type RecordColumn,
  type RecordColumnId,
  type RecordSheetSpec,
} from "../sheets/records";
import { clerkColumnsMove, type OldRow } from "./clerkColumns";
import {
  applyRule,
  fillColor,
  headerCells,
  kindOf,
  lookFormats,
  renderColumns,
  writeCells,
  type CellInput,
} from "./render";
import { findColumns, readColumns, readRow } from "./sheetRead";
import type { SheetJob } from "./sheetWriter";
import type { XlWorksheet } from "./xl";

/** Runs of consecutive positions: [start, length]. */
function segments(positions: readonly number[]): [number, number][] {
  const sorted = [...positions].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === p) last[1]++;
    else out.push([p, 1]);
  }
  return out;
}

/** Runs of consecutive rows with the same fill: [first row index, length, fill]. */
function fillRuns(
  fills: readonly ("error" | "warning" | null)[]
): [number, number, "error" | "warning"][] {
  const out: [number, number, "error" | "warning"][] = [];
  fills.forEach((f, i) => {
    if (!f) return;
    const last = out[out.length - 1];
    if (last && last[2] === f && last[0] + last[1] === i) last[1]++;
    else out.push([i, 1, f]);
  });
  return out;
}

interface Before {
  rows: number;
  /** Puts the clerk's own cells on the rows their cases move to. */
  moveClerk: ((ws: XlWorksheet) => void) | null;
}

export function recordSheetJob(
  spec: RecordSheetSpec,
  records: readonly CaseRecord[],
  findings: readonly Finding[],
  writtenAt: string
): SheetJob {
  const columns = spec.columns;
  const written = records.map(asWritten);
  const contexts = rowContexts(written, findings, writtenAt);
  const keys = contexts.map((c) => c.key);
  const n = written.length;
  const index = (id: RecordColumnId) => {
    const j = columns.findIndex((c) => c.id === id);
    if (j < 0) throw new Error(`内部错误：工作表“${spec.name}”没有“${id}”列`);
    return j;
  };

  /** The cells of a live column: HUHANG formulas over the columns where they stand. */
  const liveCells = (c: RecordColumn, pos: readonly number[]): CellInput[] => {
    const letter = (id: RecordColumnId) => columnLetter(pos[index(id)] + 1);
    const span = (id: RecordColumnId) => `${letter(id)}2:${letter(id)}${n + 1}`;
    switch (c.live) {
      case "usccCheck":
        return written.map((_, i) => `=HUHANG.USCC(${letter("uscc")}${i + 2})`);
      case "multiDirection":
        return written.map((_, i) =>
          i === 0 ? `=HUHANG.MULTIDIRECTION(${span("identity")},${span("direction")})` : null
        );
      case "crossRegion":
        return written.map((_, i) =>
          i === 0 ? `=HUHANG.CROSSREGION(${span("identity")},${span("prefecture")})` : null
        );
      default:
        throw new Error(`内部错误：“${c.header}”不是公式列`);
    }
  };

  const body = (ws: XlWorksheet, pos: readonly number[], before: Before | null) => {
    const segs = segments(pos);
    const old = before?.rows ?? 0;
    if (old > n) for (const [c, w] of segs) ws.getRangeByIndexes(1 + n, c, old - n, w).clear();
    if (n > 0) {
      if (before) for (const [c, w] of segs) ws.getRangeByIndexes(1, c, n, w).format.fill.clear();
      for (const [row, count, fill] of fillRuns(contexts.map((ctx) => rowFill(ctx.findings))))
        for (const [c, w] of segs)
          ws.getRangeByIndexes(1 + row, c, count, w).format.fill.color = fillColor(fill);
    }
    columns.forEach((c, j) => {
      if (before && c.rule)
        ws.getRangeByIndexes(1, pos[j], Math.max(n, old, 1), 1).dataValidation.clear();
      if (n === 0) return;
      const range = ws.getRangeByIndexes(1, pos[j], n, 1);
      if (c.live) {
        writeCells(
          range,
          "formula",
          liveCells(c, pos).map((v) => [v])
        );
        range.format.wrapText = true;
      } else {
        lookFormats(range, c.look, n);
        writeCells(
          range,
          kindOf(c.look),
          written.map((r, i) => [c.write(r, contexts[i])])
        );
      }
      if (c.rule) applyRule(range, c.rule);
    });
    before?.moveClerk?.(ws);
  };

  return {
    name: spec.name,
    print: spec.print,
    build(ws) {
      const pos = columns.map((_, j) => j);
      headerCells(ws, 0, columns, pos);
      renderColumns(ws, columns, pos);
      body(ws, pos, null);
      ws.freezePanes.freezeRows(spec.headerRow);
    },
    async inPlace(context, sheet) {
      const header = await readRow(context, sheet, 0, sheet.lastCol + 1);
      const pos = findColumns(
        header,
        columns.map((c) => c.header)
      );
      if (pos.some((p) => p < 0)) return null;
      const ours = new Set(pos);
      const extra: number[] = [];
      for (let c = 0; c <= sheet.lastCol; c++) if (!ours.has(c)) extra.push(c);
      let rows = Math.max(0, sheet.lastRow);
      let moveClerk: Before["moveClerk"] = null;
      if (extra.length > 0 && rows > 0) {
        // the rows are ours as far as the case key goes; a clerk's cells below them are not a row of ours
        const ids = ["key", "prefecture", "caseName", "enterprise", "uscc", "direction"] as const;
        const read = await readColumns(
          context,
          sheet,
          ids.map((id) => pos[index(id)]),
          1,
          rows
        );
        const [key, prefecture, caseName, enterprise, uscc, direction] = read.map((col) =>
          col.map((v) => cleanText(v))
        );
        while (rows > 0 && key[rows - 1] === "") rows--;
        const old: OldRow[] = key.slice(0, rows).map((k, i) => ({
          key: k,
          ref: {
            prefecture: parsePrefecture(prefecture[i]),
            caseName: caseName[i],
            enterprise: enterprise[i],
            uscc: normalizeUscc(uscc[i]),
            direction: parseDirection(direction[i]),
          },
        }));
        moveClerk = await clerkColumnsMove(context, sheet, extra, 1, old, keys, written);
      }
      const before: Before = { rows, moveClerk };
      return (ws) => body(ws, pos, before);
    },
  };
}
