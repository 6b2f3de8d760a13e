/** Writes the demo's prefecture workbooks into a folder and returns their paths. */
import path from "node:path";
import { writeFileAtomic } from "../writeFile";
import { sampleData } from "./sampleData";
import { writeSampleWorkbook } from "./writeSample";

export async function writeDemoInputs(dir: string): Promise<string[]> {
  const files: string[] = [];
  const samples = sampleData();
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    // 郴州市 keeps the layout with a credit-code column, where its planted ID problems live
    const style = s.prefecture.name === "郴州市" ? 0 : i % 3;
    const file = path.join(dir, `${s.prefecture.name}典型案例推荐汇总表.xlsx`);
    await writeFileAtomic(file, await writeSampleWorkbook(s, style));
    files.push(file);
  }
  return files;
}
