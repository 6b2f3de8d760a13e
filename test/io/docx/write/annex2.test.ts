/**
 * The 附件2 Word template we write (src/io/docx/write/annex2.ts) is what the province reads: our own 附件2 reader
 * (readInput → readAnnex2) reads the blank template as a blank form from python-docx or LibreOffice reads (every
 * indicator null, nothing filled, no finding), and a filled one back exactly — every value, every header answer,
 * every name list — over many value sets. Its text is the notice's own 附件2, in the notice's order.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describeLocation } from "../../../../src/core/findings";
import { INDICATOR_DEFS } from "../../../../src/core/indicatorDefs";
import { INDICATOR_KEYS, type IndicatorValues } from "../../../../src/core/model";
import { checkAll } from "../../../../src/core/rules";
import { defaultSettings } from "../../../../src/core/settings";
import {
  annex2DocxForPrefecture,
  formatNumber,
  TASK_BLANKS,
  writeAnnex2Docx,
} from "../../../../src/io/docx/write/annex2";
import {
  FIXTURES,
  foldNotice,
  fullValues,
  HEADER,
  noticeAnnex2,
  readBack,
  shownParagraphs,
  valueSet,
} from "./support";

const PART = "重点任务完成情况";
const load = (file: string) => new Uint8Array(readFileSync(file));

describe("the blank template", () => {
  const blank = writeAnnex2Docx();

  it("reads as a blank form from other writers reads: every indicator null, no answer, no finding", async () => {
    const ours = await readBack(blank, "附件2模板.docx");
    expect(ours).toMatchObject({
      kind: "annex2",
      prefecture: null,
      meta: { recommender: "", date: "", contact: "", phone: "" },
      records: [],
      findings: [],
      ok: true,
    });
    const ind = ours.indicators!;
    expect(ind.values).toEqual(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, null])));
    expect(ind.header).toEqual({});
    expect(ind.lists).toEqual({});
    // each blank located at its paragraph, counted from 一、安全管理成效
    expect(ind.cells.tier3).toEqual({ sheet: PART, row: 2, column: "三级工业互联网企业（家）" });
    expect(ind.cells.talents).toEqual({
      sheet: PART,
      row: 13,
      column: "选拔培养网络安全专业人才（名）",
    });
    for (const other of ["pd_blank_annex2.docx", "lo_blank_annex2.docx"]) {
      // read under the same name, ours and theirs are the same submission, field for field
      const theirs = await readBack(load(path.join(FIXTURES, other)), other);
      expect(await readBack(blank, other)).toEqual(theirs);
    }
  });

  it("is the notice's 附件2, paragraph by paragraph and in its order (the two 是/否 boxes are ours)", () => {
    const notice = foldNotice(noticeAnnex2());
    const ADDED = "☐是☐否";
    let at = 0;
    let left = "";
    const added: string[] = [];
    for (const p of shownParagraphs(blank)) {
      const f = foldNotice(p);
      const i = notice.indexOf(f, at);
      if (i < 0) {
        added.push(f);
        continue;
      }
      left += notice.slice(at, i);
      at = i + f.length;
    }
    left += notice.slice(at);
    expect(added).toEqual([ADDED, ADDED]);
    // nothing of the notice is missing: only the plain-text copy's table separator is left over
    expect(left).toBe("----");
  });

  it("names its blanks by the indicator definitions, in their order", () => {
    expect(TASK_BLANKS).toEqual(INDICATOR_DEFS.map((d) => d.key));
  });

  it("gives the same bytes every time", () => {
    expect(writeAnnex2Docx()).toEqual(blank);
    const a = writeAnnex2Docx({ values: valueSet(3), header: HEADER, date: "2024-12-15" });
    const b = writeAnnex2Docx({ values: valueSet(3), header: HEADER, date: "2024-12-15" });
    expect(a).toEqual(b);
    const core = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["docProps/core.xml"]);
    expect(core(blank)).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>'
    );
    expect(core(a)).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-12-15T00:00:00Z</dcterms:modified>'
    );
  });
});

describe("filled in by the tool", () => {
  it.each(Array.from({ length: 12 }, (_, i) => i))(
    "value set %i reads back exactly, blanks left null",
    async (seed) => {
      const values = valueSet(seed);
      const sub = await readBack(writeAnnex2Docx({ values }));
      expect(sub.findings).toEqual([]);
      expect(sub.indicators!.values).toEqual(fullValues(values));
      expect(Object.keys(sub.indicators!.cells).sort()).toEqual([...INDICATOR_KEYS].sort());
    }
  );

  it("every blank 0, every blank huge, the percentage with decimals", async () => {
    for (const n of [0, 987654321, 1e15]) {
      const values = Object.fromEntries(
        INDICATOR_KEYS.map((k) => [k, k === "trainingKeyPct" ? 12.25 : n])
      );
      const sub = await readBack(writeAnnex2Docx({ values }));
      expect(sub.indicators!.values).toEqual(values);
    }
  });

  it("a value that is no number (NaN, Infinity) is left blank, not written", async () => {
    const sub = await readBack(
      writeAnnex2Docx({ values: { tier3: NaN, tier2: Infinity, tier1: 4 } })
    );
    expect(sub.indicators!.values).toMatchObject({ tier3: null, tier2: null, tier1: 4 });
  });

  it("numbers are written as a clerk writes them: no grouping, no exponent", () => {
    expect(formatNumber(1234567)).toBe("1234567");
    expect(formatNumber(72.5)).toBe("72.5");
    expect(formatNumber(1e21)).toBe("1000000000000000000000");
    expect(formatNumber(1e-7)).toBe("0.0000001");
  });

  it("the header, the cover and the attached lists read back", async () => {
    const lists: IndicatorValues["lists"] = {
      tier3: ["湖南株洲硬质合金集团有限公司", "株洲时代电气装备有限公司"],
      vehicleFiled: ["湖南湘潭吉利汽车部件有限公司"],
      monitorVehicle: ["株洲车联网科技有限公司", "湖南甲车联网有限公司"],
      insurancePlans: ["工业企业网络安全综合保险方案"],
      platformAssessed: ["株洲工业互联网平台有限公司"],
    };
    const sub = await readBack(
      writeAnnex2Docx({ values: valueSet(0), header: HEADER, lists, date: "2024年12月15日" })
    );
    expect(sub).toMatchObject({
      kind: "annex2",
      prefecture: "株洲市",
      meta: {
        recommender: "株洲市工业和信息化局",
        date: "2024-12-15",
        contact: "李华",
        phone: "0731-28260000",
      },
      findings: [],
    });
    expect(sub.indicators!.header).toEqual(HEADER);
    expect(sub.indicators!.lists).toEqual(lists);
  });

  it.each([
    ["是", "是", "总体成效突出地区"],
    ["否", "否", "服务赋能成效突出地区"],
    ["否", "是", "总体成效突出地区、安全管理成效突出地区"],
  ])("是/否 %s / %s and 申报方向 %s tick as given", async (a, b, direction) => {
    const header = { classifiedManagement: a, keyEnterpriseList: b, regionDirection: direction };
    const sub = await readBack(writeAnnex2Docx({ header }));
    expect(sub.indicators!.header).toEqual(header);
  });

  it("the prefecture alone names the 申报单位 on the cover and in the table", async () => {
    const sub = await readBack(writeAnnex2Docx({ prefecture: "湘西土家族苗族自治州" }));
    expect(sub.prefecture).toBe("湘西土家族苗族自治州");
    expect(sub.indicators!.header).toEqual({ unitName: "湘西土家族苗族自治州工业和信息化局" });
  });

  it("text any caller passes stays well-formed: markup characters and controls", async () => {
    const header = { leader: "张<三>&李\u0001四", contactDept: "科\u0000室 A&B" };
    const sub = await readBack(writeAnnex2Docx({ header }));
    expect(sub.indicators!.header).toEqual({ leader: "张<三>&李四", contactDept: "科室 A&B" });
  });

  it("the IND rules fire on the values written, located at their paragraph", async () => {
    const values = { ...valueSet(0), icsRisksFound: 10, icsRisksFixed: 12 };
    const sub = await readBack(writeAnnex2Docx({ prefecture: "岳阳市", values }), "岳阳.docx");
    const ind = checkAll([], { 岳阳市: sub.indicators! }, defaultSettings(2024)).filter(
      (f) => f.column === "评估发现风险已整改（项）"
    );
    expect(ind.map((f) => [f.code, describeLocation(f)])).toEqual([
      ["IND", "文件 岳阳.docx，重点任务完成情况，第 4 段，“评估发现风险已整改（项）”"],
    ]);
  });
});

describe("annex2DocxForPrefecture: the chain", () => {
  it("a clerk's 附件2 read, written again, reads the same (values, header, lists)", async () => {
    const name = "pd_annex2.docx";
    const first = await readBack(load(path.join(__dirname, "..", "annex", name)), name);
    const ind = first.indicators!;
    const again = await readBack(annex2DocxForPrefecture(first.prefecture, ind, first.meta), name);
    expect(again.prefecture).toBe(first.prefecture);
    expect(again.meta).toEqual(first.meta);
    expect(again.indicators!.values).toEqual(ind.values);
    expect(again.indicators!.header).toEqual(ind.header);
    expect(again.indicators!.lists).toEqual(ind.lists);
    expect(again.indicators!.cells).toEqual(ind.cells);
    // the one finding of the clerk's file (talents "若干") does not come back: that blank is now empty
    expect(first.findings.map((f) => f.column)).toEqual(["选拔培养网络安全专业人才（名）"]);
    expect(again.findings).toEqual([]);
  });

  it("the submission's meta fills what the header lacks", async () => {
    const bytes = annex2DocxForPrefecture("常德市", null, {
      recommender: "常德市工业和信息化局",
      date: "2024年12月20日",
      contact: "王敏",
      phone: "0736-7788990",
    });
    const sub = await readBack(bytes);
    expect(sub.prefecture).toBe("常德市");
    expect(sub.meta).toEqual({
      recommender: "常德市工业和信息化局",
      date: "2024-12-20",
      contact: "王敏",
      phone: "0736-7788990",
    });
    expect(sub.indicators!.values).toEqual(fullValues({}));
  });
});
