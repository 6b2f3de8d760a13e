/**
 * Safe output: text from the inputs that starts with = + - @ must stay text in every workbook we write, never become
 * a formula. The injection fixtures go through `huhang merge` and every sheet XML of the output is scanned.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { huhang, tempDir } from "../cli/cliHarness";
import { BAD } from "./corpus.helpers";

/** Input texts (from make_bad.py) that would run if they became formulas. */
const HOSTILE = [
  'HYPERLINK("http://evil.example/x"',
  "cmd|' /C calc'!A0",
  "SUM(1+1)",
  "株洲注入有限公司",
  'HYPERLINK("http://evil.example","申报")',
  "长沙注入科技有限公司",
];

function xmlText(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function decodeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

describe("formula injection through huhang merge", () => {
  let parts: Record<string, string>;

  beforeAll(async () => {
    const dir = tempDir();
    const out = path.join(dir, "汇总.xlsx");
    // a 株洲市 workbook and a 长沙市 Word form: both are kept (two files of one prefecture would replace each other)
    const inputs = ["injection.xlsx", "form_injection.docx"].map((f) => path.join(BAD, f));
    const run = await huhang("merge", ...inputs, "--out", out);
    expect(run.code).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    parts = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
  });

  it("writes every hostile text somewhere in the output (so the scan below means something)", () => {
    const all = decodeXml(Object.values(parts).join("\n"));
    for (const h of HOSTILE) expect(all).toContain(h);
  });

  it("no <f> element of any sheet holds input text", () => {
    const sheets = Object.keys(parts).filter((k) => /^xl\/worksheets\/[^/]+\.xml$/.test(k));
    expect(sheets.length).toBeGreaterThanOrEqual(2);
    const offending: string[] = [];
    for (const name of sheets) {
      for (const m of parts[name].matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)) {
        const formula = decodeXml(m[1]);
        for (const h of HOSTILE)
          if (formula.includes(h) || formula.includes(xmlText(h)))
            offending.push(`${name}: ${formula}`);
        if (/evil\.example|cmd\|/.test(formula)) offending.push(`${name}: ${formula}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it("the hostile cells are typed as strings", () => {
    const sheets = Object.keys(parts).filter((k) => /^xl\/worksheets\/[^/]+\.xml$/.test(k));
    const shared = parts["xl/sharedStrings.xml"]
      ? [...parts["xl/sharedStrings.xml"].matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
          decodeXml(m[1].replace(/<[^>]+>/g, ""))
        )
      : [];
    let seen = 0;
    for (const name of sheets) {
      for (const m of parts[name].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attrs = m[1];
        const body = m[2] ?? "";
        const type = /\st="([^"]*)"/.exec(attrs)?.[1] ?? "n";
        let text = "";
        if (type === "s") text = shared[Number(/<v>(\d+)<\/v>/.exec(body)?.[1])] ?? "";
        else if (type === "inlineStr") text = decodeXml(body.replace(/<[^>]+>/g, ""));
        else if (type === "str") text = decodeXml(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? "");
        if (HOSTILE.some((h) => text.includes(h))) {
          seen += 1;
          expect([name, type, body.includes("<f")]).toEqual([
            name,
            expect.stringMatching(/^(s|inlineStr)$/),
            false,
          ]);
        }
      }
    }
    expect(seen).toBeGreaterThanOrEqual(HOSTILE.length);
  });
});
