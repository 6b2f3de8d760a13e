/*
 * 护航汇总: the check that runs before everything else in taskpane.html, in ES5 only (no let/const, arrow functions,
 * ?. or ??: test/taskpane/legacyWebview.test.ts parses it at ecmaVersion 5), because it must run where the bundles
 * cannot:
 * - Internet Explorer 11 ("Trident") and Edge Legacy ("EdgeHTML") webviews: Excel on Windows without WebView2 falls
 *   back to Trident for an add-in with <Runtimes> in its manifest, where the bundles (ES2020, React 19) do not even
 *   parse and the pane would stay blank;
 * - an Office host without the shared runtime (SharedRuntime 1.1) or ExcelApi 1.8.
 * In either case it hides the app, shows in Chinese what to do, in an element with data-testid="legacy-webview", and
 * sets window.__huhangLegacyWebview to the reason.
 */
(function () {
  "use strict";

  var STANDALONE_PAGE = "huhang.html";
  var shown = false;

  function standaloneUrl() {
    var href = String(window.location.href).split("#")[0].split("?")[0];
    return href.replace(/[^/]*$/, STANDALONE_PAGE);
  }

  function paragraph(parent, text, tag) {
    var p = document.createElement(tag || "p");
    p.appendChild(document.createTextNode(text));
    p.style.margin = "0 0 8px 0";
    parent.appendChild(p);
    return p;
  }

  function render(title, lines) {
    var root = document.getElementById("root");
    if (root) root.style.display = "none";
    var box = document.createElement("div");
    box.setAttribute("data-testid", "legacy-webview");
    box.setAttribute("role", "alert");
    box.style.padding = "16px";
    box.style.fontFamily = "'Microsoft YaHei', 'PingFang SC', sans-serif";
    box.style.fontSize = "14px";
    box.style.lineHeight = "1.6";
    box.style.color = "#242424";
    var h = paragraph(box, title, "h1");
    h.style.fontSize = "18px";
    // the first line says what is wrong, the others what to do
    paragraph(box, lines[0]);
    var list = document.createElement("ol");
    list.style.paddingLeft = "20px";
    for (var i = 1; i < lines.length; i++) paragraph(list, lines[i], "li");
    box.appendChild(list);
    document.body.insertBefore(box, document.body.firstChild);
  }

  function show(reason, title, lines) {
    if (shown) return;
    shown = true;
    window.__huhangLegacyWebview = reason;
    if (document.body) render(title, lines);
    else
      document.addEventListener("DOMContentLoaded", function () {
        render(title, lines);
      });
  }

  var ua = String((window.navigator && window.navigator.userAgent) || "");
  if (/Trident\/|MSIE /.test(ua) || /\bEdge\/\d/.test(ua)) {
    show("webview", "护航汇总无法在这个窗口中运行", [
      "Excel 用来显示加载项的是旧版浏览器组件（Internet Explorer 11 或旧版 Edge），护航汇总需要新版组件 Microsoft Edge WebView2。",
      "请将 Office 更新到 Microsoft 365 或 Office 2021 及以上版本（文件 › 账户 › 更新选项 › 立即更新），然后重新打开 Excel。",
      "Windows 10 上如仍显示本提示：请安装 Microsoft Edge WebView2 运行时（可向本单位信息化部门索取安装包），然后重新打开 Excel。",
      "也可以改用独立网页：在 Microsoft Edge、Chrome 或 Firefox 中打开 " +
        standaloneUrl() +
        "，在网页中选择文件，结果以 .xlsx 下载。",
      "如果您是在浏览器中直接打开本页：Internet Explorer 已不受支持，请改用 Microsoft Edge、Chrome 或 Firefox。",
    ]);
    return;
  }

  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return;
  Office.onReady(function (info) {
    // no host: a plain browser, where the page runs on its own
    if (!info || !info.host) return;
    var req = Office.context && Office.context.requirements;
    if (!req || typeof req.isSetSupported !== "function") return;
    if (req.isSetSupported("SharedRuntime", "1.1") && req.isSetSupported("ExcelApi", "1.8")) return;
    show("requirements", "此版本的 Excel 不能运行护航汇总加载项", [
      "护航汇总需要 Excel 的共享运行时（SharedRuntime 1.1）和 ExcelApi 1.8：Microsoft 365 版 Excel（2020 年 2 月以后的版本）、Excel 2021 及以上、Mac 版 Excel 16.35 及以上、网页版 Excel 均可。",
      "请将 Office 更新到上述版本，然后重新打开 Excel。",
      "也可以改用独立网页：在 Microsoft Edge、Chrome 或 Firefox 中打开 " +
        standaloneUrl() +
        "，在网页中选择文件，结果以 .xlsx 下载。",
    ]);
  });
})();
