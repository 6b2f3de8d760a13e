#!/usr/bin/env node
/**
 * Serve the production build (dist/) on this machine only, for the standalone page (a browser without the add-in):
 *
 *   npm run build && node scripts/serve-standalone.mjs [--dir dist] [--port 8080]
 *
 * A tiny static file server (node:http, no dependencies) bound to 127.0.0.1: nothing is reachable from the network,
 * nothing is fetched from anywhere. --port 0 picks a free port. Prints the page's URL on its first line of output.
 */
import { createReadStream, promises as fs } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

function args(argv) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const out = { dir: path.join(root, "dist"), port: 8080 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--dir") out.dir = path.resolve(argv[++i]);
    else if (argv[i] === "--port") out.port = Number(argv[++i]);
    else
      throw new Error(
        `未知参数“${argv[i]}”。用法：node scripts/serve-standalone.mjs [--dir dist] [--port 8080]`
      );
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535)
    throw new Error("端口应为 0–65535 的整数");
  return out;
}

/** The file a URL path names inside dir, or null when it would leave dir. */
function fileFor(dir, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return null;
  }
  if (rel.endsWith("/")) rel += "taskpane.html";
  const full = path.resolve(dir, "." + path.posix.normalize("/" + rel));
  return full === dir || full.startsWith(dir + path.sep) ? full : null;
}

export function createStaticServer(dir) {
  return http.createServer(async (req, res) => {
    const headers = {
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...headers, Allow: "GET, HEAD" }).end();
      return;
    }
    const file = fileFor(dir, req.url ?? "/");
    const stat = file ? await fs.stat(file).catch(() => null) : null;
    if (!file || !stat || !stat.isFile()) {
      res
        .writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" })
        .end("未找到该文件");
      return;
    }
    res.writeHead(200, {
      ...headers,
      "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": stat.size,
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
}

async function main() {
  const { dir, port } = args(process.argv.slice(2));
  const index = await fs.stat(path.join(dir, "taskpane.html")).catch(() => null);
  if (!index) throw new Error(`${dir} 中没有 taskpane.html：请先运行 npm run build`);
  const server = createStaticServer(dir);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const { port: actual } = server.address();
  console.log(`护航汇总独立网页：http://127.0.0.1:${actual}/taskpane.html`);
  console.log("数据只在本机处理。按 Ctrl+C 停止。");
  if (await fs.stat(path.join(dir, "huhang.html")).catch(() => null))
    console.log(
      `也可以不用本服务：直接双击 ${path.join(dir, "huhang.html")}（单文件网页，并会在浏览器中保存工作进度）。`
    );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`无法启动：${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
