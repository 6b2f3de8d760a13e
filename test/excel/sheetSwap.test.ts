/**
 * The swap (replaceSheets) when Excel fails halfway: sheets whose layout is not ours — here the previous version of the
 * add-in, whose 明细 was an Excel table 明细表 with other columns — are rebuilt and swapped in. The fake fails ONE
 * operation (every operation of the call in turn), keeps what ran before it in its sync and skips the rest, as Excel
 * does. Whatever the operation, the real names must hold either the old sheets or the new ones whole (the same for
 * both sheets of the call), no temporary or backup sheet and no backup table name may be left, the message must say
 * what happened, and the next call must work.
 */
import type { PrefectureState } from "../../src/app/host";
import type { Host } from "../../src/app/host";
import type { IndicatorValues } from "../../src/core/model";
import type { FakeExcel } from "../support/fakeExcel";
import { columnLetter } from "../../src/core/findings";
import { caseKey } from "../../src/core/identity";
import { ANNEX3_HEADERS } from "../../src/sheets/annex3";
import { hostOnFake, zhuzhouState } from "./states";

const SHEETS = ["推荐汇总表", "明细"];

const setup = (): { fake: FakeExcel; host: Host } => hostOnFake();

/** 推荐汇总表 without the key column and 明细 as the table 明细表, as the add-in's previous version wrote them. */
async function previousVersion(fake: FakeExcel, state: PrefectureState): Promise<void> {
  const rows = state.records.map((r, i) => [
    i + 1,
    r.caseName,
    r.enterprise,
    r.category ?? r.categoryRaw,
    r.summaryCell,
    r.contact,
    r.phone,
  ]);
  const n = rows.length;
  await fake.run(async (context) => {
    const a3 = context.workbook.worksheets.add("推荐汇总表");
    a3.getRange("A1").values = [["护航新型工业化网络安全典型案例推荐汇总表"]];
    a3.getRange("A1:G1").merge();
    a3.getRange("A4:G4").values = [[...ANNEX3_HEADERS]];
    a3.getRange(`A5:G${4 + n}`).values = rows;
    const d = context.workbook.worksheets.add("明细");
    d.getRange("A1:F1").values = [
      ["所属市州", "推荐顺序", "案例名称", "企业名称", "问题", "记录键"],
    ];
    d.getRange(`A2:F${1 + n}`).values = state.records.map((r, i) => [
      r.prefecture ?? "",
      i + 1,
      r.caseName,
      r.enterprise,
      "",
      caseKey(r),
    ]);
    d.tables.add(`A1:F${1 + n}`, true).name = "明细表";
    await context.sync();
  });
}

/** Everything a person (or a formula elsewhere) sees of one sheet. */
function fingerprint(fake: FakeExcel, name: string): string | null {
  const s = fake.sheet(name);
  if (!s) return null;
  return JSON.stringify({
    grid: s.grid(),
    formulas: s.formulas(),
    tables: s.tables,
    validations: s.validations,
    merges: s.merges,
    charts: s.charts,
    hidden: s.hiddenColumns,
    frozen: s.frozenRows,
    fills: s.grid().map((row, r) => row.map((_, c) => s.fill(`${columnLetter(c + 1)}${r + 1}`))),
  });
}

function tableNames(fake: FakeExcel): string[] {
  return fake.sheetNames().flatMap((n) => fake.sheet(n)!.tables.map((t) => t.name));
}

async function attempt(p: Promise<void>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

let oldState: PrefectureState;
let newState: PrefectureState;
/** Fingerprints of the two sheets after showing the old state, and after showing the new one over it. */
let oldPrints: (string | null)[];
let newPrints: (string | null)[];
let swapOps: number;

beforeAll(async () => {
  newState = await zhuzhouState();
  // the old state: the same list before the two Word forms were imported, in another order
  oldState = { ...newState, records: newState.records.slice(0, 3).reverse() };
  const a = setup();
  await previousVersion(a.fake, oldState);
  oldPrints = SHEETS.map((n) => fingerprint(a.fake, n));
  const base = a.fake.operations().length;
  await a.host.showPrefecture(newState);
  swapOps = a.fake.operations().length - base;
  newPrints = SHEETS.map((n) => fingerprint(a.fake, n));
  expect(newPrints).not.toEqual(oldPrints);
});

describe("a failure at any one operation of showPrefecture over an existing list", () => {
  it("leaves the old sheets or the new ones whole, cleans up, and says which", async () => {
    expect(swapOps).toBeGreaterThan(50);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < swapOps; i++) {
      const { fake, host } = setup();
      await previousVersion(fake, oldState);
      const base = fake.operations().length;
      fake.failOperation(base + i, { message: `第 ${i} 个操作失败` });
      const message = await attempt(host.showPrefecture(newState));
      const failedAt = fake.operations()[base + i];
      const where = `${i}: ${failedAt.kind} ${failedAt.sheet ?? ""} → ${message ?? "成功"}`;

      const prints = SHEETS.map((n) => fingerprint(fake, n));
      const isOld = prints.every((p, k) => p === oldPrints[k]);
      const isNew = prints.every((p, k) => p === newPrints[k]);
      expect({ where, whole: isOld || isNew }).toEqual({ where, whole: true });
      expect({ where, names: fake.sheetNames() }).toEqual({
        where,
        names: ["Sheet1", ...SHEETS],
      });
      // the old 明细 keeps its table under its own name; the new one has none
      expect({ where, tables: tableNames(fake) }).toEqual({
        where,
        tables: isOld ? ["明细表"] : [],
      });
      expect({ where, problems: fake.formulaProblems() }).toEqual({ where, problems: [] });
      if (message === null) {
        expect({ where, isNew }).toEqual({ where, isNew: true });
      } else {
        // a failure is reported only when the old sheets are back, and says so
        expect({ where, isOld }).toEqual({ where, isOld: true });
        expect(message).toMatch(
          /^写入工作表“推荐汇总表”“明细”失败，(原有内容未改动|已恢复原有工作表)：第 \d+ 个操作失败$/
        );
      }
      const key = message === null ? "成功" : message.replace(/：.*/, "");
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);

      // the next call writes the new list as if nothing had happened
      await host.showPrefecture(newState);
      expect({ where, prints: SHEETS.map((n) => fingerprint(fake, n)) }).toEqual({
        where,
        prints: newPrints,
      });
    }
    // every kind of outcome was reached: failures while building, while swapping, and after (retried deletion)
    expect([...outcomes.keys()].sort()).toEqual(
      [
        "写入工作表“推荐汇总表”“明细”失败，原有内容未改动",
        "写入工作表“推荐汇总表”“明细”失败，已恢复原有工作表",
        "成功",
      ].sort()
    );
  });

  it("on a first write (no old sheets) leaves no sheet or the new ones", async () => {
    const probe = setup();
    const base0 = probe.fake.operations().length;
    await probe.host.showPrefecture(newState);
    const ops = probe.fake.operations().length - base0;
    for (let i = 0; i < ops; i++) {
      const { fake, host } = setup();
      fake.failOperation(i, { message: "模拟失败" });
      const message = await attempt(host.showPrefecture(newState));
      const where = `${i}: ${fake.operations()[i].kind} → ${message ?? "成功"}`;
      if (message === null) {
        expect({ where, prints: SHEETS.map((n) => fingerprint(fake, n)) }).toEqual({
          where,
          prints: newPrints,
        });
      } else {
        expect({ where, names: fake.sheetNames() }).toEqual({ where, names: ["Sheet1"] });
        expect(message).toMatch(/失败，(原有内容未改动|已恢复原有工作表)：模拟失败$/);
      }
    }
  });
});

describe("tab order", () => {
  it("keeps each sheet where it was, around the clerk's own sheets", async () => {
    const { fake, host } = setup();
    await previousVersion(fake, oldState);
    await fake.run(async (context) => {
      context.workbook.worksheets.add("备注").position = 2;
      await context.sync();
    });
    expect(fake.sheetNames()).toEqual(["Sheet1", "推荐汇总表", "备注", "明细"]);
    await host.showPrefecture(newState);
    expect(fake.sheetNames()).toEqual(["Sheet1", "推荐汇总表", "备注", "明细"]);
    expect(fake.activeSheet()).toBe("推荐汇总表");
  });
});

describe("failures that persist", () => {
  it("when the backups cannot be deleted: the new sheets stand, the message says so, the next call deletes them", async () => {
    const { fake, host } = setup();
    await previousVersion(fake, oldState);
    fake.failOperation(
      (op) => op.kind === "worksheet.delete" && (op.sheet ?? "").endsWith("~备份"),
      { message: "工作表被保护", times: 2 }
    );
    const message = await attempt(host.showPrefecture(newState));
    expect(message).toBe(
      "已写入工作表“推荐汇总表”“明细”，但未能删除备份工作表“推荐汇总表~备份”“明细~备份”（工作表被保护；工作表被保护）：下次写入时会自动删除，也可手动删除"
    );
    expect(SHEETS.map((n) => fingerprint(fake, n))).toEqual(newPrints);
    // each new sheet stands right before its old one
    expect(fake.sheetNames()).toEqual([
      "Sheet1",
      "推荐汇总表",
      "推荐汇总表~备份",
      "明细",
      "明细~备份",
    ]);
    // the backup keeps the old table under a backup name
    expect(tableNames(fake)).toEqual(["明细表_备份"]);

    await host.showPrefecture(newState);
    expect(fake.sheetNames()).toEqual(["Sheet1", ...SHEETS]);
    expect(SHEETS.map((n) => fingerprint(fake, n))).toEqual(newPrints);
  });

  it("when the rollback fails too: the message says where the old content is, and the next call restores it", async () => {
    const { fake, host } = setup();
    await previousVersion(fake, oldState);
    // renaming the new 明细 into place fails; the rollback deletes the new 推荐汇总表, then fails to rename its backup
    fake.failOperation((op) => op.kind === "worksheet.name" && op.sheet === "明细~更新中", {
      message: "Excel 无响应",
    });
    fake.failOperation((op) => op.kind === "worksheet.name" && op.sheet === "推荐汇总表~备份", {
      message: "Excel 无响应",
      times: 1,
    });
    const message = await attempt(host.showPrefecture(newState));
    expect(message).toBe(
      "写入工作表“推荐汇总表”“明细”失败：Excel 无响应；恢复原有工作表时也出错：Excel 无响应。" +
        "原有的“推荐汇总表”现名为“推荐汇总表~备份”；原有的“明细”现名为“明细~备份”。" +
        "下次写入时会自动恢复并清理临时工作表"
    );
    // the next call recovers (the old sheets come back from their backups, 明细 with its table) and writes the new
    // list, rebuilt as their layout is not ours
    await host.showPrefecture(newState);
    expect(fake.sheetNames()).toEqual(["Sheet1", ...SHEETS]);
    expect(SHEETS.map((n) => fingerprint(fake, n))).toEqual(newPrints);
    expect(tableNames(fake)).toEqual([]);
  });

  it("a crash at any operation (every operation after it fails too) leaves each sheet whole or in its backup, and the next call recovers", async () => {
    const gone = "Excel 已关闭";
    for (let i = 0; i < swapOps; i++) {
      const { fake, host } = setup();
      await previousVersion(fake, oldState);
      const base = fake.operations().length;
      fake.failOperation((op) => op.index >= base + i, { message: gone, times: Infinity });
      const message = await attempt(host.showPrefecture(newState));
      const where = `${i}: ${fake.operations()[base + i].kind} ${fake.operations()[base + i].sheet ?? ""} → ${message}`;
      expect({ where, failed: message !== null }).toEqual({ where, failed: true });
      // a crash may leave an old sheet's table under its backup name: the content is what must be whole
      const print = (n: string) => fingerprint(fake, n)?.replace(/明细表_备份/g, "明细表") ?? null;
      SHEETS.forEach((n, k) => {
        const real = print(n);
        const state =
          real === oldPrints[k]
            ? "old"
            : real === newPrints[k]
              ? "new"
              : real === null && print(`${n}~备份`) === oldPrints[k]
                ? "old in backup"
                : "broken";
        expect({ where, sheet: n, state }).toEqual({
          where,
          sheet: n,
          state: expect.stringMatching(/^(old|new|old in backup)$/),
        });
        if (/原有内容未改动/.test(message!))
          expect({ where, state }).toEqual({ where, state: "old" });
        if (/^已写入/.test(message!)) expect({ where, state }).toEqual({ where, state: "new" });
      });
      expect(message).toMatch(/原有内容未改动|恢复原有工作表时也出错|^已写入/);

      fake.clearFailures();
      await host.showPrefecture(newState);
      expect({ where, names: fake.sheetNames() }).toEqual({ where, names: ["Sheet1", ...SHEETS] });
      expect({ where, tables: tableNames(fake) }).toEqual({ where, tables: [] });
      expect({ where, prints: SHEETS.map((n) => fingerprint(fake, n)) }).toEqual({
        where,
        prints: newPrints,
      });
    }
  });
});

describe("a failure at any one operation of showIndicators over a 附件2 sheet of another layout", () => {
  it("leaves the old sheet or the new one whole", async () => {
    const values: IndicatorValues = {
      prefecture: "株洲市",
      values: { tier3: 6, tier2: 21, tier1: 40, icsRisksFound: 120, icsRisksFixed: 100 },
      header: { unitName: "株洲市工业和信息化局" },
      lists: {},
      source: { file: "a.xlsx", sheet: "附件2", row: null },
      cells: {},
    };
    // the clerk's own 附件2 under the same name, laid out as the notice's Word form: not ours, so rebuilt
    const theirs = async (fake: FakeExcel) =>
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.add("成效突出地区申报表");
        ws.getRange("A1:B3").values = [
          ["指标", "数值"],
          ["三级工业互联网企业（家）", 5],
          ["二级工业互联网企业（家）", 20],
        ];
        await context.sync();
      });
    const probe = setup();
    await theirs(probe.fake);
    const before = fingerprint(probe.fake, "成效突出地区申报表");
    const base0 = probe.fake.operations().length;
    await probe.host.showIndicators("株洲市", values);
    const after = fingerprint(probe.fake, "成效突出地区申报表");
    expect(after).not.toEqual(before);
    const ops = probe.fake.operations().length - base0;
    for (let i = 0; i < ops; i++) {
      const { fake, host } = setup();
      await theirs(fake);
      fake.failOperation(fake.operations().length + i);
      const message = await attempt(host.showIndicators("株洲市", values));
      const print = fingerprint(fake, "成效突出地区申报表");
      expect({ i, ok: message === null ? print === after : print === before }).toEqual({
        i,
        ok: true,
      });
      expect({ i, names: fake.sheetNames() }).toEqual({
        i,
        names: ["Sheet1", "成效突出地区申报表"],
      });
    }
  });
});
