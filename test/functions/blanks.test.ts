/**
 * Empty cells reach a custom function as "" or null in Excel on the web and as the NUMBER 0 in Excel on Windows and
 * Mac (office-js issues #4702, #5262). Every HUHANG function is called here with the empty cells of realistic data as
 * "", null, undefined and 0: the demo's merged list of 13 prefectures (about 100 rows) in which four rows lost both
 * their enterprise name and credit code, each under another direction and prefecture. With 0 taken for an enterprise,
 * those four rows would be one enterprise "0" with four directions in four prefectures, and be flagged with the two
 * real R2 rows (6 rows instead of 2).
 */
import { enterpriseIdentities } from "../../src/core/duplicates";
import { indicatorTable } from "../../src/core/indicators";
import { mergeSubmissions } from "../../src/core/merge";
import type { CaseRecord } from "../../src/core/model";
import { findingsByRecord } from "../../src/core/recordRow";
import { checkAll } from "../../src/core/rules";
import { defaultSettings } from "../../src/core/settings";
import { INDICATOR_DEFS } from "../../src/core/indicatorDefs";
import { LEVELS, PREFECTURE_NAMES } from "../../src/core/vocabulary";
import { sampleData } from "../../src/cli/demo/sampleData";
import { writeSampleWorkbook } from "../../src/cli/demo/writeSample";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";
import {
  coverageFn,
  crossRegionFn,
  multiDirectionFn,
  ratioFn,
  tierCountFn,
  usccFn,
} from "../../src/functions/functions";
import type { MergeResult } from "../../src/core/merge";

const BLANKS: [string, unknown][] = [
  ['""', ""],
  ["null", null],
  ["undefined", undefined],
  ["0 (Excel desktop)", 0],
];

let merged: MergeResult;
let records: CaseRecord[];
/** Columns as the 明细 / 全省汇总 sheets hold them, "" for an empty cell. */
let cols: {
  id: string[];
  direction: string[];
  prefecture: string[];
  level: string[];
  uscc: string[];
};
let blanked: number[];

beforeAll(async () => {
  const samples = sampleData();
  // three layouts of 附件3; 郴州's (the one with the planted bad credit codes) has a code column
  const subs = await Promise.all(
    samples.map(async (s, i) =>
      readWorkbook(
        await writeSampleWorkbook(s, s.prefecture.name === "郴州市" ? 0 : i % 3),
        `${s.prefecture.name}推荐汇总表.xlsx`
      )
    )
  );
  merged = mergeSubmissions(subs, defaultSettings(2024));
  // four rows of four prefectures and four directions lose their enterprise name and code
  const seen = new Set<string>();
  blanked = [];
  merged.records.forEach((r, i) => {
    if (blanked.length === 4 || !r.direction || !r.prefecture) return;
    if (seen.has(r.direction) || seen.has(r.prefecture)) return;
    // not the planted R2/R3 pairs, nor 郴州 (its planted bad credit codes stay for USCC)
    if (/湘江重工|南岳电控/.test(r.enterprise) || r.prefecture === "郴州市") return;
    seen.add(r.direction).add(r.prefecture);
    blanked.push(i);
  });
  records = merged.records.map((r, i) =>
    blanked.includes(i) ? { ...r, enterprise: "", uscc: "" } : r
  );
  // the hidden 企业标识 column holds the identity the rules use (a credit code, or the name)
  const ids = enterpriseIdentities(records).map((k) => k.replace(/^[CN]:/, ""));
  cols = {
    id: ids,
    direction: records.map((r) => r.direction ?? r.directionRaw),
    prefecture: records.map((r) => r.prefecture ?? ""),
    level: records.map((r) => r.level ?? r.levelRaw),
    uscc: records.map((r) => r.uscc),
  };
});

/** A column as Excel hands it over: one cell a row, each empty cell as `blank`. */
const column = (cells: readonly string[], blank: unknown): unknown[][] =>
  cells.map((v) => [v === "" ? blank : v]);

test("the data is what the file comment says", () => {
  expect(records.length).toBeGreaterThanOrEqual(90);
  expect(blanked).toHaveLength(4);
  expect(blanked.every((i) => cols.id[i] === "")).toBe(true);
  expect(new Set(blanked.map((i) => cols.direction[i])).size).toBe(4);
  expect(new Set(blanked.map((i) => cols.prefecture[i])).size).toBe(4);
  expect(cols.level.filter((l) => l === "").length).toBeGreaterThan(5);
  expect(cols.uscc.filter((u) => u === "").length).toBeGreaterThan(4);
});

describe.each(BLANKS)("empty cells as %s", (_label, blank) => {
  test("MULTIDIRECTION flags exactly the 2 rows R2 reports", () => {
    const out = multiDirectionFn(column(cols.id, blank), column(cols.direction, blank));
    const flagged = out.flatMap((r, i) => (r[0] !== "" ? [i] : []));
    const own = findingsByRecord(records, checkAll(records, {}, defaultSettings(2024)));
    const r2 = own.flatMap((fs, i) => (fs.some((f) => f.code === "R2") ? [i] : []));
    expect(r2).toHaveLength(2);
    expect(flagged).toEqual(r2);
    expect(records[flagged[0]].enterprise).toMatch(/湘江重工/);
    expect(out[flagged[0]][0]).toBe("多方向：分类分级、工控评估");
  });

  test("CROSSREGION flags exactly the rows of an enterprise recommended by two prefectures", () => {
    const out = crossRegionFn(column(cols.id, blank), column(cols.prefecture, blank));
    const places = new Map<string, Set<string>>();
    cols.id.forEach((id, i) => {
      if (id !== "") places.set(id, (places.get(id) ?? new Set()).add(cols.prefecture[i]));
    });
    const want = cols.id.map((id) => id !== "" && places.get(id)!.size > 1);
    expect(out.map((r) => r[0] !== "")).toEqual(want);
    expect(want.filter(Boolean)).toHaveLength(4); // 湘江重工 (株洲, 湘潭) and 南岳电控 (衡阳, 岳阳)
    expect(blanked.every((i) => out[i][0] === "")).toBe(true);
  });

  test("TIERCOUNT counts the levels and never an empty cell; an empty tier cell is an omitted tier", () => {
    const levels = column(cols.level, blank);
    const want = ["三级", "二级", "一级"].map((t) => cols.level.filter((l) => l === t).length);
    expect(cols.level.every((l) => l === "" || (LEVELS as readonly string[]).includes(l))).toBe(
      true
    );
    expect(tierCountFn(levels)).toEqual([want]);
    expect(tierCountFn(levels, "二级")).toEqual([[want[1]]]);
    expect(tierCountFn(levels, blank as null)).toEqual([want]);
  });

  test("USCC is silent on every empty code cell and explains every bad one", () => {
    const out = cols.uscc.map((u) => usccFn((u === "" ? blank : u) as string));
    cols.uscc.forEach((u, i) => {
      if (u === "") expect({ i, out: out[i] }).toEqual({ i, out: "" });
    });
    const bad = out.filter((o) => o !== "");
    expect(bad.length).toBeGreaterThan(0); // the demo plants a wrong check character
    expect(bad.every((o) => /统一社会信用代码|校验/.test(o))).toBe(true);
    expect(usccFn([[blank]] as unknown as string)).toBe("");
  });
});

describe("RATIO and COVERAGE, where 0 is a value", () => {
  /** The 14 prefectures' column of one indicator; 长沙 left 整改 and 株洲 the training share blank. */
  const indicator = (key: (typeof INDICATOR_DEFS)[number]["key"], blank: unknown) =>
    PREFECTURE_NAMES.map((p) => {
      const v = merged.indicators[p]?.values[key];
      if (
        (p === "长沙市" && key === "icsRisksFixed") ||
        (p === "株洲市" && key === "trainingKeyPct")
      )
        return [blank];
      return [typeof v === "number" ? v : blank];
    });

  test.each(BLANKS.slice(0, 3))("blanks as %s give the CLI's numbers", (_label, blank) => {
    const sets = { ...merged.indicators };
    const cs = { ...sets["长沙市"]!, values: { ...sets["长沙市"]!.values } };
    delete cs.values.icsRisksFixed;
    const zz = { ...sets["株洲市"]!, values: { ...sets["株洲市"]!.values } };
    delete zz.values.trainingKeyPct;
    const total = indicatorTable({ ...sets, 长沙市: cs, 株洲市: zz })[14].derived;
    expect(
      ratioFn(indicator("icsRisksFixed", blank), indicator("icsRisksFound", blank))
    ).toBeCloseTo(total.icsFixRate!, 12);
    expect(
      coverageFn(indicator("trainingEnterprises", blank), indicator("trainingKeyPct", blank))
    ).toBeCloseTo(total.trainingKeyPct! / 100, 12);
  });

  test('blanks as 0 cannot be told from a real 0: the sheets pass IF(ISBLANK(r),"",r) (test/excel/indicatorFormulas)', () => {
    const asBlank = ratioFn(indicator("icsRisksFixed", ""), indicator("icsRisksFound", ""));
    const asZero = ratioFn(indicator("icsRisksFixed", 0), indicator("icsRisksFound", 0));
    expect(asZero).toBeLessThan(asBlank as number);
  });
});
