/**
 * The page's own clustered column chart (the workbook's 地区指标 chart, drawn as SVG without a charting library):
 * one group of bars per category, one bar per series, in the workbook chart's colours (CHART_PALETTE). Wide
 * containers get columns; narrow ones (the ~350 px taskpane) get horizontal bars, one row per category, so that
 * labels stay readable. For assistive technology the SVG is one image with a title and a summary (role="img"), and the
 * numbers are in a table under "查看数据表". An empty value (not reported, not filled) is no bar and "—", never 0.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState, type ReactElement, type ReactNode } from "react";
import { indicatorTable, type IndicatorMap } from "../../core/indicators";
import { PREFECTURES } from "../../core/vocabulary";
import { CHART_PALETTE } from "../../io/xlsx/ooxml/chartPalette";

export interface ChartCategory {
  /** Full name (the data table, the summary). */
  label: string;
  /** Axis label when space is short (e.g. 湘西州). */
  short?: string;
}

export interface ChartSeries {
  name: string;
  /** One value per category; null: no data. */
  values: ReadonlyArray<number | null>;
  /** RRGGBB; CHART_PALETTE in order when absent. */
  color?: string;
}

export interface TierChartProps {
  title: string;
  categories: readonly ChartCategory[];
  series: readonly ChartSeries[];
  /** Unit of the values, for the summary and the table header ("家"). */
  unit?: string;
  /** columns / bars, or auto: bars below 560 px of width. */
  orientation?: "auto" | "columns" | "bars";
}

/** 三级/二级/一级 per prefecture (all 14, GB/T 2260 order) from the indicators, as the workbook chart shows them. */
export function tierChartData(
  indicators: IndicatorMap
): Pick<TierChartProps, "categories" | "series"> {
  const rows = indicatorTable(indicators).slice(0, PREFECTURES.length);
  return {
    categories: PREFECTURES.map((p) => ({ label: p.name, short: p.short })),
    series: (["tier3", "tier2", "tier1"] as const).map((key, i) => ({
      name: ["三级", "二级", "一级"][i],
      values: rows.map((r) => {
        const v = r.values[key];
        return typeof v === "number" && Number.isFinite(v) ? v : null;
      }),
    })),
  };
}

const NARROW = 560;
const FONT = 12;

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  caption: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    listStyleType: "none",
    margin: 0,
    padding: 0,
    fontSize: tokens.fontSizeBase200,
  },
  swatch: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: "-1px",
  },
  svg: { display: "block", width: "100%", height: "auto", overflow: "visible" },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `2px ${tokens.spacingHorizontalS}`,
    },
    "& td": { textAlign: "right" },
  },
  empty: { color: tokens.colorNeutralForeground2 },
});

/** Round `max` up to 1, 2 or 5 × 10^k steps: about `count` ticks from 0. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const whole = Math.max(1, step);
  const top = Math.ceil(max / whole) * whole;
  const ticks: number[] = [];
  for (let t = 0; t <= top + whole / 2; t += whole) ticks.push(t);
  return ticks;
}

/** "14 个市州。三级 合计 105 家，最多 长沙市 12 家；…；未填：张家界市（三级、二级、一级）". */
export function chartSummary(p: Pick<TierChartProps, "categories" | "series" | "unit">): string {
  const unit = p.unit ?? "";
  const parts = p.series.map((s) => {
    let sum = 0;
    let best = -1;
    s.values.forEach((v, i) => {
      if (v === null) return;
      sum += v;
      if (best < 0 || v > (s.values[best] ?? -Infinity)) best = i;
    });
    const u = unit ? ` ${unit}` : "";
    return best < 0
      ? `${s.name}均未填`
      : `${s.name}合计 ${sum}${u}，最多的是${p.categories[best].label}（${s.values[best]}${u}）`;
  });
  const missing = p.categories
    .map((c, i) => ({ c, names: p.series.filter((s) => s.values[i] === null).map((s) => s.name) }))
    .filter((m) => m.names.length > 0)
    .map((m) =>
      m.names.length === p.series.length ? m.c.label : `${m.c.label}（${m.names.join("、")}）`
    );
  return (
    `${p.categories.length} 个${p.categories.length === PREFECTURES.length ? "市州" : "类别"}。` +
    parts.join("；") +
    (missing.length > 0 ? `。未填：${missing.join("、")}` : "") +
    "。"
  );
}

/** Width of the element, followed as it changes (ResizeObserver); `fallback` until it has been measured. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = el.getBoundingClientRect().width;
      if (w > 0) setWidth(Math.round(w));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, width };
}

export function TierChart({
  title,
  categories,
  series,
  unit = "",
  orientation = "auto",
}: TierChartProps) {
  const styles = useStyles();
  const titleId = useId();
  const descId = useId();
  const { ref, width } = useWidth(640);
  const colors = series.map((s, i) => `#${s.color ?? CHART_PALETTE[i % CHART_PALETTE.length]}`);
  const max = Math.max(
    0,
    ...series.flatMap((s) => s.values.filter((v): v is number => v !== null))
  );
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1];
  const bars = orientation === "bars" || (orientation === "auto" && width < NARROW);
  const summary = chartSummary({ categories, series, unit });

  return (
    <figure
      className={styles.figure}
      data-testid="tier-chart"
      data-layout={bars ? "bars" : "columns"}
    >
      <figcaption className={styles.caption}>{title}</figcaption>
      <ul className={styles.legend} aria-hidden="true">
        {series.map((s, i) => (
          <li key={s.name}>
            <span className={styles.swatch} style={{ backgroundColor: colors[i] }} />
            {s.name}
          </li>
        ))}
      </ul>
      <div ref={ref}>
        {(bars ? barsSvg : columnsSvg)({
          width,
          categories,
          series,
          colors,
          ticks,
          top,
          titleId,
          descId,
          title,
          summary,
          className: styles.svg,
        })}
      </div>
      <details>
        <summary>查看数据表</summary>
        <table className={styles.table}>
          <caption className={styles.caption}>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categories.length === PREFECTURES.length ? "市州" : "类别"}</th>
              {series.map((s) => (
                <th scope="col" key={s.name}>
                  {s.name}
                  {unit ? `（${unit}）` : ""}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => (
              <tr key={c.label}>
                <th scope="row">{c.label}</th>
                {series.map((s) => (
                  <td key={s.name} className={s.values[i] === null ? styles.empty : undefined}>
                    {s.values[i] === null ? "—" : s.values[i]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

interface DrawProps {
  width: number;
  categories: readonly ChartCategory[];
  series: readonly ChartSeries[];
  colors: string[];
  ticks: number[];
  top: number;
  titleId: string;
  descId: string;
  title: string;
  summary: string;
  className: string;
}
type Draw = (p: DrawProps) => ReactElement;

const AXIS = "#8a8a8a";
const GRID = "#e0e0e0";
const TEXT = "#424242";
const MUTED = "#616161";

/** The chart's picture, named and described for assistive technology by its title and summary. */
function ChartSvg(p: DrawProps & { height: number; children: ReactNode }) {
  const { width, height } = p;
  return (
    <svg
      role="img"
      aria-labelledby={`${p.titleId} ${p.descId}`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className={p.className}
    >
      <title id={p.titleId}>{p.title}</title>
      <desc id={p.descId}>{p.summary}</desc>
      {p.children}
    </svg>
  );
}

/** Vertical bars: categories along the bottom, values up the left. */
const columnsSvg: Draw = (p) => {
  const { width, categories, series, colors, ticks, top } = p;
  const height = 300;
  const left = 36;
  const right = 8;
  const topPad = 16;
  const labelRows = 2;
  const bottom = 8 + FONT * labelRows + 6;
  const plotW = Math.max(1, width - left - right);
  const plotH = height - topPad - bottom;
  const group = plotW / Math.max(1, categories.length);
  const gap = group * 0.25;
  const barW = (group - gap) / Math.max(1, series.length);
  const y = (v: number) => topPad + plotH - (v / top) * plotH;
  // full names when they fit under their group, else the short ones
  const fits = categories.every((c) => c.label.length * FONT <= group);
  return (
    <ChartSvg {...p} height={height}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={left + plotW} y1={y(t)} y2={y(t)} stroke={t === 0 ? AXIS : GRID} />
          <text x={left - 4} y={y(t) + 4} textAnchor="end" fontSize={FONT - 1} fill={TEXT}>
            {t}
          </text>
        </g>
      ))}
      {categories.map((c, i) => {
        const x0 = left + i * group + gap / 2;
        const label = fits ? c.label : (c.short ?? c.label);
        return (
          <g key={c.label} data-category={c.label}>
            {series.map((s, k) => {
              const v = s.values[i];
              if (v === null) return null;
              return (
                <g key={s.name}>
                  <rect
                    data-series={s.name}
                    data-value={v}
                    x={x0 + k * barW}
                    y={y(v)}
                    width={Math.max(1, barW - 1)}
                    height={Math.max(0, y(0) - y(v))}
                    fill={colors[k]}
                  />
                  {barW >= 16 ? (
                    <text
                      x={x0 + k * barW + barW / 2}
                      y={y(v) - 3}
                      textAnchor="middle"
                      fontSize={FONT - 2}
                      fill={TEXT}
                    >
                      {v}
                    </text>
                  ) : null}
                </g>
              );
            })}
            {series.every((s) => s.values[i] === null) ? (
              <text
                x={left + i * group + group / 2}
                y={y(0) - 4}
                textAnchor="middle"
                fontSize={FONT - 2}
                fill={MUTED}
              >
                未填
              </text>
            ) : null}
            <text
              x={left + i * group + group / 2}
              y={topPad + plotH + FONT + 4}
              textAnchor="middle"
              fontSize={FONT}
              fill={TEXT}
            >
              {label.length * FONT > group && label.length > 2 ? (
                // two lines when even the short name is wider than its group
                <>
                  <tspan x={left + i * group + group / 2}>
                    {label.slice(0, Math.ceil(label.length / 2))}
                  </tspan>
                  <tspan x={left + i * group + group / 2} dy={FONT}>
                    {label.slice(Math.ceil(label.length / 2))}
                  </tspan>
                </>
              ) : (
                label
              )}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
};

/** Horizontal bars: one row per category (label on the left), values along the bottom; the value beside each bar. */
const barsSvg: Draw = (p) => {
  const { width, categories, series, colors, ticks, top } = p;
  const barH = 8;
  const rowGap = 8;
  const rowH = series.length * barH + rowGap;
  const labelW = Math.min(
    width * 0.3,
    Math.max(...categories.map((c) => (c.short ?? c.label).length)) * FONT + 8
  );
  const valueW = 30;
  const topPad = 4;
  const axisH = FONT + 8;
  const plotW = Math.max(1, width - labelW - valueW);
  const height = topPad + categories.length * rowH + axisH;
  const x = (v: number) => labelW + (v / top) * plotW;
  const plotBottom = topPad + categories.length * rowH;
  return (
    <ChartSvg {...p} height={height}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={topPad} y2={plotBottom} stroke={t === 0 ? AXIS : GRID} />
          <text
            x={x(t)}
            y={plotBottom + FONT + 2}
            textAnchor="middle"
            fontSize={FONT - 1}
            fill={TEXT}
          >
            {t}
          </text>
        </g>
      ))}
      {categories.map((c, i) => {
        const y0 = topPad + i * rowH + rowGap / 2;
        return (
          <g key={c.label} data-category={c.label}>
            <text
              x={labelW - 6}
              y={y0 + (series.length * barH) / 2 + FONT / 2 - 2}
              textAnchor="end"
              fontSize={FONT}
              fill={TEXT}
            >
              {c.short ?? c.label}
            </text>
            {series.every((s) => s.values[i] === null) ? (
              <text
                x={labelW + 4}
                y={y0 + (series.length * barH) / 2 + FONT / 2 - 2}
                fontSize={FONT - 2}
                fill={MUTED}
              >
                未填
              </text>
            ) : null}
            {series.map((s, k) => {
              const v = s.values[i];
              if (v === null) return null;
              return (
                <g key={s.name}>
                  <rect
                    data-series={s.name}
                    data-value={v}
                    x={labelW}
                    y={y0 + k * barH}
                    width={Math.max(0, x(v) - labelW)}
                    height={barH - 1}
                    fill={colors[k]}
                  />
                  <text x={x(v) + 3} y={y0 + k * barH + barH - 0.5} fontSize={FONT - 2} fill={TEXT}>
                    {v}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartSvg>
  );
};
