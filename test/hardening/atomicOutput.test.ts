/**
 * Atomic output: a failed run leaves no partial file (and no temporary file) and keeps an older output intact.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../../src/cli/writeFile";
import { huhang, tempDir } from "../cli/cliHarness";
import { BAD } from "./corpus.helpers";

const OLD = new TextEncoder().encode("上一次的汇总结果");

describe("atomic output", () => {
  it("a target folder that cannot be created: exit 1, nothing written", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "结果"), "a file where a folder is expected");
    const run = await huhang(
      "merge",
      path.join(BAD, "good_zhuzhou.xlsx"),
      "--out",
      path.join(dir, "结果", "汇总.xlsx")
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^出错，未写出结果：/);
    expect(readdirSync(dir)).toEqual(["结果"]);
  });

  it("a target that is a folder: the rename fails, no temporary file is left", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "汇总.xlsx"));
    const run = await huhang(
      "merge",
      path.join(BAD, "good_zhuzhou.xlsx"),
      "--out",
      path.join(dir, "汇总.xlsx")
    );
    expect(run.code).toBe(1);
    expect(readdirSync(dir)).toEqual(["汇总.xlsx"]);
    expect(readdirSync(path.join(dir, "汇总.xlsx"))).toEqual([]);
  });

  it("when every input is unreadable the older output is kept as it was", async () => {
    const dir = tempDir();
    const out = path.join(dir, "汇总.xlsx");
    writeFileSync(out, OLD);
    const run = await huhang(
      "merge",
      path.join(BAD, "truncated.xlsx"),
      path.join(BAD, "encrypted.xlsx"),
      "--out",
      out
    );
    expect(run.code).toBe(1);
    expect(new Uint8Array(readFileSync(out))).toEqual(OLD);
    expect(readdirSync(dir)).toEqual(["汇总.xlsx"]);
  });

  it("a write that fails half-way keeps the older file and removes the temporary one", async () => {
    const dir = tempDir();
    const out = path.join(dir, "汇总.xlsx");
    writeFileSync(out, OLD);
    // an object that is not bytes: fs.writeFile throws after the temporary name was chosen
    await expect(writeFileAtomic(out, { length: 3 } as unknown as Uint8Array)).rejects.toThrow();
    expect(new Uint8Array(readFileSync(out))).toEqual(OLD);
    expect(readdirSync(dir)).toEqual(["汇总.xlsx"]);
  });

  it("a successful run replaces the older output in one step", async () => {
    const dir = tempDir();
    const out = path.join(dir, "汇总.xlsx");
    writeFileSync(out, OLD);
    const run = await huhang("merge", path.join(BAD, "good_zhuzhou.xlsx"), "--out", out);
    expect(run.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(out));
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    expect(readdirSync(dir)).toEqual(["汇总.xlsx"]);
  });
});
