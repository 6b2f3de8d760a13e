/**
 * Generated prefecture lists for the round-trip properties (fast-check): Word-form cases with their form's facts,
 * workbook rows, scores, every category / direction / level, and a list's 附件2 indicators; `written` is the list as
 * the file writer writes it.
 */
import fc from "fast-check";
import { FORM_COLUMNS } from "../../src/core/application";
import { INDICATOR_DEFS } from "../../src/core/indicatorDefs";
import type { CaseRecord, FormFacts, IndicatorValues } from "../../src/core/model";
import { checkAll } from "../../src/core/rules";
import { defaultSettings } from "../../src/core/settings";
import { makeUscc } from "../../src/core/uscc";
import {
  bureauName,
  CATEGORIES,
  DIRECTIONS,
  LEVELS_BY_DIRECTION,
  type PrefectureName,
} from "../../src/core/vocabulary";
import { joinDirectionCell } from "../../src/core/directionText";
import { writePrefectureWorkbook } from "../../src/io/xlsx/writeProvince";
import { ANNEX3_SOURCE_COLUMNS } from "../core/records";

export const settings = defaultSettings(2024);
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
        columns: g.fromForm ? { ...FORM_COLUMNS } : { ...ANNEX3_SOURCE_COLUMNS },
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

export interface GeneratedList {
  prefecture: PrefectureName;
  records: CaseRecord[];
  indicators: IndicatorValues | null;
}

export const list = (prefecture: PrefectureName): fc.Arbitrary<GeneratedList> =>
  fc
    .integer({ min: 0, max: 7 })
    .chain((n) =>
      fc.tuple(
        fc.tuple(...Array.from({ length: n }, (_, i) => caseOf(prefecture, i))),
        fc.option(indicators(prefecture), { freq: 2 })
      )
    )
    .map(([records, ind]) => ({ prefecture, records: records as CaseRecord[], indicators: ind }));

export function meta(prefecture: PrefectureName) {
  return {
    recommender: bureauName(prefecture),
    date: "2024-12-20",
    contact: "张敏",
    phone: "0731-88881234",
  };
}

/** The findings the list carries (every rule over it). */
export function findingsOf(l: GeneratedList) {
  return checkAll(l.records, l.indicators ? [l.indicators] : [], settings);
}

export async function written(l: GeneratedList) {
  return writePrefectureWorkbook(
    {
      prefecture: l.prefecture,
      meta: meta(l.prefecture),
      records: l.records,
      findings: findingsOf(l),
      indicators: l.indicators,
    },
    "2024-12-20T08:00:00Z"
  );
}
