/** Property tests (fast-check): the merge does not depend on input order, re-importing a file changes nothing, and the
 * duplicate index and R2 agree with naive O(n²) checks. */
import fc from "fast-check";
import { enterpriseIdentities, groupBy } from "../../src/core/duplicates";
import { mergeSubmissions } from "../../src/core/merge";
import type { CaseRecord } from "../../src/core/model";
import { normalizeEnterpriseName } from "../../src/core/normalize";
import { checkAcrossRows } from "../../src/core/rules";
import { defaultSettings } from "../../src/core/settings";
import { checkUscc, makeUscc } from "../../src/core/uscc";
import { DIRECTIONS, PREFECTURE_NAMES } from "../../src/core/vocabulary";
import { rec, submission } from "../core/records";

const CODES = [
  makeUscc("430100", "61593210"),
  makeUscc("430200", "73829104"),
  makeUscc("430300", "12345678"),
];
const NAMES = [
  "湖南华菱涟钢有限公司",
  "湖南 华菱涟钢有限公司（盖章）",
  "株洲中车时代电气有限公司",
  "湘潭电机有限公司",
  "长沙三一重工有限公司",
];
const CASES = [
  "钢铁企业分类分级防护实践",
  "钢铁企业分类分级防护实践案例",
  "轨道交通工控系统安全评估",
  "电机产线漏洞治理",
  "重工设备安全监测",
];

const record = fc.record({
  name: fc.constantFrom(...NAMES),
  code: fc.oneof(fc.constant(""), fc.constantFrom(...CODES), fc.constant("914302001922038000")),
  dir: fc.option(fc.constantFrom(...DIRECTIONS.map((d) => d.name)), { freq: 6 }),
  caseName: fc.constantFrom(...CASES),
});

const submissions = fc
  .uniqueArray(
    fc.record({
      prefecture: fc.constantFrom(...PREFECTURE_NAMES),
      version: fc.constantFrom("", "（修改版）"),
      rows: fc.array(record, { minLength: 1, maxLength: 5 }),
    }),
    { minLength: 1, maxLength: 6, selector: (s) => s.prefecture + s.version }
  )
  .map((list) =>
    list.map((s) =>
      submission(
        s.prefecture,
        `${s.prefecture}推荐汇总表${s.version}.xlsx`,
        s.rows.map((r, i) =>
          rec({
            enterprise: r.name,
            uscc: r.code,
            direction: r.dir,
            caseName: r.caseName,
            order: i + 1,
            row: i + 4,
          })
        )
      )
    )
  );

const settings = defaultSettings(2024);

describe("merge", () => {
  it("does not depend on the order of the inputs", () => {
    fc.assert(
      fc.property(submissions, fc.infiniteStream(fc.nat()), (subs, rnd) => {
        const shuffled = [...subs]
          .map((s) => ({ s, k: rnd.next().value }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.s);
        expect(mergeSubmissions(shuffled, settings)).toEqual(mergeSubmissions(subs, settings));
      }),
      { numRuns: 300 }
    );
  });

  it("merging a set that holds one file twice equals merging it once", () => {
    fc.assert(
      fc.property(submissions, fc.nat(), (subs, k) => {
        const twice = [...subs, structuredClone(subs[k % subs.length])];
        expect(mergeSubmissions(twice, settings)).toEqual(mergeSubmissions(subs, settings));
      }),
      { numRuns: 300 }
    );
  });
});

/** The naive identity of row i: its valid code; else the one valid code its name is given with anywhere; else its name. */
function naiveKey(rows: readonly CaseRecord[], i: number): string {
  const valid = (r: CaseRecord) =>
    r.uscc && checkUscc(r.uscc).valid ? checkUscc(r.uscc).normalized : null;
  const own = valid(rows[i]);
  if (own) return "C:" + own;
  const name = normalizeEnterpriseName(rows[i].enterprise);
  const codes = new Set<string>();
  for (const r of rows)
    if (valid(r) && normalizeEnterpriseName(r.enterprise) === name && name !== "")
      codes.add(valid(r)!);
  if (codes.size === 1) return "C:" + [...codes][0];
  return name === "" ? "" : "N:" + name;
}

const rows = fc
  .array(record, { maxLength: 25 })
  .map((list) =>
    list.map((r, i) =>
      rec({ enterprise: r.name, uscc: r.code, direction: r.dir, caseName: r.caseName, row: i + 4 })
    )
  );

describe("duplicate index", () => {
  it("enterpriseIdentities + groupBy agree with a pairwise comparison", () => {
    fc.assert(
      fc.property(rows, (list) => {
        const ids = enterpriseIdentities(list);
        const groups = [...groupBy(list, (_, i) => ids[i]).values()];
        const groupOf = new Map<number, number>();
        groups.forEach((g, gi) => g.forEach((i) => groupOf.set(i, gi)));
        const keys = list.map((_, i) => naiveKey(list, i));
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            const naive = keys[i] !== "" && keys[i] === keys[j];
            expect([
              i,
              j,
              groupOf.get(i) !== undefined && groupOf.get(i) === groupOf.get(j),
            ]).toEqual([i, j, naive]);
          }
        }
      }),
      { numRuns: 500 }
    );
  });

  it("R2 flags exactly the rows whose enterprise appears under another direction", () => {
    fc.assert(
      fc.property(rows, (list) => {
        const keys = list.map((_, i) => naiveKey(list, i));
        const expected = list
          .map((_, i) => i)
          .filter(
            (i) =>
              list[i].direction !== null &&
              keys[i] !== "" &&
              list.some(
                (r, j) =>
                  j !== i &&
                  keys[j] === keys[i] &&
                  r.direction !== null &&
                  r.direction !== list[i].direction
              )
          )
          .map((i) => list[i].source.row);
        const flagged = checkAcrossRows(list)
          .filter((f) => f.code === "R2")
          .map((f) => f.row);
        expect(flagged.sort((a, b) => a! - b!)).toEqual(expected);
      }),
      { numRuns: 500 }
    );
  });
});
