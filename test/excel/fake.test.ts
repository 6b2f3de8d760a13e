/**
 * The fake must behave like Office.js where the host relies on it: queued writes, load/sync, null objects, batches that
 * half-apply when one operation fails, and Excel on the web's 5 MB limit on a request and a response.
 */
import { createFakeExcel, PAYLOAD_LIMIT } from "../support/fakeExcel";

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

  it("applies nothing of a sync that fails whole (failNextSync)", async () => {
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
  });

  it("keeps the operations before a failing one and skips the rest, as Excel does", async () => {
    const fake = createFakeExcel();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.add("新表").getRange("A1").values = [["x"]];
        context.workbook.worksheets.add("新表"); // duplicate name: this operation fails
        context.workbook.worksheets.add("另一张");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(fake.sheetNames()).toEqual(["Sheet1", "新表"]);
    expect(fake.sheet("新表")!.value("A1")).toBe("x");
    // a load in the failed sync never reaches its proxy
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("新表");
      ws.load("position");
      context.workbook.worksheets.getItem("没有这张表").delete();
      await context.sync().catch(() => undefined);
      expect(() => ws.position).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("injects a failure at any operation, by index or by kind and sheet", async () => {
    const fake = createFakeExcel();
    const write = () =>
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.add("甲");
        ws.getRange("A1:B1").values = [["a", "b"]];
        ws.getRange("A2").values = [["c"]];
        context.workbook.worksheets.getItem("Sheet1").delete();
        await context.sync();
      });
    const first = fake.operations().length;
    fake.failOperation(first + 3, { message: "第 4 个操作失败" });
    await expect(write()).rejects.toThrow("第 4 个操作失败");
    // add 甲, A1:B1 range, its values applied; the A2 range creation failed and nothing after it ran
    expect(fake.sheetNames()).toEqual(["Sheet1", "甲"]);
    expect(fake.sheet("甲")!.grid()).toEqual([["a", "b"]]);
    expect(
      fake
        .operations()
        .slice(first)
        .map((o) => [o.kind, o.sheet])
    ).toEqual([
      ["worksheets.add", "甲"],
      ["range.get", "甲"],
      ["range.values", "甲"],
      ["range.get", "甲"],
    ]);

    fake.failOperation({ kind: "worksheet.delete", sheet: "Sheet1" }, { times: 2 });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("甲").name = "乙";
      context.workbook.worksheets.getItem("Sheet1").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
      context.workbook.worksheets.getItem("Sheet1").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
      context.workbook.worksheets.getItem("Sheet1").delete();
      await context.sync();
    });
    expect(fake.sheetNames()).toEqual(["乙"]);
  });

  it("refuses a request or a response above 5 MB, as Excel on the web does", async () => {
    const fake = createFakeExcel();
    // 2,000 rows × 10 cells of 100 Chinese characters: 6 MB of JSON in one sync
    const text = "湖南省工业和信息化厅网络安全".repeat(8).slice(0, 100);
    const block = Array.from({ length: 2000 }, () => Array.from({ length: 10 }, () => text));
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 2000, 10).values =
          block;
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.sheet("Sheet1")!.grid()).toEqual([]);
    expect(fake.requestSizes().at(-1)).toBeGreaterThan(PAYLOAD_LIMIT);
    // the same cells in 4 syncs go through; reading them back at once does not
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      for (let r = 0; r < 2000; r += 500) {
        ws.getRangeByIndexes(r, 0, 500, 10).values = block.slice(r, r + 500);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block is the point here
        await context.sync();
      }
    });
    expect(
      fake
        .requestSizes()
        .slice(-4)
        .every((n) => n < PAYLOAD_LIMIT / 3)
    ).toBe(true);
    await expect(
      fake.run(async (context) => {
        const used = context.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject();
        used.load("values");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
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
    // each attempt ran up to its failing operation: the first table stays, as it would in Excel
    expect(fake.sheet("Sheet1")!.tables.map((t) => t.address)).toEqual(["A1:C3"]);
    expect(fake.sheetNames()).toEqual(["Sheet1"]);
  });
});
