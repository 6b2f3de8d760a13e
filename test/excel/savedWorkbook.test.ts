/**
 * The Excel host's sheets saved as an .xlsx (test/support/fakeWorkbook.ts) on realistic data read back through
 * readWorkbook exactly like the file writer's workbook of the same state: a 长沙 clerk's list built in the taskpane
 * from two Word forms and the demo's 长沙 workbook (also after reordering and removing rows in place), and the
 * province merge of the demo's 13 prefectures with scores typed into 全省汇总.
 */
import { columnLetter } from "../../src/core/findings";
import type { MergeResult } from "../../src/core/merge";
import {
  readWorkbook,
  readWorkbookContents,
  readWorkbookSubmissions,
} from "../../src/io/xlsx/readWorkbook";
import { writePrefectureWorkbook, writeProvinceWorkbook } from "../../src/io/xlsx/writeProvince";
import { asWritten } from "../../src/sheets/records";
import { reducer } from "../../src/taskpane/state/appState";
import { prefectureIndicators, prefectureView } from "../../src/taskpane/state/views";
import { fakeToXlsx } from "../support/fakeWorkbook";
import { changshaState, demoMerge, hostOnFake } from "./states";

const NOW = new Date("2024-12-18T09:30:00Z");

const setup = () => hostOnFake(NOW);

test("a 长沙 list from Word forms and a workbook reads back from Excel as from the file, also after edits in place", async () => {
  const { state } = await changshaState();
  const { fake, host } = setup();
  let current = state;
  const check = async () => {
    const view = prefectureView(current);
    const indicators = prefectureIndicators(current);
    await host.showPrefecture(view);
    await host.showIndicators(view.prefecture, indicators);
    const back = await readWorkbook(fakeToXlsx(fake.snapshot()), "长沙市推荐汇总表.xlsx");
    const file = await readWorkbook(
      await writePrefectureWorkbook({ ...view, indicators }, NOW.toISOString()),
      "长沙市推荐汇总表.xlsx"
    );
    expect(back.records.length).toBeGreaterThanOrEqual(5);
    expect(back.records).toEqual(view.records.map(asWritten));
    expect(back.records).toEqual(file.records);
    expect(back.meta).toEqual(file.meta);
    expect(back.meta).toEqual({
      recommender: "长沙市工业和信息化局",
      date: "2024-12-16",
      contact: "李文斌",
      phone: "0731-88665544",
    });
    expect(back.indicators?.values).toEqual(indicators?.values);
    expect(back.indicators?.header).toEqual(file.indicators?.header);
    expect(back.findings).toEqual(file.findings);
    expect(fake.formulaProblems()).toEqual([]);
  };
  await check();
  // the forms' cases were imported after the workbook's: the clerk moves the last one to the top, removes the second
  const n = current.records.length;
  current = reducer(current, { type: "moved", from: n - 1, to: 0 });
  current = reducer(current, { type: "removed", index: 1 });
  const adds = fake.operations().length;
  await check();
  expect(
    fake
      .operations()
      .slice(adds)
      .filter((o) => o.kind === "worksheets.add" || o.kind === "worksheet.delete")
  ).toEqual([]);
});

test("the province merge in Excel, with scores typed into 全省汇总, reads back as the province file", async () => {
  const merged: MergeResult = await demoMerge();
  const { fake, host } = setup();
  await host.showProvince(merged);
  const grid = fake.sheet("全省汇总")!.grid();
  const score = columnLetter(grid[0].indexOf("评审得分") + 1);
  fake.typeInto("全省汇总", `${score}2`, 91.5);
  fake.typeInto("全省汇总", `${score}7`, "８８分");
  const carry = await host.showProvince(merged);
  expect(carry).toEqual({ carried: 2, lost: [] });
  const scored = merged.records.map((r, i) => ({
    ...r,
    score: i === 0 ? 91.5 : i === 5 ? 88 : r.score,
  }));
  const { sub, contents } = await readWorkbookContents(
    fakeToXlsx(fake.snapshot()),
    "全省汇总.xlsx"
  );
  const file = await readWorkbookContents(
    await writeProvinceWorkbook({ ...merged, records: scored }, { recommender: "" }),
    "全省汇总.xlsx"
  );
  // a workbook we wrote is a list without its 推荐汇总表: read, and split per prefecture as the province file is
  expect(sub.ok).toBe(true);
  expect(sub.findings.filter((f) => f.code === "FILE")).toEqual([]);
  const parts = await readWorkbookSubmissions(fakeToXlsx(fake.snapshot()), "全省汇总.xlsx");
  expect(parts.map((p) => [p.file, p.ok])).toEqual(
    Object.keys(merged.meta).map((p) => [`全省汇总.xlsx（${p}）`, true])
  );
  expect(parts.flatMap((p) => p.records)).toEqual(sub.records);
  expect(sub.records).toHaveLength(merged.records.length);
  expect(sub.records).toEqual(scored.map(asWritten));
  expect(sub.records).toEqual(file.sub.records);
  expect(contents?.provinceIndicators).toEqual(file.contents?.provinceIndicators);
  expect(Object.keys(contents?.provinceIndicators ?? {})).toHaveLength(13);
  expect(fake.formulaProblems()).toEqual([]);
});
