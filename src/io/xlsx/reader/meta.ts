/**
 * The lines around the 附件3 table: 推荐单位（盖章）：… and 日期：… above it, 联系人：… and 手机 / 座机：… below it,
 * written in one cell ("联系人：张三    手机：139…") or as a label cell with its value in the next cell.
 */
import { toHalfWidth } from "../../../core/text";
import type { SubmissionMeta } from "../../../core/model";
import { parseDateText } from "../cells";
import type { SheetGrid } from "./grid";

type MetaKey = keyof SubmissionMeta;

const LABEL_RE =
  /(推荐单位\s*(?:[(（]\s*盖章\s*[)）])?|填报单位|填报日期|推荐日期|日期|联系人|手机\s*[/／]\s*座机|座机\s*[/／]\s*手机|手机|座机|联系电话|电话)\s*[:：]/g;

const LABEL_ONLY_RE =
  /^(推荐单位(?:[(（]盖章[)）])?|填报单位|日期|填报日期|联系人|手机[/／]座机|手机|座机|联系电话|电话)[:：]?$/;

function keyOf(label: string): MetaKey {
  const s = label.replace(/\s/g, "");
  if (/单位/.test(s)) return "recommender";
  if (/日期/.test(s)) return "date";
  if (/联系人/.test(s)) return "contact";
  return "phone";
}

function store(meta: SubmissionMeta, key: MetaKey, raw: string): void {
  const value = raw.replace(/^[\s:：]+|[\s,，;；。]+$/g, "").trim();
  if (value === "" || meta[key] !== "") return;
  if (key === "date") meta.date = parseDateText(value) ?? value;
  else if (key === "phone") meta.phone = toHalfWidth(value).replace(/\s+/g, " ");
  else meta[key] = value;
}

/** Read 推荐单位 / 日期 / 联系人 / 手机 from one row into `meta` (first value found wins). */
export function scanMetaRow(grid: SheetGrid, row: number, meta: SubmissionMeta): void {
  const cols = grid.filledColumns(row);
  let prevCol = -1;
  for (let i = 0; i < cols.length; i++) {
    const col = cols[i];
    // a merged title over several columns is seen once
    const m = grid.mergeAt(row, col);
    if (m && m.left !== col && prevCol >= m.left) continue;
    prevCol = col;
    const text = grid.text(row, col);
    const onlyLabel = LABEL_ONLY_RE.exec(toHalfWidth(text).replace(/\s/g, ""));
    if (onlyLabel) {
      // the value is the next filled cell that is not itself a label
      const next = nextValueCell(grid, row, cols, i);
      if (next !== null) {
        const key = keyOf(onlyLabel[1]);
        const nc = grid.cell(row, next);
        store(meta, key, key === "date" && nc.date ? nc.text : grid.text(row, next));
      }
      continue;
    }
    const hits = [...text.matchAll(LABEL_RE)];
    for (let h = 0; h < hits.length; h++) {
      const start = hits[h].index! + hits[h][0].length;
      const end = h + 1 < hits.length ? hits[h + 1].index! : text.length;
      store(meta, keyOf(hits[h][1]), text.slice(start, end));
    }
  }
}

function nextValueCell(grid: SheetGrid, row: number, cols: number[], i: number): number | null {
  const here = grid.mergeAt(row, cols[i]);
  for (let j = i + 1; j < cols.length; j++) {
    const col = cols[j];
    if (here && col <= here.right) continue;
    const t = toHalfWidth(grid.text(row, col)).replace(/\s/g, "");
    if (LABEL_ONLY_RE.test(t)) return null;
    return col;
  }
  return null;
}

const NOTE_RE = /^(注意?|备注|说明|填表说明|填报说明)(\s*[:：]|\s*\d|$)/;
const FOOTER_RE =
  /^(联系人|手机\s*[/／]\s*座机|座机\s*[/／]\s*手机|手机|座机|联系电话|填表人|填报人|经办人)\s*[:：]|^(合\s*计|总\s*计|小\s*计)/;

/** The row starts the notes / footer under the table (注：…, 联系人：…, 手机/座机：…, 合计). */
export function isFooterRow(grid: SheetGrid, row: number): boolean {
  const cols = grid.filledColumns(row);
  if (cols.length === 0) return false;
  const first = toHalfWidth(grid.text(row, cols[0]));
  if (NOTE_RE.test(first) || FOOTER_RE.test(first)) return true;
  // "联系人" | "张三" | "手机" | "139…": label cells without a colon, on a short row
  return (
    cols.length <= 4 && LABEL_ONLY_RE.test(first.replace(/\s/g, "")) && !/单位|日期/.test(first)
  );
}
