/** Shared by the 附件2 writer's tests: reading what we wrote, value sets, the notice's text, LibreOffice. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { seededRandom } from "../../../../src/cli/demo/sampleData";
import { INDICATOR_DEFS } from "../../../../src/core/indicatorDefs";
import type { IndicatorValues, PrefectureSubmission } from "../../../../src/core/model";
import { toHalfWidth } from "../../../../src/core/text";
import type { DocBlock } from "../../../../src/io/docx/docxModel";
import { DEFAULT_DOCX_LIMITS, openWordDocument } from "../../../../src/io/docx/package";
import { readInput } from "../../../../src/io/inputs";
import { SOFFICE } from "../../../cli/externalTools";
import { sharedPath } from "../../../support/shared";

export const FIXTURES = path.join(__dirname, "fixtures");

/** What our reader makes of a .docx: it must be a submission (an 附件2 reads as a prefecture's file). */
export async function readBack(
  bytes: Uint8Array,
  name = "附件2.docx"
): Promise<PrefectureSubmission> {
  const read = await readInput(name, bytes);
  if (read.kind !== "workbook")
    throw new Error(`${name} read as ${read.kind}: ${JSON.stringify(read)}`);
  return read.submission;
}

/** Every non-empty paragraph of the document as Word shows it, table cells included, in reading order. */
export function shownParagraphs(bytes: Uint8Array): string[] {
  const opened = openWordDocument(bytes, DEFAULT_DOCX_LIMITS);
  if (!opened.ok) throw new Error(opened.message);
  const out: string[] = [];
  const walk = (blocks: readonly DocBlock[]) => {
    for (const b of blocks) {
      if (b.kind === "p") {
        if (b.text.trim() !== "") out.push(b.text);
      } else for (const row of b.rows) for (const c of row) if (!c.merged) walk(c.blocks);
    }
  };
  walk(opened.blocks);
  return out;
}

/**
 * Text folded for comparing with the notice's plain-text copy: half-width, no whitespace, the copy's check boxes as ☐,
 * its <p> and ** marks dropped, any run of blank (underscores or no-break spaces) as one "_".
 */
export function foldNotice(text: string): string {
  return toHalfWidth(text)
    .replace(/<input type="checkbox"\/>/g, "☐")
    .replace(/<\/?p>|\*/g, "")
    .replace(/\u00a0+/g, "_")
    .replace(/\s+/g, "")
    .replace(/_+/g, "_");
}

/** The notice's 附件2, from its "附件 2" line to the "附件 3" line (the seeds win over everything). */
export function noticeAnnex2(): string {
  const seed = readFileSync(sharedPath("seeds", "000_07c0267383d10c08.txt"), "utf8");
  const from = seed.search(/^附件 2$/m);
  const to = seed.indexOf("\n附件 3", from);
  if (from < 0 || to < 0) throw new Error("the notice's 附件2 was not found in the seed");
  return seed.slice(from, to);
}

/**
 * One value set: each indicator left blank, 0, a small count, or a large one; the percentage 0, 100 or with
 * decimals. Seed 0 fills every blank.
 */
export function valueSet(seed: number): IndicatorValues["values"] {
  const rnd = seededRandom(seed + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const out: IndicatorValues["values"] = {};
  for (const def of INDICATOR_DEFS) {
    const kind = seed === 0 ? "small" : pick(["blank", "zero", "small", "small", "large"] as const);
    if (kind === "blank") out[def.key] = null;
    else if (def.kind === "percent")
      out[def.key] = kind === "zero" ? 0 : pick([100, 72.5, 33.3, 0.5, 85, 99.99]);
    else if (kind === "zero") out[def.key] = 0;
    else if (kind === "large") out[def.key] = Math.floor(rnd() * 1e9) + 1e6;
    else out[def.key] = Math.floor(rnd() * 500) + 1;
  }
  return out;
}

/** Every indicator key → its value or null, as the reader gives a full set. */
export function fullValues(values: IndicatorValues["values"]): IndicatorValues["values"] {
  return Object.fromEntries(INDICATOR_DEFS.map((d) => [d.key, values[d.key] ?? null]));
}

export const HEADER: IndicatorValues["header"] = {
  unitName: "株洲市工业和信息化局",
  leader: "张志远",
  leaderTitle: "局长",
  contactName: "李华",
  contactDept: "网络安全科 科长",
  contactPhone: "0731-28260000",
  contactEmail: "lihua@zzgxj.gov.cn",
  classifiedManagement: "是",
  keyEnterpriseList: "否",
  regionDirection: "安全管理成效突出地区",
};

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "huhang-annex2-"));
}

/** LibreOffice headless: convert `file` to `to` ("pdf", "docx:MS Word 2007 XML") into `outdir`. */
export function soffice(file: string, to: string, outdir: string): void {
  const r = spawnSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${outdir}/lo-profile`,
      "--headless",
      "--convert-to",
      to,
      "--outdir",
      outdir,
      file,
    ],
    { encoding: "utf8", timeout: 180000 }
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}${r.stdout}`);
}
