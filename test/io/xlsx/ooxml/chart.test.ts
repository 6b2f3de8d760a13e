/**
 * Native charts: the 三级/二级/一级 clustered column chart over the real 地区指标 sheet (writeIndicatorSheet), as
 * the workbook writers will add it. Checked by the shared OOXML checker (schemas + Excel's rules, no warnings), read
 * back by openpyxl (series, references, title), by our own reader and by LibreOffice, which prints it to PDF: the
 * title is on a page and the bars of each series are there in the proportions of their values.
 */
import { spawnSync } from "child_process";
import { writeFileSync } from "fs";
import { join } from "path";
import { strFromU8, unzipSync } from "fflate";
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import type { IndicatorMap } from "../../../../src/core/indicators";
import { PREFECTURE_NAMES } from "../../../../src/core/vocabulary";
import { WorkbookWriter } from "../../../../src/io/xlsx/ooxml/workbook";
import { sheetRange, type ChartSpec } from "../../../../src/io/xlsx/ooxml/chart";
import { CHART_PALETTE } from "../../../../src/io/xlsx/ooxml/chartPalette";
import { PAGE_NUMBER_FOOTER } from "../../../../src/io/xlsx/ooxml/sheet";
import {
  INDICATOR_SHEET,
  tierChartSpec,
  writeIndicatorSheet,
} from "../../../../src/io/xlsx/writer/indicatorSheet";
import { readWorkbook } from "../../../../src/io/xlsx/readWorkbook";
import { checkXlsx } from "../../../support/ooxmlCheck";
import { openpyxlMissing, PYTHON, tempDir } from "../inspect/python";
import { sampleMerge } from "../inspect/sampleMerge";
import { colourArea, pdfToolsMissing, workbookToPdf } from "./pdf";

const WHEN = new Date(Date.UTC(2024, 11, 20, 1, 30, 0));
const TITLE = "各市州工业互联网安全分类分级企业数（三级/二级/一级）";

/** 长沙 and 株洲 from the sample merge (株洲 left 一级 blank), and 岳阳, 常德 with values of their own. */
function indicators(): IndicatorMap {
  const map: IndicatorMap = { ...sampleMerge().indicators };
  const base = map["长沙市"]!;
  map["岳阳市"] = { ...base, prefecture: "岳阳市", values: { tier3: 7, tier2: 21, tier1: 33 } };
  map["常德市"] = { ...base, prefecture: "常德市", values: { tier3: 3, tier2: 9, tier1: 26 } };
  return map;
}

/** The chart the writer adds to 地区指标: categories A2:A15, one series per tier column. */
const tierChart = (map: IndicatorMap): ChartSpec => tierChartSpec(map);

function book(map: IndicatorMap, extra?: (wb: WorkbookWriter) => void): Uint8Array {
  const wb = new WorkbookWriter({ creator: "护航汇总", created: WHEN });
  extra?.(wb);
  const ws = wb.addSheet(INDICATOR_SHEET);
  writeIndicatorSheet(ws, map);
  ws.pageSetup({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
  ws.printArea("A1:L41");
  ws.headerFooter({ oddFooter: PAGE_NUMBER_FOOTER });
  return wb.toBytes();
}

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

function xml(text: string) {
  return new DOMParser().parseFromString(text, "text/xml");
}

describe("native clustered column chart", () => {
  const map = indicators();

  test("passes the shared OOXML check with no warnings; parts, relationships and content types", () => {
    const bytes = book(map);
    const report = checkXlsx({ chart: bytes });
    expect(report.output).toMatch(/schema failures: 0/);
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([]);

    const p = parts(bytes);
    expect(
      Object.keys(p)
        .filter((k) => /drawing|chart|sheets\/_rels/.test(k))
        .sort()
    ).toEqual([
      "xl/charts/chart1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
    ]);
    expect(p["xl/worksheets/sheet1.xml"]).toMatch(
      /<headerFooter>.*<\/headerFooter><drawing r:id="rId1"\/><\/worksheet>$/
    );
    expect(p["xl/worksheets/_rels/sheet1.xml.rels"]).toContain('Target="../drawings/drawing1.xml"');
    expect(p["xl/drawings/_rels/drawing1.xml.rels"]).toContain('Target="../charts/chart1.xml"');
    expect(p["[Content_Types].xml"]).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>'
    );
    expect(p["[Content_Types].xml"]).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'
    );
  });

  test("the cached values are the sheet's numbers, blanks left out, so viewers that do not recalculate draw them", () => {
    const doc = xml(parts(book(map))["xl/charts/chart1.xml"]);
    const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    const sers = Array.from(doc.getElementsByTagNameNS(C, "ser"));
    expect(sers).toHaveLength(3);
    const read = (ser: XmlElement) => {
      const cache = ser
        .getElementsByTagNameNS(C, "val")[0]
        .getElementsByTagNameNS(C, "numCache")[0];
      const pts = Array.from(cache.getElementsByTagNameNS(C, "pt"));
      return {
        f: ser.getElementsByTagNameNS(C, "val")[0].getElementsByTagNameNS(C, "f")[0].textContent,
        count: cache.getElementsByTagNameNS(C, "ptCount")[0].getAttribute("val"),
        pts: Object.fromEntries(
          pts.map((pt) => [
            PREFECTURE_NAMES[Number(pt.getAttribute("idx"))],
            Number(pt.getElementsByTagNameNS(C, "v")[0].textContent),
          ])
        ),
        fill: ser.getElementsByTagName("a:srgbClr")[0].getAttribute("val"),
      };
    };
    expect(sers.map(read)).toEqual([
      {
        f: "地区指标!$B$2:$B$15",
        count: "14",
        pts: { 长沙市: 12, 株洲市: 5, 岳阳市: 7, 常德市: 3 },
        fill: CHART_PALETTE[0],
      },
      {
        f: "地区指标!$C$2:$C$15",
        count: "14",
        pts: { 长沙市: 30, 株洲市: 18, 岳阳市: 21, 常德市: 9 },
        fill: CHART_PALETTE[1],
      },
      // 株洲 left 一级 blank: no point, a gap in the chart, never a 0
      {
        f: "地区指标!$D$2:$D$15",
        count: "14",
        pts: { 长沙市: 55, 岳阳市: 33, 常德市: 26 },
        fill: CHART_PALETTE[2],
      },
    ]);
    const cats = Array.from(
      doc.getElementsByTagNameNS(C, "cat")[0].getElementsByTagNameNS(C, "v")
    ).map((v) => v.textContent);
    expect(cats).toEqual([...PREFECTURE_NAMES]);
  });

  const noPython = openpyxlMissing();
  (noPython ? test.skip : test)(
    "openpyxl reads the chart: type, title, series and references",
    () => {
      const file = join(tempDir(), "chart.xlsx");
      writeFileSync(file, book(map));
      const script = [
        "import json,sys,openpyxl",
        "ws = openpyxl.load_workbook(sys.argv[1])['地区指标']",
        "out = []",
        "for ch in ws._charts:",
        "  t = ''.join(r.t for p in ch.title.tx.rich.p for r in (p.r or []))",
        "  a = ch.anchor._from",
        "  out.append({'tag': ch.tagname, 'barDir': ch.barDir, 'grouping': ch.grouping, 'title': t,",
        "    'from': [a.col, a.row], 'series': [[s.tx.v, s.cat.strRef.f, s.val.numRef.f] for s in ch.series]})",
        "print(json.dumps(out, ensure_ascii=False))",
      ].join("\n");
      const r = spawnSync(PYTHON, ["-c", script, file], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(r.stderr);
      expect(JSON.parse(r.stdout)).toEqual([
        {
          tag: "barChart",
          barDir: "col",
          grouping: "clustered",
          title: TITLE,
          from: [0, 17],
          series: [
            ["三级", "地区指标!$A$2:$A$15", "地区指标!$B$2:$B$15"],
            ["二级", "地区指标!$A$2:$A$15", "地区指标!$C$2:$C$15"],
            ["一级", "地区指标!$A$2:$A$15", "地区指标!$D$2:$D$15"],
          ],
        },
      ]);
    }
  );

  test("our own reader still reads the sheet beside the chart", async () => {
    const sub = await readWorkbook(book(map), "全省汇总.xlsx");
    expect(sub.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("charts on two sheets and two on one sheet are numbered and related apart", () => {
    const bytes = book(map, (wb) => {
      const ws = wb.addSheet("对比");
      ws.row(1, ["市州", "甲", "乙"]);
      ws.row(2, ["长沙市", 1, 2]);
      ws.row(3, ["株洲市", 3, 4]);
      for (const [col, from, to] of [
        ["B", "E2", "K20"],
        ["C", "E22", "K40"],
      ] as const)
        ws.chart({
          type: "clusteredBar",
          title: `对比${col}`,
          categories: { ref: sheetRange("对比", "A2:A3"), cache: ["长沙市", "株洲市"] },
          series: [
            {
              name: col === "B" ? "甲" : "乙",
              nameRef: sheetRange("对比", `${col}1`),
              values: {
                ref: sheetRange("对比", `${col}2:${col}3`),
                cache: col === "B" ? [1, 3] : [2, 4],
              },
              color: "7F7F7F",
            },
          ],
          anchor: { from, to },
        });
    });
    const report = checkXlsx({ charts: bytes });
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([]);
    const p = parts(bytes);
    expect(p["xl/drawings/_rels/drawing1.xml.rels"]).toMatch(
      /rId1.*\.\.\/charts\/chart1\.xml.*rId2.*\.\.\/charts\/chart2\.xml/
    );
    expect(p["xl/drawings/_rels/drawing2.xml.rels"]).toContain("../charts/chart3.xml");
    expect(p["xl/worksheets/_rels/sheet2.xml.rels"]).toContain("../drawings/drawing2.xml");
    expect(p["xl/charts/chart1.xml"]).toContain('<c:barDir val="bar"/>');
    expect(p["xl/charts/chart3.xml"]).toContain(TITLE);
  });

  test("a spec that does not fit its ranges is refused with a message naming the chart", () => {
    const wb = new WorkbookWriter({ creator: "护航汇总", created: WHEN });
    const ws = wb.addSheet(INDICATOR_SHEET);
    const good = tierChart(map);
    expect(() =>
      ws.chart({ ...good, categories: { ...good.categories, cache: ["长沙市"] } })
    ).toThrow(`图表“${TITLE}”的分类区域有 14 格，缓存却有 1 个值`);
    expect(() =>
      ws.chart({
        ...good,
        series: [{ ...good.series[0], values: { ref: "地区指标!C2:C15", cache: [] } }],
      })
    ).toThrow(/区域无效：地区指标!C2:C15/);
    expect(() => ws.chart({ ...good, anchor: { from: "L40", to: "A18" } })).toThrow(
      /须从左上到右下/
    );
    expect(ws.charts).toEqual([]);
  });

  const noPdf = pdfToolsMissing();
  (noPdf ? test.skip : test)(
    "LibreOffice prints the chart: the title on the page, each series' bars in proportion to its values",
    () => {
      const pdf = workbookToPdf(book(map), "chart");
      expect(pdf.pages).toBe(1);
      expect(pdf.text(1).replace(/\s+/g, "")).toContain(TITLE.replace(/\s+/g, ""));
      expect(pdf.text(1)).toMatch(/第\s*1\s*页\s*共\s*1\s*页/);
      const img = pdf.pixels(1, 100);
      console.log(`[chart] LibreOffice 渲染的图表页：${img.png}`);
      const areas = CHART_PALETTE.slice(0, 3).map((c) => colourArea(img, c, 30));
      const sums = [12 + 5 + 7 + 3, 30 + 18 + 21 + 9, 55 + 33 + 26];
      // bars have one width, so a series' coloured area goes with the sum of its values (the legend swatch is small)
      const perUnit = areas.map((a, i) => a.count / sums[i]);
      for (const u of perUnit) expect(u / perUnit[1]).toBeGreaterThan(0.8);
      for (const u of perUnit) expect(u / perUnit[1]).toBeLessThan(1.25);
      // the bars stand below the table (rows 1–16) on the printed page
      expect(areas[0].minY).toBeGreaterThan(img.height * 0.2);
    }
  );
});
