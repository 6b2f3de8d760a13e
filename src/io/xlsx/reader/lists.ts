/**
 * Name lists attached to 附件2 ("请附名单"): a sheet such as 三级企业名单 listing enterprises under a 企业名称 header,
 * or one table with 级别 + 企业名称 columns covering 三级 / 二级 / 一级 at once.
 */
import type { IndicatorKey } from "../../../core/model";
import { matchIndicatorLabel } from "../../../core/indicatorDefs";
import { toHalfWidth } from "../../../core/text";
import { parseLevel, type Level } from "../../../core/vocabulary";
import type { SheetGrid } from "./grid";
import { matchHeader } from "./header";
import { isFooterRow } from "./meta";

export interface ListsRead {
  lists: Partial<Record<IndicatorKey, string[]>>;
  /** The sheet is a name list (it then holds no indicator values). */
  isListSheet: boolean;
}

const LEVEL_KEYS: Partial<Record<Level, IndicatorKey>> = {
  三级: "tier3",
  二级: "tier2",
  一级: "tier1",
};

/** The key a list title names: "三级企业名单" → tier3; null when the title is not a list of an indicator. */
function listKeyOf(title: string): IndicatorKey | null {
  const s = toHalfWidth(title).replace(/\s/g, "");
  if (!/名单|清单/.test(s)) return null;
  return matchIndicatorLabel(s.replace(/(附件?\d*[:：]?)|名单|清单/g, ""));
}

export function readLists(grid: SheetGrid): ListsRead {
  const empty: ListsRead = { lists: {}, isListSheet: false };
  // the title: the sheet's name, or a title line above the header
  let key = listKeyOf(grid.name);
  let headerRow = 0;
  let nameCol = 0;
  let levelCol = 0;
  const last = Math.min(grid.rowCount, 10);
  for (let row = 1; row <= last && headerRow === 0; row++) {
    const cols = grid.filledColumns(row);
    for (const col of cols) {
      const f = matchHeader(grid.text(row, col));
      if (f === "enterprise" && nameCol === 0) nameCol = col;
      else if (f === "level" && levelCol === 0) levelCol = col;
      else if (f === "caseName" || f === "summary") return empty; // a 附件3-like table, not a list
    }
    if (nameCol !== 0) headerRow = row;
    else {
      levelCol = 0;
      if (key === null && cols.length > 0) key = listKeyOf(grid.text(row, cols[0]));
    }
  }
  if (headerRow === 0 || (key === null && levelCol === 0)) return empty;

  const lists: Partial<Record<IndicatorKey, string[]>> = {};
  for (let row = headerRow + 1; row <= grid.rowCount; row++) {
    if (isFooterRow(grid, row)) break;
    const name = grid.text(row, nameCol);
    if (name === "") continue;
    let target: IndicatorKey | null = key;
    if (levelCol !== 0) {
      const c = grid.cell(row, levelCol);
      const level = c.num !== null ? parseLevel(c.num) : parseLevel(grid.text(row, levelCol));
      target = (level && LEVEL_KEYS[level]) ?? null;
    }
    if (target === null) continue;
    (lists[target] ??= []).push(name);
  }
  return { lists, isListSheet: true };
}
