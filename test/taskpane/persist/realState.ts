/**
 * A realistic AppState: the clerk's fixtures read by the page's own readers (a Word 申报表 written by python-docx and a
 * 推荐汇总表 written by openpyxl, test/taskpane/fixtures/make_fixtures.py), confirmed into the list, an indicator typed,
 * a score — the kinds of data the keeper must carry through storage and back.
 */
import { scoredCases } from "../../../src/core/scores";
import { readFileSync } from "node:fs";
import path from "node:path";
import { readImportFile } from "../../../src/taskpane/io/readFiles";
import { initialState, reducer, type AppState } from "../../../src/taskpane/state/appState";

const FIXTURES = path.join(__dirname, "..", "fixtures");

export async function realState(): Promise<AppState> {
  let s = initialState();
  const files = [];
  for (const name of ["cs_good.docx", "zz_list.xlsx"])
    files.push(
      await readImportFile(
        name,
        new Uint8Array(readFileSync(path.join(FIXTURES, name))),
        s.settings,
        null
      )
    );
  s = reducer(s, { type: "previewed", files });
  s = reducer(s, { type: "confirmed" });
  s = reducer(s, { type: "indicatorSet", key: "tier3", value: 12 });
  const scored = s.records[0];
  s = reducer(s, { type: "scoresRead", scores: scoredCases([{ ...scored, score: 88.5 }]) });
  return s;
}
