/**
 * One enterprise identity (issue 11.2): the hidden 企业标识 column of 全省汇总 holds the identity the rules compute
 * (core/duplicates enterpriseIdentities: a row without a credit code joins the code its name is known under), so the
 * live flags HUHANG.MULTIDIRECTION / HUHANG.CROSSREGION — evaluated here with src/core/formulas.ts over the very
 * ranges the formulas name, as the fake holds them — flag the rows R2 / R3 name. On the demo's 13 prefectures merged
 * with mergeSubmissions: R2 湘江重工 in 株洲 and 湘潭 (the 湘潭 row has no credit code and "（盖章）" after the name),
 * R3 南岳电控 in 衡阳 and 岳阳.
 */
import { columnLetter } from "../../src/core/findings";
import { crossRegion, multiDirection } from "../../src/core/formulas";
import type { MergeResult } from "../../src/core/merge";
import { findingsByRecord } from "../../src/core/recordRow";
import { checkUscc } from "../../src/core/uscc";
import { createExcelHost } from "../../src/excel/excelHost";
import { createFakeExcel, type FakeSheetView } from "../support/fakeExcel";
import { demoMerge } from "./states";

let merged: MergeResult;
let sheet: FakeSheetView;

async function show(result: MergeResult): Promise<FakeSheetView> {
  const fake = createFakeExcel();
  await createExcelHost(fake.run, {
    download: async () => undefined,
    createWorkbook: fake.createWorkbook,
  }).showProvince(result);
  return fake.sheet("全省汇总")!;
}

/** Each layout of the demo's workbooks in turn, and every prefecture in the official layout with its credit codes. */
const LAYOUTS: [string, (i: number, p: string) => number][] = [
  ["the demo's layouts in turn", (i, p) => (p === "郴州市" ? 0 : i % 3)],
  ["every list in the official layout with credit codes", () => 0],
];

/** The values of a range such as "AD2:AD80" as a one-column matrix. */
function values(range: string): unknown[][] {
  const [a, b] = range.split(":");
  const col = a.replace(/\d+/, "");
  const first = Number(a.replace(/[A-Z]+/, ""));
  const last = Number(b.replace(/[A-Z]+/, ""));
  expect(b.replace(/\d+/, "")).toBe(col);
  return Array.from({ length: last - first + 1 }, (_, i) => [sheet.value(`${col}${first + i}`)]);
}

/** A spilled flag column's formula, evaluated on the cells it names: the 0-based rows it flags. */
function flagged(header: string, fn: typeof multiDirection): number[] {
  const grid = sheet.grid();
  const at = `${columnLetter(grid[0].indexOf(header) + 1)}2`;
  const m = /^=HUHANG\.[A-Z]+\(([A-Z]+\d+:[A-Z]+\d+),([A-Z]+\d+:[A-Z]+\d+)\)$/.exec(
    sheet.formula(at) ?? ""
  );
  expect(m).not.toBeNull();
  return fn(values(m![1]), values(m![2])).flatMap((r, i) => (r[0] !== "" ? [i] : []));
}

function rowsWith(code: "R2" | "R3", message?: RegExp): number[] {
  return findingsByRecord(merged.records, merged.findings).flatMap((fs, i) =>
    fs.some((f) => f.code === code && (!message || message.test(f.message))) ? [i] : []
  );
}

const enterprises = (rows: number[]) => rows.map((i) => merged.records[i].enterprise);

describe.each(LAYOUTS)("%s", (_name, layout) => {
  beforeAll(async () => {
    merged = await demoMerge(undefined, layout);
    sheet = await show(merged);
  });

  test("HUHANG.MULTIDIRECTION over the sheet's columns flags exactly the rows R2 names", () => {
    const r2 = rowsWith("R2");
    expect(enterprises(r2)).toEqual([
      "湖南湘江重工装备股份有限公司",
      "湖南湘江重工装备股份有限公司（盖章）",
    ]);
    expect(flagged("多方向提示", multiDirection)).toEqual(r2);
  });

  test("HUHANG.CROSSREGION flags every row R3 names across prefectures, and only rows the rules flag", () => {
    const r3 = rowsWith("R3", /被多个市州重复推荐/);
    expect(enterprises(r3)).toEqual(["湖南南岳电控设备有限公司", "湖南南岳电控设备有限公司"]);
    const cross = flagged("多地推荐提示", crossRegion);
    expect(cross).toEqual(expect.arrayContaining(r3));
    // the other enterprise recommended by two prefectures is the R2 one (two directions, so not the same case)
    expect(cross.filter((i) => !r3.includes(i))).toEqual(rowsWith("R2"));
  });
});

test("the identity the flags group by is the rules': grouped by code-else-name the R2 pair would be missed", async () => {
  merged = await demoMerge(undefined, () => 0);
  sheet = await show(merged);
  const grid = sheet.grid();
  const col = (h: string) => grid[0].indexOf(h);
  const r2 = rowsWith("R2");
  // 株洲 gives the credit code, 湘潭 only the name (with "（盖章）"): the rules join them by the name
  expect(r2.map((i) => merged.records[i].uscc !== "")).toEqual([true, false]);
  expect(flagged("多方向提示", multiDirection)).toEqual(r2);
  // what 企业标识 used to hold: a valid credit code, else the enterprise name as written
  const old = grid.slice(1).map((r) => {
    const code = checkUscc(r[col("统一社会信用代码")]);
    return [code.valid ? code.normalized : r[col("企业名称")]];
  });
  const directions = grid.slice(1).map((r) => [r[col("申报方向")]]);
  expect(multiDirection(old, directions).flatMap((r, i) => (r[0] !== "" ? [i] : []))).toEqual([]);
});
