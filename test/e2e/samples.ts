/** The 14 prefecture workbooks of the demo data (src/cli/demo), written to a temp dir as clerks would send them. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sampleData, type SamplePrefecture } from "../../src/cli/demo/sampleData";
import { writeSampleWorkbook } from "../../src/cli/demo/writeSample";

export interface SampleFiles {
  dir: string;
  /** Remove the temp dir. */
  remove: () => void;
  samples: SamplePrefecture[];
  /** File path by prefecture name. */
  files: Map<string, string>;
}

export async function writeSamples(): Promise<SampleFiles> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "huhang-e2e-in-"));
  const samples = sampleData(undefined, true, true);
  const files = new Map<string, string>();
  for (let i = 0; i < samples.length; i++) {
    const name = samples[i].prefecture.name;
    const file = path.join(dir, `${name}推荐汇总表.xlsx`);
    writeFileSync(file, await writeSampleWorkbook(samples[i], i % 3));
    files.set(name, file);
  }
  return { dir, samples, files, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
