/**
 * Directions in every form the notice (湘工信信软〔2024〕469号) and the clerks use, split from and written back to the
 * 附件3 "案例申报方向和简述" cell once and canonically ("方向名称：简述").
 */
import fc from "fast-check";
import { DIRECTIONS, type DirectionName } from "../../src/core/vocabulary";
import {
  joinDirectionCell,
  parseDirection,
  parseDirectionHead,
  splitDirectionCell,
} from "../../src/core/directionText";

const D1 = "工业互联网安全分类分级案例";
const D2 = "车联网网络安全防护案例";
const D3 = "工业控制系统安全评估案例";
const D4 = "工业控制产品漏洞治理案例";
const D5 = "网络安全威胁监测服务案例";

const split = (s: string) => {
  const r = splitDirectionCell(s);
  return [r.direction, r.head, r.summary];
};

describe("the 方向和简述 cell", () => {
  it("the notice's own heading style: （一）…方向：", () => {
    expect(split("（一）工业互联网安全分类分级方向：完成自主定级为二级")).toEqual([
      D1,
      "（一）工业互联网安全分类分级方向",
      "完成自主定级为二级",
    ]);
    expect(split("（二）车联网网络安全防护方向：建成车云协同防护")).toEqual([
      D2,
      "（二）车联网网络安全防护方向",
      "建成车云协同防护",
    ]);
    expect(split("（三）工业控制系统安全评估方向：对12条产线PLC开展评估")).toEqual([
      D3,
      "（三）工业控制系统安全评估方向",
      "对12条产线PLC开展评估",
    ]);
    expect(split("（四）工业控制产品漏洞治理方向——建立漏洞闭环机制")).toEqual([
      D4,
      "（四）工业控制产品漏洞治理方向",
      "建立漏洞闭环机制",
    ]);
    expect(split("(五)网络安全威胁监测服务方向:监测园区专线流量")).toEqual([
      D5,
      "(五)网络安全威胁监测服务方向",
      "监测园区专线流量",
    ]);
  });

  it("the notice's wording with 安全 and without 案例", () => {
    expect(split("工业控制产品安全漏洞治理：建立闭环")).toEqual([
      D4,
      "工业控制产品安全漏洞治理",
      "建立闭环",
    ]);
    expect(split("网络安全威胁监测服务：监测120家企业")).toEqual([
      D5,
      "网络安全威胁监测服务",
      "监测120家企业",
    ]);
    expect(split("网络安全威胁监测服务案例 监测园区")).toEqual([
      D5,
      "网络安全威胁监测服务案例",
      "监测园区",
    ]);
  });

  it("方向一 / 方向1 / 方向：…；简述：… / 【…】 / circled and Chinese numerals / the number alone", () => {
    expect(split("方向一：车联网网络安全防护；简述：建成车云防护")).toEqual([
      D2,
      "方向一：车联网网络安全防护",
      "建成车云防护",
    ]);
    expect(split("方向1：完成定级")).toEqual([D1, "方向1", "完成定级"]);
    expect(split("方向二 建成防护")).toEqual([D2, "方向二", "建成防护"]);
    expect(split("方向：3；简述：完成评估")).toEqual([D3, "3", "完成评估"]);
    expect(split("申报方向：车联网网络安全防护案例 简述：建成")).toEqual([
      D2,
      "车联网网络安全防护案例",
      "建成",
    ]);
    expect(split("【工业控制产品安全漏洞治理】闭环处置")).toEqual([
      D4,
      "工业控制产品安全漏洞治理",
      "闭环处置",
    ]);
    expect(split("【3】完成评估")).toEqual([D3, "3", "完成评估"]);
    expect(split("①工业互联网安全分类分级：完成定级")).toEqual([
      D1,
      "①工业互联网安全分类分级",
      "完成定级",
    ]);
    expect(split("②：建成防护")).toEqual([D2, "②", "建成防护"]);
    expect(split("三、工业控制系统安全评估：完成")).toEqual([
      D3,
      "三、工业控制系统安全评估",
      "完成",
    ]);
    expect(split("一、完成定级")).toEqual([D1, "一", "完成定级"]);
    expect(split("（一）：完成定级")).toEqual([D1, "一", "完成定级"]);
    expect(split("第五类：监测园区")).toEqual([D5, "第五类", "监测园区"]);
    expect(split("5")).toEqual([D5, "5", ""]);
  });

  it("full-width forms and Kangxi radicals copied from PDFs", () => {
    expect(split("３．完成评估")).toEqual([D3, "３", "完成评估"]);
    expect(split("（３）完成评估")).toEqual([D3, "３", "完成评估"]);
    expect(split("⼯业互联⽹安全分类分级案例：完成定级")).toEqual([
      D1,
      "⼯业互联⽹安全分类分级案例",
      "完成定级",
    ]);
    expect(split("【⻋联⽹⽹络安全防护】建成")).toEqual([D2, "⻋联⽹⽹络安全防护", "建成"]);
  });

  it("the 简述 never keeps a repeated direction nor a dangling dash or colon", () => {
    expect(split("工业控制系统安全评估——实现评估全覆盖")).toEqual([
      D3,
      "工业控制系统安全评估",
      "实现评估全覆盖",
    ]);
    expect(split("工业控制系统安全评估－实现评估")[2]).toBe("实现评估");
    expect(split("工业控制系统安全评估案例：工业控制系统安全评估 实现评估全覆盖")[2]).toBe(
      "实现评估全覆盖"
    );
    expect(split("工业控制系统安全评估案例：工业控制系统安全评估——实现评估")[2]).toBe("实现评估");
    expect(split("工业互联网安全分类分级案例：：完成定级")[2]).toBe("完成定级");
    expect(split("工业互联网安全分类分级案例企业完成三级定级")).toEqual([
      D1,
      "工业互联网安全分类分级案例",
      "企业完成三级定级",
    ]);
  });

  it("what is not a head stays in the 简述", () => {
    expect(split("3条产线完成评估")).toEqual([null, "", "3条产线完成评估"]);
    expect(split("1.5G专网安全建设")).toEqual([null, "", "1.5G专网安全建设"]);
    expect(split("①建成防护②部署监测")).toEqual([null, "", "①建成防护②部署监测"]);
    expect(split("（一）完成定级；（二）部署监测")).toEqual([
      null,
      "",
      "（一）完成定级；（二）部署监测",
    ]);
    expect(split("完成分类分级定级与防护，建立安全管理制度")).toEqual([
      null,
      "",
      "完成分类分级定级与防护，建立安全管理制度",
    ]);
    expect(split("开展威胁监测：覆盖园区企业")).toEqual([null, "", "开展威胁监测：覆盖园区企业"]);
    // a full name running into the sentence names the direction; the sentence keeps its words
    expect(split("车联网网络安全防护体系建设全面完成")).toEqual([
      D2,
      "车联网网络安全防护",
      "车联网网络安全防护体系建设全面完成",
    ]);
  });

  it("a labelled direction nobody knows is kept for the message", () => {
    expect(split("方向：数据安全；简述：建立制度")).toEqual([null, "数据安全", "建立制度"]);
  });

  it("heads that start with a tortoise-shell bracket, the long label or a full-width square bracket", () => {
    expect(split("〔3〕完成评估")).toEqual([D3, "3", "完成评估"]);
    expect(split("〔三〕：完成评估")).toEqual([D3, "三", "完成评估"]);
    expect(split("案例申报方向和简述：车联网网络安全防护；建成车云防护")).toEqual([
      D2,
      "车联网网络安全防护",
      "建成车云防护",
    ]);
    expect(split("申报方向：4；简述：建立闭环")).toEqual([D4, "4", "建立闭环"]);
    expect(split("［5］监测园区专线流量")).toEqual([D5, "5", "监测园区专线流量"]);
    // a 简述 that repeats the direction in these ways loses it
    expect(split("工业控制系统安全评估案例：〔三〕工业控制系统安全评估方向：完成评估")[2]).toBe(
      "完成评估"
    );
    expect(split("工业控制系统安全评估案例：案例申报方向：工业控制系统安全评估；完成评估")[2]).toBe(
      "完成评估"
    );
  });
});

describe("writing the cell back", () => {
  it("once and canonically, from what was read", () => {
    for (const cell of [
      "工业控制系统安全评估案例：工业控制系统安全评估 实现评估全覆盖",
      "工业控制系统安全评估——实现评估全覆盖",
      "（三）工业控制系统安全评估方向：实现评估全覆盖",
      "方向：工业控制系统安全评估；简述：实现评估全覆盖",
      "【工控评估】实现评估全覆盖",
      "3.实现评估全覆盖",
    ]) {
      const r = splitDirectionCell(cell);
      expect(joinDirectionCell(r.direction, r.summary)).toBe(
        "工业控制系统安全评估案例：实现评估全覆盖"
      );
    }
  });

  it("a 简述 handed in with the direction still in front loses it", () => {
    expect(joinDirectionCell(D3, "工业控制系统安全评估 实现评估")).toBe(`${D3}：实现评估`);
    expect(joinDirectionCell(D3, "——实现评估")).toBe(`${D3}：实现评估`);
    expect(joinDirectionCell(D3, "：")).toBe(D3);
    expect(joinDirectionCell(D3, "")).toBe(D3);
    // the clerk's own numbered list is not a direction
    expect(joinDirectionCell(D3, "3.建立评估机制")).toBe(`${D3}：3.建立评估机制`);
    // another direction's name is the clerk's text, not ours to drop
    expect(joinDirectionCell(D1, "车联网网络安全防护：建成")).toBe(
      `${D1}：车联网网络安全防护：建成`
    );
    expect(joinDirectionCell(null, " 建成 ")).toBe("建成");
  });
});

describe("a direction in a cell of its own", () => {
  it("every spelling", () => {
    const cases: Array<[string, DirectionName | null]> = [
      ["（一）", D1],
      ["(3)", D3],
      ["方向一", D1],
      ["方向 4", D4],
      ["①", D1],
      ["三", D3],
      ["Ⅲ", D3],
      ["第三", D3],
      ["3", D3],
      ["３", D3],
      ["工业控制产品安全漏洞治理", D4],
      ["网络安全威胁监测服务", D5],
      ["（一）工业互联网安全分类分级方向", D1],
      ["⼯控评估", D3],
      ["车联网", D2],
      ["漏洞治理案例", D4],
      ["/", null],
      ["无", null],
      ["数据安全", null],
      ["", null],
    ];
    for (const [text, want] of cases) expect([text, parseDirection(text)]).toEqual([text, want]);
  });

  it("a head is a direction and nothing more", () => {
    expect(parseDirectionHead("（三）工业控制系统安全评估方向：")).toBe(D3);
    expect(parseDirectionHead("方向2")).toBe(D2);
    expect(parseDirectionHead("完成分类分级定级")).toBeNull();
    expect(parseDirectionHead("3条")).toBeNull();
  });
});

describe("properties of the round trip (fast-check)", () => {
  const names = DIRECTIONS.map((d) => d.name);
  const piece = fc.oneof(
    fc.constantFrom(
      ...names,
      ...names.map((n) => n.replace(/案例$/, "")),
      "工业控制产品安全漏洞治理",
      "（三）工业控制系统安全评估方向",
      "【车联网】",
      "方向：",
      "简述：",
      "：",
      "；",
      "——",
      "－",
      " ",
      "3.",
      "（一）",
      "①",
      "完成定级",
      "对12条产线评估",
      "5G",
      "⼯业",
      "，"
    ),
    fc.string({ maxLength: 4 })
  );
  const summary = fc.array(piece, { maxLength: 8 }).map((a) => a.join(""));
  const direction = fc.constantFrom(...names);

  it("split → join → split is stable, and join gives the direction back", () => {
    fc.assert(
      fc.property(direction, summary, (d, s) => {
        const cell = joinDirectionCell(d, s);
        const once = splitDirectionCell(cell);
        expect(once.direction).toBe(d);
        const again = joinDirectionCell(once.direction, once.summary);
        expect(again).toBe(cell);
        expect(splitDirectionCell(again)).toEqual(once);
      }),
      { numRuns: 3000 }
    );
  });

  it("join never repeats the direction in front of the 简述", () => {
    fc.assert(
      fc.property(direction, summary, (d, s) => {
        const cell = joinDirectionCell(d, s);
        const body = cell.slice(d.length).replace(/^：/, "");
        const lead = splitDirectionCell(body);
        // what follows "方向：" is not the same direction named again, unless the name is the first words of the
        // clerk's sentence ("车联网网络安全防护体系建设…"), which are kept
        if (lead.direction === d && lead.summary !== body.trim())
          expect(lead.head).toMatch(/^[(（]?[0-9一二三四五①②③④⑤]/);
        expect(body).not.toMatch(/^[\s:：;；,，。.、\-—–－]/);
      }),
      { numRuns: 3000 }
    );
  });

  it("any cell with a direction, read and written back, reads the same", () => {
    // (a cell without a direction is written back as the clerk wrote it)
    fc.assert(
      fc.property(summary, (cell) => {
        const r = splitDirectionCell(cell);
        if (r.direction === null) return;
        const written = joinDirectionCell(r.direction, r.summary);
        const back = splitDirectionCell(written);
        expect(back.direction).toBe(r.direction);
        expect(back.summary).toBe(r.summary);
      }),
      { numRuns: 3000 }
    );
  });
});
