/**
 * Host.resume on the fake Excel: what the Excel host wrote (showPrefecture + showIndicators from realistic states,
 * showProvince with scores typed into 全省汇总) reads back as the work it showed, every field, exactly as the same
 * workbook saved and read as a file (test/support/fakeWorkbook.ts); the clerk's edits in the sheets (rows swapped,
 * a row deleted, a 联系人 corrected, cells merged) as the file reader takes them, with its located findings; a
 * workbook without our sheets gives null; a refused read says which sheet and rows, and changes nothing.
 */
import fc from "fast-check";
import type { PrefectureState, ResumedWork } from "../../src/app/host";
import { columnLetter, type Finding } from "../../src/core/findings";
import { mergeSubmissions } from "../../src/core/merge";
import type { CaseRecord } from "../../src/core/model";
import { carryScores, scoredCases } from "../../src/core/scores";
import { PREFECTURE_NAMES } from "../../src/core/vocabulary";
import { createExcelHost } from "../../src/excel/excelHost";
import { RESUME_FILE } from "../../src/excel/resume";
import type { XlRequirements } from "../../src/excel/xl";
import { readWorkbookContents, readWorkbookSubmissions } from "../../src/io/xlsx/readWorkbook";
import { asWritten, recordColumn, RECORD_COLUMNS } from "../../src/sheets/records";
import { reducer } from "../../src/taskpane/state/appState";
import { prefectureIndicators, prefectureView } from "../../src/taskpane/state/views";
import { createFakeExcel, PAYLOAD_LIMIT, type FakeExcel } from "../support/fakeExcel";
import { fakeToXlsx } from "../support/fakeWorkbook";
import { findingsOf, list, meta, type GeneratedList } from "../support/lists";
import { rec } from "../core/records";
import { changshaState, demoMerge, FAKE_REQUIREMENTS } from "./states";

const NOW = new Date("2024-12-18T09:30:00Z");

/** Excel with ExcelApi 1.13: merged areas are read. */
const WITH_MERGES: XlRequirements = {
  isSetSupported: (name, version = "1.1") =>
    name === "ExcelApi" && /^1\.\d+$/.test(version) && Number(version.split(".")[1]) <= 13,
};

function hostOn(fake: FakeExcel, requirements: XlRequirements = WITH_MERGES) {
  return createExcelHost(fake.run, {
    download: async () => undefined,
    createWorkbook: fake.createWorkbook,
    now: () => NOW,
    requirements,
  });
}

/** The workbook as a clerk would save it, read as a file under the label resume gives its findings. */
async function asFile(fake: FakeExcel) {
  return readWorkbookContents(fakeToXlsx(fake.snapshot()), RESUME_FILE);
}

/** What resume gives must be what reading the saved workbook as a file gives: records, meta, findings, indicators. */
async function expectAsFile(fake: FakeExcel, work: ResumedWork | null) {
  const { sub } = await asFile(fake);
  expect(work?.prefecture?.records).toEqual(sub.records);
  expect(work?.prefecture?.meta).toEqual(sub.meta);
  expect(work?.prefecture?.findings).toEqual(sub.findings);
  expect(work?.prefecture?.indicators).toEqual(sub.indicators);
  expect(work?.prefecture?.prefecture).toEqual(sub.prefecture);
}

async function changshaOnFake(requirements: XlRequirements = WITH_MERGES) {
  const { state } = await changshaState();
  const fake = createFakeExcel();
  const host = hostOn(fake, requirements);
  const view = prefectureView(state);
  const indicators = prefectureIndicators(state);
  await host.showPrefecture(view);
  await host.showIndicators(view.prefecture, indicators);
  return { fake, host, state, view, indicators };
}

/** The 1-based column letter of a 明细 column. */
const detail = (id: Parameters<typeof recordColumn>[0]) =>
  columnLetter(RECORD_COLUMNS.indexOf(recordColumn(id)) + 1);

/** What a clerk does with cut and paste: two rows of 推荐汇总表 (A…H, the hidden 案例标识 with them) trade places. */
function swapRows(fake: FakeExcel, a: number, b: number) {
  const s = fake.sheet("推荐汇总表")!;
  for (const col of "ABCDEFGH") {
    const va = s.value(`${col}${a}`);
    const vb = s.value(`${col}${b}`);
    fake.typeInto("推荐汇总表", `${col}${a}`, vb);
    fake.typeInto("推荐汇总表", `${col}${b}`, va);
  }
}

const brief = (f: Finding) => ({
  code: f.code,
  severity: f.severity,
  file: f.file,
  sheet: f.sheet,
  row: f.row,
  column: f.column,
  message: f.message,
});

describe("a prefecture's workbook", () => {
  test.each([
    ["ExcelApi 1.13 (merged areas read)", WITH_MERGES],
    ["ExcelApi 1.9", FAKE_REQUIREMENTS],
  ])(
    "the 长沙 list shown in Excel resumes as shown, every field, header, footer and 附件2 (%s)",
    async (_label, requirements) => {
      const { fake, host, view, indicators } = await changshaOnFake(requirements);
      const before = fake.snapshot();
      const work = await host.resume!();
      expect(work?.file).toBe("本工作簿");
      expect(work?.province).toBeNull();
      const list = work!.prefecture!;
      expect(list.records.length).toBeGreaterThanOrEqual(5);
      expect(list.records).toEqual(view.records.map(asWritten));
      expect(list.prefecture).toBe("长沙市");
      expect(list.meta).toEqual({
        recommender: "长沙市工业和信息化局",
        date: "2024-12-16",
        contact: "李文斌",
        phone: "0731-88665544",
      });
      expect(list.indicators?.values).toEqual(indicators?.values);
      expect(list.indicators?.header).toEqual(indicators?.header);
      expect(list.findings).toEqual([]);
      await expectAsFile(fake, work);
      // reading changes nothing
      expect(fake.snapshot()).toEqual(before);
    }
  );

  test("generated lists resume as shown, every field, whether built or updated in place", async () => {
    const stateOf = (l: GeneratedList): PrefectureState => ({
      prefecture: l.prefecture,
      meta: meta(l.prefecture),
      records: l.records,
      findings: findingsOf(l),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PREFECTURE_NAMES).chain((p) => fc.tuple(list(p), list(p))),
        fc.boolean(),
        async ([before, after], merges) => {
          const fake = createFakeExcel();
          const host = hostOn(fake, merges ? WITH_MERGES : FAKE_REQUIREMENTS);
          for (const l of [before, after]) {
            await host.showPrefecture(stateOf(l));
            await host.showIndicators(l.prefecture, l.indicators);
          }
          const work = await host.resume!();
          const got = work!.prefecture!;
          expect(got.records).toEqual(after.records.map(asWritten));
          expect(got.meta).toEqual(meta(after.prefecture));
          expect(got.prefecture).toBe(after.prefecture);
          expect(got.findings.filter((f) => f.code === "MAT" || f.severity === "error")).toEqual(
            []
          );
          if (after.indicators) expect(got.indicators?.values).toEqual(after.indicators.values);
          await expectAsFile(fake, work);
        }
      ),
      { numRuns: 25 }
    );
  });

  test("rows swapped in 推荐汇总表: the cases in the clerk's order, and 明细's other order is said", async () => {
    const { fake, host, view } = await changshaOnFake();
    swapRows(fake, 5, 6);
    const work = await host.resume!();
    const expected = view.records.map(asWritten);
    [expected[0], expected[1]] = [expected[1], expected[0]];
    expect(work!.prefecture!.records).toEqual(expected.map((r, i) => ({ ...r, order: i + 1 })));
    expect(work!.prefecture!.findings.map(brief)).toEqual([
      {
        code: "MAT",
        severity: "warning",
        file: "本工作簿",
        sheet: "明细",
        row: null,
        column: detail("order"),
        message: "“明细”的“推荐顺序”与推荐汇总表的行序不同：已按推荐汇总表的顺序读取",
      },
    ]);
    await expectAsFile(fake, work);
  });

  test("a row deleted from 推荐汇总表: the case is gone, and its 明细 row is named", async () => {
    const { fake, host, view } = await changshaOnFake();
    const gone = view.records[1];
    fake.deleteRows("推荐汇总表", 6);
    const work = await host.resume!();
    const expected = view.records
      .map(asWritten)
      .filter((_, i) => i !== 1)
      .map((r, i) => ({ ...r, order: i + 1 }));
    expect(work!.prefecture!.records).toEqual(expected);
    // the footer moved up with the rows: still read
    expect(work!.prefecture!.meta.contact).toBe("李文斌");
    const found = work!.prefecture!.findings.map(brief);
    expect(found).toContainEqual({
      code: "MAT",
      severity: "warning",
      file: "本工作簿",
      sheet: "明细",
      row: 3,
      column: detail("caseName"),
      message: `“明细”第 3 行的案例“${gone.caseName}”已不在推荐汇总表中，未计入：如仍要推荐，请在推荐汇总表中补上该行`,
    });
    await expectAsFile(fake, work);
  });

  test("a 联系人 corrected in 明细 is taken, and both cells are named; corrected in both sheets, the 推荐汇总表's with an error", async () => {
    const { fake, host, view } = await changshaOnFake();
    const first = view.records[0];
    fake.typeInto("明细", `${detail("contact")}2`, "王芳");
    let work = await host.resume!();
    expect(work!.prefecture!.records[0]).toEqual({ ...asWritten(first), contact: "王芳" });
    expect(work!.prefecture!.findings.map(brief)).toEqual([
      {
        code: "MAT",
        severity: "warning",
        file: "本工作簿",
        sheet: "推荐汇总表",
        row: 5,
        column: "F",
        message: `“联系人”两表不一致：推荐汇总表为“${first.contact}”，“明细”第 2 行“联系人”为“王芳”；明细是写出后修改的，已按明细读取，请同步修改推荐汇总表`,
      },
    ]);
    await expectAsFile(fake, work);

    fake.typeInto("推荐汇总表", "F5", "赵磊");
    work = await host.resume!();
    expect(work!.prefecture!.records[0].contact).toBe("赵磊");
    expect(work!.prefecture!.findings.map(brief)).toEqual([
      {
        code: "MAT",
        severity: "error",
        file: "本工作簿",
        sheet: "推荐汇总表",
        row: 5,
        column: "F",
        message:
          "“联系人”两表不一致：推荐汇总表为“赵磊”，“明细”第 2 行“联系人”为“王芳”；无法判断以哪张表为准，已按推荐汇总表读取，请核对后改成一致",
      },
    ]);
    await expectAsFile(fake, work);
  });

  test("after resuming, the next write puts both sheets in agreement and nothing is lost", async () => {
    const { fake, host, state, view } = await changshaOnFake();
    fake.typeInto("明细", `${detail("contact")}2`, "王芳");
    swapRows(fake, 5, 6);
    const work = await host.resume!();
    const resumed = reducer(
      { ...state, records: [], meta: { ...state.meta }, fileFindings: {} },
      {
        type: "resumed",
        work: work!,
      }
    );
    await host.showPrefecture(prefectureView(resumed));
    const again = await host.resume!();
    expect(again!.prefecture!.records).toEqual(work!.prefecture!.records);
    expect(again!.prefecture!.records.map((r) => r.caseName)).toEqual([
      view.records[1].caseName,
      view.records[0].caseName,
      ...view.records.slice(2).map((r) => r.caseName),
    ]);
    expect(again!.prefecture!.records[1].contact).toBe("王芳");
    expect(again!.prefecture!.findings.filter((f) => f.code === "MAT")).toEqual([]);
  });

  test("cells a clerk merged in 推荐汇总表 read as in a file with ExcelApi 1.13; below it the emptied cell is named", async () => {
    const { state } = await changshaState();
    // two cases of one enterprise, one contact: the clerk merges their 联系人 and 联系方式 cells
    const same = state.records.map((r, i) =>
      i === 1 ? { ...r, contact: state.records[0].contact, phone: state.records[0].phone } : r
    );
    const view = prefectureView({ ...state, records: same });
    for (const requirements of [WITH_MERGES, FAKE_REQUIREMENTS]) {
      const fake = createFakeExcel();
      const host = hostOn(fake, requirements);
      await host.showPrefecture(view);
      fake.mergeCells("推荐汇总表", "F5:F6");
      fake.mergeCells("推荐汇总表", "G5:G6");
      expect(fake.sheet("推荐汇总表")!.value("F6")).toBe("");
      const work = await host.resume!();
      if (requirements === WITH_MERGES) {
        expect(work!.prefecture!.records).toEqual(view.records.map(asWritten));
        expect(work!.prefecture!.findings).toEqual([]);
        await expectAsFile(fake, work);
      } else {
        // without merged areas the second row's cells are empty: taken as the clerk's edit, and said
        expect(work!.prefecture!.records[1].contact).toBe("");
        expect(work!.prefecture!.findings.map((f) => [f.code, f.sheet, f.row, f.column])).toEqual([
          ["MAT", "推荐汇总表", 6, "F"],
          ["MAT", "推荐汇总表", 6, "G"],
        ]);
      }
    }
  });

  test("a case added to 明细 by hand (no 案例标识) is taken in, pointing at its own row, and said", async () => {
    const { fake, host, view } = await changshaOnFake();
    const row = view.records.length + 2;
    const added: Partial<Record<Parameters<typeof recordColumn>[0], string>> = {
      prefecture: "长沙市",
      caseName: "工业控制系统安全防护补充案例",
      enterprise: "长沙新增智能制造有限公司",
      category: "工业企业",
      direction: "工控安全防护案例",
      summary: "部署工控安全监测平台，完成风险整改。",
      contact: "周强",
      phone: "0731-85550000",
    };
    for (const [id, v] of Object.entries(added))
      fake.typeInto("明细", `${detail(id as keyof typeof added)}${row}`, v);
    const work = await host.resume!();
    const records = work!.prefecture!.records;
    expect(records).toHaveLength(view.records.length + 1);
    expect(records[records.length - 1]).toMatchObject({
      caseName: "工业控制系统安全防护补充案例",
      enterprise: "长沙新增智能制造有限公司",
      contact: "周强",
      order: records.length,
      source: { file: "本工作簿", sheet: "明细", row },
    });
    expect(work!.prefecture!.findings.map((f) => [f.code, f.sheet, f.row])).toEqual([
      ["MAT", "明细", row],
    ]);
    await expectAsFile(fake, work);
  });
});

describe("a province workbook", () => {
  test("全省汇总 with scores typed in resumes as the prefectures' submissions and the scores as scored cases", async () => {
    const merged = await demoMerge();
    const fake = createFakeExcel();
    const host = hostOn(fake);
    await host.showProvince(merged);
    const grid = fake.sheet("全省汇总")!.grid();
    const score = columnLetter(grid[0].indexOf("评审得分") + 1);
    fake.typeInto("全省汇总", `${score}2`, 91.5);
    fake.typeInto("全省汇总", `${score}7`, "８８分");
    const work = await host.resume!();
    expect(work?.prefecture).toBeNull();
    const province = work!.province!;
    const scored: CaseRecord[] = merged.records.map((r, i) => ({
      ...asWritten(r),
      score: i === 0 ? 91.5 : i === 5 ? 88 : r.score,
    }));
    expect(province.scores).toEqual(scoredCases(scored));
    expect(province.scores).toEqual([
      {
        prefecture: merged.records[0].prefecture,
        caseName: merged.records[0].caseName,
        enterprise: merged.records[0].enterprise,
        uscc: merged.records[0].uscc,
        direction: merged.records[0].direction,
        score: 91.5,
      },
      {
        prefecture: merged.records[5].prefecture,
        caseName: merged.records[5].caseName,
        enterprise: merged.records[5].enterprise,
        uscc: merged.records[5].uscc,
        direction: merged.records[5].direction,
        score: 88,
      },
    ]);
    // one submission per prefecture, as when the saved workbook is read as a file; unscored
    expect(province.submissions.map((s) => s.file)).toEqual(
      Object.keys(merged.meta).map((p) => `本工作簿（${p}）`)
    );
    expect(province.submissions.every((s) => s.ok)).toBe(true);
    const asFiles = await readWorkbookSubmissions(fakeToXlsx(fake.snapshot()), RESUME_FILE);
    expect(province.submissions).toEqual(
      asFiles.map((s) => ({ ...s, records: s.records.map((r) => ({ ...r, score: null })) }))
    );
    // merged again they are the merge the sheets show, and the scores go back to their cases
    const again = mergeSubmissions(province.submissions, merged.settings);
    expect(again.records).toEqual(merged.records.map((r) => ({ ...asWritten(r), score: null })));
    expect(again.indicators).toEqual(
      Object.fromEntries(asFiles.map((s) => [s.prefecture, s.indicators]))
    );
    const carried = carryScores(again.records, province.scores);
    expect(carried.carry).toEqual({ carried: 2, lost: [] });
    expect(carried.records).toEqual(scored);
  });
});

describe("a workbook without our sheets, a read Excel refuses", () => {
  test("an empty workbook and a foreign sheet named 明细 give null, and nothing is written", async () => {
    const fake = createFakeExcel(["Sheet1", "明细"]);
    fake.typeInto("明细", "A1", "月份");
    fake.typeInto("明细", "B1", "金额");
    fake.typeInto("明细", "A2", "一月");
    fake.typeInto("明细", "B2", 1200);
    const before = fake.snapshot();
    expect(await hostOn(fake).resume!()).toBeNull();
    expect(await hostOn(createFakeExcel()).resume!()).toBeNull();
    expect(fake.snapshot()).toEqual(before);
  });

  test("a sync Excel refuses while reading 明细 says which sheet and rows, and changes nothing", async () => {
    const { fake, host } = await changshaOnFake();
    const before = fake.snapshot();
    let loads = 0;
    fake.failOperation((op) => op.kind === "range.load" && op.sheet === "明细" && loads++ === 1, {
      message: "模拟的网络中断",
    });
    await expect(host.resume!()).rejects.toThrow(
      /^读取工作表“明细”第 1–\d+ 行（A–[A-Z]+ 列）时出错：模拟的网络中断$/
    );
    expect(fake.snapshot()).toEqual(before);
    // the next try reads it
    expect((await host.resume!())?.prefecture?.records.length).toBeGreaterThan(0);
  });
});

describe("payload", () => {
  /** Cases whose Word form has an 申报单位简介 of `chars` characters. */
  const bulky = (from: number, n: number, chars: number) =>
    Array.from({ length: n }, (_, i) => {
      const k = from + i;
      const r = rec({
        prefecture: "长沙市",
        order: k + 1,
        file: `长沙申报表${k}.docx`,
        enterprise: `长沙第${k}智能装备有限公司`,
        caseName: `工业互联网安全分类分级实践${k}`,
      });
      return {
        ...r,
        source: { file: r.source.file, sheet: "申报表", row: null },
        form: {
          applicant: r.enterprise,
          recommender: "长沙市工业和信息化局",
          dateRaw: "2024年12月5日",
          founded: "2010-05-01",
          address: "长沙市岳麓区麓谷大道",
          capitalRaw: "5000",
          nature: "民营企业",
          natureOther: "",
          fax: "",
          email: "",
          intro: "公司深耕工业互联网安全领域，".repeat(Math.ceil(chars / 14)).slice(0, chars),
          categoriesTicked: ["工业企业"],
          directionsTicked: [],
          levelsTicked: [],
          overviewFilled: true,
          highlightsFilled: true,
        },
      };
    });

  /** 长沙市's list of `records` shown in the fake Excel, resumed: what came back and the sizes of the resume's responses. */
  async function resumeSized(records: CaseRecord[], requirements?: XlRequirements) {
    const fake = createFakeExcel();
    const host = hostOn(fake, requirements);
    await host.showPrefecture({
      prefecture: "长沙市",
      meta: meta("长沙市"),
      records,
      findings: [],
    });
    const from = fake.responseSizes().length;
    const work = await host.resume!();
    return { records: work!.prefecture!.records, sizes: fake.responseSizes().slice(from) };
  }

  test("1,000 cases read in syncs of about 1 MB", async () => {
    const records = bulky(0, 1000, 600);
    const got = await resumeSized(records);
    expect(got.records).toEqual(records.map(asWritten));
    expect(Math.max(...got.sizes)).toBeLessThan(1_300_000);
  });

  test("rows far larger than the first ones: a block Excel refuses for its size is read again in smaller blocks", async () => {
    // 50 short cases, then 80 whose 简介 is near Excel's 32,767 characters a cell
    const records = [...bulky(0, 50, 20), ...bulky(50, 80, 30_000)];
    const got = await resumeSized(records, FAKE_REQUIREMENTS);
    expect(got.records).toEqual(records.map(asWritten));
    expect(got.sizes.filter((n) => n > PAYLOAD_LIMIT).length).toBeGreaterThan(0);
  });
});
