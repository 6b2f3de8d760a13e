/**
 * `npm run bench`: wall time and peak memory of the main jobs on this machine. Not a test: it prints figures.
 * - merge: 14 prefecture workbooks × 1,000 and × 5,000 rows → read, check, merge, write the province workbook.
 *   Each size runs in a fresh child process so that its peak RSS (VmHWM) is its own.
 * - docx: import 100 Word 申报表.
 * - functions: the custom functions' core on 1,000 / 10,000 / 100,000 rows.
 */
import { execFileSync } from "node:child_process";
import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { mergeSubmissions } from "../src/core/merge";
import { defaultSettings } from "../src/core/settings";
import { sampleData } from "../src/cli/demo/sampleData";
import { writeSampleWorkbook } from "../src/cli/demo/writeSample";
import { readWorkbook } from "../src/io/xlsx/readWorkbook";
import { writeProvinceWorkbook } from "../src/io/xlsx/writeProvince";
import { readApplicationDocx } from "../src/io/docx/readApplication";
import { runFunctionBenchmarks } from "./bench-functions";

function peakRssMb(): number {
  const status = readFileSync("/proc/self/status", "utf8");
  const m = /VmHWM:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 1048576;
}

/** Child: merge the workbooks in `dir`, print one JSON line. */
async function mergeChild(dir: string): Promise<void> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".xlsx")).sort();
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
  await fs.writeFile(path.join(dir, "out.xlsx.bench"), bytes);
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

async function benchMerge(rowsPerPrefecture: number): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `huhang-bench-${rowsPerPrefecture}-`));
  const samples = sampleData(rowsPerPrefecture, true, true);
  for (let i = 0; i < samples.length; i++) {
    await fs.writeFile(
      path.join(dir, `${samples[i].prefecture.name}.xlsx`),
      await writeSampleWorkbook(samples[i], i % 3)
    );
  }
  const out = execFileSync(process.execPath, [__filename, "--merge-child", dir], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const r = JSON.parse(out.trim().split("\n").pop()!);
  const target = rowsPerPrefecture <= 1000 ? "目标 < 2 s, < 250 MB" : "目标 < 8 s, < 400 MB";
  console.log(
    `merge 14 × ${rowsPerPrefecture} 行（共 ${r.rows} 行，${r.findings} 条问题）：总耗时 ${(r.totalMs / 1000).toFixed(2)} s` +
      `（读取 ${(r.readMs / 1000).toFixed(2)} s，检查合并 ${(r.mergeMs / 1000).toFixed(2)} s，写出 ${(r.writeMs / 1000).toFixed(2)} s），峰值内存 ${r.peakMb.toFixed(0)} MB　[${target}]`
  );
  await fs.rm(dir, { recursive: true, force: true });
}

async function benchDocx(): Promise<void> {
  const dir = path.join(__dirname, "..", "test", "io", "docx", "fixtures");
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
  console.log(
    `docx 导入 100 份申报表（${forms.length} 种样式轮换）：${(ms / 1000).toFixed(2)} s　[目标 < 2 s]`
  );
}

async function main(): Promise<void> {
  if (process.argv[2] === "--merge-child") return mergeChild(process.argv[3]);
  console.log(`机器：${os.cpus().length} 核，Node ${process.version}`);
  await benchMerge(1000);
  await benchMerge(5000);
  await benchDocx();
  runFunctionBenchmarks((line) => console.log(line));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
