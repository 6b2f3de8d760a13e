/**
 * `npm run bench`: the project beside its peers on the same data, on this machine. Not a test: it prints figures.
 *
 * - merge 14 prefecture workbooks × 50 / 1,000 / 5,000 rows, WHOLE PROCESS (node start included):
 *   huhang (`node bin/huhang.js merge <dir> --out <file>`: read, check, merge, write 4 sheets),
 *   pandas + openpyxl (scripts/peers/pandas_merge.py), exceljs streaming reader/writer, one sheet
 *   (scripts/peers/exceljs-merge.cjs), and the floor: bare node start + inflate, UTF-8 decode and a minimal scan of
 *   the inputs + encode and deflate of huhang's own output parts (node's zlib, the CLI's level).
 *   Runs are interleaved (huhang, pandas, exceljs, floor, phases; then again), each figure is the median; peak memory
 *   is the child's maximum RSS from /usr/bin/time. The phase split (read / check+merge / write) comes from an
 *   in-process child (`--merge-child`), the same code the CLI runs.
 * - docx: 100 Word 申报表 in one process; a 32 MB .docx of one giant paragraph, peak memory of its child.
 * - functions: MULTIDIRECTION / CROSSREGION on 100,000 messy rows, first call in a fresh process and warm.
 *
 * Environment: HUHANG_BENCH_ROUNDS (default 3), HUHANG_BENCH_SIZES (default 50,1000,5000),
 * HUHANG_BENCH_PEERS=0 to skip the peers, HUHANG_BENCH_CLI=<bin/huhang.js of another build> (and
 * HUHANG_BENCH_PHASES=<its build/bench.js>) to time that one, HUHANG_BENCH_ONLY=merge for the merge table alone
 * (no docx, no functions).
 */
import { spawnSync } from "node:child_process";
import { existsSync, promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { mergeSubmissions } from "../src/core/merge";
import { defaultSettings } from "../src/core/settings";
import { sampleData } from "../src/cli/demo/sampleData";
import { writeSampleWorkbook } from "../src/cli/demo/writeSample";
import { makesLargeRollUp } from "../src/cli/inputs";
import { expectLargeOutput, NODE_CODEC, selectNodeCodec } from "../src/cli/nodeCodec";
import { tuneForOneRun } from "../src/cli/v8Tuning";
import { readWorkbook } from "../src/io/xlsx/readWorkbook";
import { writeProvinceWorkbook } from "../src/io/xlsx/writeProvince";
import { ZIP_LEVEL } from "../src/io/xlsx/ooxml/workbook";
import { readApplicationDocx } from "../src/io/docx/readApplication";
import { crossRegionFn, multiDirectionFn } from "../src/functions/functions";
import { makeRows, runFunctionBenchmarks } from "./bench-functions";
import { giantParagraphDocx } from "../test/support/giantDocx";

const ROOT = path.join(__dirname, "..");
/** The command timed (HUHANG_BENCH_CLI: another build of it, e.g. an earlier commit's, for a before/after). */
const CLI = process.env.HUHANG_BENCH_CLI ?? path.join(ROOT, "bin", "huhang.js");
/** The phase split's child (HUHANG_BENCH_PHASES: build/bench.js of that other build). */
const PHASES = process.env.HUHANG_BENCH_PHASES ?? __filename;
const PEERS = path.join(ROOT, "scripts", "peers");
const PYTHON = "/usr/bin/python3";
const TIME = "/usr/bin/time";

function peakRssMb(): number {
  const status = readFileSync("/proc/self/status", "utf8");
  const m = /VmHWM:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 1048576;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? NaN
    : s.length % 2
      ? s[(s.length - 1) / 2]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Run {
  ms: number;
  /** Maximum RSS of the child in MB (NaN when /usr/bin/time is missing). */
  mb: number;
  stdout: string;
}

/** Run a child to the end: wall time measured here, its peak RSS by /usr/bin/time. Throws when it fails. */
function run(cmd: string, args: string[]): Run {
  const haveTime = existsSync(TIME);
  const rssFile = path.join(os.tmpdir(), `huhang-bench-rss-${process.pid}`);
  const argv = haveTime ? ["-f", "%M", "-o", rssFile, cmd, ...args] : args;
  const t0 = performance.now();
  const r = spawnSync(haveTime ? TIME : cmd, argv, { encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(" ")} 失败（${r.status}）：${r.stderr.slice(-2000)}`);
  const mb = haveTime ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) / 1024 : NaN;
  return { ms, mb, stdout: r.stdout };
}

/** Child: merge the workbooks in `dir` in-process (what the CLI does), print the phase split as one JSON line. */
async function mergeChild(dir: string): Promise<void> {
  // as the command does (launch.ts → main), but compiled without its code cache
  tuneForOneRun();
  selectNodeCodec();
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".xlsx")).sort();
  // as `huhang merge` does
  if (makesLargeRollUp(files.map((f) => path.join(dir, f)))) expectLargeOutput();
  const t0 = performance.now();
  const settings = defaultSettings(2024);
  const subs = [];
  for (const f of files)
    subs.push(await readWorkbook(new Uint8Array(await fs.readFile(path.join(dir, f))), f));
  const tRead = performance.now();
  const result = mergeSubmissions(subs, settings);
  const tMerge = performance.now();
  const bytes = await writeProvinceWorkbook(result, {
    recommender: "湖南省工业和信息化厅",
    generatedAt: "2024-12-26T00:00:00Z",
  });
  await fs.writeFile(path.join(os.tmpdir(), `huhang-bench-phases-${process.pid}.xlsx`), bytes);
  await fs.rm(path.join(os.tmpdir(), `huhang-bench-phases-${process.pid}.xlsx`));
  const t1 = performance.now();
  process.stdout.write(
    JSON.stringify({
      rows: result.records.length,
      findings: result.findings.length,
      readMs: tRead - t0,
      mergeMs: tMerge - tRead,
      writeMs: t1 - tMerge,
      totalMs: t1 - t0,
      peakMb: peakRssMb(),
    }) + "\n"
  );
}

/** The stored parts of a zip (central directory), inflated with node's zlib: no guards, the floor does no checking. */
function zipParts(data: Uint8Array): Array<{ name: string; bytes: Uint8Array }> {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = data.length - 22;
  while (eocd >= 0 && dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const out: Array<{ name: string; bytes: Uint8Array }> = [];
  for (let i = 0; i < count; i++) {
    const method = dv.getUint16(p + 10, true);
    const csize = dv.getUint32(p + 20, true);
    const nameLen = dv.getUint16(p + 28, true);
    const local = dv.getUint32(p + 42, true);
    const name = new TextDecoder().decode(data.subarray(p + 46, p + 46 + nameLen));
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    const raw = data.subarray(start, start + csize);
    out.push({ name, bytes: method === 8 ? zlib.inflateRawSync(raw) : raw });
    p += 46 + nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return out;
}

/**
 * Child: the floor's work, timed in-process. Inputs: read each file, inflate every part, decode it as UTF-8 and count
 * its cells (one indexOf scan). Output: the parts of huhang's own output as text (prepared untimed), encoded to UTF-8
 * and deflated at the CLI's level. Prints the milliseconds.
 */
async function floorChild(dir: string, output: string): Promise<void> {
  const texts = zipParts(new Uint8Array(await fs.readFile(output))).map((p) =>
    new TextDecoder().decode(p.bytes)
  );
  const t0 = performance.now();
  let cells = 0;
  for (const f of (await fs.readdir(dir)).filter((f) => f.endsWith(".xlsx"))) {
    for (const part of zipParts(new Uint8Array(await fs.readFile(path.join(dir, f))))) {
      const text = new TextDecoder().decode(part.bytes);
      for (let i = text.indexOf("<c "); i >= 0; i = text.indexOf("<c ", i + 3)) cells++;
    }
  }
  let written = 0;
  const encoder = new TextEncoder();
  for (const t of texts)
    written += zlib.deflateRawSync(encoder.encode(t), {
      level: NODE_CODEC.packageLevel ?? ZIP_LEVEL,
    }).length;
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, cells, written }) + "\n");
}

interface SizeFigures {
  rows: number;
  huhang: Run[];
  pandas: Run[];
  exceljs: Run[];
  floor: number[];
  phases: Array<{
    readMs: number;
    mergeMs: number;
    writeMs: number;
    totalMs: number;
    peakMb: number;
  }>;
}

async function writeInputs(rowsPerPrefecture: number): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `huhang-bench-${rowsPerPrefecture}-`));
  const samples = sampleData(rowsPerPrefecture, true, true);
  for (let i = 0; i < samples.length; i++) {
    await fs.writeFile(
      path.join(dir, `${samples[i].prefecture.name}.xlsx`),
      await writeSampleWorkbook(samples[i], i % 3)
    );
  }
  return dir;
}

async function benchMerge(
  rowsPerPrefecture: number,
  rounds: number,
  peers: boolean,
  nodeStart: number[]
): Promise<SizeFigures> {
  const dir = await writeInputs(rowsPerPrefecture);
  const out = path.join(os.tmpdir(), `huhang-bench-out-${process.pid}`);
  const fig: SizeFigures = {
    rows: rowsPerPrefecture * 14,
    huhang: [],
    pandas: [],
    exceljs: [],
    floor: [],
    phases: [],
  };
  try {
    await fs.mkdir(out, { recursive: true });
    const target = path.join(out, "huhang.xlsx");
    for (let r = 0; r < rounds; r++) {
      // no earlier output: the CLI would read its scores back
      await fs.rm(target, { force: true });
      fig.huhang.push(run(process.execPath, [CLI, "merge", dir, "--out", target]));
      if (peers && existsSync(PYTHON))
        fig.pandas.push(
          run(PYTHON, [path.join(PEERS, "pandas_merge.py"), dir, path.join(out, "pandas.xlsx")])
        );
      if (peers)
        fig.exceljs.push(
          run(process.execPath, [
            path.join(PEERS, "exceljs-merge.cjs"),
            dir,
            path.join(out, "exceljs.xlsx"),
          ])
        );
      nodeStart.push(run(process.execPath, ["-e", "0"]).ms);
      const floor = JSON.parse(
        run(process.execPath, [__filename, "--floor-child", dir, target]).stdout
      );
      fig.floor.push(floor.ms);
      fig.phases.push(JSON.parse(run(process.execPath, [PHASES, "--merge-child", dir]).stdout));
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rm(out, { recursive: true, force: true });
  }
  return fig;
}

const sec = (ms: number): string => (Number.isNaN(ms) ? "—" : `${(ms / 1000).toFixed(2)} s`);
const mb = (x: number): string => (Number.isNaN(x) ? "—" : `${x.toFixed(0)} MB`);

function printMergeTable(all: SizeFigures[], nodeStartMs: number): void {
  console.log(
    "\n| merge | huhang | pandas + openpyxl | exceljs（一张表） | floor | huhang ÷ pandas | huhang ÷ exceljs | 读取 / 检查合并 / 写出 |"
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const f of all) {
    const h = median(f.huhang.map((r) => r.ms));
    const p = median(f.pandas.map((r) => r.ms));
    const e = median(f.exceljs.map((r) => r.ms));
    const floor = nodeStartMs + median(f.floor);
    const ph = (k: "readMs" | "mergeMs" | "writeMs") => sec(median(f.phases.map((x) => x[k])));
    const ratio = (x: number) => (Number.isNaN(x) ? "—" : `×${(h / x).toFixed(2)}`);
    console.log(
      `| 14 × ${(f.rows / 14).toLocaleString("en-US")} | ${sec(h)}, ${mb(median(f.huhang.map((r) => r.mb)))} | ` +
        `${sec(p)}, ${mb(median(f.pandas.map((r) => r.mb)))} | ${sec(e)}, ${mb(median(f.exceljs.map((r) => r.mb)))} | ` +
        `~${sec(floor)} | ${ratio(p)} | ${ratio(e)} | ${ph("readMs")} / ${ph("mergeMs")} / ${ph("writeMs")} |`
    );
  }
  console.log(
    `（${all[0]?.huhang.length ?? 0} 轮交替运行的中位数；floor = node 空启动 ${sec(nodeStartMs)} + 输入解压、UTF-8 解码、扫描 + 同一输出的编码与压缩）`
  );
  console.log(
    "目标：14 × 50 ≤ 0.25 s；14 × 1,000 ≤ 0.25 × pandas，≤ 160 MB；14 × 5,000 ≤ 0.2 × pandas，≤ 300 MB；每个规模都快于 exceljs 一张表"
  );
}

async function benchDocx(): Promise<void> {
  const dir = path.join(ROOT, "test", "io", "docx", "fixtures");
  const names = (await fs.readdir(dir).catch(() => [] as string[]))
    .filter((f) => f.endsWith(".docx"))
    .sort();
  const forms: Array<{ name: string; data: Uint8Array }> = [];
  for (const n of names) {
    const data = new Uint8Array(await fs.readFile(path.join(dir, n)));
    const probe = await readApplicationDocx(data, n);
    if (probe.application) forms.push({ name: n, data });
  }
  if (forms.length === 0) {
    console.log("docx：没有找到申报表样例，跳过");
    return;
  }
  const t0 = performance.now();
  for (let i = 0; i < 100; i++) {
    const f = forms[i % forms.length];
    await readApplicationDocx(f.data, `${i}-${f.name}`);
  }
  const ms = performance.now() - t0;
  console.log(`docx 导入 100 份申报表（${forms.length} 种样式轮换）：${sec(ms)}　[目标 ≤ 0.5 s]`);
}

/** Child: read one .docx, print what came of it and the peak memory. */
async function docxChild(file: string): Promise<void> {
  selectNodeCodec();
  const t0 = performance.now();
  const r = await readApplicationDocx(new Uint8Array(await fs.readFile(file)), path.basename(file));
  process.stdout.write(
    JSON.stringify({
      ms: performance.now() - t0,
      form: r.application !== null,
      findings: r.findings.map((f) => `[${f.code}] ${f.message}`),
      peakMb: peakRssMb(),
    }) + "\n"
  );
}

async function benchGiantDocx(): Promise<void> {
  const file = path.join(os.tmpdir(), `huhang-bench-giant-${process.pid}.docx`);
  try {
    const data = giantParagraphDocx(32 * 1024 * 1024);
    await fs.writeFile(file, data);
    const r = run(process.execPath, [__filename, "--docx-child", file]);
    const o = JSON.parse(r.stdout);
    console.log(
      `docx 32 MB（一个巨大段落，${(data.length / 1048576).toFixed(1)} MB）：${sec(r.ms)}，峰值内存 ${mb(r.mb)}（读取 ${sec(o.ms)}）` +
        `：${o.findings[0] ?? (o.form ? "读出申报表" : "无结果")}　[目标：拒绝或 < 300 MB]`
    );
  } finally {
    await fs.rm(file, { force: true });
  }
}

/** Child: one function on 100,000 rows, first call in this fresh process, then warm (median of 5). */
function functionsChild(name: string): void {
  const rows = makeRows(100_000);
  const call =
    name === "CROSSREGION"
      ? () => crossRegionFn(rows.ent, rows.pref)
      : () => multiDirectionFn(rows.ent, rows.dir);
  const t0 = performance.now();
  call();
  const first = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    call();
    warm.push(performance.now() - t);
  }
  process.stdout.write(JSON.stringify({ first, warm: median(warm) }) + "\n");
}

function benchFunctionsFresh(rounds: number): void {
  for (const name of ["MULTIDIRECTION", "CROSSREGION"]) {
    const runs = Array.from({ length: rounds }, () =>
      JSON.parse(run(process.execPath, [__filename, "--functions-child", name]).stdout)
    );
    console.log(
      `${name} 10 万行杂乱数据：新进程首次调用 ${median(runs.map((r) => r.first)).toFixed(0)} ms，` +
        `预热后 ${median(runs.map((r) => r.warm)).toFixed(0)} ms　[目标 ≤ 150 ms / ≤ 50 ms]`
    );
  }
}

const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");

/** What the timed command does with its code cache (src/cli/launch.ts): "used" unless the build could not make it. */
function codeCacheUse(): string {
  const r = spawnSync(process.execPath, [CLI, "--help"], {
    encoding: "utf8",
    env: { ...process.env, HUHANG_CODE_CACHE: "report" },
  });
  return /代码缓存：(\w+)/.exec(r.stderr)?.[1] ?? "（未知）";
}

async function main(): Promise<void> {
  const [mode, a, b] = process.argv.slice(2);
  if (mode === "--merge-child") return mergeChild(a);
  if (mode === "--floor-child") return floorChild(a, b);
  if (mode === "--docx-child") return docxChild(a);
  if (mode === "--functions-child") return functionsChild(a);
  const rounds = Math.max(1, Number(process.env.HUHANG_BENCH_ROUNDS ?? 3));
  const sizes = (process.env.HUHANG_BENCH_SIZES ?? "50,1000,5000").split(",").map(Number);
  const peers = process.env.HUHANG_BENCH_PEERS !== "0";
  console.log(
    `机器：${os.cpus().length} 核，Node ${process.version}；开始时负载 ${load()}；每项 ${rounds} 轮取中位数；` +
      `huhang 的代码缓存：${codeCacheUse()}`
  );
  const nodeStart: number[] = [];
  const all: SizeFigures[] = [];
  for (const n of sizes) all.push(await benchMerge(n, rounds, peers, nodeStart));
  printMergeTable(all, median(nodeStart));
  if (process.env.HUHANG_BENCH_ONLY === "merge") {
    console.log(`结束时负载 ${load()}`);
    return;
  }
  console.log("");
  await benchDocx();
  await benchGiantDocx();
  benchFunctionsFresh(rounds);
  runFunctionBenchmarks((line) => console.log(line));
  console.log(`结束时负载 ${load()}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
