/**
 * The 来源列 hidden column: the letters (or form labels) each field of a record was read from, written for every
 * row and read back by the merge. Its encoder keeps its last answer: that answer must never outlive the columns.
 */
import type { CaseField } from "../../src/core/model";
import { decodeSourceColumns, encodeSourceColumns } from "../../src/sheets/hiddenColumns";

type Columns = Partial<Record<CaseField, string>>;

describe("encodeSourceColumns", () => {
  it("reads back as the columns it was given, separators in a label included", () => {
    const columns: Columns = { caseName: "B", enterprise: "C", summary: "附件1:第3行;备注" };
    expect(decodeSourceColumns(encodeSourceColumns(columns))).toEqual({
      caseName: "B",
      enterprise: "C",
      summary: "附件1 第3行 备注",
    });
  });

  it("gives each table's rows their own columns, one frozen object per table", () => {
    const first = Object.freeze({ caseName: "B", enterprise: "C" });
    const second = Object.freeze({ caseName: "D", enterprise: "E" });
    const texts = [first, first, second, second, first].map(encodeSourceColumns);
    expect(texts).toEqual([
      "caseName:B;enterprise:C",
      "caseName:B;enterprise:C",
      "caseName:D;enterprise:E",
      "caseName:D;enterprise:E",
      "caseName:B;enterprise:C",
    ]);
  });

  it("an object changed in place since the last row gives its new columns", () => {
    const columns: Columns = { caseName: "B", enterprise: "C" };
    expect(encodeSourceColumns(columns)).toBe("caseName:B;enterprise:C");
    columns.enterprise = "F";
    expect(encodeSourceColumns(columns)).toBe("caseName:B;enterprise:F");
    delete columns.enterprise;
    expect(encodeSourceColumns(columns)).toBe("caseName:B");
  });

  it("equal columns in another object give the same text", () => {
    expect(encodeSourceColumns(Object.freeze({ caseName: "B" }))).toBe("caseName:B");
    expect(encodeSourceColumns({ caseName: "B" })).toBe("caseName:B");
    expect(encodeSourceColumns({})).toBe("");
  });
});

describe("decodeSourceColumns", () => {
  it("gives each text its own columns when texts alternate, the rows of one table one frozen object", () => {
    const texts = [
      "caseName:B;enterprise:C",
      "caseName:B;enterprise:C",
      "caseName:D",
      "",
      "caseName:B;enterprise:C",
    ];
    const decoded = texts.map(decodeSourceColumns);
    expect(decoded).toEqual([
      { caseName: "B", enterprise: "C" },
      { caseName: "B", enterprise: "C" },
      { caseName: "D" },
      {},
      { caseName: "B", enterprise: "C" },
    ]);
    expect(decoded[1]).toBe(decoded[0]);
    expect(Object.isFrozen(decoded[0])).toBe(true);
    // frozen, the columns read back go to the writer as they are: the encoder's same-object answer holds
    expect(encodeSourceColumns(decoded[0])).toBe("caseName:B;enterprise:C");
    expect(encodeSourceColumns(decoded[2])).toBe("caseName:D");
  });
});
