// Bundles the `huhang` command and the benchmark for Node with esbuild (runs on `npm ci` via "prepare").
import { build } from "esbuild";

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
};
await build({ ...common, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js" });
await build({ ...common, entryPoints: ["scripts/bench.ts"], outfile: "dist/bench.js" });
