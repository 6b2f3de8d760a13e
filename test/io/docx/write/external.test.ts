/**
 * The 附件2 template as other programs see it. python-docx opens it (paragraphs, the header table with its merged
 * cells, page setup, footer, headings) and fills it the way a clerk does in Word — digits typed over each underlined
 * blank, answers typed into the cells, a ☐ turned into ☑ — and our reader reads exactly those values. LibreOffice
 * renders it to PDF (a few pages, the title and every heading on them) and saves it again with its own writer, which
 * our reader still reads the same.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { INDICATOR_DEFS } from "../../../../src/core/indicatorDefs";
import { writeAnnex2Docx } from "../../../../src/io/docx/write/annex2";
import { hasPythonModule, hasSoffice, PYTHON, requireTool } from "../../../cli/externalTools";
import { foldNotice, fullValues, HEADER, readBack, soffice, tempDir, valueSet } from "./support";

const SCRIPT = path.join(__dirname, "pd_annex2.py");
const dir = tempDir();
const blankFile = path.join(dir, "附件2模板.docx");
writeFileSync(blankFile, writeAnnex2Docx());

function python(...args: string[]): string {
  const r = spawnSync(PYTHON, [SCRIPT, ...args], { encoding: "utf8", timeout: 60000 });
  if (r.status !== 0) throw new Error(`pd_annex2.py ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

/** What a clerk types: the cover, then the 27 blanks of 重点任务完成情况 in the notice's order (null: left empty). */
const CLERK_BLANKS: Array<string | number | null> = [
  "湘潭市工业和信息化局",
  "2024",
  "12",
  "16",
  ...[
    8,
    21,
    64,
    30,
    12,
    3,
    null,
    10,
    10,
    12,
    12,
    86,
    80,
    6,
    5,
    260,
    72.5,
    3,
    200,
    null,
    2,
    4,
    9,
    0,
  ],
  ...[30, 5, 1234567],
];

describe("python-docx", () => {
  const ok = hasPythonModule("docx");

  it("opens the template: its paragraphs, the header table, page setup, footer, headings", () => {
    if (!requireTool(ok, "python3-docx")) return;
    const seen = JSON.parse(python("dump", blankFile)) as {
      paragraphs: string[];
      styles: string[];
      tables: string[][][];
      page: Record<string, number | boolean>;
      footer: string[];
      first_footer: string[];
      title: string;
      created: string;
    };
    expect(seen.paragraphs.slice(0, 3)).toEqual([
      "附件2",
      "护航新型工业化网络安全成效突出地区\n申报表",
      `申 报 单 位：${"\u00a0".repeat(22)}（加盖单位公章）`,
    ]);
    for (const heading of [
      "填 表 须 知",
      "一、申报单位基本情况",
      "二、护航行动推进情况及成效",
      "（一）工业领域网络安全工作基础",
      "（二）护航行动重点任务开展情况",
      "（三）总体成效",
      "（四）工作举措和创新做法",
      "（五）其他需补充说明的事项",
      "附件：相关证明材料",
    ])
      expect(seen.paragraphs).toContain(heading);
    expect(seen.styles).toEqual(["Heading 1", "Heading 2"]);
    expect(seen.tables).toHaveLength(1);
    const [table] = seen.tables;
    // merged cells as python-docx gives them: a span repeats its cell, 联系人 runs down four rows
    expect(table.slice(0, 8).map((r) => r.map((c) => c.replace(/\s/g, "")))).toEqual([
      ["申报单位名称", "（请填写全称）", "（请填写全称）", "（请填写全称）"],
      ["负责人", "", "职务", ""],
      ["联系人", "姓名", "", ""],
      ["联系人", "部门及职务", "", ""],
      ["联系人", "联系电话", "", ""],
      ["联系人", "邮箱地址", "", ""],
      [
        "是否组织开展工业互联网安全分类分级管理",
        "☐是☐否",
        "是否建立属地工业互联网领域网络安全重点企业清单",
        "☐是☐否",
      ],
      ["申报方向", ...Array(3).fill("☐总体成效突出地区☐安全管理成效突出地区☐服务赋能成效突出地区")],
    ]);
    expect(table[8][0]).toBe("重点任务完成情况\n（结合实际，根据申报方向填报对应内容）");
    const tasks = table[8][1].split("\n");
    expect(tasks).toHaveLength(13);
    expect(tasks[0]).toBe("一、安全管理成效");
    expect(tasks[6]).toBe("二、服务赋能成效");
    expect(tasks[12].replace(/\u00a0+/g, "____")).toBe(
      "6.举办工业领域网络安全相关赛事，选拔培养____名工业领域网络安全专业人才"
    );
    expect(seen.page).toEqual({
      width_mm: 210,
      height_mm: 297,
      top_mm: 37,
      bottom_mm: 35,
      left_mm: 28,
      right_mm: 26,
      different_first_page: true,
    });
    expect(seen.footer).toEqual(["第 1 页 共 1 页"]);
    expect(seen.first_footer).toEqual([""]);
    expect(seen.title).toBe("护航新型工业化网络安全成效突出地区申报表");
    expect(seen.created).toBe("2000-01-01T00:00:00"); // python-docx drops the Z
  });

  it("filled as a clerk fills it in Word, our reader reads what was typed", async () => {
    if (!requireTool(ok, "python3-docx")) return;
    const spec = path.join(dir, "fill.json");
    writeFileSync(
      spec,
      JSON.stringify({
        blanks: CLERK_BLANKS,
        cells: {
          申报单位名称: "湘潭市工业和信息化局",
          负责人: "赵建国",
          职务: "副局长",
          姓名: "钱芳",
          部门及职务: "信息化推进科 副科长",
          联系电话: "0731-58581234",
          邮箱地址: "qianfang@xtgxj.gov.cn",
        },
        ticks: {
          是否组织开展工业互联网安全分类分级管理: "是",
          是否建立属地工业互联网领域网络安全重点企业清单: "否",
          申报方向: "服务赋能成效突出地区",
        },
      })
    );
    const out = path.join(dir, "湘潭市附件2.docx");
    // 31 underlined blanks: 申报单位, 年, 月, 日 on the cover and the 27 indicators
    expect(JSON.parse(python("fill", blankFile, out, spec))).toEqual({ blanks: 31 });
    const sub = await readBack(new Uint8Array(readFileSync(out)), "湘潭市附件2.docx");
    expect(sub).toMatchObject({
      kind: "annex2",
      prefecture: "湘潭市",
      meta: {
        recommender: "湘潭市工业和信息化局",
        date: "2024-12-16",
        contact: "钱芳",
        phone: "0731-58581234",
      },
      findings: [],
    });
    const typed = CLERK_BLANKS.slice(4);
    expect(sub.indicators!.values).toEqual(
      Object.fromEntries(INDICATOR_DEFS.map((d, i) => [d.key, typed[i]]))
    );
    expect(sub.indicators!.header).toEqual({
      unitName: "湘潭市工业和信息化局",
      leader: "赵建国",
      leaderTitle: "副局长",
      contactName: "钱芳",
      contactDept: "信息化推进科 副科长",
      contactPhone: "0731-58581234",
      contactEmail: "qianfang@xtgxj.gov.cn",
      classifiedManagement: "是",
      keyEnterpriseList: "否",
      regionDirection: "服务赋能成效突出地区",
    });
  });
});

describe("LibreOffice", () => {
  const ok = hasSoffice();
  const filledFile = path.join(dir, "株洲市附件2.docx");
  const lists = {
    tier3: ["湖南甲有限公司", "湖南乙有限公司"],
    vehicleFiled: ["湖南丙汽车有限公司"],
  };
  const values = valueSet(5);
  writeFileSync(filledFile, writeAnnex2Docx({ values, header: HEADER, lists, date: "2024-12-15" }));

  it("renders it to PDF: a few pages, the title and every heading on them, the filled values in place", () => {
    if (!requireTool(ok, "LibreOffice (soffice)")) return;
    const out = path.join(dir, "pdf");
    soffice(blankFile, "pdf", out);
    soffice(filledFile, "pdf", out);
    for (const [name, expectWords] of [
      ["附件2模板.pdf", []],
      ["株洲市附件2.pdf", ["株洲市工业和信息化局", "三级工业互联网企业名单", "湖南甲有限公司"]],
    ] as const) {
      const pdf = path.join(out, name);
      const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
      if (!requireTool(info.status === 0, "pdfinfo (poppler-utils)")) return;
      const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)![1]);
      expect(pages).toBeGreaterThanOrEqual(5);
      expect(pages).toBeLessThanOrEqual(8);
      // laid out, each line as printed: a table's columns side by side, the headings each on a line
      const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
      const lines = text.split(/\n/).map(foldNotice);
      for (const words of [
        "护航新型工业化网络安全成效突出地区",
        "申报表",
        "填表须知",
        "一、申报单位基本情况",
        "重点任务完成情况",
        "一、安全管理成效",
        "二、服务赋能成效",
        "二、护航行动推进情况及成效",
        "(一)工业领域网络安全工作基础",
        "(二)护航行动重点任务开展情况",
        "(三)总体成效",
        "(四)工作举措和创新做法",
        "(五)其他需补充说明的事项",
        "附件:相关证明材料",
        `第2页共${pages}页`,
        ...expectWords,
      ])
        expect([name, words, lines.some((l) => l.includes(foldNotice(words)))]).toEqual([
          name,
          words,
          true,
        ]);
      // the cover carries no page number
      expect(text.split("\f")[0]).not.toMatch(/第\s*\d+\s*页/);
    }
    const filled = spawnSync("pdftotext", ["-layout", path.join(out, "株洲市附件2.pdf"), "-"], {
      encoding: "utf8",
    }).stdout;
    expect(foldNotice(filled)).toContain(`1.三级工业互联网企业${values.tier3 ?? ""}家`);
  });

  it("saved again by LibreOffice's own writer, the form reads the same", async () => {
    if (!requireTool(ok, "LibreOffice (soffice)")) return;
    const out = path.join(dir, "lo");
    soffice(filledFile, "docx:MS Word 2007 XML", out);
    soffice(blankFile, "docx:MS Word 2007 XML", out);
    const again = await readBack(new Uint8Array(readFileSync(path.join(out, "株洲市附件2.docx"))));
    expect(again.findings).toEqual([]);
    expect(again.indicators!.values).toEqual(fullValues(values));
    expect(again.indicators!.header).toEqual(HEADER);
    expect(again.indicators!.lists).toEqual(lists);
    expect(again.meta.date).toBe("2024-12-15");
    const blank = await readBack(new Uint8Array(readFileSync(path.join(out, "附件2模板.docx"))));
    expect(blank.findings).toEqual([]);
    expect(blank.indicators!.values).toEqual(fullValues({}));
    expect(blank.indicators!.header).toEqual({});
  });
});
