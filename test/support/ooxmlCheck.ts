/**
 * ../shared/ooxml-check/validate-xlsx.sh on workbooks we wrote: the ISO/IEC 29500 schemas plus the rules Excel
 * enforces. A schema failure or a rule ERROR fails the check; warnings are returned so tests can assert there are
 * none worth keeping (a "cell without r" warning, say).
 */
import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { sharedPath } from "./shared";

export interface OoxmlReport {
  ok: boolean;
  /** The checker's WARN lines, without the leading marker. */
  warnings: string[];
  output: string;
}

/** Check files on disk. */
export function checkXlsxFiles(files: readonly string[]): OoxmlReport {
  const script = sharedPath("ooxml-check", "validate-xlsx.sh");
  let output: string;
  let ok = true;
  try {
    output = execFileSync(script, [...files], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; status?: number };
    if (err.status === 2)
      throw new Error(`validate-xlsx.sh could not run: ${err.stderr ?? ""}${err.stdout ?? ""}`);
    output = `${err.stdout ?? ""}${err.stderr ?? ""}`;
    ok = false;
  }
  const warnings = output
    .split("\n")
    .filter((l) => /^\s+WARN\s/.test(l))
    .map((l) => l.replace(/^\s+WARN\s+/, ""));
  return { ok: ok && /## overall: PASS/.test(output), warnings, output };
}

/** Check workbooks given as bytes, by name (names appear in the report). */
export function checkXlsx(workbooks: Record<string, Uint8Array>): OoxmlReport {
  const dir = mkdtempSync(path.join(tmpdir(), "huhang-ooxml-"));
  try {
    const files = Object.entries(workbooks).map(([name, bytes]) => {
      const file = path.join(dir, name.endsWith(".xlsx") ? name : `${name}.xlsx`);
      writeFileSync(file, bytes);
      return file;
    });
    return checkXlsxFiles(files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
