/**
 * The chain as properties (fast-check): for generated prefecture lists — Word-form cases with their form's facts,
 * workbook rows, scores, duplicates, every category / direction / level — what the tool writes reads back as exactly
 * what it wrote (every field), writing what was read gives the same bytes, and the province merge of the lists is the
 * union of their cases with no R3.
 */
import fc from "fast-check";
import { mergeSubmissions } from "../../src/core/merge";
import type { CaseRecord } from "../../src/core/model";
import { PREFECTURE_NAMES } from "../../src/core/vocabulary";
import { assembleSubmissions, readInput } from "../../src/io/inputs";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";
import { asWritten } from "../../src/sheets/records";
import { list, meta, settings, written } from "../support/lists";

test("write → read gives the records written, every field, and the list's header, footer and 附件2", async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...PREFECTURE_NAMES).chain(list), async (l) => {
      const back = await readWorkbook(await written(l), "清单.xlsx");
      expect(back.ok).toBe(true);
      expect(back.records).toEqual(l.records.map(asWritten));
      expect(back.findings.filter((f) => f.code === "MAT" || f.severity === "error")).toEqual([]);
      expect(back.prefecture).toBe(l.prefecture);
      expect(back.meta).toEqual(meta(l.prefecture));
      if (l.indicators) {
        expect(back.indicators?.values).toEqual(l.indicators.values);
        expect(back.indicators?.header).toMatchObject(l.indicators.header);
      } else expect(back.indicators).toBeNull();
    }),
    { numRuns: 40 }
  );
});

test("write → read → write gives the same bytes", async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...PREFECTURE_NAMES).chain(list), async (l) => {
      const first = await written(l);
      const back = await readWorkbook(first, "清单.xlsx");
      const again = await written({
        prefecture: l.prefecture,
        records: back.records,
        indicators: l.indicators,
      });
      expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    }),
    { numRuns: 25 }
  );
});

test("the province merge of N own lists is the union of their cases, with no R3", async () => {
  const lists = fc
    .uniqueArray(fc.constantFrom(...PREFECTURE_NAMES), { minLength: 1, maxLength: 5 })
    .chain((ps) => fc.tuple(...ps.map(list)));
  await fc.assert(
    fc.asyncProperty(lists, async (ls) => {
      const reads = await Promise.all(
        ls.map(async (l) => readInput(`${l.prefecture}推荐汇总表.xlsx`, await written(l)))
      );
      const merged = mergeSubmissions(assembleSubmissions(reads), settings);
      const key = (r: CaseRecord) => JSON.stringify(r);
      expect(merged.records.map(key).sort()).toEqual(
        ls
          .flatMap((l) => l.records.map(asWritten))
          .map(key)
          .sort()
      );
      expect(merged.findings.filter((f) => f.code === "R3")).toEqual([]);
    }),
    { numRuns: 20 }
  );
});
