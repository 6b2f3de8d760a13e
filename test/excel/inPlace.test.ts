/**
 * Edit in place (issue 11.6): what a clerk does in the taskpane — reorder, re-import a corrected form, remove a row,
 * change the 日期 / 联系人 of the header and footer — and a new score in 全省汇总 update the sheets where they stand:
 * no sheet is added, renamed or deleted, and the result is cell for cell what a fresh build of the same state gives.
 * What the clerk did around our cells survives: a column of their own (its cells move with their case, found by the
 * hidden key, a relative formula still pointing at its own row), column widths, and formulas elsewhere pointing at
 * 推荐汇总表 / 明细 (no #REF!). Only a missing sheet, or one whose header row is no longer ours, is rebuilt. A failure
 * at any operation of an update in place says truly which sheets were updated, partly updated or not changed, and the
 * next write puts everything right.
 */
import type { PrefectureState } from "../../src/app/host";
import { columnLetter } from "../../src/core/findings";
import { readImportFile } from "../../src/taskpane/io/readFiles";
import { reducer, type AppState } from "../../src/taskpane/state/appState";
import { prefectureView } from "../../src/taskpane/state/views";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { WorkbookState } from "../support/fakeExcel/state";
import { changshaState, demoMerge, hostOnFake, sheetOps } from "./states";

const SHEETS = ["推荐汇总表", "明细"];

const setup = () => hostOnFake();

/** Everything a sheet shows, cell by cell (cells left at Excel's defaults are no cells), and its sheet-wide parts. */
function print(wb: WorkbookState, name: string): string | null {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) return null;
  const cells = [...s.cells.entries()]
    .filter(
      ([, c]) =>
        c.value !== "" ||
        c.formula !== null ||
        c.numberFormat !== "General" ||
        c.fill !== null ||
        c.bold ||
        c.fontSize !== null ||
        c.wrap ||
        c.hAlign !== null
    )
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify({
    cells,
    merges: [...s.merges].sort((a, b) => a.row - b.row || a.col - b.col),
    validations: s.validations,
    hidden: s.hiddenColumns,
    widths: s.columnWidths,
    frozen: s.frozenRows,
    tables: s.tables,
  });
}

/** The state a fresh workbook shows for a state. */
async function fresh(view: PrefectureState): Promise<(string | null)[]> {
  const { fake, host } = setup();
  await host.showPrefecture(view);
  return SHEETS.map((n) => print(fake.snapshot(), n));
}

const FORMS = path.join(__dirname, "../taskpane/fixtures");

async function reimport(state: AppState, file: string, bytes: Uint8Array): Promise<AppState> {
  const read = await readImportFile(file, bytes, state.settings, state.prefecture);
  return reducer(reducer(state, { type: "previewed", files: [read] }), { type: "confirmed" });
}

/** The clerk's edits, one after the other, each shown. */
async function edits(start: AppState): Promise<[string, AppState][]> {
  const out: [string, AppState][] = [];
  let s = start;
  const n = s.records.length;
  s = reducer(s, { type: "moved", from: n - 1, to: 0 });
  out.push(["moved the last row to the top", s]);
  s = await reimport(
    s,
    "cs_good.docx",
    new Uint8Array(readFileSync(path.join(FORMS, "v2", "cs_good.docx")))
  );
  out.push(["re-imported a corrected form", s]);
  s = reducer(s, { type: "removed", index: 2 });
  out.push(["removed a row", s]);
  s = reducer(s, { type: "metaSet", field: "date", value: "2024-12-20" });
  s = reducer(s, { type: "metaSet", field: "contact", value: "王海燕" });
  out.push(["changed 日期 and 联系人", s]);
  s = reducer(s, { type: "restored" });
  out.push(["put the removed row back", s]);
  return out;
}

test("the clerk's edits update 推荐汇总表 and 明细 in place, cell for cell as a fresh build", async () => {
  const { state } = await changshaState();
  const { fake, host } = setup();
  await host.showPrefecture(prefectureView(state));
  for (const [what, s] of await edits(state)) {
    const view = prefectureView(s);
    const from = fake.operations().length;
    await host.showPrefecture(view);
    expect({ what, structural: sheetOps(fake, from) }).toEqual({ what, structural: [] });
    const got = SHEETS.map((n) => print(fake.snapshot(), n));
    const want = await fresh(view);
    expect({ what, sheets: got }).toEqual({ what, sheets: want });
  }
  expect(fake.sheet("推荐汇总表")!.value("A3")).toBe("日期：2024年12月20日");
  expect(String(fake.sheet("推荐汇总表")!.grid().at(-2)?.[0])).toBe("联系人：王海燕");
  expect(fake.formulaProblems()).toEqual([]);
});

test("a new score in the state updates 全省汇总 in place, as a fresh build of the scored merge", async () => {
  const merged = await demoMerge();
  const { fake, host } = setup();
  await host.showProvince(merged);
  const from = fake.operations().length;
  const scored = {
    ...merged,
    records: merged.records.map((r, i) => (i === 3 ? { ...r, score: 86 } : r)),
  };
  await host.showProvince(scored);
  expect(sheetOps(fake, from)).toEqual([]);
  const grid = fake.sheet("全省汇总")!.grid();
  const score = columnLetter(grid[0].indexOf("评审得分") + 1);
  expect(fake.sheet("全省汇总")!.value(`${score}5`)).toBe(86);
  // the sheet is what a fresh build of the scored merge gives
  const { fake: other, host: otherHost } = setup();
  await otherHost.showProvince(scored);
  expect(print(fake.snapshot(), "全省汇总")).toEqual(print(other.snapshot(), "全省汇总"));
});

test("a clerk's own column keeps its cells with their case; widths, print setup and formulas elsewhere survive", async () => {
  const { state } = await changshaState();
  const { fake, host } = setup();
  await host.showPrefecture(prefectureView(state));
  const names = () =>
    fake
      .sheet("推荐汇总表")!
      .grid()
      .slice(4)
      .filter((r) => typeof r[0] === "number")
      .map((r) => String(r[1]));
  const first = names();
  const detail = fake.sheet("明细")!;
  const after = columnLetter(detail.grid()[0].length + 1);
  // the clerk's own columns: 备注 beside the 推荐汇总表 (after the hidden key), 核对 at the end of 明细 with a formula
  // of the clerk's own on its row; a sheet of the clerk's own pointing at our cells; a column made wider
  await fake.run(async (context) => {
    const a3 = context.workbook.worksheets.getItem("推荐汇总表");
    a3.getRange("I4").values = [["备注"]];
    a3.getRange(`I5:I${4 + first.length}`).values = first.map((n) => [`备注：${n}`]);
    const d = context.workbook.worksheets.getItem("明细");
    d.getRange(`${after}1`).values = [["核对"]];
    d.getRange(`${after}2:${after}${1 + first.length}`).formulas = first.map((_, i) => [
      `=D${i + 2}&"/"&E${i + 2}`,
    ]);
    a3.getRange("B1").format.columnWidth = 300;
    a3.pageLayout.orientation = "Portrait";
    const mine = context.workbook.worksheets.add("核对表");
    mine.getRange("A1:B1").formulas = [["=推荐汇总表!C5", "=明细!D3"]];
    await context.sync();
  });
  const byCase = (sheet: string, col: string) => {
    const s = fake.sheet(sheet)!;
    const g = s.grid();
    const start = sheet === "推荐汇总表" ? 4 : 1;
    const nameCol = sheet === "推荐汇总表" ? 1 : 3;
    return Object.fromEntries(
      g
        .slice(start)
        .filter(
          (r) =>
            r[nameCol] !== "" &&
            !String(r[0]).startsWith("联系人") &&
            !String(r[0]).startsWith("手机")
        )
        .map((r, i) => [
          String(r[nameCol]),
          s.formula(`${col}${start + i + 1}`) ?? s.value(`${col}${start + i + 1}`),
        ])
    );
  };
  const dropped = new Set<string>();
  for (const [what, s] of await edits(state)) {
    await host.showPrefecture(prefectureView(s));
    const notes = byCase("推荐汇总表", "I");
    for (const n of first) if (!(n in notes) && !n.startsWith("工程机械智能工厂")) dropped.add(n);
    for (const [name, note] of Object.entries(notes)) {
      // a case's note is its own, also the corrected form's (its case name changed: found by the case itself); a row
      // removed and put back comes back without it (its cells went with the row)
      const own = name.startsWith("工程机械智能工厂")
        ? first.find((n) => n.startsWith("工程机械智能工厂"))
        : dropped.has(name)
          ? undefined
          : first.find((n) => n === name);
      expect({ what, name, note }).toEqual({ what, name, note: own ? `备注：${own}` : "" });
    }
    // the clerk's formula moved with its row and points at that row
    const d = fake.sheet("明细")!;
    d.grid()
      .slice(1)
      .forEach((r, i) => {
        if (r[3] === "") return;
        expect({ what, row: i + 2, f: d.formula(`${after}${i + 2}`) }).toEqual({
          what,
          row: i + 2,
          f: dropped.has(String(r[3])) ? null : `=D${i + 2}&"/"&E${i + 2}`,
        });
      });
    expect({ what, width: fake.sheet("推荐汇总表")!.columnWidth("B") }).toEqual({
      what,
      width: 300,
    });
    expect({ what, print: fake.sheet("推荐汇总表")!.print.orientation }).toEqual({
      what,
      print: "Portrait",
    });
    expect({ what, problems: fake.formulaProblems() }).toEqual({ what, problems: [] });
    expect(fake.sheet("核对表")!.formula("A1")).toBe("=推荐汇总表!C5");
  }
  expect(dropped.size).toBe(1);
  expect(Object.keys(byCase("推荐汇总表", "I")).sort()).toEqual(names().sort());
});

test("a sheet is rebuilt only when it is missing or its header row is not ours", async () => {
  const { state, view } = await changshaState();
  const { fake, host } = setup();
  await host.showPrefecture(view);
  const want = await fresh(view);
  // the clerk typed over the hidden key's header in 推荐汇总表 and deleted 明细
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem("推荐汇总表").getRange("H4").values = [["编号"]];
    context.workbook.worksheets.add("核对表").getRange("A1").formulas = [["=推荐汇总表!C5"]];
    context.workbook.worksheets.getItem("明细").delete();
    await context.sync();
  });
  let from = fake.operations().length;
  await host.showPrefecture(view);
  expect(sheetOps(fake, from)).toEqual([
    "worksheets.add 推荐汇总表~更新中",
    "worksheets.add 明细~更新中",
    "worksheet.name 推荐汇总表",
    "worksheet.name 推荐汇总表~更新中",
    "worksheet.name 明细~更新中",
    "worksheet.position 推荐汇总表",
    "worksheet.delete 推荐汇总表~备份",
  ]);
  expect(SHEETS.map((n) => print(fake.snapshot(), n))).toEqual(want);
  // a rebuild is what breaks a clerk's formula pointing at the sheet: why it happens only when it must
  expect(fake.sheet("核对表")!.formula("A1")).toBe("=#REF!C5");
  // ours again: the next write is in place
  from = fake.operations().length;
  await host.showPrefecture(prefectureView(reducer(state, { type: "moved", from: 0, to: 1 })));
  expect(sheetOps(fake, from)).toEqual([]);
});

test("a missing 明细 alone is rebuilt; 推荐汇总表 beside it is updated in place", async () => {
  const { state, view } = await changshaState();
  const { fake, host } = setup();
  await host.showPrefecture(view);
  await fake.run(async (context) => {
    context.workbook.worksheets.add("核对表").getRange("A1").formulas = [["=推荐汇总表!C5"]];
    context.workbook.worksheets.getItem("明细").delete();
    await context.sync();
  });
  const next = prefectureView(reducer(state, { type: "moved", from: 0, to: 2 }));
  const from = fake.operations().length;
  await host.showPrefecture(next);
  expect(sheetOps(fake, from)).toEqual([
    "worksheets.add 明细~更新中",
    "worksheet.name 明细~更新中",
  ]);
  expect(SHEETS.map((n) => print(fake.snapshot(), n))).toEqual(await fresh(next));
  expect(fake.sheet("核对表")!.formula("A1")).toBe("=推荐汇总表!C5");
  expect(fake.activeSheet()).toBe("推荐汇总表");
});

describe("a failure at any one operation of an update in place", () => {
  it("says which sheets were updated, partly updated or not changed, and the next write puts them right", async () => {
    const { state } = await changshaState();
    const [, edited] = (await edits(state))[0];
    const oldView = prefectureView(state);
    const newView = prefectureView(edited);
    const oldPrints = await fresh(oldView);
    const newPrints = await fresh(newView);
    const probe = setup();
    await probe.host.showPrefecture(oldView);
    const base0 = probe.fake.operations().length;
    await probe.host.showPrefecture(newView);
    const ops = probe.fake.operations().length - base0;
    expect(ops).toBeGreaterThan(40);
    const seen = new Set<string>();
    for (let i = 0; i < ops; i++) {
      const { fake, host } = setup();
      await host.showPrefecture(oldView);
      const base = fake.operations().length;
      fake.failOperation(base + i, { message: "模拟的 Excel 操作失败" });
      const message = await host.showPrefecture(newView).then(
        () => null,
        (e: Error) => e.message
      );
      const op = fake.operations()[base + i];
      const where = `${i}: ${op.kind} ${op.sheet ?? ""} → ${message}`;
      expect({ where, failed: message !== null }).toEqual({ where, failed: true });
      const prints = SHEETS.map((n) => print(fake.snapshot(), n));
      if (/原有内容未改动：/.test(message!)) {
        expect({ where, prints }).toEqual({ where, prints: oldPrints });
      } else {
        const m = /^写入工作表“推荐汇总表”“明细”失败：模拟的 Excel 操作失败。(.+)$/.exec(message!);
        expect({ where, matched: m !== null }).toEqual({ where, matched: true });
        const parts = m![1].split("；");
        SHEETS.forEach((n, k) => {
          const said = parts.find((p) => p.startsWith(`“${n}”`))!;
          seen.add(said.replace(/“.+?”/, "X"));
          if (said.endsWith("未改动"))
            expect({ where, n, print: prints[k] }).toEqual({ where, n, print: oldPrints[k] });
          if (said.endsWith("已更新"))
            expect({ where, n, print: prints[k] }).toEqual({ where, n, print: newPrints[k] });
          // 只更新了一部分 is said only of a sheet that did change
          if (said.includes("只更新了一部分"))
            expect({ where, n, changed: prints[k] !== oldPrints[k] }).toEqual({
              where,
              n,
              changed: true,
            });
        });
      }
      expect({ where, names: fake.sheetNames() }).toEqual({ where, names: ["Sheet1", ...SHEETS] });
      await host.showPrefecture(newView);
      expect({ where, prints: SHEETS.map((n) => print(fake.snapshot(), n)) }).toEqual({
        where,
        prints: newPrints,
      });
    }
    // each sheet's writes end with a sync of their own: a failure in 明细's says 推荐汇总表 was updated
    expect([...seen].sort()).toEqual(
      ["X可能已部分更新，再次写入即可改正", "X已更新", "X未改动"].sort()
    );
  });
});
