#!/usr/bin/env node
"use strict";
// 护航汇总 command line. The TypeScript sources are bundled to dist/cli.js by `npm run build:cli` (run on install).
require("../dist/cli.js").main();
