/**
 * Jest side of the independent checks: runs Debian's python3 + openpyxl (and LibreOffice) on the files our writers
 * produce. When a tool is missing the tests that need it are skipped with a message saying what to install.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { columnLetter } from "../../../../src/core/findings";

export const PYTHON = "/usr/bin/python3";
const HERE = __dirname;

export interface DumpCell {
  v: string | number | boolean | null;
  c: string | number | boolean | null;
  t: string;
  fmt: string;
  fill: string | null;
  locked: boolean;
  bold: boolean;
  wrap: boolean;
}
export interface DumpValidation {
  type: string;
  operator: string | null;
  formula1: string | null;
  formula2: string | null;
  sqref: string;
  prompt: string | null;
  promptTitle: string | null;
  showInputMessage: boolean;
  allowBlank: boolean;
}
export interface DumpSheet {
  name: string;
  state: string;
  merged: string[];
  freeze: string | null;
  autofilter: string | null;
  orientation: string | null;
  paperSize: number | null;
  fitToWidth: number | null;
  fitToHeight: number | null;
  fitToPage: boolean;
  printTitleRows: string | null;
  validations: DumpValidation[];
  hiddenColumns: string[];
  /** Custom column widths by letter. */
  widths: Record<string, number>;
  /** Row heights by row number. */
  heights: Record<string, number>;
  maxRow: number;
  maxColumn: number;
  cells: Record<string, DumpCell>;
}
export interface Dump {
  sheets: DumpSheet[];
  created: string;
  creator: string;
}

function has(cmd: string, args: string[]): boolean {
  if (!existsSync(cmd)) return false;
  return spawnSync(cmd, args, { encoding: "utf8" }).status === 0;
}

/** null when python3 + openpyxl are there, else the reason to print when skipping. */
export function openpyxlMissing(): string | null {
  return has(PYTHON, ["-c", "import openpyxl"])
    ? null
    : `跳过：需要 ${PYTHON} 和 openpyxl（apt-get install python3-openpyxl）来独立检查写出的 .xlsx`;
}

export function sofficeMissing(): string | null {
  const missing = openpyxlMissing();
  if (missing) return missing;
  return existsSync("/usr/bin/soffice")
    ? null
    : "跳过：需要 LibreOffice（/usr/bin/soffice）来重新计算公式";
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "huhang-xlsx-"));
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120000,
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

export function dumpFile(path: string): Dump {
  return JSON.parse(run(PYTHON, [join(HERE, "dump_xlsx.py"), path])) as Dump;
}

export function dumpXlsx(bytes: Uint8Array): Dump {
  const path = join(tempDir(), "book.xlsx");
  writeFileSync(path, bytes);
  return dumpFile(path);
}

/** Fill 评审得分 in 明细 with openpyxl: row number → number, text, or null (blank). Returns the new file's bytes. */
export function fillScores(
  bytes: Uint8Array,
  scores: Record<number, number | string | null>
): Uint8Array {
  const dir = tempDir();
  writeFileSync(join(dir, "in.xlsx"), bytes);
  run(PYTHON, [
    join(HERE, "fill_scores.py"),
    join(dir, "in.xlsx"),
    join(dir, "out.xlsx"),
    JSON.stringify(scores),
  ]);
  return new Uint8Array(readFileSync(join(dir, "out.xlsx")));
}

/** Let LibreOffice compute every formula (cached results stripped first) and dump the result. */
export function recalcWithLibreOffice(bytes: Uint8Array): Dump {
  const dir = tempDir();
  writeFileSync(join(dir, "book.xlsx"), bytes);
  run("/bin/sh", [join(HERE, "recalc.sh"), join(dir, "book.xlsx"), join(dir, "out")]);
  return dumpFile(join(dir, "out", "book.xlsx"));
}

export function sheet(dump: Dump, name: string): DumpSheet {
  const s = dump.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; sheets: ${dump.sheets.map((x) => x.name).join(", ")}`);
  return s;
}

/** Value of a cell as openpyxl reads it; null when the cell is empty. */
export function val(s: DumpSheet, addr: string): DumpCell["v"] {
  return s.cells[addr]?.v ?? null;
}

/** Cached (computed) value of a cell. */
export function cachedVal(s: DumpSheet, addr: string): DumpCell["c"] {
  return s.cells[addr]?.c ?? null;
}

/** One row's values from column A to `to`, as openpyxl reads them. */
export function rowValues(s: DumpSheet, row: number, width: number): DumpCell["v"][] {
  const out: DumpCell["v"][] = [];
  for (let c = 1; c <= width; c++) out.push(val(s, `${columnLetter(c)}${row}`));
  return out;
}

/** Column letters as the sheets name them (1 → A). */
export { columnLetter as letter } from "../../../../src/core/findings";

/** Fill cells with openpyxl: { sheet: { A1: value } }. Returns the new file's bytes. */
export function fillCells(
  bytes: Uint8Array,
  cells: Record<string, Record<string, number | string | null>>
): Uint8Array {
  const dir = tempDir();
  writeFileSync(join(dir, "in.xlsx"), bytes);
  run(PYTHON, [
    join(HERE, "fill_cells.py"),
    join(dir, "in.xlsx"),
    join(dir, "out.xlsx"),
    JSON.stringify(cells),
  ]);
  return new Uint8Array(readFileSync(join(dir, "out.xlsx")));
}
