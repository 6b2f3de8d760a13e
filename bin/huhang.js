#!/usr/bin/env node
"use strict";
// 护航汇总 command line. The TypeScript sources are bundled to build/cli.js by `npm run build:cli` (run on install).
require("../build/cli.js").main();
