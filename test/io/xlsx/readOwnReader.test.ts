/**
 * readWorkbook / readProvinceWorkbook on our own SpreadsheetML reader, end to end: the 1904 date system (openpyxl
 * fixture, fixtures/reader/make_reader_edges.py), and parts carrying a DTD refused with one FILE finding that never
 * shows what the entity points at.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8 } from "fflate";
import { readProvinceWorkbook } from "../../../src/io/xlsx/readProvince";
import { readWorkbook } from "../../../src/io/xlsx/readWorkbook";
import { annex3SheetXml, xlsxPackage } from "../../hardening/xlsxPackage";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const fixture = (name: string) =>
  new Uint8Array(readFileSync(join(__dirname, "fixtures", "reader", name)));

describe("a workbook saved in the 1904 date system", () => {
  it("reads date cells as the dates the clerk typed, not four years off", async () => {
    const sub = await readWorkbook(fixture("date1904_changsha.xlsx"), "date1904_changsha.xlsx");
    expect(sub.ok).toBe(true);
    expect(sub.prefecture).toBe("长沙市");
    expect(sub.meta).toMatchObject({
      recommender: "长沙市工业和信息化局",
      date: "2024-12-16",
      contact: "刘洋",
      phone: "13974801234",
    });
    expect(sub.records.map((r) => [r.order, r.enterprise, r.date, r.phone])).toEqual([
      [1, "长沙中联重科智能装备有限公司", "2024-11-20", "0731-85001234"],
      [2, "湖南湘江智能网联科技有限公司", "2024-12-02", "13800731234"],
    ]);
  });

  it("warns about the formula saved without a result and about the veryHidden decoy table", async () => {
    const sub = await readWorkbook(fixture("date1904_changsha.xlsx"), "date1904_changsha.xlsx");
    const files = sub.findings.filter((f) => f.code === "FILE");
    expect(files.map((f) => [f.severity, f.sheet, f.row, f.column])).toEqual(
      expect.arrayContaining([
        ["warning", "旧版", null, null],
        ["warning", "推荐汇总表", 5, "A"],
      ])
    );
    expect(files.find((f) => f.row === 5)!.message).toContain(
      "“序号”单元格是公式，但文件中没有保存计算结果"
    );
    expect(JSON.stringify(sub.records)).not.toContain("隐藏表企业有限公司");
  });
});

describe("parts with a DTD are refused", () => {
  const doctype = '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';

  it("in a worksheet", async () => {
    const xml = annex3SheetXml(2)
      .replace('<?xml version="1.0" encoding="UTF-8"?>', doctype)
      .replace("案例2", "&xxe;");
    const sub = await readWorkbook(xlsxPackage(xml), "xxe.xlsx");
    expect(sub.ok).toBe(false);
    expect(sub.records).toEqual([]);
    expect(sub.findings).toHaveLength(1);
    expect(sub.findings[0]).toMatchObject({
      code: "FILE",
      severity: "error",
      file: "xxe.xlsx",
      sheet: "推荐汇总表",
    });
    expect(sub.findings[0].message).toMatch(
      /^文件结构异常，未读取：xl\/worksheets\/sheet1\.xml 含有 DOCTYPE \/ ENTITY 声明/
    );
    expect(sub.findings[0].message).not.toMatch(/passwd|root:/);
  });

  it("in the shared strings and the workbook", async () => {
    const sst = `${doctype}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>`;
    const withSst = await readWorkbook(
      xlsxPackage(annex3SheetXml(2), { "xl/sharedStrings.xml": strToU8(sst) }),
      "sst.xlsx"
    );
    expect(withSst.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^文件结构异常，未读取：xl\/sharedStrings\.xml 含有 DOCTYPE/),
    ]);
    const wb = `${doctype}<workbook ${NS} ${R}><sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const withWb = await readWorkbook(
      xlsxPackage(annex3SheetXml(2), { "xl/workbook.xml": strToU8(wb) }),
      "wb.xlsx"
    );
    expect(withWb.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^文件结构异常，未读取：xl\/workbook\.xml 含有 DOCTYPE/),
    ]);
  });

  it("by readProvinceWorkbook too", async () => {
    const sheet = annex3SheetXml(2).replace('<?xml version="1.0" encoding="UTF-8"?>', doctype);
    const wb = `<workbook ${NS} ${R}><sheets><sheet name="明细" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const back = await readProvinceWorkbook(
      xlsxPackage(sheet, { "xl/workbook.xml": strToU8(wb) }),
      "全省汇总.xlsx"
    );
    expect(back.records).toEqual([]);
    expect(back.findings).toHaveLength(1);
    expect(back.findings[0]).toMatchObject({ code: "FILE", file: "全省汇总.xlsx" });
    expect(back.findings[0].message).toMatch(
      /无法读取该文件（文件结构异常，未读取：xl\/worksheets\/sheet1\.xml 含有 DOCTYPE/
    );
  });
});
