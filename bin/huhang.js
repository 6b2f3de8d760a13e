#!/usr/bin/env node
"use strict";
// 护航汇总 command line. The TypeScript sources are bundled to build/ by `npm run build:cli` (run on install):
// launch.js tunes V8, then compiles cli.js with the code cache the build made, and runs it.
require("../build/launch.js").launch();
