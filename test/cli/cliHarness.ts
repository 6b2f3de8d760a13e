/** Runs `huhang` in-process with captured output, in a temporary folder. */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { run } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function huhang(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    today: () => "2024-12-20",
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "huhang-test-"));
}
