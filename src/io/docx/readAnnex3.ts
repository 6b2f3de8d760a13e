/**
 * The 附件3 推荐汇总表 as a Word table: the title, 推荐单位（盖章）：and 日期：as paragraphs (or rows) above it, the
 * header row (marked to repeat on each page, or typed again as a plain row), merged 序号 and header cells, blank and
 * note rows, 联系人：and 手机 / 座机：below it. The table becomes a grid (tableGrid.ts) and is read by the same header
 * and row logic as a workbook sheet (src/io/xlsx/reader/header.ts, annex3.ts, meta.ts), so the same table gives the
 * same records whatever the file. A table broken in two by the clerk (a page break between, the header typed again)
 * is read as one; its rows are numbered on through the second part.
 */
import { finding, type Finding } from "../../core/findings";
import type { CaseRecord, SubmissionMeta } from "../../core/model";
import { parsePrefecture, type PrefectureName } from "../../core/vocabulary";
import { readTable } from "../xlsx/reader/annex3";
import { findTableHeader, type TableHeader } from "../xlsx/reader/header";
import { scanMetaRow } from "../xlsx/reader/meta";
import type { SheetGrid } from "../xlsx/reader/grid";
import type { DocBlock, DocCell } from "./docxModel";
import { paragraphGrid, tableGrid } from "./tableGrid";

/** The part name of the table, used as the "sheet" of its records and findings. */
export const ANNEX3_PART = "推荐汇总表";

export interface Annex3Read {
  records: CaseRecord[];
  meta: SubmissionMeta;
  findings: Finding[];
  prefecture: PrefectureName | null;
}

interface Found {
  grid: SheetGrid;
  header: TableHeader;
  /** Block indexes of the first and the last table read. */
  first: number;
  last: number;
}

/** Words one of the cells of a 附件3 header row holds (案例名称, 简述, 申报方向…, misspelt or not). */
const HEADER_WORDS = /案|简|述|方向|项目名称/;

/**
 * A table that may hold the 附件3 header: a row of at least three short cells, one of them naming the case or the
 * 简述 (a quick look before the header is searched for properly: a form's label/value table has no such row).
 */
function mayHoldHeader(rows: readonly DocCell[][]): boolean {
  const last = Math.min(rows.length, 40);
  for (let r = 0; r < last; r++) {
    let short = 0;
    let named = false;
    for (const c of rows[r]) {
      if (c.text === "" || c.text.length > 40) continue;
      short += 1;
      if (!named && HEADER_WORDS.test(c.text)) named = true;
    }
    if (short >= 3 && named) return true;
  }
  return false;
}

/** The first table of the document with a 附件3 header, and the tables that continue it. */
function findTable(blocks: readonly DocBlock[]): Found | null {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== "table" || !mayHoldHeader(b.rows)) continue;
    const grid = tableGrid(ANNEX3_PART, b.rows);
    const header = findTableHeader(grid);
    if (!header) continue;
    const rows: DocCell[][] = [...b.rows];
    let last = i;
    // the tables that continue it: right after it (only empty paragraphs between), or with the header again a line
    // or two further ("续表", a page number)
    let between = 0;
    for (let j = i + 1; j < blocks.length; j++) {
      const n = blocks[j];
      if (n.kind === "p") {
        if (n.text.trim() !== "" && ++between > 2) break;
        continue;
      }
      if (
        between > 0 &&
        !(mayHoldHeader(n.rows) && findTableHeader(tableGrid(ANNEX3_PART, n.rows)))
      )
        break;
      rows.push(...n.rows);
      last = j;
      between = 0;
    }
    if (last === i) return { grid, header, first: i, last };
    const whole = tableGrid(ANNEX3_PART, rows);
    return { grid: whole, header: findTableHeader(whole) ?? header, first: i, last };
  }
  return null;
}

function texts(blocks: readonly DocBlock[]): string[] {
  return blocks.filter((b) => b.kind === "p").map((b) => (b.kind === "p" ? b.text : ""));
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
}

export function readAnnex3(blocks: readonly DocBlock[], file: string): Annex3Read | null {
  const found = findTable(blocks);
  if (!found) return null;
  const { grid, header } = found;
  const table = readTable(grid, header, { file, date1904: false });

  // 推荐单位 / 日期 above the table, then what the table itself holds, then 联系人 / 手机 below it
  let prev = found.first - 1;
  while (prev >= 0 && blocks[prev].kind === "p") prev--;
  let next = found.last + 1;
  while (next < blocks.length && blocks[next].kind === "p") next++;
  const meta: SubmissionMeta = { recommender: "", date: "", contact: "", phone: "" };
  const above = paragraphGrid(ANNEX3_PART, texts(blocks.slice(prev + 1, found.first)));
  for (let row = 1; row <= above.rowCount; row++) scanMetaRow(above, row, meta);
  for (const k of ["recommender", "date", "contact", "phone"] as const)
    if (!meta[k]) meta[k] = table.meta[k];
  const between = blocks.slice(found.first + 1, found.last).filter((b) => b.kind === "p");
  const below = paragraphGrid(
    ANNEX3_PART,
    texts([...between, ...blocks.slice(found.last + 1, next)])
  );
  for (let row = 1; row <= below.rowCount; row++) scanMetaRow(below, row, meta);

  // the prefecture: 推荐单位, a 所属市州 column agreeing on every row, the file name, the title
  let prefecture = parsePrefecture(meta.recommender);
  if (!prefecture && table.hasPrefectureColumn && table.records.length > 0) {
    const named = new Set(table.records.map((r) => r.prefecture));
    if (named.size === 1) prefecture = table.records[0].prefecture;
  }
  prefecture ??= parsePrefecture(baseName(file));
  for (const t of texts(blocks.slice(0, found.first)))
    if (!prefecture) prefecture = parsePrefecture(t);
  for (const r of table.records) r.prefecture ??= prefecture;

  const findings = [...table.findings];
  if (table.records.length === 0) {
    findings.push(
      finding("FILE", { file, sheet: ANNEX3_PART }, "推荐汇总表中没有填写任何案例行", {
        severity: "warning",
      })
    );
  }
  for (const f of findings) f.prefecture ??= prefecture;
  return { records: table.records, meta, findings, prefecture };
}
