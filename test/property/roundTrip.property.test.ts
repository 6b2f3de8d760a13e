/**
 * The chain as properties (fast-check): for generated prefecture lists — Word-form cases with their form's facts,
 * workbook rows, scores, duplicates, every category / direction / level — what the tool writes reads back as exactly
 * what it wrote (every field), writing what was read gives the same bytes, and the province merge of the lists is the
 * union of their cases with no R3.
 */
import fc from "fast-check";
import { FORM_COLUMNS } from "../../src/core/application";
import { INDICATOR_DEFS } from "../../src/core/indicatorDefs";
import { mergeSubmissions } from "../../src/core/merge";
import type { CaseRecord, FormFacts, IndicatorValues } from "../../src/core/model";
import { checkAll } from "../../src/core/rules";
import { defaultSettings } from "../../src/core/settings";
import { makeUscc } from "../../src/core/uscc";
import {
  bureauName,
  CATEGORIES,
  joinDirectionCell,
  DIRECTIONS,
  LEVELS_BY_DIRECTION,
  PREFECTURE_NAMES,
  type PrefectureName,
} from "../../src/core/vocabulary";
import { assembleSubmissions, readInput } from "../../src/io/inputs";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";
import { writePrefectureWorkbook } from "../../src/io/xlsx/writeProvince";
import { asWritten } from "../../src/sheets/records";

const settings = defaultSettings(2024);
const HAN = [
  ..."湖南株洲湘潭衡阳岳阳常德益阳郴州永州怀化娄底智能装备制造电气材料科技信息网络安全工业互联网平台数据",
];
const han = (min: number, max: number) =>
  fc.array(fc.constantFrom(...HAN), { minLength: min, maxLength: max }).map((a) => a.join(""));
/** A sentence as clerks write one: Chinese with a comma inside and a full stop at the end. */
const sentence = fc
  .tuple(han(4, 20), han(0, 20), fc.integer({ min: 0, max: 999 }))
  .map(([a, b, n]) => `${a}${b ? `，${b}` : ""}${n}项。`);
const date = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([m, d]) => `2024-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const phone = fc.integer({ min: 1000000, max: 9999999 }).map((n) => `0731-8${n}`);
const score = fc.option(
  fc.integer({ min: 500, max: 1000 }).map((n) => n / 10),
  { freq: 2 }
);

const formFacts: fc.Arbitrary<FormFacts> = fc.record({
  applicant: han(4, 10).map((s) => `湖南${s}有限公司`),
  recommender: fc.constant("长沙市工业和信息化局"),
  dateRaw: fc.constant("2024年12月5日"),
  founded: fc.option(date, { nil: "" }),
  address: han(6, 14),
  capitalRaw: fc.integer({ min: 100, max: 99999 }).map(String),
  nature: fc.constantFrom("国有企业", "民营企业", "其他"),
  natureOther: fc.option(han(2, 6), { nil: "" }),
  fax: fc.option(phone, { nil: "" }),
  email: fc.constantFrom("ab@example.cn", "safety@corp.com.cn", ""),
  intro: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((l) => l.join("\n")),
  categoriesTicked: fc.subarray([...CATEGORIES], { maxLength: 2 }),
  directionsTicked: fc.subarray(
    DIRECTIONS.map((d) => d.name),
    { maxLength: 2 }
  ),
  levelsTicked: fc.subarray(["三级", "二级"], { maxLength: 2 }),
  overviewFilled: fc.boolean(),
  highlightsFilled: fc.boolean(),
});

/** One case of a list: a Word form (with its facts) or a workbook row. */
const caseOf = (prefecture: PrefectureName, i: number) =>
  fc
    .record({
      fromForm: fc.boolean(),
      enterprise: han(3, 8),
      code: fc.option(fc.integer({ min: 10000000, max: 99999999 }), { freq: 2 }),
      caseName: han(6, 16),
      category: fc.option(fc.constantFrom(...CATEGORIES), { freq: 8 }),
      direction: fc.option(fc.constantFrom(...DIRECTIONS.map((d) => d.name)), { freq: 8 }),
      levelPick: fc.integer({ min: 0, max: 4 }),
      summary: sentence,
      contact: han(2, 3),
      phone,
      date: fc.option(date, { freq: 3 }),
      score,
      form: formFacts,
    })
    .map((g): CaseRecord => {
      const levels = g.direction ? LEVELS_BY_DIRECTION[g.direction] : undefined;
      const level = levels ? levels[g.levelPick % levels.length] : null;
      const file = g.fromForm ? `${g.caseName}申报表${i}.docx` : `${prefecture}汇总${i % 2}.xlsx`;
      return {
        prefecture,
        order: i + 1,
        caseName: g.caseName,
        // unique within and across lists: a real duplicate is a different test
        enterprise: `${prefecture.slice(0, 2)}${g.enterprise}${i}有限公司`,
        uscc: g.code === null ? "" : makeUscc("430100", String(g.code)),
        category: g.category,
        categoryRaw: g.category ?? "",
        direction: g.direction,
        directionRaw: g.direction ?? "",
        level,
        levelRaw: level ?? "",
        summary: g.summary,
        summaryCell: joinDirectionCell(g.direction, g.summary),
        contact: g.contact,
        phone: g.phone,
        date: g.date,
        score: g.score,
        source: g.fromForm
          ? { file, sheet: "申报表", row: null }
          : { file, sheet: "推荐汇总表", row: 5 + i },
        columns: g.fromForm
          ? { ...FORM_COLUMNS }
          : {
              order: "A",
              caseName: "B",
              enterprise: "C",
              category: "D",
              summary: "E",
              contact: "F",
              phone: "G",
            },
        form: g.fromForm ? g.form : null,
      };
    });

const indicators = (prefecture: PrefectureName) =>
  fc
    .record({
      values: fc.array(fc.option(fc.integer({ min: 0, max: 500 }), { freq: 3 }), {
        minLength: INDICATOR_DEFS.length,
        maxLength: INDICATOR_DEFS.length,
      }),
      leader: han(2, 3),
    })
    .map((g): IndicatorValues => ({
      prefecture,
      values: Object.fromEntries(
        INDICATOR_DEFS.map((d, i) => [
          d.key,
          d.kind === "percent" && g.values[i] !== null ? g.values[i]! % 101 : g.values[i],
        ])
      ),
      header: { unitName: bureauName(prefecture), leader: g.leader, classifiedManagement: "是" },
      lists: {},
      source: { file: "x.xlsx", sheet: null, row: null },
      cells: {},
    }));

const list = (prefecture: PrefectureName) =>
  fc
    .integer({ min: 0, max: 7 })
    .chain((n) =>
      fc.tuple(
        fc.tuple(...Array.from({ length: n }, (_, i) => caseOf(prefecture, i))),
        fc.option(indicators(prefecture), { freq: 2 })
      )
    )
    .map(([records, ind]) => ({ prefecture, records: records as CaseRecord[], indicators: ind }));

function meta(prefecture: PrefectureName) {
  return {
    recommender: bureauName(prefecture),
    date: "2024-12-20",
    contact: "张敏",
    phone: "0731-88881234",
  };
}

async function written(l: {
  prefecture: PrefectureName;
  records: CaseRecord[];
  indicators: IndicatorValues | null;
}) {
  return writePrefectureWorkbook(
    {
      prefecture: l.prefecture,
      meta: meta(l.prefecture),
      records: l.records,
      findings: checkAll(l.records, l.indicators ? [l.indicators] : [], settings),
      indicators: l.indicators,
    },
    "2024-12-20T08:00:00Z"
  );
}

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
