/**
 * Series colours shared by the workbook charts (chart.ts) and the page's SVG chart (taskpane/components/TierChart):
 * the same bars in both. Okabe–Ito blue, orange and bluish green: told apart with the common colour-vision
 * deficiencies; the first four at least 3:1 against white
 * (the contrast WCAG 1.4.11 asks of bars). No imports, so the page can use it without the writer.
 */
export const CHART_PALETTE = ["0072B2", "D55E00", "009E73", "CC79A7", "56B4E9", "E69F00"] as const;
