/**
 * States the Excel host tests write: the 株洲 list as read from a real 附件3 (written by openpyxl: three cases, no
 * level column, so both 分类分级 rows break R7) plus cases imported from Word forms of other files; a 长沙 list built
 * in the taskpane from Word forms and a workbook; the province merge of the demo's 13 prefectures.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkAll } from "../../src/core/rules";
import { defaultSettings } from "../../src/core/settings";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";
import type { Host, PrefectureState } from "../../src/app/host";
import { createExcelHost } from "../../src/excel/excelHost";
import { createFakeExcel, type FakeExcel } from "../support/fakeExcel";
import { sampleData } from "../../src/cli/demo/sampleData";
import { writeSampleWorkbook } from "../../src/cli/demo/writeSample";
import { mergeSubmissions, type MergeResult } from "../../src/core/merge";
import { readImportFile } from "../../src/taskpane/io/readFiles";
import { initialState, reducer, type AppState } from "../../src/taskpane/state/appState";
import { prefectureView } from "../../src/taskpane/state/views";
import { USCC, rec } from "../core/records";

const FIXTURE = path.join(__dirname, "../io/xlsx/fixtures/zhuzhou_official.xlsx");

/**
 * The 株洲 list as read, plus two cases the clerk imported from Word forms of other files: one breaking R5 (a 简述
 * cell over 100 characters) and ID (a wrong check character), one with a 申报日期 of last year (R4, a warning).
 */
export async function zhuzhouState(): Promise<PrefectureState> {
  const sub = await readWorkbook(new Uint8Array(readFileSync(FIXTURE)), "zhuzhou_official.xlsx");
  const long =
    "建成覆盖全部产线的分级防护体系，完成三级符合性评测并整改风险四十二项，形成可复制推广的分类分级管理经验做法。".repeat(
      2
    );
  const badCode = USCC.zhuche.slice(0, 17) + (USCC.zhuche.endsWith("1") ? "2" : "1");
  const records = [
    ...sub.records.map((r) => ({ ...r, prefecture: "株洲市" as const })),
    rec({
      prefecture: "株洲市",
      order: 4,
      file: "株洲中车时代申报表.docx",
      enterprise: "株洲中车时代电气股份有限公司",
      uscc: badCode,
      summary: long,
      summaryCell: `工业互联网安全分类分级案例：${long}`,
    }),
    rec({
      prefecture: "株洲市",
      order: 5,
      file: "株洲千金药业申报表.docx",
      enterprise: "株洲千金药业股份有限公司",
      date: "2023-06-01",
    }),
  ].map((r, i) =>
    i >= 3 ? { ...r, source: { file: r.source.file, sheet: "申报表", row: null }, columns: {} } : r
  );
  return {
    prefecture: sub.prefecture,
    meta: sub.meta,
    records,
    findings: [...sub.findings, ...checkAll(records, {}, defaultSettings())],
  };
}

/**
 * The demo's 13 prefecture workbooks (张家界 has not reported), as the province reads them and merges them (planted:
 * R2 湘江重工 in 株洲 + 湘潭 — the 湘潭 row without its credit code —, R3 南岳电控 in 衡阳 + 岳阳, R1 in 长沙, 娄底's
 * 三级 written "１２家"). The three layouts of writeSample take turns (郴州 always the first), unless `layout` says.
 */
export async function demoMerge(
  settings = defaultSettings(),
  layout: (i: number, prefecture: string) => number = (i, p) => (p === "郴州市" ? 0 : i % 3)
): Promise<MergeResult> {
  const samples = sampleData();
  const subs = await Promise.all(
    samples.map(async (s, i) =>
      readWorkbook(
        await writeSampleWorkbook(s, layout(i, s.prefecture.name)),
        `${s.prefecture.name}典型案例推荐汇总表.xlsx`
      )
    )
  );
  return mergeSubmissions(subs, settings);
}

const FORMS = path.join(__dirname, "../taskpane/fixtures");

/**
 * A 长沙 clerk's list as the taskpane builds it: two Word forms (one a consortium: R1) confirmed on top of the demo's
 * 长沙 workbook, with its 附件2 indicators, a date and a contact entered once.
 */
export async function changshaState(): Promise<{ state: AppState; view: PrefectureState }> {
  const settings = defaultSettings(2024);
  const sample = sampleData().find((s) => s.prefecture.name === "长沙市")!;
  const files: [string, Uint8Array][] = [
    ["长沙市推荐汇总表.xlsx", await writeSampleWorkbook(sample, 0)],
    ["cs_good.docx", new Uint8Array(readFileSync(path.join(FORMS, "cs_good.docx")))],
    ["cs_consortium.docx", new Uint8Array(readFileSync(path.join(FORMS, "cs_consortium.docx")))],
  ];
  let state: AppState = { ...initialState(settings, "2024-12-18"), prefecture: "长沙市" };
  for (const [name, bytes] of files) {
    const read = await readImportFile(name, bytes, settings, state.prefecture);
    state = reducer(reducer(state, { type: "previewed", files: [read] }), { type: "confirmed" });
  }
  state = reducer(state, { type: "metaSet", field: "contact", value: "李文斌" });
  state = reducer(state, { type: "metaSet", field: "phone", value: "0731-88665544" });
  return { state, view: prefectureView(state) };
}

/** What the fake models: ExcelApi up to 1.9 (page layout). */
export const FAKE_REQUIREMENTS = {
  isSetSupported: (name: string, version = "1.1") =>
    name === "ExcelApi" && /^1\.\d+$/.test(version) && Number(version.split(".")[1]) <= 9,
};

/**
 * The Excel host on a fresh fake Excel with ExcelApi up to 1.9, writing `now` as the 导入时间 (so that two writes of a
 * state are equal).
 */
export function hostOnFake(now = new Date("2024-12-18T09:30:00Z")): {
  fake: FakeExcel;
  host: Host;
} {
  const fake = createFakeExcel();
  const host = createExcelHost(fake.run, {
    download: async () => undefined,
    createWorkbook: fake.createWorkbook,
    now: () => now,
    requirements: FAKE_REQUIREMENTS,
  });
  return { fake, host };
}

/** The operations since `from` that add, delete, rename or move a sheet, as "worksheets.add 明细~更新中". */
export function sheetOps(fake: FakeExcel, from: number): string[] {
  return fake
    .operations()
    .slice(from)
    .filter((o) => /^worksheets?\.(add|delete|name|position)$/.test(o.kind))
    .map((o) => `${o.kind} ${o.sheet}`);
}
