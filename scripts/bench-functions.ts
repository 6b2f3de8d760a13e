/**
 * Times the HUHANG custom functions (through their worksheet wrappers, as Excel calls them) on 1,000 / 10,000 /
 * 100,000-row ranges typed the way clerks type them. Target: well under a second at 100,000 rows.
 *
 *   npx esbuild scripts/bench-functions.ts --bundle --platform=node --outfile=/tmp/bf.js && node /tmp/bf.js
 *
 * scripts/bench.ts (npm run bench) imports runFunctionBenchmarks; this file runs by itself only when it is the
 * script node was started with (bench-functions.* or bf.js) or HUHANG_BENCH_FUNCTIONS=1 is set.
 */
import { PREFECTURES } from "../src/core/vocabulary";
import { makeUscc } from "../src/core/uscc";
import {
  coverageFn,
  crossRegionFn,
  multiDirectionFn,
  ratioFn,
  tierCountFn,
  usccFn,
} from "../src/functions/functions";

type Matrix = unknown[][];

const DIRECTION_SPELLINGS = [
  "工业互联网安全分类分级案例",
  "分类分级",
  "1",
  "车联网",
  2,
  "工控评估",
  "漏洞治理",
  "威胁监测",
  "5",
];
const LEVEL_SPELLINGS = ["三级", "3级", "第三级", "Ⅲ级", "二级", 2, "一级", "", "无"];
const PERCENT_SPELLINGS = [0.85, "85%", 85, "９０％", "", "0.6"];

/** A small deterministic generator so that every run times the same data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** n rows as clerks type them (deterministic: the same n gives the same rows). */
export function makeRows(n: number) {
  const rnd = lcg(n);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  // about one enterprise per 3 rows, so many enterprises repeat; a third are written as credit codes
  const enterprises = Math.max(1, Math.floor(n / 3));
  const ent: Matrix = [];
  const dir: Matrix = [];
  const pref: Matrix = [];
  const level: Matrix = [];
  const num: Matrix = [];
  const den: Matrix = [];
  const pct: Matrix = [];
  const codes: Matrix = [];
  for (let i = 0; i < n; i++) {
    const e = Math.floor(rnd() * enterprises);
    const body = String(10000000 + e);
    ent.push([
      e % 3 === 0
        ? makeUscc("430100", body)
        : `湖南第${e}号智能制造有限公司${rnd() < 0.1 ? "（盖章）" : ""}`,
    ]);
    dir.push([pick(DIRECTION_SPELLINGS)]);
    const p = pick(PREFECTURES);
    pref.push([rnd() < 0.5 ? p.name : p.short]);
    level.push([pick(LEVEL_SPELLINGS)]);
    const d = Math.floor(rnd() * 50);
    den.push([rnd() < 0.3 ? String(d) : d]);
    num.push([rnd() < 0.05 ? "" : Math.floor(d * rnd())]);
    pct.push([pick(PERCENT_SPELLINGS)]);
    codes.push([makeUscc(p.code, body)]);
  }
  return { ent, dir, pref, level, num, den, pct, codes };
}

function time(run: () => unknown, repeat = 3): number {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export interface FunctionTiming {
  fn: string;
  rows: number;
  ms: number;
}

/** Time every function at 1,000 / 10,000 / 100,000 rows; prints one Chinese line per size and returns the figures. */
export function runFunctionBenchmarks(
  print: (line: string) => void,
  sizes: readonly number[] = [1000, 10000, 100000]
): FunctionTiming[] {
  const out: FunctionTiming[] = [];
  for (const n of sizes) {
    const r = makeRows(n);
    const cases: [string, () => unknown][] = [
      ["TIERCOUNT", () => tierCountFn(r.level)],
      ["RATIO", () => ratioFn(r.num, r.den)],
      ["COVERAGE", () => coverageFn(r.den, r.pct)],
      ["MULTIDIRECTION", () => multiDirectionFn(r.ent, r.dir)],
      ["CROSSREGION", () => crossRegionFn(r.ent, r.pref)],
      // USCC takes one cell: Excel calls it once per row when it is filled down
      ["USCC×行数", () => r.codes.forEach((c) => usccFn(c[0] as string))],
    ];
    const parts: string[] = [];
    for (const [fn, run] of cases) {
      const ms = time(run);
      out.push({ fn, rows: n, ms });
      parts.push(`${fn} ${ms.toFixed(1)} ms`);
    }
    print(
      `自定义函数 ${n.toLocaleString("en-US")} 行：${parts.join("，")}　[目标 10 万行 < 1000 ms]`
    );
  }
  return out;
}

const invokedAs = typeof process !== "undefined" ? (process.argv[1] ?? "") : "";
if (
  process.env.HUHANG_BENCH_FUNCTIONS === "1" ||
  /(bench-functions|(^|[\\/])bf)\.[cm]?[jt]s$/.test(invokedAs)
) {
  runFunctionBenchmarks((line) => console.log(line));
}
