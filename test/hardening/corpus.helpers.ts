/** Shared loading for the hostile-input corpus (test/fixtures/bad, written by make_bad.py). */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../../src/core/findings";
import type { PrefectureSubmission } from "../../src/core/model";
import { checkAll } from "../../src/core/rules";
import { defaultSettings } from "../../src/core/settings";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";

export const BAD = path.join(__dirname, "..", "fixtures", "bad");

export function bad(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(BAD, name)));
}

/** A workbook of the corpus read and its rows checked by the rules, as `huhang check` would. */
export async function readAndCheck(
  name: string
): Promise<{ sub: PrefectureSubmission; findings: Finding[] }> {
  const sub = await readWorkbook(bad(name), name);
  return { sub, findings: [...sub.findings, ...checkAll(sub.records, {}, defaultSettings(2024))] };
}

/** Every finding is in Chinese and names its file. */
export function expectChineseAndLocated(findings: readonly Finding[], file: string): void {
  for (const f of findings) {
    expect(f.file).toBe(file);
    expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  }
}
