/**
 * The chain, end to end in the CLI, on Word forms of three prefectures (python-docx, fixtures/make_chain_forms.py):
 * each clerk builds its list; each list reads back as exactly its cases; the province merges them with every case
 * once; experts fill 评审得分 with openpyxl; a prefecture re-sends a corrected list under another name and another
 * drops a case; the re-merge into the same --out keeps every score it can and names the one it cannot; the export
 * for MIIT is in score order.
 */
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import type { JsonReport } from "../../src/cli/report";
import { cliReportSchema } from "../../src/cli/reportSchema";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";
import { fillCells, fillScores, openpyxlMissing } from "../io/xlsx/inspect/python";
import { writeFileSync } from "node:fs";
import { huhang, tempDir } from "./cliHarness";

const FORMS = path.join(__dirname, "fixtures", "chain");
const missing = openpyxlMissing();
if (missing) throw new Error(missing);

const dir = tempDir();
const at = (name: string) => path.join(dir, name);
const report = (stdout: string): JsonReport => cliReportSchema.parse(JSON.parse(stdout));

async function list(prefecture: string, contact: string): Promise<string> {
  const out = at(`${prefecture}推荐汇总表.xlsx`);
  const r = await huhang(
    "merge",
    path.join(FORMS, prefecture),
    "--prefecture",
    prefecture,
    "--contact",
    contact,
    "--phone",
    "0731-88886666",
    "--date",
    "2024-12-18",
    "--out",
    out
  );
  expect(r.code).toBe(0);
  return out;
}

describe("the chain: Word forms → prefecture lists → province → scores → re-send → export", () => {
  let cs: string, zz: string, xt: string;
  beforeAll(async () => {
    cs = await list("长沙市", "李娜");
    zz = await list("株洲市", "王强");
    xt = await list("湘潭市", "赵敏");
  });

  it("each prefecture's own workbook reads back as exactly its cases, with the form's facts and the footer", async () => {
    for (const [file, prefecture, n] of [
      [cs, "长沙市", 3],
      [zz, "株洲市", 2],
      [xt, "湘潭市", 2],
    ] as const) {
      const r = await huhang("check", file, "--json");
      expect(r.code).toBe(0);
      const rep = report(r.stdout);
      expect(rep.records).toHaveLength(n);
      expect(rep.records.every((x) => x.prefecture === prefecture)).toBe(true);
      expect(rep.findings.filter((f) => f.code === "R3" || f.severity === "error")).toEqual([]);
      // every record still points at its Word form, and carries the form's other fields
      for (const rec of rep.records) {
        expect(rec.source.file).toMatch(/\.docx$/);
        expect(rec.form?.address).toMatch(/高新区科技路18号$/);
        expect(rec.form?.email).toBe("safety@example.com.cn");
        expect(rec.uscc).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
      }
    }
    const sub = await readWorkbook(new Uint8Array(readFileSync(cs)), "长沙市推荐汇总表.xlsx");
    expect(sub.meta).toEqual({
      recommender: "长沙市工业和信息化局",
      date: "2024-12-18",
      contact: "李娜",
      phone: "0731-88886666",
    });
    expect(sub.records.map((r) => [r.order, r.caseName, r.direction, r.level])).toEqual([
      [1, "园区专线流量威胁监测服务", "网络安全威胁监测服务案例", null],
      [2, "工程机械智能工厂分类分级实践", "工业互联网安全分类分级案例", "三级"],
      [3, "工业互联网平台安全分级防护实践", "工业互联网安全分类分级案例", "二级"],
    ]);
  });

  it("the province merge has every case once; scores survive a re-send under another name; export follows them", async () => {
    const province = at("湖南省推荐汇总表.xlsx");
    const first = await huhang("merge", cs, zz, xt, "--out", province, "--json");
    expect(first.code).toBe(0);
    const merged = report(first.stdout);
    expect(merged.records).toHaveLength(7);
    expect(merged.findings.filter((f) => f.code === "R3")).toEqual([]);
    expect(merged.scores).toBeNull();

    // the experts score all seven in 明细 (rows 2..8, in the merge's order), with another program
    const scoresByRow: Record<number, number | string> = {
      2: 91,
      3: 78.5,
      4: "86",
      5: 95,
      6: 70,
      7: 88,
      8: 65,
    };
    writeFileSync(province, fillScores(new Uint8Array(readFileSync(province)), scoresByRow));
    const scored = await readWorkbook(new Uint8Array(readFileSync(province)), "p.xlsx");
    const scoreOf = new Map(scored.records.map((r) => [r.caseName, r.score]));
    expect([...scoreOf.values()]).toEqual([91, 78.5, 86, 95, 70, 88, 65]);

    // 株洲 corrects a contact and re-sends under another name; 湘潭 re-sends without its 湘钢 case
    const zz2 = at("株洲市推荐汇总表（修改版）.xlsx");
    copyFileSync(zz, zz2);
    writeFileSync(
      zz2,
      fillCells(new Uint8Array(readFileSync(zz2)), { 推荐汇总表: { F5: "王强（已更正）" } })
    );
    const xt2 = at("湘潭市推荐汇总表（第二版）.xlsx");
    const xtBook = await readWorkbook(new Uint8Array(readFileSync(xt)), "x.xlsx");
    const steelRow = 5 + xtBook.records.findIndex((r) => r.caseName.startsWith("钢铁企业"));
    writeFileSync(
      xt2,
      fillCells(new Uint8Array(readFileSync(xt)), {
        推荐汇总表: Object.fromEntries(
          ["A", "B", "C", "D", "E", "F", "G", "H"].map((c) => [`${c}${steelRow}`, null])
        ),
      })
    );

    const again = await huhang("merge", cs, zz, zz2, xt, xt2, "--out", province, "--json");
    expect(again.code).toBe(0);
    const re = report(again.stdout);
    expect(re.records).toHaveLength(6);
    expect(
      re.records.find((r) => r.prefecture === "株洲市" && r.contact.startsWith("王强"))?.contact
    ).toBe("王强（已更正）");
    // every score that has a case still, carried; the dropped case's score named with the reason
    expect(re.scores?.carried).toBe(6);
    expect(re.scores?.lost.map((l) => [l.caseName, l.reason])).toEqual([
      ["钢铁企业工业互联网安全分类分级实践", "gone"],
    ]);
    expect(re.replaced.filter((x) => x.kind === "replaced").map((x) => x.by)).toEqual([
      "株洲市推荐汇总表（修改版）.xlsx",
      "株洲市推荐汇总表（修改版）.xlsx",
      "湘潭市推荐汇总表（第二版）.xlsx",
    ]);
    expect(re.replaced.filter((x) => x.kind === "gone").map((x) => x.caseName)).toEqual([
      "钢铁企业工业互联网安全分类分级实践",
    ]);
    const rescored = await readWorkbook(new Uint8Array(readFileSync(province)), "p.xlsx");
    for (const r of rescored.records) expect(r.score).toBe(scoreOf.get(r.caseName));

    // the export for MIIT: the top 4 by score, the province as 推荐单位
    const listFile = at("推荐名单.xlsx");
    const exp = await huhang("export", province, "--top", "4", "--out", listFile);
    expect(exp.code).toBe(0);
    const exported = await readWorkbook(new Uint8Array(readFileSync(listFile)), "推荐名单.xlsx");
    const byScore = [...rescored.records].sort((a, b) => b.score! - a.score!).slice(0, 4);
    expect(exported.records.map((r) => r.caseName)).toEqual(byScore.map((r) => r.caseName));
    expect(exported.meta.recommender).toBe("湖南省工业和信息化厅");
  });
});
