#!/usr/bin/env node
/**
 * Peer for `npm run bench`: the same merge with exceljs's streaming reader and writer (the fastest way exceljs offers).
 * Reads every .xlsx in a folder, finds the 附件3 table on each sheet (the header row naming 案例名称), maps the columns
 * by their header words, drops blank and footer rows, adds 所属市州 from the file name, flags enterprises under several
 * directions, and writes ONE sheet (the project writes four).
 *
 *   node scripts/peers/exceljs-merge.cjs <folder> <out.xlsx>
 *
 * Prints one line: the number of rows written.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ExcelJS = require("exceljs");

const COLUMNS = [
  ["order", ["序号"]],
  ["caseName", ["案例名称"]],
  ["enterprise", ["企业名称", "单位名称"]],
  ["category", ["企业类别"]],
  ["direction", ["申报方向", "方向"]],
  ["summary", ["简述"]],
  ["contact", ["联系人"]],
  ["phone", ["联系方式", "联系电话", "手机"]],
  ["uscc", ["信用代码"]],
  ["level", ["级别"]],
];
const FIELDS = ["prefecture", ...COLUMNS.map((c) => c[0]), "sourceSheet", "multiDirection"];

function text(v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && v.richText) return v.richText.map((r) => r.text).join("");
  if (typeof v === "object" && "result" in v) return String(v.result ?? "");
  return String(v);
}

function headerMap(values) {
  const found = new Map();
  values.forEach((v, j) => {
    const t = text(v).trim();
    for (const [field, words] of COLUMNS) {
      if (!found.has(field) && words.some((w) => t.includes(w))) {
        found.set(field, j);
        break;
      }
    }
  });
  return found.has("caseName") && found.has("enterprise") ? found : null;
}

async function readWorkbook(file, out) {
  const prefecture = path.basename(file, ".xlsx");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    styles: "ignore",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  for await (const sheet of reader) {
    let map = null;
    let seen = 0;
    for await (const row of sheet) {
      const values = row.values;
      if (!map) {
        if (++seen <= 20) map = headerMap(values);
        continue;
      }
      const rec = { prefecture, sourceSheet: sheet.name };
      for (const [field, j] of map) rec[field] = text(values[j]).trim();
      if (!rec.caseName && !rec.enterprise) continue;
      if (/^(联系人|手机|注)/.test(rec.caseName)) continue;
      out.push(rec);
    }
  }
}

async function main() {
  const [dir, outFile] = process.argv.slice(2);
  const rows = [];
  for (const f of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort())
    await readWorkbook(path.join(dir, f), rows);
  const directions = new Map();
  for (const r of rows) {
    const k = r.enterprise.replace(/\s+/g, "");
    if (!directions.has(k)) directions.set(k, new Set());
    directions.get(k).add(r.direction);
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: outFile,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet("明细");
  ws.addRow(FIELDS).commit();
  for (const r of rows) {
    r.multiDirection = directions.get(r.enterprise.replace(/\s+/g, "")).size > 1 ? "多方向" : "";
    ws.addRow(FIELDS.map((f) => r[f] ?? null)).commit();
  }
  ws.commit();
  await wb.commit();
  console.log(rows.length);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
