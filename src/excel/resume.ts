/**
 * Resuming from the live workbook: the tool's own sheets read back into the work the taskpane had when it wrote them,
 * so that a clerk reopening yesterday's workbook finds the list, its order, the header and footer, the 附件2 values and
 * (the province) the merge with its scores in the pane again.
 *
 * One reader for a saved file and for the live workbook: each of our sheets is read into the file reader's grid
 * (sheetGrid.ts), and the grids go through readWorkbookGrids (src/io/xlsx/readWorkbook.ts) exactly as the sheets of a
 * file do — the own-workbook reader pairs 推荐汇总表 and 明细 by the hidden 案例标识, takes the clerk's reordering,
 * deleted and added rows and corrected cells as the clerk meant them, and names the cells where the two sheets
 * disagree. Only the sheets of our names are read (a clerk's other sheets stay unread), a few hundred rows a sync;
 * nothing is written.
 */
import type { ResumedWork } from "../app/host";
import { scoredCases } from "../core/scores";
import { readWorkbookGrids, splitSubmissions } from "../io/xlsx/readWorkbook";
import type { SheetGrid } from "../io/xlsx/reader/grid";
import { ANNEX3_SHEET } from "../sheets/annex3";
import { ANNEX2_SHEET, INDICATOR_SHEET } from "../sheets/indicators";
import { DETAIL_SHEET, PROVINCE_SHEET } from "../sheets/records";
import { readSheetGrid, type GridReadStats } from "./sheetGrid";
import type { ExcelRun, XlRequirements } from "./xl";

/** The file the findings of a resumed workbook name. */
export const RESUME_FILE = "本工作簿";

/** A prefecture's sheets (the Excel host's showPrefecture and showIndicators). */
const PREFECTURE_SHEETS = [ANNEX3_SHEET, DETAIL_SHEET, ANNEX2_SHEET] as const;
/** The province's sheets (showProvince). */
const PROVINCE_SHEETS = [PROVINCE_SHEET, INDICATOR_SHEET] as const;

/** Our sheets of the live workbook as grids, in the order named (a missing one left out). */
async function readGrids(
  run: ExcelRun,
  names: readonly string[],
  requirements: XlRequirements,
  stats?: GridReadStats
): Promise<Map<string, SheetGrid>> {
  return run(async (context) => {
    const out = new Map<string, SheetGrid>();
    for (const name of names) {
      const grid = await readSheetGrid(context, name, requirements, stats);
      if (grid) out.set(name, grid);
    }
    return out;
  });
}

/**
 * The work the workbook holds, or null when it has nothing of ours. A prefecture's list is there when its sheets read
 * as a 推荐汇总表 or 附件2 (the file reader's notion); the province's merge when 全省汇总 reads as our record sheet or
 * 地区指标 as ours. Throws what readSheetGrid throws (Excel refused a read): the workbook is unchanged.
 */
export async function resumeWork(
  run: ExcelRun,
  requirements: XlRequirements,
  stats?: GridReadStats
): Promise<ResumedWork | null> {
  const grids = await readGrids(
    run,
    [...PREFECTURE_SHEETS, ...PROVINCE_SHEETS],
    requirements,
    stats
  );
  const of = (names: readonly string[]) =>
    names.flatMap((n) => {
      const g = grids.get(n);
      return g ? [g] : [];
    });

  let prefecture: ResumedWork["prefecture"] = null;
  const mine = of(PREFECTURE_SHEETS);
  if (mine.length > 0) {
    const { sub } = readWorkbookGrids(mine, RESUME_FILE);
    if (sub.ok) {
      prefecture = {
        prefecture: sub.prefecture,
        meta: sub.meta,
        records: sub.records,
        indicators: sub.indicators,
        findings: sub.findings,
      };
    }
  }

  let province: ResumedWork["province"] = null;
  const merged = of(PROVINCE_SHEETS);
  if (merged.length > 0) {
    const { sub, contents } = readWorkbookGrids(merged, RESUME_FILE);
    if (sub.ok && contents && (contents.own || contents.provinceIndicators)) {
      // the scores are the experts' (they go to the merge as scored cases, as Host.readScores gives them); the
      // prefectures' submissions are as the prefectures sent them, unscored
      const scores = scoredCases(sub.records);
      const submissions = splitSubmissions(sub, contents, RESUME_FILE).map((s) => ({
        ...s,
        records: s.records.map((r) => ({ ...r, score: null })),
      }));
      province = { submissions, scores };
    }
  }
  return prefecture || province ? { file: RESUME_FILE, prefecture, province } : null;
}
