/*
 * Builds the Excel add-in into dist/: taskpane.html (+ taskpane.js), functions.js, functions.json (generated from the
 * JSDoc of src/functions/functions.ts by custom-functions-metadata-plugin, never hand-written), office.js and the
 * Excel host scripts it loads (copied from node_modules/@microsoft/office-js/dist: served from our own origin, no CDN),
 * the icons and manifest.xml.
 *
 *   npx webpack --mode production          build dist/ (default mode is production)
 *   npx webpack serve --mode development   dev server on port 3000
 *
 * The dev server uses https with the office-addin-dev-certs certificate when one can be had: on Windows and macOS it
 * is created and trusted on first use; on Linux only an existing ~/.office-addin-dev-certs certificate is used (its
 * installer needs sudo). Without a certificate, or with HUHANG_DEV_HTTP=1, it falls back to plain http and says so:
 * then open http://localhost:3000/taskpane.html in a browser (Excel itself only loads https add-ins).
 *
 * The taskpane's first load stays small: the file readers and writers (exceljs, fflate, xmldom) and the Excel host are
 * separate chunks loaded by dynamic import() on first use, from the add-in's own origin.
 *
 * HUHANG_E2E=1 adds e2e-fake.html, the same app with the in-memory fake Excel as its host, and e2e-components.html
 * (components no panel shows yet, on demo data), for the browser end-to-end tests only, in a compilation of their
 * own (their chunks are named e2e.*): production builds never contain a way to replace Office, and the add-in's
 * files are the same with or without them.
 *
 * dist/huhang.html is the standalone page in one file (a second compilation, "page"): src/taskpane/page.tsx with every
 * dynamic import made eager (no chunk is ever fetched: file:// cannot fetch them), minified and inlined into
 * src/taskpane/huhang.html by InlinePagePlugin below, under a Content-Security-Policy that allows exactly that script
 * (its sha256) and Fluent's run-time <style> elements (a per-build nonce). No office.js, no Excel host.
 *
 * HUHANG_ADDIN_URL=https://intranet.example/huhang/ rewrites https://localhost:3000/ in the copied manifest.xml for
 * deployment on an intranet server; it must be https and end with "/", else the build stops with a message.
 *
 * A production dist/ is what gets deployed: no source maps, no .debug.js host scripts of office.js, nothing but the
 * add-in (the CLI and the benchmark are bundled into build/ by scripts/build-cli.mjs). src/taskpane/legacy-webview.js
 * is copied as written (ES5, for Internet Explorer 11 webviews) and loaded before the bundles.
 */
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const OFFICE_JS_DIR = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");

/**
 * The parts of office.js an Excel add-in loads, relative to office.js: the loader, the Excel host scripts, the
 * app-to-file table, the custom functions runtime, and the localized strings. Not copied: other hosts, .debug
 * variants (OFFICE_JS_IGNORE) and the ariatelemetry folder (no telemetry).
 */
const OFFICE_JS_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "custom-functions-runtime.js",
  "es6-promise.js",
  "excel-*.js",
  "excelios-*.js",
  "excelwebapp-*.js",
  "*/office_strings.js",
  "agaveerrorux/**",
];
const OFFICE_JS_IGNORE = ["**/*.debug.js"];

/** HUHANG_ADDIN_URL as the manifest needs it (https, ending in "/"), or a Chinese message saying what is wrong. */
function checkAddinUrl(value) {
  const example = "例如 HUHANG_ADDIN_URL=https://内网地址/huhang/";
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`HUHANG_ADDIN_URL“${value}”不是有效的网址：${example}`);
  }
  if (url.protocol !== "https:")
    throw new Error(
      `HUHANG_ADDIN_URL“${value}”必须以 https:// 开头（Excel 只加载 https 加载项）：${example}`
    );
  if (!value.endsWith("/"))
    throw new Error(
      `HUHANG_ADDIN_URL“${value}”必须以 / 结尾（清单中的文件地址直接接在其后）：${example}`
    );
  if (url.search || url.hash)
    throw new Error(`HUHANG_ADDIN_URL“${value}”不能带 ? 或 #：${example}`);
  return value;
}

/**
 * Inline the page's bundle (all chunks in one: see the page config) into its HTML template, with the CSP that allows
 * the page's inline scripts by hash (the bundle, and any small script the template carries itself) and nothing else,
 * then drop the script file: the page is the HTML alone.
 */
class InlinePagePlugin {
  constructor({ template, filename, script, icon, styleNonce }) {
    Object.assign(this, { template, filename, script, icon, styleNonce });
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("InlinePagePlugin", (compilation) => {
      compilation.fileDependencies.add(this.template);
      compilation.hooks.processAssets.tap(
        // after minification
        { name: "InlinePagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        (assets) => {
          const names = Object.keys(assets).filter((n) => n.endsWith(".js"));
          if (names.length !== 1 || names[0] !== this.script)
            throw new Error(`独立网页应只有一个脚本 ${this.script}，实际为：${names.join(", ")}`);
          let js = assets[this.script].source().toString();
          // the minifier's licence notes go inline too (they are whole comments: valid script)
          const licence = `${this.script}.LICENSE.txt`;
          if (assets[licence]) {
            js = js.replace(/^\/\*! For license information please see [^*]*\*\/\n?/, "");
            js = `${assets[licence].source().toString()}\n${js}`;
            compilation.deleteAsset(licence);
          }
          // inside <script> the HTML parser only stops at "</script" and changes state at "<!--"
          js = js.replace(/<\/(script)/gi, "<\\/$1");
          if (/<!--/.test(js)) throw new Error("独立网页脚本中出现 <!--，不能内联");
          let html = fs
            .readFileSync(this.template, "utf8")
            .replace("%ICON%", this.icon)
            // the element's whole text is the script (the hash covers it exactly); a function, so "$" stays "$"
            .replace(/<script>\s*%SCRIPT%\s*<\/script>/, () => `<script>${js}</script>`);
          if (!html.includes(js))
            throw new Error(`${this.template} 中没有 <script>%SCRIPT%</script>`);
          // every inline script of the page by its hash: the bundle, and any small one the template adds itself
          const sha = (text) =>
            `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;
          const scripts = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)];
          if (scripts.some((m) => /\ssrc\s*=/.test(m[1] ?? "")))
            throw new Error(
              `${this.template} 不能引用外部脚本（<script src>）：独立网页只有内嵌脚本`
            );
          const csp = [
            "default-src 'none'",
            `script-src ${scripts.map((m) => sha(m[2])).join(" ")}`,
            `style-src 'nonce-${this.styleNonce}'`,
            "img-src data: blob:",
            "font-src 'none'",
            "connect-src 'none'",
            "media-src 'none'",
            "object-src 'none'",
            "frame-src 'none'",
            "worker-src 'none'",
            "manifest-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
          ].join("; ");
          html = html.replace("%CSP%", csp);
          compilation.deleteAsset(this.script);
          // minimized: the HTML minimizer must not touch it, or the script would no longer match its hash
          compilation.emitAsset(this.filename, new sources.RawSource(html), { minimized: true });
        }
      );
    });
  }
}

async function httpsOptions() {
  if (process.env.HUHANG_DEV_HTTP === "1") return null;
  try {
    if (process.platform === "linux") {
      const dir = path.join(os.homedir(), ".office-addin-dev-certs");
      const read = (f) => fs.readFileSync(path.join(dir, f));
      return { ca: read("ca.crt"), cert: read("localhost.crt"), key: read("localhost.key") };
    }
    const devCerts = require("office-addin-dev-certs");
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, cert: o.cert, key: o.key };
  } catch (err) {
    console.warn(
      `[huhang] 无法取得本机 https 开发证书（${err && err.message ? err.message.split("\n")[0] : err}），` +
        `开发服务器改用 http://localhost:${PORT}/ 。Excel 只加载 https 加载项：请运行 npx office-addin-dev-certs install 后重启。`
    );
    return null;
  }
}

module.exports = async (env, argv) => {
  const mode = argv.mode || "production";
  const dev = mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const https = serving ? await httpsOptions() : null;
  const addinUrl = process.env.HUHANG_ADDIN_URL
    ? checkAddinUrl(process.env.HUHANG_ADDIN_URL)
    : null;
  // taskpane.html is static, so its style nonce is per build, not per response (see the comment in the template)
  const styleNonce = crypto.randomBytes(16).toString("base64");
  const e2e = process.env.HUHANG_E2E === "1";
  const outputPath = path.resolve(__dirname, "dist");
  const tsRules = [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      use: {
        loader: "ts-loader",
        options: { transpileOnly: true, compilerOptions: { noEmit: false, target: "ES2020" } },
      },
    },
  ];

  // what every browser compilation shares
  const web = {
    mode,
    target: ["web", "es2020"],
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    performance: { hints: false },
  };
  /** A page from the taskpane's template, its scripts deferred (the add-in's own and the test pages). */
  const appPage = (filename, chunks) =>
    new HtmlWebpackPlugin({
      filename,
      template: "./src/taskpane/taskpane.html",
      chunks,
      scriptLoading: "defer",
      templateParameters: { styleNonce },
    });

  const addin = {
    ...web,
    name: "addin",
    // no eval-based source maps (taskpane.html's Content-Security-Policy forbids eval), and none in production
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: outputPath,
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // the page compilation writes huhang.html after this one (dependencies below)
      clean: { keep: /^huhang\.html$/ },
    },
    module: { rules: tsRules },
    optimization: { splitChunks: { chunks: "async" } },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // one shared runtime: the taskpane page also hosts the custom functions
      appPage("taskpane.html", ["taskpane", "functions"]),
      new CopyWebpackPlugin({
        patterns: [
          // Microsoft's files ship minified: copy them byte for byte (minimized: true keeps terser off them)
          ...OFFICE_JS_FILES.map((from) => ({
            from,
            context: OFFICE_JS_DIR,
            to: "[path][name][ext]",
            globOptions: { ignore: OFFICE_JS_IGNORE },
            info: { minimized: true },
          })),
          // as written: ES5 for Internet Explorer 11 webviews, never through the bundler or terser
          {
            from: "src/taskpane/legacy-webview.js",
            to: "legacy-webview.js",
            info: { minimized: true },
          },
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              addinUrl ? content.toString().split(DEV_URL).join(addinUrl) : content,
          },
        ],
      }),
    ],
    devServer: {
      // only this machine: the data never leaves it, not even to the office network
      host: "localhost",
      port: PORT,
      server: https ? { type: "https", options: https } : { type: "http" },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      client: { overlay: dev },
    },
  };

  const page = {
    ...web,
    name: "page",
    // after the add-in build, whose output.clean would otherwise remove huhang.html
    dependencies: ["addin"],
    // one file: no source map beside it
    devtool: false,
    entry: { huhang: "./src/taskpane/page.tsx" },
    output: { path: outputPath, filename: "[name].js", asyncChunks: false, clean: false },
    module: {
      rules: tsRules,
      // import() of the readers and writers resolves from the bundle itself: nothing to fetch over file://
      parser: { javascript: { dynamicImportMode: "eager" } },
    },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      new InlinePagePlugin({
        template: path.resolve(__dirname, "src/taskpane/huhang.html"),
        filename: "huhang.html",
        script: "huhang.js",
        icon: `data:image/png;base64,${fs.readFileSync(path.resolve(__dirname, "assets/icon-32.png")).toString("base64")}`,
        styleNonce: crypto.randomBytes(16).toString("base64"),
      }),
    ],
  };

  // The test-only pages (HUHANG_E2E=1) in a compilation of their own: sharing the add-in's would change what
  // taskpane.js holds (a module used by two entries is not concatenated), and the first-load test measures the
  // taskpane.js that is deployed.
  const e2ePages = {
    ...web,
    name: "e2e",
    // after the add-in build, whose output.clean would otherwise remove these pages
    dependencies: ["addin"],
    devtool: false,
    entry: {
      "e2e-fake": "./test/support/e2e-fake-entry.tsx",
      "e2e-components": "./test/support/e2e-components-entry.tsx",
    },
    output: {
      path: outputPath,
      filename: "[name].js",
      chunkFilename: "e2e.[name].[contenthash:8].js",
      clean: false,
    },
    module: { rules: tsRules },
    optimization: { splitChunks: { chunks: "async" } },
    plugins: [
      appPage("e2e-fake.html", ["e2e-fake"]),
      appPage("e2e-components.html", ["e2e-components"]),
    ],
  };

  // the dev server serves the add-in; huhang.html is a build product (npm run build)
  return serving ? addin : [addin, page, ...(e2e ? [e2ePages] : [])];
};
