/**
 * TEST-ONLY entry (e2e-components.html, built only with HUHANG_E2E=1): components that no panel shows yet, on the
 * demo's data, for the browser test to look at (screenshots at 350 and 1280 px, axe): the SVG chart of 三级/二级/一级
 * (张家界市 not reported, as in the demo).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { parseLooseNumber } from "../../src/core/text";
import type { IndicatorMap } from "../../src/core/indicators";
import { sampleData } from "../../src/cli/demo/sampleData";
import { TierChart, tierChartData } from "../../src/taskpane/components/TierChart";
import { mount } from "../../src/taskpane/mount";

const indicators: IndicatorMap = {};
for (const s of sampleData()) {
  const values: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(s.indicators)) values[k] = parseLooseNumber(v);
  indicators[s.prefecture.name] = {
    prefecture: s.prefecture.name,
    values,
    header: {},
    lists: {},
    source: { file: `${s.prefecture.name}推荐汇总表.xlsx`, sheet: "附件2", row: null },
    cells: {},
  };
}

mount(document)(
  <FluentProvider theme={webLightTheme}>
    <main style={{ maxWidth: 960, marginInline: "auto", padding: 8 }}>
      <h1 style={{ fontSize: 16, margin: 0 }}>护航汇总 · 组件</h1>
      <TierChart
        title="各市州工业互联网安全分类分级企业数（三级/二级/一级）"
        unit="家"
        {...tierChartData(indicators)}
      />
    </main>
  </FluentProvider>
);
