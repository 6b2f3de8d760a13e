/**
 * No network: the built `huhang` (bin/huhang.js → build/cli.js, bundled by scripts/build-cli.mjs in the tests' global
 * setup) runs `demo` and `merge` (also over the hostile corpus) in a child process whose sockets, DNS, http(s), tls
 * and fetch are replaced by traps (netTrap.cjs); nothing may be recorded.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { tempDir } from "../cli/cliHarness";
import { BAD } from "./corpus.helpers";

const ROOT = path.join(__dirname, "..", "..");
const TRAP = path.join(__dirname, "netTrap.cjs");

function runTrapped(log: string, ...args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(
    process.execPath,
    ["--require", TRAP, path.join(ROOT, "bin", "huhang.js"), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, HUHANG_NET_LOG: log },
      encoding: "utf8",
      timeout: 120_000,
    }
  );
  return { status: r.status, stderr: r.stderr };
}

describe("the CLI opens no socket", () => {
  beforeAll(() => {
    // bundled by the tests' global setup, outside dist/, which is what gets deployed to the web server
    expect(existsSync(path.join(ROOT, "build", "cli.js"))).toBe(true);
  });

  it("the trap itself works: a fetch in the trapped process is recorded", () => {
    const log = path.join(tempDir(), "net.log");
    const r = spawnSync(
      process.execPath,
      ["--require", TRAP, "-e", 'fetch("http://127.0.0.1:9/").catch(()=>{})'],
      {
        env: { ...process.env, HUHANG_NET_LOG: log },
        encoding: "utf8",
      }
    );
    expect(r.status).not.toBe(0);
    expect(readFileSync(log, "utf8")).toBe("fetch\n");
  });

  it("demo and merge (good and hostile inputs) record nothing", () => {
    const dir = tempDir();
    const log = path.join(dir, "net.log");
    const demo = runTrapped(log, "demo", "--out", path.join(dir, "demo"));
    expect(demo.status).toBe(0);
    expect(existsSync(path.join(dir, "demo", "湖南省推荐汇总表.xlsx"))).toBe(true);
    const merge = runTrapped(
      log,
      "merge",
      path.join(dir, "demo", "市州报送"),
      BAD,
      "--out",
      path.join(dir, "all.xlsx"),
      "--json"
    );
    expect(merge.status).toBe(0);
    expect(existsSync(path.join(dir, "all.xlsx"))).toBe(true);
    expect(readFileSync(log, "utf8")).toBe("");
  });
});
