/** Finding the independent programs the tests use as oracles (Debian packages installed by .ci/run). */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const PYTHON = "/usr/bin/python3";
export const SOFFICE = "/usr/bin/soffice";

export function hasPythonModule(mod: string): boolean {
  return existsSync(PYTHON) && spawnSync(PYTHON, ["-c", `import ${mod}`]).status === 0;
}

export function hasSoffice(): boolean {
  return existsSync(SOFFICE);
}

/** In CI every tool must be present: a missing one fails instead of silently skipping. */
export function requireTool(available: boolean, what: string): boolean {
  if (!available && process.env.CI)
    throw new Error(`${what} is missing on CI: .ci/run must install it`);
  if (!available) console.warn(`skipped: ${what} is not installed`);
  return available;
}
