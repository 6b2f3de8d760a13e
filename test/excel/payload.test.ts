/**
 * Excel on the web refuses a request or a response above 5 MB. 14 prefectures × 1,000 rows (the demo generator at
 * benchmark size, written to .xlsx and read back as the province would) make a 全省汇总 of about 10 MB: the host
 * must send it in syncs of about 1 MB and read back only the columns it needs, through createExcelHost().showProvince.
 */
import { columnLetter } from "../../src/core/findings";
import { mergeSubmissions, type MergeResult } from "../../src/core/merge";
import { defaultSettings } from "../../src/core/settings";
import { sampleData } from "../../src/cli/demo/sampleData";
import { writeSampleWorkbook } from "../../src/cli/demo/writeSample";
import { createExcelHost } from "../../src/excel/excelHost";
import { caseKey } from "../../src/core/identity";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";
import { createFakeExcel, PAYLOAD_LIMIT } from "../support/fakeExcel";
import { sheetOps } from "./states";

let merged: MergeResult;

beforeAll(async () => {
  const samples = sampleData(1000, true, true);
  const subs = [];
  for (const [i, s] of samples.entries())
    subs.push(
      await readWorkbook(await writeSampleWorkbook(s, i % 3), `${s.prefecture.name}推荐汇总表.xlsx`)
    );
  merged = mergeSubmissions(subs, defaultSettings(2024));
}, 120_000);

test("showProvince of 14 × 1,000 rows goes through in syncs of about 1 MB; scores read back and survive", async () => {
  expect(merged.records.length).toBe(14_000);
  const fake = createFakeExcel();
  const host = createExcelHost(fake.run, {
    download: async () => undefined,
    createWorkbook: fake.createWorkbook,
  });
  const before = fake.requestSizes().length;
  await host.showProvince(merged);
  const sizes = fake.requestSizes().slice(before);
  const total = sizes.reduce((a, b) => a + b, 0);
  // what one sync would have carried: more than Excel on the web takes
  expect(total).toBeGreaterThan(PAYLOAD_LIMIT);
  expect(Math.max(...sizes)).toBeLessThan(1.5 * 1024 * 1024);

  const s = fake.sheet("全省汇总")!;
  const grid = s.grid();
  expect(grid.length).toBe(14_001);
  const h = (name: string) => grid[0].indexOf(name);
  expect(grid[14_000][h("案例标识")]).toBe(caseKey(merged.records[13_999]));
  expect(grid[7_001][h("企业名称")]).toBe(merged.records[7_000].enterprise);
  expect(fake.sheet("地区指标")!.grid().length).toBe(16);

  // experts score two rows; the next merge reads them back (the identity and score columns only), keeps them with
  // their cases and rewrites the sheet in place, again in syncs of about 1 MB
  const score = columnLetter(h("评审得分") + 1);
  fake.typeInto("全省汇总", `${score}2`, 91);
  fake.typeInto("全省汇总", `${score}14001`, "８７.５");
  const scores = await host.readScores();
  expect(scores.map((c) => [c.caseName, c.enterprise, c.score])).toEqual([
    [merged.records[0].caseName, merged.records[0].enterprise, 91],
    [merged.records[13_999].caseName, merged.records[13_999].enterprise, 87.5],
  ]);
  const ops = fake.operations().length;
  await expect(host.showProvince(merged)).resolves.toEqual({ carried: 2, lost: [] });
  expect(fake.sheet("全省汇总")!.value(`${score}14001`)).toBe(87.5);
  expect(fake.sheet("全省汇总")!.value(`${score}2`)).toBe(91);
  expect(sheetOps(fake, ops)).toEqual([]);
  expect(Math.max(...fake.requestSizes())).toBeLessThan(1.5 * 1024 * 1024);

  // a sync failing halfway through the update of 全省汇总: it was partly updated, 地区指标 not yet; the next write
  // puts it right
  const partly = {
    ...merged,
    records: merged.records.map((r, i) => (i === 9 ? { ...r, score: 60 } : r)),
  };
  // the second of the big syncs that rewrite 全省汇总 (the ones before it read and plan)
  const startSync = fake.requestSizes().length;
  await host.showProvince(merged);
  const big = fake
    .requestSizes()
    .slice(startSync)
    .findIndex((n) => n > 500_000);
  expect(big).toBeGreaterThan(5);
  fake.failNextSync("模拟：连接中断", big + 1);
  await expect(host.showProvince(partly)).rejects.toThrow(
    "写入工作表“全省汇总”“地区指标”失败：模拟：连接中断。“全省汇总”只更新了一部分，再次写入即可改正；“地区指标”未改动"
  );
  await host.showProvince(partly);
  expect(fake.sheet("全省汇总")!.value(`${score}11`)).toBe(60);

  // selecting a finding's cell reads three source columns, never the whole sheet
  const f = merged.findings.find((x) => x.row !== null && x.file.startsWith("长沙市"));
  expect(f).toBeDefined();
  await expect(host.selectFinding(f!)).resolves.toBe(true);
  expect(fake.selection()).toMatch(/^全省汇总!/);
}, 120_000);

test("resuming from a 全省汇总 of 14 × 1,000 rows reads every case in responses of about 1 MB", async () => {
  const fake = createFakeExcel();
  const host = createExcelHost(fake.run, {
    download: async () => undefined,
    createWorkbook: fake.createWorkbook,
  });
  await host.showProvince(merged);
  const score = columnLetter(fake.sheet("全省汇总")!.grid()[0].indexOf("评审得分") + 1);
  fake.typeInto("全省汇总", `${score}14001`, 90);
  const from = fake.responseSizes().length;
  const work = await host.resume!();
  const sizes = fake.responseSizes().slice(from);
  expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(PAYLOAD_LIMIT);
  expect(Math.max(...sizes)).toBeLessThan(1.3 * 1024 * 1024);
  const submissions = work!.province!.submissions;
  expect(submissions).toHaveLength(14);
  expect(submissions.reduce((n, s) => n + s.records.length, 0)).toBe(14_000);
  expect(work!.province!.scores.map((c) => [c.caseName, c.score])).toEqual([
    [merged.records[13_999].caseName, 90],
  ]);
}, 120_000);
