// Jest's global setup: bundles the command once (scripts/build-cli.mjs: build/cli.js, build/launch.js and the code
// cache) before any suite runs, so the suites that run bin/huhang.js test the current sources and never race a rebuild.
const { execFileSync } = require("node:child_process");
const path = require("node:path");

const ROOT = path.join(__dirname, "..", "..");

module.exports = function buildCli() {
  try {
    execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")], {
      cwd: ROOT,
      stdio: "pipe",
    });
  } catch (e) {
    throw new Error(`scripts/build-cli.mjs failed:\n${e.stderr ?? ""}${e.stdout ?? ""}`, {
      cause: e,
    });
  }
};
