/** The fake must behave like Office.js where the host relies on it: queued writes, load/sync, null objects, atomic syncs. */
import { createFakeExcel } from "../support/fakeExcel";

describe("Excel fake", () => {
  it("applies writes only at sync and throws PropertyNotLoaded for unloaded reads", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const r = ws.getRange("A1:B1");
      r.values = [["案例", 42]];
      expect(fake.sheet("Sheet1")!.value("A1")).toBe("");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(fake.sheet("Sheet1")!.value("B1")).toBe(42);
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      await context.sync();
      expect(r.values).toEqual([["案例", 42]]);
    });
  });

  it("reports a missing sheet as ItemNotFound at sync, and as a null object with getItemOrNullObject", async () => {
    const fake = createFakeExcel();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("明细").getRange("A1").values = [["x"]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("明细");
      expect(() => ws.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(ws.isNullObject).toBe(true);
    });
  });

  it('turns "=…" into a formula and long digit strings into numbers in General cells, but not in text cells', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B1").values = [["=SUM(1,2)", "914403001922038216"]];
      ws.getRange("A2:B2").numberFormat = [["@", "@"]];
      ws.getRange("A2:B2").values = [["=SUM(1,2)", "914403001922038216"]];
    });
    const s = fake.sheet("Sheet1")!;
    expect(s.formula("A1")).toBe("=SUM(1,2)");
    expect(s.value("B1")).toBe(914403001922038000);
    expect(s.formula("A2")).toBeNull();
    expect(s.value("A2")).toBe("=SUM(1,2)");
    expect(s.value("B2")).toBe("914403001922038216");
  });

  it("keeps the workbook as it was when a sync fails, injected or not", async () => {
    const fake = createFakeExcel();
    const before = fake.snapshot();
    fake.failNextSync();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.add("全省汇总").getRange("A1").values = [["x"]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.snapshot()).toEqual(before);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.add("新表").getRange("A1").values = [["x"]];
        context.workbook.worksheets.add("新表"); // duplicate name fails the whole batch
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(fake.sheetNames()).toEqual(["Sheet1"]);
  });

  it("refuses a value matrix of the wrong shape, overlapping tables and deleting the last sheet", async () => {
    const fake = createFakeExcel();
    const attempt = (f: Parameters<typeof fake.run>[0]) => fake.run(f);
    await expect(
      attempt(async (c) => {
        c.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [["a", "b"]];
        await c.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      attempt(async (c) => {
        const ws = c.workbook.worksheets.getItem("Sheet1");
        ws.tables.add("A1:C3", true);
        ws.tables.add("B2:D4", true);
        await c.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(
      attempt(async (c) => {
        c.workbook.worksheets.getItem("Sheet1").delete();
        await c.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(fake.sheet("Sheet1")!.tables).toEqual([]);
  });
});
