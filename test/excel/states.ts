/**
 * Prefecture states the Excel host tests write: the 株洲 list as read from a real 附件3 (written by openpyxl: three
 * cases, no level column, so both 分类分级 rows break R7), plus cases imported from Word forms of other files.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkAll } from "../../src/core/rules";
import { defaultSettings } from "../../src/core/settings";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";
import type { PrefectureState } from "../../src/app/host";
import { USCC, rec } from "../core/records";

const FIXTURE = path.join(__dirname, "../io/xlsx/fixtures/zhuzhou_official.xlsx");

/**
 * The 株洲 list as read, plus two cases the clerk imported from Word forms of other files: one breaking R5 (a 简述
 * cell over 100 characters) and ID (a wrong check character), one with a 申报日期 of last year (R4, a warning).
 */
export async function zhuzhouState(): Promise<PrefectureState> {
  const sub = await readWorkbook(new Uint8Array(readFileSync(FIXTURE)), "zhuzhou_official.xlsx");
  const long =
    "建成覆盖全部产线的分级防护体系，完成三级符合性评测并整改风险四十二项，形成可复制推广的分类分级管理经验做法。".repeat(
      2
    );
  const badCode = USCC.zhuche.slice(0, 17) + (USCC.zhuche.endsWith("1") ? "2" : "1");
  const records = [
    ...sub.records.map((r) => ({ ...r, prefecture: "株洲市" as const })),
    rec({
      prefecture: "株洲市",
      order: 4,
      file: "株洲中车时代申报表.docx",
      enterprise: "株洲中车时代电气股份有限公司",
      uscc: badCode,
      summary: long,
      summaryCell: `工业互联网安全分类分级案例：${long}`,
    }),
    rec({
      prefecture: "株洲市",
      order: 5,
      file: "株洲千金药业申报表.docx",
      enterprise: "株洲千金药业股份有限公司",
      date: "2023-06-01",
    }),
  ].map((r, i) =>
    i >= 3 ? { ...r, source: { file: r.source.file, sheet: "申报表", row: null }, columns: {} } : r
  );
  return {
    prefecture: sub.prefecture,
    meta: sub.meta,
    records,
    findings: [...sub.findings, ...checkAll(records, {}, defaultSettings())],
  };
}
