/**
 * @jest-environment jsdom
 *
 * src/taskpane/legacy-webview.js runs before the bundles, also in Internet Explorer 11: it must be ES5 (parsed here at
 * ecmaVersion 5 by acorn, webpack's own parser), and it must show what to do — in Trident and EdgeHTML webviews, and in
 * an Office host without SharedRuntime 1.1 or ExcelApi 1.8 — while staying silent in a modern browser and a capable
 * host.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "acorn";

const SOURCE = readFileSync(
  path.join(__dirname, "..", "..", "src", "taskpane", "legacy-webview.js"),
  "utf8"
);

const UA = {
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  webview2:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51",
};

type Win = Window & { Office?: unknown; __huhangLegacyWebview?: string };

function run(userAgent: string, office?: { host: string | null; sets: string[] }) {
  Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
  document.body.innerHTML = '<div id="root">应用</div>';
  const w = window as Win;
  delete w.__huhangLegacyWebview;
  delete w.Office;
  if (office) {
    w.Office = {
      onReady: (cb: (info: { host: string | null }) => void) => cb({ host: office.host }),
      context: {
        requirements: {
          isSetSupported: (name: string, v: string) => office.sets.includes(`${name} ${v}`),
        },
      },
    };
  }
  new Function(SOURCE)();
  const box = document.querySelector('[data-testid="legacy-webview"]');
  return {
    box,
    text: box?.textContent ?? "",
    rootHidden: document.getElementById("root")!.style.display === "none",
    reason: w.__huhangLegacyWebview ?? null,
  };
}

test("is ES5: acorn parses it at ecmaVersion 5 (and refuses what IE11 cannot run)", () => {
  expect(() => parse(SOURCE, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  for (const later of [
    "var a = b?.c;",
    "var a = b ?? c;",
    "var f = () => 1;",
    "let a = 1;",
    "const a = 1;",
  ])
    expect(() => parse(later, { ecmaVersion: 5, sourceType: "script" })).toThrow();
});

test.each([
  ["Internet Explorer 11 (Trident)", UA.ie11],
  ["Edge Legacy (EdgeHTML)", UA.edgeHtml],
])("in %s it hides the app and says what to do, in Chinese", (_label, ua) => {
  const r = run(ua);
  expect(r.reason).toBe("webview");
  expect(r.rootHidden).toBe(true);
  expect(r.box?.getAttribute("role")).toBe("alert");
  expect(r.text).toContain("WebView2");
  expect(r.text).toContain("更新到 Microsoft 365 或 Office 2021");
  expect(r.text).toContain(`${location.origin}/huhang.html`);
  expect(r.text).toMatch(/Microsoft Edge、Chrome 或 Firefox/);
});

test("in an Office host without the shared runtime or ExcelApi 1.8 it says which Excel is needed", () => {
  for (const sets of [["ExcelApi 1.8"], ["SharedRuntime 1.1"], []]) {
    const r = run(UA.webview2, { host: "Excel", sets });
    expect({ sets, reason: r.reason }).toEqual({ sets, reason: "requirements" });
    expect(r.rootHidden).toBe(true);
    expect(r.text).toContain("SharedRuntime 1.1");
    expect(r.text).toContain("huhang.html");
  }
});

test("silent in a modern webview with a capable host, and in a plain browser", () => {
  for (const r of [
    run(UA.webview2, { host: "Excel", sets: ["SharedRuntime 1.1", "ExcelApi 1.8"] }),
    run(UA.webview2, { host: null, sets: [] }),
    run(UA.webview2),
  ]) {
    expect(r.box).toBeNull();
    expect(r.rootHidden).toBe(false);
    expect(r.reason).toBeNull();
  }
});
