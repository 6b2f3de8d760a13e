/**
 * manifest.xml: valid against the add-in schemas (offline, when xmllint is installed), one shared runtime serving the
 * taskpane and the HUHANG functions, Chinese names, icons that exist at the sizes they claim, every URL on localhost,
 * and the files it names are the ones webpack.config.js emits.
 */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import * as path from "path";
import { DOMParser } from "@xmldom/xmldom";
import { sharedPath } from "./support/shared";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const xml = readFileSync(MANIFEST, "utf8");
const doc = new DOMParser().parseFromString(xml, "text/xml");
const rootElement = doc.documentElement!;

const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
const one = (tag: string) => {
  const found = all(tag);
  expect(found).toHaveLength(1);
  return found[0];
};
/** DefaultValue of the resource with this id (bt:Url, bt:Image, bt:String). */
function resource(id: string): string {
  const hit = ["bt:Url", "bt:Image", "bt:String"]
    .flatMap(all)
    .filter((e) => e.getAttribute("id") === id);
  expect(hit).toHaveLength(1);
  return hit[0].getAttribute("DefaultValue") ?? "";
}
/** A direct child of <OfficeApp>. */
const topLevel = (tag: string) => {
  const found = Array.from(rootElement.getElementsByTagName(tag)).filter(
    (e) => e.parentNode === rootElement
  );
  expect(found).toHaveLength(1);
  return found[0];
};
const childSourceResid = (parent: string) =>
  one(parent).getElementsByTagName("SourceLocation")[0]?.getAttribute("resid") ?? "";

test("validates against the add-in manifest schemas (../shared, offline; needs xmllint)", () => {
  // execFileSync throws (and the test fails with xmllint's message) on a non-zero exit
  const out = execFileSync(sharedPath("office-manifest-xsd", "validate-manifest.sh"), [MANIFEST], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  expect(out).toBe("");
});

test("a task pane add-in for Excel, in Chinese", () => {
  expect(rootElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
  expect(topLevel("DefaultLocale").textContent).toBe("zh-CN");
  expect(topLevel("DisplayName").getAttribute("DefaultValue")).toBe("护航汇总");
  expect(topLevel("Description").getAttribute("DefaultValue")).toMatch(/[\u4e00-\u9fff]/);
  expect(all("Host").some((h) => h.getAttribute("Name") === "Workbook")).toBe(true);
  const sets = all("Set").map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`);
  // ExcelApi 1.8: data validation and Excel.createWorkbook (test/excel/apiUsage.test.ts lists every member used)
  expect(sets).toEqual(
    expect.arrayContaining(["ExcelApi 1.8", "SharedRuntime 1.1", "CustomFunctionsRuntime 1.1"])
  );
  // declared together, under <Requirements><Sets>, so that hosts without them never offer the add-in
  const parents = all("Set").map((s) => s.parentNode?.nodeName);
  expect(new Set(parents)).toEqual(new Set(["Sets"]));
});

test("one shared runtime serves the taskpane, the functions and the ribbon", () => {
  const runtime = one("Runtime");
  expect(runtime.getAttribute("lifetime")).toBe("long");
  const resid = runtime.getAttribute("resid")!;
  expect(resource(resid)).toBe("https://localhost:3000/taskpane.html");
  expect(childSourceResid("Page")).toBe(resid);
  expect(one("FunctionFile").getAttribute("resid")).toBe(resid);
  const action = one("Action");
  expect(action.getAttribute("xsi:type")).toBe("ShowTaskpane");
  expect(action.getElementsByTagName("SourceLocation")[0].getAttribute("resid")).toBe(resid);
  const start = topLevel("DefaultSettings").getElementsByTagName("SourceLocation")[0];
  expect(start.getAttribute("DefaultValue")).toBe("https://localhost:3000/taskpane.html");
});

test("custom functions under namespace HUHANG, with the script and metadata webpack emits", () => {
  const ext = all("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions")!;
  expect(ext).toBeDefined();
  expect(resource(one("Namespace").getAttribute("resid")!)).toBe("HUHANG");
  expect(resource(childSourceResid("Script"))).toBe("https://localhost:3000/functions.js");
  expect(resource(childSourceResid("Metadata"))).toBe("https://localhost:3000/functions.json");
});

test("a 护航汇总 ribbon button opens the taskpane", () => {
  const button = all("Control").find((c) => c.getAttribute("xsi:type") === "Button")!;
  const label = button.getElementsByTagName("Label")[0].getAttribute("resid")!;
  expect(resource(label)).toBe("护航汇总");
});

test("icons 16/32/64/80/128 exist in assets/ as PNGs of the size their name says", () => {
  const urls = [
    one("IconUrl").getAttribute("DefaultValue")!,
    one("HighResolutionIconUrl").getAttribute("DefaultValue")!,
    ...all("bt:Image")
      .filter((i) => i.getAttribute("id"))
      .map((i) => i.getAttribute("DefaultValue")!),
  ];
  const sizes = new Set<number>();
  for (const url of urls) {
    const m = /^https:\/\/localhost:3000\/assets\/icon-(\d+)\.png$/.exec(url);
    expect(m).not.toBeNull();
    const png = readFileSync(path.join(ROOT, "assets", `icon-${m![1]}.png`));
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    // IHDR width and height, big-endian at bytes 16 and 20
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(m![1]), Number(m![1])]);
    sizes.add(Number(m![1]));
  }
  expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80, 128]);
  // every icon a ribbon <Icon> uses is one of the declared resources
  for (const img of all("bt:Image").filter((i) => i.getAttribute("resid")))
    resource(img.getAttribute("resid")!);
});

test("no http(s) URL outside localhost: nothing leaves the machine", () => {
  // namespace names (xmlns="http://schemas.microsoft.com/…") identify schemas and are never fetched
  const withoutNamespaces = xml.replace(/\sxmlns(:\w+)?="[^"]*"/g, "");
  const urls = withoutNamespaces.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000\//);
});

test("webpack.config.js builds what the manifest names", async () => {
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>
  ) => Promise<
    Array<{
      name: string;
      mode: string;
      entry: Record<string, string>;
      output: { filename: string };
      plugins: object[];
    }>
  >;
  // two compilations: the add-in (this test) and the one-file standalone page huhang.html (test/e2e/huhangPage)
  const configs = await makeConfig({}, {});
  expect(configs.map((c) => c.name)).toEqual(["addin", "page"]);
  const config = configs[0];
  expect(config.mode).toBe("production");
  expect(Object.keys(config.entry).sort()).toEqual(["functions", "taskpane"]);
  expect(config.entry.functions).toBe("./src/functions/functions.ts");
  expect(config.output.filename).toBe("[name].js");
  const names = config.plugins.map((p) => p.constructor.name);
  expect(names).toEqual(
    expect.arrayContaining(["CustomFunctionsMetadataPlugin", "HtmlWebpackPlugin", "CopyPlugin"])
  );
  const html = config.plugins.find((p) => p.constructor.name === "HtmlWebpackPlugin") as {
    userOptions: { filename: string; chunks: string[] };
  };
  // the shared runtime page must load the functions too
  expect(html.userOptions.filename).toBe("taskpane.html");
  expect(html.userOptions.chunks).toEqual(expect.arrayContaining(["taskpane", "functions"]));
});

type CopyPattern = {
  from: string;
  to: string;
  globOptions?: { ignore?: string[] };
  transform?: (content: Buffer) => Buffer | string;
};

type WebpackConfig = {
  name: string;
  devtool: string | false;
  output: { clean: unknown };
  plugins: { constructor: { name: string }; patterns?: CopyPattern[] }[];
};

/** The add-in's build (the page's is the second config, built after it into the same dist/). */
async function configWith(addinUrl: string | undefined): Promise<WebpackConfig> {
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>
  ) => Promise<WebpackConfig[]>;
  const before = process.env.HUHANG_ADDIN_URL;
  if (addinUrl === undefined) delete process.env.HUHANG_ADDIN_URL;
  else process.env.HUHANG_ADDIN_URL = addinUrl;
  try {
    const configs = await makeConfig({}, { mode: "production" });
    return configs.find((c) => c.name === "addin")!;
  } finally {
    if (before === undefined) delete process.env.HUHANG_ADDIN_URL;
    else process.env.HUHANG_ADDIN_URL = before;
  }
}

function copyPatterns(config: Awaited<ReturnType<typeof configWith>>): CopyPattern[] {
  return config.plugins.find((p) => p.constructor.name === "CopyPlugin")!.patterns!;
}

test("a production build holds what is deployed only: no source maps, no .debug.js, no CLI; the ES5 check as written", async () => {
  const config = await configWith(undefined);
  expect(config.devtool).toBe(false);
  // nothing kept from earlier builds but the page, which the second config writes (the CLI is bundled into build/)
  expect(config.output.clean).toEqual({ keep: /^huhang\.html$/ });
  const patterns = copyPatterns(config);
  const office = patterns.filter((p) => String(p.to).startsWith("[path]"));
  expect(office.length).toBeGreaterThan(3);
  for (const p of office) expect(p.globOptions?.ignore).toEqual(["**/*.debug.js"]);
  expect(patterns).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ from: "src/taskpane/legacy-webview.js", to: "legacy-webview.js" }),
    ])
  );
});

test.each([
  ["http://intranet.example/huhang/", /必须以 https:\/\/ 开头/],
  ["https://intranet.example/huhang", /必须以 \/ 结尾/],
  ["intranet.example/huhang/", /不是有效的网址/],
  ["https://intranet.example/huhang/?v=1/", /不能带 \? 或 #/],
])("HUHANG_ADDIN_URL=%s stops the build with a Chinese message", async (url, message) => {
  await expect(configWith(url)).rejects.toThrow(message);
});

test("HUHANG_ADDIN_URL=https://…/ names that server in the copied manifest", async () => {
  const config = await configWith("https://oa.hunan.example/huhang/");
  const manifest = copyPatterns(config).find((p) => p.to === "manifest.xml")!;
  const out = String(manifest.transform!(Buffer.from(xml)));
  expect(out).not.toContain("https://localhost:3000/");
  expect(out).toContain('DefaultValue="https://oa.hunan.example/huhang/taskpane.html"');
  expect(out).toContain('DefaultValue="https://oa.hunan.example/huhang/functions.json"');
});
