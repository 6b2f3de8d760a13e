#!/usr/bin/env node
/**
 * Debian's Firefox ESR driven over WebDriver BiDi (the W3C protocol Firefox speaks natively; Playwright needs its own
 * patched Firefox): open huhang.html from disk, read the 13 prefecture workbooks into 全省合并, wait until the work
 * is kept, open the file again and answer 继续上次的工作, and report what happened as one JSON line on stdout.
 *
 *   node --experimental-websocket test/e2e/firefoxBidi.mjs FILE_URL OUT_DIR WORKBOOK...
 *
 * Used by firefoxPage.test.ts; no network: Firefox listens on 127.0.0.1 only, the page is a file.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const [url, outDir, ...files] = process.argv.slice(2);
const FIREFOX = process.env.HUHANG_FIREFOX || "/usr/bin/firefox-esr";
const profile = mkdtempSync(path.join(os.tmpdir(), "huhang-ff-"));
// a fresh profile that fetches nothing: no updates, no telemetry, no captive-portal or connectivity checks
writeFileSync(
  path.join(profile, "user.js"),
  [
    'user_pref("app.update.enabled", false);',
    'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
    'user_pref("toolkit.telemetry.enabled", false);',
    'user_pref("network.captive-portal-service.enabled", false);',
    'user_pref("network.connectivity-service.enabled", false);',
    'user_pref("browser.safebrowsing.malware.enabled", false);',
    'user_pref("browser.safebrowsing.phishing.enabled", false);',
    'user_pref("extensions.update.enabled", false);',
    'user_pref("browser.shell.checkDefaultBrowser", false);',
  ].join("\n")
);
const ff = spawn(
  FIREFOX,
  ["--headless", "--no-remote", "--profile", profile, "--remote-debugging-port=0"],
  { stdio: ["ignore", "pipe", "pipe"] }
);
const cleanup = () => {
  ff.kill();
  rmSync(profile, { recursive: true, force: true });
};
const fail = (e) => {
  console.log(JSON.stringify({ error: String(e && e.message ? e.message : e) }));
  cleanup();
  process.exit(1);
};
setTimeout(() => fail("Firefox 在 120 秒内没有完成"), 120_000).unref();

try {
  const port = await new Promise((resolve, reject) => {
    let buf = "";
    const on = (d) => {
      buf += d;
      const m = /WebDriver BiDi listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(buf);
      if (m) resolve(m[1]);
    };
    ff.stderr.on("data", on);
    ff.stdout.on("data", on);
    ff.once("exit", (code) => reject(new Error(`Firefox 退出（${code}）：${buf.slice(-500)}`)));
  });
  const ws = new WebSocket(`ws://127.0.0.1:${port}/session`);
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", resolve);
    ws.addEventListener("error", () => reject(new Error("连不上 Firefox 的 WebDriver BiDi")));
  });
  let id = 0;
  const waiting = new Map();
  const logs = [];
  /** Every request the page's browsing context made (BiDi network events). */
  const requests = [];
  ws.addEventListener("message", (e) => {
    const m = JSON.parse(e.data);
    if (m.id && waiting.has(m.id)) {
      waiting.get(m.id)(m);
      waiting.delete(m.id);
    } else if (m.method === "log.entryAdded") logs.push(`${m.params.level}: ${m.params.text}`);
    else if (m.method === "network.beforeRequestSent") requests.push(m.params.request.url);
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const i = ++id;
      waiting.set(i, (m) =>
        m.error ? reject(new Error(`${method}: ${m.error} ${m.message}`)) : resolve(m.result)
      );
      ws.send(JSON.stringify({ id: i, method, params }));
    });
  await send("session.new", { capabilities: {} });
  await send("session.subscribe", { events: ["log.entryAdded"] });
  const context = (await send("browsingContext.getTree", {})).contexts[0].context;
  await send("session.subscribe", { events: ["network.beforeRequestSent"], contexts: [context] });
  await send("browsingContext.setViewport", { context, viewport: { width: 1280, height: 900 } });
  const run = async (fn) => {
    const r = await send("script.evaluate", {
      expression: `(${fn})()`,
      target: { context },
      awaitPromise: true,
      resultOwnership: "root",
    });
    if (r.type === "exception") throw new Error(`页面脚本出错：${r.exceptionDetails.text}`);
    return r.result;
  };
  const value = async (fn) =>
    JSON.parse((await run(`async () => JSON.stringify(await (${fn})())`)).value);
  const until = async (what, fn, ms = 60_000) => {
    const end = Date.now() + ms;
    for (;;) {
      if (await value(fn)) return;
      if (Date.now() > end) throw new Error(`等待超时：${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const clickTab = (name) =>
    value(
      `() => { [...document.querySelectorAll('[role=tab]')].find(t => t.textContent.trim() === ${JSON.stringify(name)}).click(); return true; }`
    );
  const shot = async (name) => {
    const png = await send("browsingContext.captureScreenshot", { context, origin: "document" });
    writeFileSync(path.join(outDir, name), Buffer.from(png.data, "base64"));
  };
  const kept = () =>
    value(`() => new Promise((resolve) => {
      const q = indexedDB.open("huhang", 1);
      q.onerror = () => resolve({ error: String(q.error) });
      q.onsuccess = () => {
        const g = q.result.transaction("work").objectStore("work").get("current");
        g.onsuccess = () => { q.result.close(); resolve(g.result ? { dirty: g.result.dirty, submissions: g.result.state.submissions.length } : null); };
      };
    })`);

  await send("browsingContext.navigate", { context, url, wait: "complete" });
  await until("页面标题", `() => document.querySelector("h1")?.textContent === "护航汇总"`);
  const first = await value(`async () => ({
    origin: location.origin,
    styled: document.querySelectorAll("style[nonce]").length,
    notice: document.querySelector("[data-testid=keep-work-notice]")?.textContent ?? null,
  })`);
  await clickTab("全省合并");
  // the panel loads on first show; until then the hidden 导入申报 panel's input is still in the page
  await until("全省合并面板", `() => !!document.querySelector("[data-testid=merge-button]")`);
  const input = await run(`() => document.querySelector("[data-testid=file-input]")`);
  await send("input.setFiles", { context, element: { sharedId: input.sharedId }, files });
  await until(
    `已读取 ${files.length} 个文件`,
    `() => document.body.textContent.includes("已读取 ${files.length} 个文件")`
  );
  const statuses = () =>
    value(
      `() => Object.fromEntries([...document.querySelectorAll("[data-testid=prefecture-checklist] tr[data-status]")].map(r => [r.dataset.prefecture, r.dataset.status]))`
    );
  const before = await statuses();
  await until(
    "工作已保存",
    `() => new Promise((resolve) => {
      const q = indexedDB.open("huhang", 1);
      q.onsuccess = () => { const g = q.result.transaction("work").objectStore("work").get("current");
        g.onsuccess = () => { q.result.close(); resolve(!!g.result && g.result.state.submissions.length === ${files.length}); }; };
      q.onerror = () => resolve(false);
    })`
  );
  const keptBefore = await kept();

  // open the file again (as after closing the tab): the work is offered back
  await send("browsingContext.navigate", { context, url, wait: "complete" });
  await until("恢复对话框", `() => !!document.querySelector("[role=alertdialog]")`, 15_000);
  const dialog = await value(`() => document.querySelector("[role=alertdialog]").textContent`);
  await shot("firefox-1280-恢复工作.png");
  await value(
    `() => { [...document.querySelectorAll("[role=alertdialog] button")].find(b => b.textContent === "继续上次的工作").click(); return true; }`
  );
  await until("对话框关闭", `() => !document.querySelector("[role=alertdialog]")`);
  await clickTab("全省合并");
  await until(
    "核对表",
    `() => document.querySelectorAll("[data-testid=prefecture-checklist] tr[data-status]").length === 14`
  );
  const after = await statuses();
  await shot("firefox-1280-全省合并.png");
  const version = (await send("session.status", {})).message ?? "";
  console.log(
    JSON.stringify({ first, before, keptBefore, dialog, after, logs, requests, version })
  );
  ws.close();
  cleanup();
  process.exit(0);
} catch (e) {
  fail(e);
}
