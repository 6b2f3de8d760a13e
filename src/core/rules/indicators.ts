/**
 * IND: consistency of one prefecture's 附件2 indicators (SPEC.md "Derived indicators and checks"):
 * counts are whole numbers ≥ 0, 0 ≤ % ≤ 100, 整改 ≤ 发现, 完成整改 ≤ 通报, 五步走 ≤ 符合性评测 ≤ 三级+二级+一级,
 * 完成防护评测 ≤ 定级备案, and a tier count agrees with its attached name list.
 */
import { finding, type Finding } from "../findings";
import { INDICATOR_DEF_BY_KEY, INDICATOR_DEFS } from "../indicatorDefs";
import type { IndicatorKey, IndicatorValues } from "../model";

const PAIRS: ReadonlyArray<[IndicatorKey, IndicatorKey, string]> = [
  ["icsRisksFixed", "icsRisksFound", "工控安全评估整改项数不能多于发现的风险项数"],
  ["noticeHazardsFixed", "noticeHazards", "完成整改的风险隐患不能多于通报的风险隐患"],
  ["fiveSteps", "conformity", "完成“五步走”全环节的企业不能多于完成符合性评测的企业"],
  ["vehicleProtected", "vehicleFiled", "完成防护、评测的车联网企业不能多于定级备案企业"],
];

const TIER_LABEL: Partial<Record<IndicatorKey, string>> = {
  tier3: "三级",
  tier2: "二级",
  tier1: "一级",
};

/** One broken rule of a prefecture's indicators: the indicator it is about and what is wrong. */
export interface IndicatorProblem {
  key: IndicatorKey;
  message: string;
}

/** The IND findings of one prefecture's indicators, each located at its indicator's cell (or the sheet). */
export function checkIndicators(ind: IndicatorValues, file: string): Finding[] {
  return indicatorProblems(ind).map(({ key, message }) => {
    const cell = ind.cells[key];
    return finding(
      "IND",
      {
        file,
        sheet: cell?.sheet ?? ind.source.sheet,
        row: cell?.row ?? ind.source.row,
        column: cell?.column ?? null,
      },
      `${ind.prefecture ?? ""}${ind.prefecture ? "：" : ""}${message}`,
      { prefecture: ind.prefecture }
    );
  });
}

/** What breaks the consistency rules, per indicator (the page shows each under its field as it is typed). */
export function indicatorProblems(ind: IndicatorValues): IndicatorProblem[] {
  const out: IndicatorProblem[] = [];
  const label = (k: IndicatorKey) => INDICATOR_DEF_BY_KEY[k].label;
  const add = (key: IndicatorKey, message: string) => out.push({ key, message });
  const v = (k: IndicatorKey): number | null => {
    const x = ind.values[k];
    return typeof x === "number" && Number.isFinite(x) ? x : null;
  };

  for (const def of INDICATOR_DEFS) {
    const x = v(def.key);
    if (x === null) continue;
    if (def.kind === "percent") {
      if (x < 0 || x > 100) add(def.key, `“${def.label}”为 ${x}%，应在 0% 到 100% 之间`);
    } else if (x < 0 || !Number.isInteger(x)) {
      add(def.key, `“${def.label}”为 ${x}，应为不小于 0 的整数`);
    }
  }

  for (const [small, big, why] of PAIRS) {
    const a = v(small);
    const b = v(big);
    if (a !== null && b !== null && a > b)
      add(small, `${why}（${label(small)} ${a} > ${label(big)} ${b}）`);
  }

  const tiers = (["tier3", "tier2", "tier1"] as const).map(v);
  const conformity = v("conformity");
  if (conformity !== null && tiers.some((t) => t !== null)) {
    const total = tiers.reduce<number>((s, t) => s + (t ?? 0), 0);
    if (conformity > total)
      add(
        "conformity",
        `完成符合性评测的企业（${conformity} 家）不能多于三级、二级、一级企业之和（${total} 家）`
      );
  }

  for (const key of ["tier3", "tier2", "tier1"] as const) {
    const list = ind.lists[key];
    const count = v(key);
    if (!list || count === null) continue;
    const named = new Set(list.map((n) => n.trim()).filter((n) => n !== "")).size;
    if (named !== count)
      add(key, `${TIER_LABEL[key]}工业互联网企业填报 ${count} 家，但所附名单列出 ${named} 家`);
  }
  return out;
}
