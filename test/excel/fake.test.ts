/**
 * The fake must behave like Office.js where the host relies on it: queued writes, load/sync, null objects, batches that
 * half-apply when one operation fails, and Excel on the web's 5 MB limit on a request and a response.
 */
import type { XlWorksheet } from "../../src/excel/xl";
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

  it("reads and writes formulas in R1C1 relative to each cell, and stores them in A1", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("C2:C3").formulas = [['=A2&"-"&$B$1'], ['=SUM(A2:B3)+LEN("A1")']];
      const r = ws.getRange("C2:C3");
      r.load("formulasR1C1");
      await context.sync();
      expect(r.formulasR1C1).toEqual([['=RC[-2]&"-"&R1C2'], ['=SUM(R[-1]C[-2]:RC[-1])+LEN("A1")']]);
      // the same R1C1 text written two rows down and one column right points at cells moved with it
      ws.getRange("D4:D5").formulasR1C1 = r.formulasR1C1;
      ws.getRange("D6").formulasR1C1 = [["备注"]];
      await context.sync();
    });
    const s = fake.sheet("Sheet1")!;
    expect(s.formula("D4")).toBe('=B4&"-"&$B$1');
    expect(s.formula("D5")).toBe('=SUM(B4:C5)+LEN("A1")');
    expect(s.value("D6")).toBe("备注");
  });

  it("unmerges every merged area a range touches; clear leaves merges and data validation alone", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:C1").merge();
      ws.getRange("A3:C3").merge();
      ws.getRange("A2:B2").values = [["x", 1]];
      ws.getRange("A2:B2").format.fill.color = "#FFC7CE";
      ws.getRange("B2").numberFormat = [["0.0"]];
      ws.getRange("B2").dataValidation.rule = { decimal: { operator: "GreaterThan", formula1: 0 } };
      ws.getRange("A2:B2").clear("Contents");
      await context.sync();
      expect(fake.sheet("Sheet1")!.fill("A2")).toBe("#FFC7CE");
      ws.getRange("A2:B2").clear();
      ws.getRange("B1:B2").unmerge();
      await context.sync();
    });
    const s = fake.sheet("Sheet1")!;
    expect(s.grid()).toEqual([]);
    expect(s.fill("A2")).toBeNull();
    expect(s.numberFormat("B2")).toBe("General");
    expect(s.merges).toEqual(["A3:C3"]);
    expect(s.validations.map((v) => [v.address, v.type, v.operator])).toEqual([
      ["B2", "decimal", "GreaterThan"],
    ]);
  });

  it("checks validation rules as Office.js does: one kind, a list of at most 255 characters, prompt after the rule", async () => {
    const fake = createFakeExcel();
    const attempt = (f: (ws: XlWorksheet) => void) =>
      fake.run(async (context) => {
        f(context.workbook.worksheets.getItem("Sheet1"));
        await context.sync();
      });
    await expect(
      attempt((ws) => {
        ws.getRange("A1").dataValidation.rule = {
          list: { inCellDropDown: true, source: "甲".repeat(256) },
        };
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      attempt((ws) => {
        ws.getRange("A1").dataValidation.prompt = { title: "t", message: "m", showPrompt: true };
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await attempt((ws) => {
      const r = ws.getRange("A2:A5");
      r.dataValidation.rule = { wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: 0 } };
      r.dataValidation.prompt = { title: "填写整数", message: "不小于0", showPrompt: true };
      r.dataValidation.errorAlert = {
        title: "填写整数",
        message: "请填写整数",
        style: "Stop",
        showAlert: true,
      };
    });
    expect(fake.sheet("Sheet1")!.validations).toEqual([
      {
        address: "A2:A5",
        type: "wholeNumber",
        list: null,
        inCellDropDown: null,
        operator: "GreaterThanOrEqualTo",
        formula1: 0,
        formula2: null,
        prompt: { title: "填写整数", message: "不小于0" },
        errorAlert: { title: "填写整数", message: "请填写整数", style: "Stop" },
      },
    ]);
  });

  it("makes formulas follow a renamed sheet and say #REF! when it is deleted, but leaves text in strings", async () => {
    const fake = createFakeExcel(["Sheet1", "明细"]);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A2").formulas = [["=明细!C5*2"], ['=INDIRECT("明细!C5")']];
      context.workbook.worksheets.getItem("明细").name = "明细~备份";
      await context.sync();
      expect(fake.sheet("Sheet1")!.formula("A1")).toBe("='明细~备份'!C5*2");
      expect(fake.formulaProblems()).toEqual(["Sheet1!A2: 没有工作表 明细"]);
      context.workbook.worksheets.add("明细");
      context.workbook.worksheets.getItem("明细~备份").delete();
      await context.sync();
    });
    const s = fake.sheet("Sheet1")!;
    expect(s.formula("A1")).toBe("=#REF!C5*2");
    expect(s.formula("A2")).toBe('=INDIRECT("明细!C5")');
    expect(fake.formulaProblems()).toEqual(["Sheet1!A1: #REF!（=#REF!C5*2）"]);
  });
  it("gives the merged areas whose top-left cell is in a range, whole, a null object when none, and fails above 512", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:G1").merge();
      ws.getRange("B3:C5").merge();
      await context.sync();
      const areas = ws.getRange("A1:D3").getMergedAreasOrNullObject();
      areas.load(["address", "isNullObject"]);
      const none = ws.getRange("A4:D9").getMergedAreasOrNullObject();
      none.load("isNullObject");
      await context.sync();
      // B3:C5 starts inside A1:D3 and is given whole; A4:D9 holds no top-left cell of a merge
      expect(areas.isNullObject).toBe(false);
      expect(areas.address).toBe("Sheet1!A1:G1, Sheet1!B3:C5");
      expect(none.isNullObject).toBe(true);
      for (let r = 10; r < 10 + 513; r++) ws.getRange(`A${r}:B${r}`).merge();
      await context.sync();
      ws.getRange("A10:B600").getMergedAreasOrNullObject().load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
    });
    expect(fake.responseSizes().length).toBeGreaterThan(0);
  });

  it("lets a test do what a clerk does: merge cells (only the top-left keeps its value), delete rows (the rest moves up)", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B4").values = [
        ["甲", "1"],
        ["乙", "2"],
        ["丙", "3"],
        ["联系人：张三", ""],
      ];
      ws.getRange("A4:B4").merge();
      await context.sync();
    });
    fake.mergeCells("Sheet1", "A2:B2");
    expect(fake.sheet("Sheet1")!.grid()[1]).toEqual(["乙", ""]);
    fake.deleteRows("Sheet1", 1);
    const s = fake.sheet("Sheet1")!;
    expect(s.grid()).toEqual([
      ["乙", ""],
      ["丙", 3],
      ["联系人：张三", ""],
    ]);
    expect(s.merges).toEqual(["A3:B3", "A1:B1"]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C1").formulas = [["=A1"]];
      await context.sync();
    });
    expect(() => fake.deleteRows("Sheet1", 2)).toThrow(/does not adjust formulas/);
  });
});
