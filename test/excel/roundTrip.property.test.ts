/**
 * What the Excel host writes, saved as an .xlsx, reads back through readWorkbook exactly like the file writer's
 * workbook of the same list: every field of every record (= asWritten of what was shown), the 推荐汇总表's header and
 * footer, the 附件2 indicators — whether the sheets were first built or later updated in place over another list.
 * Generated lists as in test/property/roundTrip.property.test.ts (fast-check).
 */
import fc from "fast-check";
import type { PrefectureState } from "../../src/app/host";
import { PREFECTURE_NAMES } from "../../src/core/vocabulary";
import { createExcelHost } from "../../src/excel/excelHost";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";
import { asWritten } from "../../src/sheets/records";
import { createFakeExcel } from "../support/fakeExcel";
import { fakeToXlsx } from "../support/fakeWorkbook";
import { findingsOf, list, meta, written, type GeneratedList } from "../support/lists";

const NOW = () => new Date("2024-12-20T08:00:00Z");

function stateOf(l: GeneratedList): PrefectureState {
  return {
    prefecture: l.prefecture,
    meta: meta(l.prefecture),
    records: l.records,
    findings: findingsOf(l),
  };
}

async function shownAndSaved(lists: readonly GeneratedList[]) {
  const fake = createFakeExcel();
  const host = createExcelHost(fake.run, {
    download: async () => undefined,
    createWorkbook: fake.createWorkbook,
    now: NOW,
  });
  for (const l of lists) {
    await host.showPrefecture(stateOf(l));
    await host.showIndicators(l.prefecture, l.indicators);
  }
  return { fake, bytes: fakeToXlsx(fake.snapshot()) };
}

const same = async (l: GeneratedList, bytes: Uint8Array) => {
  const back = await readWorkbook(bytes, "清单.xlsx");
  const file = await readWorkbook(await written(l), "清单.xlsx");
  expect(back.ok).toBe(true);
  expect(back.records).toEqual(l.records.map(asWritten));
  expect(back.records).toEqual(file.records);
  expect(back.findings.filter((f) => f.code === "MAT" || f.severity === "error")).toEqual([]);
  expect(back.prefecture).toBe(l.prefecture);
  expect(back.meta).toEqual(meta(l.prefecture));
  expect(back.meta).toEqual(file.meta);
  if (l.indicators) {
    expect(back.indicators?.values).toEqual(l.indicators.values);
    expect(back.indicators?.header).toEqual(file.indicators?.header);
  }
};

test("a list shown in Excel and saved reads back as the file of the list, every field", async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...PREFECTURE_NAMES).chain(list), async (l) => {
      const { fake, bytes } = await shownAndSaved([l]);
      expect(fake.formulaProblems()).toEqual([]);
      await same(l, bytes);
    }),
    { numRuns: 30 }
  );
});

test("a list updated in place over another one reads back as the file of the new list", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...PREFECTURE_NAMES).chain((p) => fc.tuple(list(p), list(p))),
      async ([before, after]) => {
        const { fake, bytes } = await shownAndSaved([before, after]);
        expect(fake.formulaProblems()).toEqual([]);
        await same(after, bytes);
      }
    ),
    { numRuns: 30 }
  );
});
