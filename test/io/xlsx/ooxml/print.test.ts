/**
 * Print setup as LibreOffice prints it (headless, to PDF; pdfinfo and pdftotext read the pages): A4 landscape, fit to
 * one page wide, the header row repeated, "第 P 页 共 N 页" in the footer, and a print area. A control workbook
 * without the setup shows the same sheet split across pages, so the checks can tell the difference.
 */
import { WorkbookWriter } from "../../../../src/io/xlsx/ooxml/workbook";
import { PAGE_NUMBER_FOOTER, type SheetWriter } from "../../../../src/io/xlsx/ooxml/sheet";
import { checkXlsx } from "../../../support/ooxmlCheck";
import { spawnSync } from "child_process";
import { writeFileSync } from "fs";
import { join } from "path";
import { dumpXlsx, openpyxlMissing, PYTHON, sheet, tempDir } from "../inspect/python";
import { pdfToolsMissing, workbookToPdf } from "./pdf";

const missing = pdfToolsMissing() ?? openpyxlMissing();
const run = missing ? describe.skip : describe;
if (missing) console.warn(missing);

const WHEN = new Date(Date.UTC(2024, 11, 20, 1, 30, 0));
const COLUMNS = 18;
const ROWS = 160;

/** A wide table: 18 columns 12 characters wide (about twice an A4 landscape page), 160 body rows. */
function wideTable(ws: SheetWriter, label: string): void {
  const head = ws.style({ font: { name: "宋体", size: 11, bold: true }, border: "thin" });
  const body = ws.style({ font: { name: "宋体", size: 11 }, border: "thin" });
  for (let c = 1; c <= COLUMNS; c++) ws.column(c, { width: 12 });
  ws.row(
    1,
    Array.from({ length: COLUMNS }, (_, c) => `${label}列${String(c + 1).padStart(2, "0")}`),
    head
  );
  for (let r = 1; r <= ROWS; r++)
    ws.row(
      r + 1,
      Array.from({ length: COLUMNS }, (_, c) => (c === 0 ? `第${r}行` : r * 100 + c)),
      body
    );
}

function printed(ws: SheetWriter): void {
  ws.pageSetup({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
  ws.printTitleRows(1);
  ws.headerFooter({ oddFooter: PAGE_NUMBER_FOOTER });
}

/** The odd-page footer's sections as openpyxl parses them. */
function openpyxlFooter(bytes: Uint8Array, name: string): Record<string, string> {
  const file = join(tempDir(), "footer.xlsx");
  writeFileSync(file, bytes);
  const script =
    "import json,sys,openpyxl\n" +
    "f = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]].oddFooter\n" +
    "print(json.dumps({k: getattr(f, k).text for k in ('left','center','right') if getattr(f, k).text}))";
  const r = spawnSync(PYTHON, ["-c", script, file, name], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, string>;
}

/** Page numbers "第 p 页 共 n 页" found on each page, in page order. */
function footers(pdf: ReturnType<typeof workbookToPdf>): string[] {
  const out: string[] = [];
  for (let p = 1; p <= pdf.pages; p++) {
    const m = /第\s*(\d+)\s*页\s*共\s*(\d+)\s*页/.exec(pdf.text(p));
    out.push(m ? `${m[1]}/${m[2]}` : "无页脚");
  }
  return out;
}

run("print setup through LibreOffice", () => {
  test("A4 landscape, one page wide, header row on every page, page numbers in the footer", () => {
    const wb = new WorkbookWriter({ creator: "护航汇总", created: WHEN });
    const ws = wb.addSheet("宽表");
    printed(ws);
    wideTable(ws, "甲");
    const bytes = wb.toBytes();
    const report = checkXlsx({ print: bytes });
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([]);

    // openpyxl reads the footer and the setup back as Excel would store them
    const s = sheet(dumpXlsx(bytes), "宽表");
    expect([
      s.orientation,
      s.paperSize,
      s.fitToPage,
      s.fitToWidth,
      s.fitToHeight,
      s.printTitleRows,
    ]).toEqual(["landscape", 9, true, 1, 0, "$1:$1"]);
    expect(openpyxlFooter(bytes, "宽表")).toEqual({ center: "第 &P 页 共 &N 页" });

    const pdf = workbookToPdf(bytes, "print");
    // A4 landscape: 842 × 595 pt
    expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual([842, 595]);
    // one page wide: every page has the first and the last column (the header row repeats), and rows go on down
    expect(pdf.pages).toBeGreaterThan(1);
    const seenRows = new Set<number>();
    for (let p = 1; p <= pdf.pages; p++) {
      const text = pdf.text(p);
      expect({ page: p, first: text.includes("甲列01"), last: text.includes("甲列18") }).toEqual({
        page: p,
        first: true,
        last: true,
      });
      for (const m of text.matchAll(/第(\d+)行/g)) seenRows.add(Number(m[1]));
      // the last column's values sit on the same page as their row label
      const rowsHere = [...text.matchAll(/第(\d+)行/g)].map((m) => Number(m[1]));
      for (const r of rowsHere) expect(text).toContain(String(r * 100 + COLUMNS - 1));
    }
    expect(seenRows.size).toBe(ROWS);
    expect(footers(pdf)).toEqual(
      Array.from({ length: pdf.pages }, (_, i) => `${i + 1}/${pdf.pages}`)
    );
  });

  test("without the setup the same table splits its columns across pages and has no page numbers", () => {
    const wb = new WorkbookWriter({ creator: "护航汇总", created: WHEN });
    wideTable(wb.addSheet("宽表"), "乙");
    const pdf = workbookToPdf(wb.toBytes(), "plain");
    const first = pdf.text(1);
    expect(first).toContain("乙列01");
    expect(first).not.toContain("乙列18");
    expect(footers(pdf).every((f) => f === "无页脚")).toBe(true);
  });

  test("a print area limits what prints; LibreOffice numbers the pages through the workbook", () => {
    const wb = new WorkbookWriter({ creator: "护航汇总", created: WHEN });
    const a = wb.addSheet("宽表");
    printed(a);
    wideTable(a, "丙");
    const b = wb.addSheet("部分");
    printed(b);
    b.printArea("A1:F21");
    wideTable(b, "丁");
    const bytes = wb.toBytes();
    const report = checkXlsx({ area: bytes });
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([]);

    const pdf = workbookToPdf(bytes, "area");
    const pagesOf = (label: string) =>
      Array.from({ length: pdf.pages }, (_, i) => i + 1).filter((p) =>
        pdf.text(p).includes(`${label}列01`)
      );
    const partial = pagesOf("丁");
    expect(partial.length).toBe(1);
    const text = pdf.text(partial[0]);
    expect(text).toContain("丁列06");
    expect(text).not.toContain("丁列07");
    expect(text).toContain("第20行");
    expect(text).not.toContain("第21行");
    expect(pagesOf("丙").length + partial.length).toBe(pdf.pages);
    expect(footers(pdf)).toEqual(
      Array.from({ length: pdf.pages }, (_, i) => `${i + 1}/${pdf.pages}`)
    );
  });
});
