/**
 * The page's SVG chart of 三级/二级/一级: one bar per filled value in the workbook chart's colours, heights in
 * proportion, an empty value drawn as nothing (and "—" in the table), the accessible name and summary, the data table,
 * and the narrow layout (horizontal bars) chosen below 560 px.
 */
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import {
  chartSummary,
  niceTicks,
  TierChart,
  tierChartData,
  type TierChartProps,
} from "../../../src/taskpane/components/TierChart";
import { CHART_PALETTE } from "../../../src/io/xlsx/ooxml/chartPalette";
import { sampleMerge } from "../../io/xlsx/inspect/sampleMerge";

const TITLE = "各市州工业互联网安全分类分级企业数（三级/二级/一级）";

function draw(props: Partial<TierChartProps> = {}) {
  // 长沙 12/30/55 and 株洲 5/18/— from the sample merge; the other 12 prefectures sent nothing
  const data = tierChartData(sampleMerge().indicators);
  render(
    <FluentProvider theme={webLightTheme}>
      <TierChart title={TITLE} unit="家" {...data} {...props} />
    </FluentProvider>
  );
  return data;
}

function bars() {
  return [...document.querySelectorAll("rect[data-series]")].map((r) => ({
    category: r.closest("[data-category]")!.getAttribute("data-category"),
    series: r.getAttribute("data-series"),
    value: Number(r.getAttribute("data-value")),
    fill: r.getAttribute("fill"),
    height: Number(r.getAttribute("height")),
    width: Number(r.getAttribute("width")),
  }));
}

test("tierChartData: all 14 prefectures in order, blanks and missing prefectures as null", () => {
  const d = tierChartData(sampleMerge().indicators);
  expect(d.categories).toHaveLength(14);
  expect(d.categories[0]).toEqual({ label: "长沙市", short: "长沙" });
  expect(d.categories[13]).toEqual({ label: "湘西土家族苗族自治州", short: "湘西州" });
  expect(d.series.map((s) => [s.name, s.values[0], s.values[1], s.values[2]])).toEqual([
    ["三级", 12, 5, null],
    ["二级", 30, 18, null],
    ["一级", 55, null, null],
  ]);
});

test("one bar per filled value, in the workbook chart's colours, heights in proportion", () => {
  draw({ orientation: "columns" });
  const b = bars();
  expect(b.map((x) => [x.category, x.series, x.value, x.fill])).toEqual([
    ["长沙市", "三级", 12, `#${CHART_PALETTE[0]}`],
    ["长沙市", "二级", 30, `#${CHART_PALETTE[1]}`],
    ["长沙市", "一级", 55, `#${CHART_PALETTE[2]}`],
    ["株洲市", "三级", 5, `#${CHART_PALETTE[0]}`],
    ["株洲市", "二级", 18, `#${CHART_PALETTE[1]}`],
  ]);
  // 55 is the tallest; 30 is 30/55 of it
  const h = Object.fromEntries(b.map((x) => [`${x.category}${x.series}`, x.height]));
  expect(h["长沙市二级"] / h["长沙市一级"]).toBeCloseTo(30 / 55, 2);
  expect(h["株洲市三级"] / h["长沙市一级"]).toBeCloseTo(5 / 55, 2);
  expect(document.querySelector("[data-testid=tier-chart]")!.getAttribute("data-layout")).toBe(
    "columns"
  );
});

test("an image with a name and a summary for screen readers; the numbers in a table", () => {
  draw({ orientation: "columns" });
  const img = screen.getByRole("img", { name: new RegExp(`^${TITLE.replace(/[()（）/]/g, ".")}`) });
  const desc = img.querySelector("desc")!.textContent;
  expect(desc).toBe(
    "14 个市州。三级合计 17 家，最多的是长沙市（12 家）；二级合计 48 家，最多的是长沙市（30 家）；" +
      "一级合计 55 家，最多的是长沙市（55 家）。未填：株洲市（一级）、湘潭市、衡阳市、邵阳市、岳阳市、" +
      "常德市、张家界市、益阳市、郴州市、永州市、怀化市、娄底市、湘西土家族苗族自治州。"
  );
  const table = screen.getByRole("table", { name: TITLE });
  const rows = within(table)
    .getAllByRole("row")
    .map((r) => [...r.children].map((c) => c.textContent));
  expect(rows.slice(0, 3)).toEqual([
    ["市州", "三级（家）", "二级（家）", "一级（家）"],
    ["长沙市", "12", "30", "55"],
    ["株洲市", "5", "18", "—"],
  ]);
  expect(rows).toHaveLength(15);
  expect(screen.getByText("查看数据表").tagName).toBe("SUMMARY");
});

test("narrow: horizontal bars with short names, widths in proportion", () => {
  draw({ orientation: "bars" });
  expect(document.querySelector("[data-testid=tier-chart]")!.getAttribute("data-layout")).toBe(
    "bars"
  );
  const b = bars();
  expect(b).toHaveLength(5);
  const w = Object.fromEntries(b.map((x) => [`${x.category}${x.series}`, x.width]));
  expect(w["长沙市三级"] / w["长沙市一级"]).toBeCloseTo(12 / 55, 2);
  const labels = [...document.querySelectorAll("svg [data-category] > text")].map(
    (t) => t.textContent
  );
  expect(labels).toContain("湘西州");
  expect(labels).toContain("张家界");
});

test("nothing filled: no bars, an axis from 0, and the summary says so", () => {
  draw({ series: [{ name: "三级", values: Array(14).fill(null) }] });
  expect(bars()).toEqual([]);
  expect(screen.getByRole("img").querySelector("desc")!.textContent).toMatch(
    /^14 个市州。三级均未填。未填：长沙市、/
  );
});

test("axis ticks: 0 to a round number above the largest value", () => {
  expect(niceTicks(55)).toEqual([0, 20, 40, 60]);
  expect(niceTicks(751)).toEqual([0, 200, 400, 600, 800]);
  expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
  expect(niceTicks(0)).toEqual([0, 1]);
  expect(
    chartSummary({
      categories: [{ label: "甲" }, { label: "乙" }],
      series: [{ name: "A", values: [1, 2] }],
    })
  ).toBe("2 个类别。A合计 3，最多的是乙（2）。");
});
