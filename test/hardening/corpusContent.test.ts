/**
 * Workbooks that open but hold awkward content: each imports correctly, or gives a Chinese finding located by file,
 * sheet, row and column. Expected values are copied by hand from make_bad.py.
 */
import { countChars } from "../../src/core/text";
import { normalizeEnterpriseName } from "../../src/core/normalize";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";
import { bad, expectChineseAndLocated, readAndCheck } from "./corpus.helpers";

const ROW1 = {
  caseName: "硬质合金智能工厂分类分级防护实践",
  enterprise: "株洲岳峰硬质合金有限公司",
  contact: "刘建军",
  phone: "0731-28861234",
};
const ROW2 = {
  caseName: "轨道交通装备工控系统安全评估",
  enterprise: "株洲时代电气装备有限公司",
  contact: "陈立",
  phone: "13807330001",
};

describe("imports correctly", () => {
  it.each([
    ["xfd_cell.xlsx", "一个单元格在最后一列 XFD"],
    ["sixty_sheets.xlsx", "60 个工作表，推荐汇总表在第 45 个"],
    ["misspelt_headers.xlsx", "表头打错字：案列名称、企业明称、联糸人、简诉、联系方试"],
  ])("%s (%s)", async (name) => {
    const { sub, findings } = await readAndCheck(name);
    expect(sub.ok).toBe(true);
    expect(
      sub.records.map((r) => ({
        caseName: r.caseName,
        enterprise: r.enterprise,
        contact: r.contact,
        phone: r.phone,
      }))
    ).toEqual([ROW1, ROW2]);
    expect(sub.records.map((r) => [r.category, r.direction])).toEqual([
      ["工业企业", "工业互联网安全分类分级案例"],
      ["工业企业", "工业控制系统安全评估案例"],
    ]);
    expect(sub.records.map((r) => r.source.row)).toEqual([4, 5]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("sixty sheets are refused when the sheet limit is lower, naming the limit", async () => {
    const sub = await readWorkbook(bad("sixty_sheets.xlsx"), "sixty_sheets.xlsx", {
      limits: { maxSheets: 50 },
    });
    expect(sub.ok).toBe(false);
    expect(sub.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^工作簿有 60 个工作表，超过上限 50 个/),
    ]);
  });

  it("takes the first of two 企业名称 columns and says so", async () => {
    const { sub } = await readAndCheck("duplicate_headers.xlsx");
    expect(sub.records).toHaveLength(1);
    expect(sub.records[0].enterprise).toBe("株洲岳峰硬质合金有限公司");
    expect(sub.records[0].columns.enterprise).toBe("C");
    const notes = sub.findings.filter((f) => f.message.startsWith("表头"));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ code: "FILE", severity: "warning", row: 3 });
    expect(notes[0].message).toMatch(/与 C 列重复，已按 C 列读取，本列未读取/);
  });

  it("names each header it read with a slip", async () => {
    const { sub } = await readAndCheck("misspelt_headers.xlsx");
    const notes = sub.findings.filter((f) => f.message.startsWith("表头")).map((f) => f.message);
    expect(notes).toEqual(
      expect.arrayContaining([
        "表头“案列名称”按“案例名称”读取（疑似笔误），请核对",
        "表头“联糸人”按“联系人”读取（疑似笔误），请核对",
      ])
    );
    expect(notes).toHaveLength(5);
  });

  it("reads dates given as a date, a serial number and as text", async () => {
    const { sub } = await readAndCheck("dates.xlsx");
    expect(sub.records.map((r) => r.date)).toEqual([
      "2024-12-10",
      "2024-12-10",
      "2024-12-11",
      "2024-12-12",
      "2024-12-13",
      "2024-12-14",
    ]);
  });

  it("keeps HTML and script in names as plain text", async () => {
    const { sub } = await readAndCheck("html_script.xlsx");
    expect(sub.records[0]).toMatchObject({
      caseName: '<script>alert("案例")</script>工控安全评估',
      enterprise: "<img src=x onerror=alert(1)>湘潭钢铁有限公司",
      contact: '<a href="http://evil.example">赵六</a>',
    });
    expect(sub.records[0].summary).toBe("<b>加粗</b>&amp;评估");
  });

  it("keeps text starting with = + - @ as text, never evaluated", async () => {
    const { sub } = await readAndCheck("injection.xlsx");
    expect(sub.records.slice(2).map((r) => [r.caseName, r.enterprise, r.contact, r.phone])).toEqual(
      [
        [
          '=HYPERLINK("http://evil.example/x","点此查看")',
          "+cmd|' /C calc'!A0",
          "@SUM(1+1)",
          "=1+2",
        ],
        ["-10+20 项目", "=株洲注入有限公司", "=cmd", "+8613800000000"],
      ]
    );
  });

  it("removes zero-width characters, BOM and bidi marks; keeps emoji and combining marks", async () => {
    const { sub, findings } = await readAndCheck("unicode.xlsx");
    const [a, b] = sub.records;
    expect(a.caseName).toBe("🔒工控安全👍评估");
    expect(a.enterprise).toBe("湘潭电机有限公司");
    expect(a.contact).toBe("李四");
    expect(a.phone).toBe("13600000000");
    expect(b.caseName.normalize("NFC")).toBe("Café 安全分级");
    expect(normalizeEnterpriseName(a.enterprise)).toBe(normalizeEnterpriseName(b.enterprise));
    // one enterprise under two directions: R2 on both rows, found despite the invisible characters
    expect(findings.filter((f) => f.code === "R2").map((f) => f.row)).toEqual([4, 5]);
    expect(countChars(a.caseName)).toBe(8);
  });
});

describe("located findings", () => {
  it("error cells in required fields: REQ at the cell", async () => {
    const { sub, findings } = await readAndCheck("error_cells.xlsx");
    expectChineseAndLocated(findings, "error_cells.xlsx");
    const req = findings
      .filter((f) => f.code === "REQ")
      .map((f) => [f.sheet, f.row, f.column, f.message]);
    expect(req).toEqual(
      expect.arrayContaining([
        ["Sheet", 5, "B", "“案例名称”单元格是错误值 #DIV/0!，无法读取：请检查公式或重新填写"],
        ["Sheet", 5, "C", "“企业名称”单元格是错误值 #REF!，无法读取：请检查公式或重新填写"],
        ["Sheet", 5, "F", "“联系人”单元格是错误值 #N/A，无法读取：请检查公式或重新填写"],
      ])
    );
    expect(req.filter((r) => r[1] === 4)).toEqual([]);
    expect(sub.records).toHaveLength(2);
  });

  it("a credit code stored as a number, or shown in scientific notation: ID in words", async () => {
    const { findings } = await readAndCheck("uscc_scientific.xlsx");
    const ids = findings.filter((f) => f.code === "ID").map((f) => [f.row, f.column, f.message]);
    expect(ids).toEqual([
      [
        4,
        "H",
        expect.stringMatching(
          /^统一社会信用代码“914302001922038000”被 Excel 当作数字保存，末几位已变成 0/
        ),
      ],
      [5, "H", expect.stringMatching(/^统一社会信用代码“914302000000000000”被 Excel 当作数字保存/)],
    ]);
  });

  it("a 10,000-character 简述: R5 with the count, no crash", async () => {
    const { sub, findings } = await readAndCheck("long_text.xlsx");
    expect(sub.records[0].caseName).toHaveLength(10_000);
    const r5 = findings.filter((f) => f.code === "R5");
    expect(r5).toHaveLength(1);
    expect(r5[0]).toMatchObject({ sheet: "Sheet", row: 4, column: "E" });
    // 工业互联网安全分类分级案例： (14) + 10,000 × 安
    expect(r5[0].message).toContain("10014");
  });
});
