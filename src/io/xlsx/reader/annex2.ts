/**
 * The 附件2 成效突出地区 indicators on a sheet, laid out either as label/value pairs (label cell, value in the next
 * filled cell to the right, maybe a unit cell after it) or as a table (a header row of labels, a row of values below;
 * with one row per prefecture the row of this prefecture is taken). Header answers (申报单位名称, 是/否 questions,
 * 申报方向, contacts) are read from label/value pairs too.
 */
import { columnLetter, finding, type Finding } from "../../../core/findings";
import { INDICATOR_DEF_BY_KEY, matchIndicatorLabel } from "../../../core/indicatorDefs";
import {
  emptyIndicatorValues,
  type IndicatorHeaderKey,
  type IndicatorKey,
  type IndicatorValues,
} from "../../../core/model";
import { toHalfWidth } from "../../../core/text";
import { parsePrefecture, type PrefectureName } from "../../../core/vocabulary";
import type { SheetGrid } from "./grid";
import { normalizeHeader } from "./header";
import { looksNumeric, readIndicatorCell } from "./indicatorValue";

export interface IndicatorContext {
  file: string;
  /** The prefecture the file belongs to, when already known (picks the row of a multi-prefecture table). */
  prefecture: PrefectureName | null;
}

export interface IndicatorRead {
  values: IndicatorValues;
  /** How many indicator labels were recognised (a sheet with fewer than 2 is not an 附件2 sheet). */
  labels: number;
  findings: Finding[];
}

const SCAN_ROWS = 400;
const MAX_LABEL = 80;

const HEADER_LABELS: ReadonlyArray<[IndicatorHeaderKey, RegExp]> = [
  ["classifiedManagement", /^是否.*分类分级管理/],
  ["keyEnterpriseList", /^是否.*重点企业清单/],
  ["regionDirection", /^(申报)?方向$/],
  ["unitName", /^(申报)?单位(名称)?$|^申报单位名称$/],
  ["leader", /^负责人(姓名)?$/],
  ["leaderTitle", /^(负责人)?职务$/],
  ["contactDept", /^部门(及|和|、)?职务$|^部门$/],
  ["contactName", /^(联系人)?姓名$|^联系人$/],
  ["contactPhone", /^(联系)?(电话|手机)$|^联系方式$/],
  ["contactEmail", /^(电子)?邮箱(地址)?$|^(电子)?邮件$|^E-?MAIL$/],
];

export function matchHeaderAnswer(text: string): IndicatorHeaderKey | null {
  if (text.length > MAX_LABEL) return null;
  const s = normalizeHeader(text);
  for (const [key, re] of HEADER_LABELS) if (re.test(s)) return key;
  return null;
}

function indicatorLabel(text: string): IndicatorKey | null {
  if (text === "" || text.length > MAX_LABEL) return null;
  return matchIndicatorLabel(toHalfWidth(text));
}

const UNIT_RE = /^[(（]?(家|个|项|场|名|期|次|期\/次|%|％|人|户|万元)[)）]?$/;

const TICKED_RE = /[☑☒■√✓✔]\s*((总体|安全管理|服务赋能)成效突出地区)/;

export function readIndicators(grid: SheetGrid, ctx: IndicatorContext): IndicatorRead {
  const table = findIndicatorTable(grid);
  if (table !== null) return readTableLayout(grid, table, ctx);
  return readPairLayout(grid, ctx);
}

// ---------------------------------------------------------------------------------------------------------------
// Label/value pairs

function readPairLayout(grid: SheetGrid, ctx: IndicatorContext): IndicatorRead {
  const out = emptyIndicatorValues(ctx.prefecture, { file: ctx.file, sheet: grid.name, row: null });
  const findings: Finding[] = [];
  const seen = new Set<IndicatorKey>();
  const last = Math.min(grid.rowCount, SCAN_ROWS);
  for (let row = 1; row <= last; row++) {
    const cols = grid.filledColumns(row);
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i];
      const m = grid.mergeAt(row, col);
      if (m && (m.left !== col || m.top !== row)) continue; // each merged label once
      const c = grid.cell(row, col);
      if (looksNumeric(c)) continue;
      const text = grid.text(row, col);
      const valueCol = nextValueColumn(grid, row, cols, i);
      const answer = matchHeaderAnswer(text);
      if (answer) {
        if (valueCol !== null && out.header[answer] === undefined) {
          const v = grid.text(row, valueCol);
          const ticked = answer === "regionDirection" ? TICKED_RE.exec(v) : null;
          out.header[answer] = ticked ? ticked[1] : v;
        }
        continue;
      }
      const key = indicatorLabel(text);
      if (key && /名单/.test(text)) {
        // "三级企业名单" | "湖南甲公司、湖南乙公司": a list written in one cell
        if (valueCol !== null && !out.lists[key])
          out.lists[key] = splitNames(grid.cell(row, valueCol).text);
        continue;
      }
      if (!key || seen.has(key)) continue;
      seen.add(key);
      out.values[key] = null;
      if (valueCol === null) {
        // not filled: point at the cell right of the label, where the value belongs
        out.cells[key] = { sheet: grid.name, row, column: columnLetter((m ? m.right : col) + 1) };
        continue;
      }
      const cell = grid.cell(row, valueCol);
      out.cells[key] = { sheet: grid.name, row, column: columnLetter(valueCol) };
      const r = readIndicatorCell(key, cell);
      if (r.kind === "number") out.values[key] = r.value;
      else if (r.kind === "text")
        findings.push(unreadable(ctx.file, grid.name, row, valueCol, key, r.text));
    }
  }
  return { values: out, labels: seen.size, findings };
}

/** The next filled cell to the right that is not itself a label (a unit cell such as 家 is not a value either). */
function nextValueColumn(grid: SheetGrid, row: number, cols: number[], i: number): number | null {
  const here = grid.mergeAt(row, cols[i]);
  for (let j = i + 1; j < cols.length; j++) {
    const col = cols[j];
    if (here && col <= here.right) continue;
    const c = grid.cell(row, col);
    if (looksNumeric(c)) return col;
    const text = grid.text(row, col);
    if (UNIT_RE.test(text) || indicatorLabel(text) || matchHeaderAnswer(text)) return null;
    return col;
  }
  return null;
}

/** Names separated by 、，；or line breaks. */
export function splitNames(text: string): string[] {
  return text
    .split(/[、,，;；\n]+/)
    .map((t) => t.replace(/^\s*\d+\s*[.、．)）]\s*/, "").trim())
    .filter((t) => t !== "");
}

function unreadable(
  file: string,
  sheet: string,
  row: number,
  col: number,
  key: IndicatorKey,
  text: string
): Finding {
  return finding(
    "REQ",
    { file, sheet, row, column: columnLetter(col) },
    `地区指标“${INDICATOR_DEF_BY_KEY[key].label}”的值“${text}”不是数字，无法汇总：请填写阿拉伯数字`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Table layout: a header row of indicator labels

interface IndicatorTable {
  row: number;
  columns: Map<number, IndicatorKey>;
}

function findIndicatorTable(grid: SheetGrid): IndicatorTable | null {
  const last = Math.min(grid.rowCount, 60);
  for (let row = 1; row <= last; row++) {
    const columns = new Map<number, IndicatorKey>();
    const keys = new Set<IndicatorKey>();
    for (const col of grid.filledColumns(row)) {
      const c = grid.cell(row, col);
      if (looksNumeric(c)) continue;
      const key = indicatorLabel(grid.text(row, col));
      if (key && !keys.has(key)) {
        keys.add(key);
        columns.set(col, key);
      }
    }
    if (keys.size >= 3) return { row, columns };
  }
  return null;
}

const TOTAL_RE = /^(合\s*计|总\s*计|小\s*计|全省)/;

function readTableLayout(
  grid: SheetGrid,
  table: IndicatorTable,
  ctx: IndicatorContext
): IndicatorRead {
  const findings: Finding[] = [];
  const dataRows: { row: number; prefecture: PrefectureName | null }[] = [];
  const valueCols = [...table.columns.keys()];
  for (let row = table.row + 1; row <= grid.rowCount; row++) {
    const cols = grid.filledColumns(row);
    if (cols.length === 0) continue;
    const first = grid.text(row, cols[0]);
    if (TOTAL_RE.test(first) || /^(注|备注|说明)/.test(first)) continue;
    if (!valueCols.some((c) => cols.includes(c))) continue;
    let prefecture: PrefectureName | null = null;
    for (const col of cols) {
      if (table.columns.has(col) || looksNumeric(grid.cell(row, col))) continue;
      prefecture = parsePrefecture(grid.text(row, col));
      if (prefecture) break;
    }
    dataRows.push({ row, prefecture });
  }

  let chosen: (typeof dataRows)[number] | undefined;
  if (dataRows.length === 1) chosen = dataRows[0];
  else if (dataRows.length > 1 && ctx.prefecture)
    chosen = dataRows.find((d) => d.prefecture === ctx.prefecture);
  const out = emptyIndicatorValues(ctx.prefecture ?? chosen?.prefecture ?? null, {
    file: ctx.file,
    sheet: grid.name,
    row: null,
  });
  for (const key of table.columns.values()) out.values[key] = null;

  if (!chosen) {
    if (dataRows.length > 1) {
      const who = ctx.prefecture ? `未找到“${ctx.prefecture}”所在行` : "无法确定本文件属于哪个市州";
      findings.push(
        finding(
          "FILE",
          { file: ctx.file, sheet: grid.name, row: table.row },
          `工作表“${grid.name}”列有 ${dataRows.length} 行地区指标，${who}，未读取指标：请只保留本市州一行，或在行首写明市州名称`,
          { severity: "warning" }
        )
      );
    }
    for (const [col, key] of table.columns)
      out.cells[key] = { sheet: grid.name, row: table.row, column: columnLetter(col) };
    return { values: out, labels: table.columns.size, findings };
  }

  for (const [col, key] of table.columns) {
    out.cells[key] = { sheet: grid.name, row: chosen.row, column: columnLetter(col) };
    const r = readIndicatorCell(key, grid.cell(chosen.row, col));
    if (r.kind === "number") out.values[key] = r.value;
    else if (r.kind === "text")
      findings.push(unreadable(ctx.file, grid.name, chosen.row, col, key, r.text));
  }
  return { values: out, labels: table.columns.size, findings };
}

/** Copy what `from` has and `into` lacks (several sheets may each hold part of the indicators). */
export function mergeIndicatorValues(into: IndicatorValues, from: IndicatorValues): void {
  for (const [k, v] of Object.entries(from.values) as [IndicatorKey, number | null][]) {
    const cur = into.values[k];
    if (cur === undefined || (cur === null && v !== null)) {
      into.values[k] = v;
      if (from.cells[k]) into.cells[k] = from.cells[k];
    }
  }
  for (const [k, v] of Object.entries(from.header) as [IndicatorHeaderKey, string][]) {
    if (into.header[k] === undefined || into.header[k] === "") into.header[k] = v;
  }
  for (const [k, v] of Object.entries(from.lists) as [IndicatorKey, string[]][])
    if (!into.lists[k]) into.lists[k] = v;
  if (!into.prefecture && from.prefecture) into.prefecture = from.prefecture;
}
