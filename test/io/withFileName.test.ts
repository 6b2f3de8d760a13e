/**
 * withFileName (src/io/inputs.ts): a file read under one name and renamed reads as the same file read under the other
 * name. That is what lets the command read a package folder's files once (src/cli/inputs.ts). Checked on every Word
 * and Excel file the tests hold: the fixtures written by python-docx, openpyxl and LibreOffice, the hostile corpus,
 * the chain's workbooks and the province workbooks the tool writes. A renamed read keeps what holds no name as it was.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { readInput, withFileName, type InputRead } from "../../src/io/inputs";

const TEST = path.join(__dirname, "..");

/** Every .xlsx / .xlsm / .docx / .docm under test/. */
function officeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) return e === "node_modules" ? [] : officeFiles(p);
    return /\.(xlsx|xlsm|docx|docm)$/i.test(e) ? [p] : [];
  });
}

describe("withFileName", () => {
  const files = officeFiles(TEST);

  it("finds the files it is checked on", () => {
    // workbooks and Word documents of every kind the tests read
    expect(files.length).toBeGreaterThan(80);
    expect(files.some((f) => f.endsWith(".docx"))).toBe(true);
    expect(files.some((f) => f.endsWith(".xlsx"))).toBe(true);
  });

  it("a read renamed is the read under the new name, on every file the tests hold", async () => {
    let kinds = new Set<string>();
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      const name = path.basename(file);
      const to = `长沙市/证明材料/${name}`;
      const renamed = withFileName(await readInput(name, bytes), name, to);
      expect([file, renamed]).toEqual([file, await readInput(to, bytes)]);
      kinds = kinds.add(renamed.kind);
    }
    // the kinds a read can be, among them a province workbook whose prefectures are labelled "file（市州）"
    expect([...kinds].sort()).toEqual(["forms", "province", "rejected", "workbook"]);
  });

  it("renames only where a file is named: a cell that quotes the name keeps it, what holds no name is the same object", () => {
    const columns = Object.freeze({ caseName: "B", enterprise: "C" });
    const record = {
      caseName: "材料见附件3.xlsx",
      source: { file: "附件3.xlsx", sheet: "附件3", row: 5 },
      columns,
    };
    const read: InputRead = {
      kind: "workbook",
      file: "附件3.xlsx",
      submission: {
        file: "附件3.xlsx（长沙市）",
        kind: "annex3",
        prefecture: "长沙市",
        meta: { recommender: "", date: "", contact: "", phone: "" },
        records: [record as never],
        indicators: null,
        findings: [],
        ok: true,
      },
    };
    const renamed = withFileName(read, "附件3.xlsx", "长沙市/附件3.xlsx");
    expect(renamed.file).toBe("长沙市/附件3.xlsx");
    if (renamed.kind !== "workbook") throw new Error(renamed.kind);
    expect(renamed.submission.file).toBe("长沙市/附件3.xlsx（长沙市）");
    const r = renamed.submission.records[0] as unknown as typeof record;
    expect(r.caseName).toBe("材料见附件3.xlsx");
    expect(r.source).toEqual({ file: "长沙市/附件3.xlsx", sheet: "附件3", row: 5 });
    expect(r.columns).toBe(columns);
    // the read itself is left as it was
    expect(record.source.file).toBe("附件3.xlsx");
    expect(withFileName(read, "其他.xlsx", "x/其他.xlsx")).toBe(read);
  });
});
