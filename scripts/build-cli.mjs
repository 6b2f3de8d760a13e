// Bundles the `huhang` command and the benchmark for Node with esbuild into build/ (runs on `npm ci` via "prepare").
// Not into dist/: dist/ is the add-in as deployed on the web server, and holds nothing else.
import { build } from "esbuild";

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
};
await build({ ...common, entryPoints: ["src/cli/main.ts"], outfile: "build/cli.js" });
await build({ ...common, entryPoints: ["scripts/bench.ts"], outfile: "build/bench.js" });
