/**
 * Prefecture workbooks in the notice's heading style with N/A marks, PDF-copied names and filler: 湘潭 by openpyxl,
 * 衡阳 by LibreOffice Calc from HTML (generator: fixtures/make_notice_style.py). Before, such a file gave false REQ
 * errors on every notice-style head, a false R7 on every "/" level, and missed its real R2 and R7.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { mergeSubmissions } from "../../../src/core/merge";
import type { PrefectureSubmission } from "../../../src/core/model";
import { defaultSettings } from "../../../src/core/settings";
import { readWorkbook } from "../../../src/io/xlsx/readWorkbook";

const FIX = join(__dirname, "fixtures");
const D1 = "工业互联网安全分类分级案例";
const D2 = "车联网网络安全防护案例";
const D3 = "工业控制系统安全评估案例";
const D4 = "工业控制产品漏洞治理案例";
const D5 = "网络安全威胁监测服务案例";

async function read(name: string): Promise<PrefectureSubmission> {
  return readWorkbook(new Uint8Array(readFileSync(join(FIX, name))), name);
}

const fields = (s: PrefectureSubmission) =>
  s.records.map((r) => [
    r.source.row,
    r.enterprise,
    r.uscc,
    r.category,
    r.direction,
    r.directionRaw,
    r.level,
    r.levelRaw,
    r.summary,
    r.contact,
    r.date,
  ]);

describe("湘潭 (openpyxl): （一）…方向：, N/A marks, a Kangxi-radical name, filler", () => {
  it("reads every row's direction, level and 简述 as meant", async () => {
    const sub = await read("xiangtan_notice_style.xlsx");
    expect(sub.prefecture).toBe("湘潭市");
    expect(sub.findings).toEqual([]);
    expect(fields(sub)).toEqual([
      [
        4,
        "湘潭电气工业有限公司",
        "91430300MA4L00011X",
        "工业企业",
        D1,
        "（一）工业互联网安全分类分级方向",
        "二级",
        "二级",
        "完成自主定级为二级，部署边界防护与安全监测。",
        "王芳",
        "2024-12-05",
      ],
      [
        5,
        "湘潭钢联冷轧有限公司",
        "91430300MA4L0002XM",
        "工业企业",
        D3,
        "（三）工业控制系统安全评估方向",
        null,
        "",
        "对照33项基线完成评估，整改风险21项。",
        "李强",
        null,
      ],
      [
        6,
        "湘潭网盾安全技术有限公司",
        "91430300MA4L00038M",
        "网络安全企业",
        D4,
        "（四）工业控制产品漏洞治理方向",
        null,
        "",
        "发现并验证工控产品漏洞12个，全部完成修复。",
        "赵敏",
        "2024-12-05",
      ],
      [
        7,
        "中国电信股份有限公司湘潭分公司",
        "91430300MA4L00046G",
        "基础电信企业",
        D5,
        "（五）网络安全威胁监测服务方向",
        null,
        "",
        "监测园区56家企业专线流量，通报事件31起。",
        "陈晨",
        "2024-12-05",
      ],
      [
        8,
        "湘潭Αβ智联科技有限公司",
        "91430300MA4L00054B",
        "车联网服务平台企业",
        D2,
        "方向二：车联网网络安全防护",
        "三级",
        "三级",
        "完成车联网平台定级备案和防护评测。",
        "孙磊",
        "2024-12-05",
      ],
      [
        9,
        "湘潭风电装备股份有限公司",
        "91430300MA4L000626",
        "工业控制产品厂商",
        D3,
        "（三）工业控制系统安全评估方向",
        null,
        "",
        "完成变流器控制系统评估。",
        "周婷",
        "2024-12-05",
      ],
      [
        10,
        "湘潭电⽓⼯业有限公司",
        "",
        "工业企业",
        D3,
        "（三）工业控制系统安全评估方向",
        null,
        "",
        "完成车间DCS评估，整改风险8项。",
        "王芳",
        "2024-12-05",
      ],
      [
        11,
        "湘潭焊材有限公司",
        "91430300MA4L00089X",
        "工业企业",
        D1,
        "①工业互联网安全分类分级",
        null,
        "",
        "完成自主定级与符合性评测。",
        "吴昊",
        "2024-12-05",
      ],
      [
        12,
        "湘潭电缆有限公司",
        "91430300MA4L00097Q",
        "工业企业",
        D1,
        "工业互联网安全分类分级案例",
        "一级",
        "一级",
        "建成电缆产线安全防护体系。",
        "/",
        "2024-12-05",
      ],
      [13, "＿＿", "", "工业企业", D1, "1", "二级", "二级", "完成定级备案。", "郑雪", "2024-12-05"],
      [
        14,
        "湖南金杯工业有限公司",
        "91430300MA4L001189",
        "工业企业",
        D1,
        "(一)工业互联网安全分类分级方向",
        "三级",
        "三级",
        "建成全厂安全运营中心。",
        "冯刚",
        "2024-12-05",
      ],
    ]);
  });
});

describe("衡阳 (LibreOffice from HTML): Kangxi radicals in the head and the name, N/A marks", () => {
  it("reads every row", async () => {
    const sub = await read("lo_hengyang_notice.xlsx");
    expect(sub.prefecture).toBe("衡阳市");
    expect(sub.findings).toEqual([]);
    expect(fields(sub)).toEqual([
      [
        4,
        "湖南⾦杯⼯业有限公司",
        "",
        "工业企业",
        D3,
        "（三）⼯业控制系统安全评估⽅向",
        null,
        "",
        "完成铸造车间控制系统评估，整改风险15项。",
        "蒋丽",
        null,
      ],
      [
        5,
        "衡阳变压器有限公司",
        "",
        "工业企业",
        D4,
        "工业控制产品安全漏洞治理",
        null,
        "",
        "修复自研控制器漏洞6个。",
        "Нelen刘",
        null,
      ],
      [
        6,
        "中国移动通信集团湖南有限公司衡阳分公司",
        "",
        "基础电信企业",
        D5,
        "网络安全威胁监测服务",
        null,
        "",
        "监测化工园区企业38家。",
        "——",
        null,
      ],
    ]);
  });
});

describe("the two merged: only the real problems", () => {
  it("the real R2 (within 湘潭 and across to 衡阳), the real R7s, the REQs, the look-alike warnings", async () => {
    const result = mergeSubmissions(
      [await read("xiangtan_notice_style.xlsx"), await read("lo_hengyang_notice.xlsx")],
      defaultSettings(2024)
    );
    const xt = "xiangtan_notice_style.xlsx";
    const hy = "lo_hengyang_notice.xlsx";
    expect(
      result.findings.map((f) => [f.code, f.severity, f.file, f.row, f.column, f.message])
    ).toEqual([
      [
        "R2",
        "error",
        xt,
        4,
        "G",
        `企业“湘潭电气工业有限公司”申报了 2 个方向（${D1}、${D3}）：每个申报主体只能申报 1 个方向。另见 ${D3}：湘潭市（${xt} 推荐汇总表 第 10 行）`,
      ],
      [
        "REQ",
        "warning",
        xt,
        8,
        "C",
        "“企业名称”“湘潭Αβ智联科技有限公司”中混有西里尔或希腊字母（“Α”“β”），外形像汉字或拉丁字母，实为其他字符，同一企业或案例会无法识别为同一个：请删除后用中文输入法或英文键盘重新输入",
      ],
      ["R7", "error", xt, 9, "E", `企业类别“工业控制产品厂商”不能申报“${D3}”：该方向面向工业企业`],
      ["REQ", "error", xt, 10, "D", "“统一社会信用代码”为空"],
      [
        "R2",
        "error",
        xt,
        10,
        "G",
        `企业“湘潭电⽓⼯业有限公司”申报了 2 个方向（${D1}、${D3}）：每个申报主体只能申报 1 个方向。另见 ${D1}：湘潭市（${xt} 推荐汇总表 第 4 行）`,
      ],
      ["R7", "error", xt, 11, "F", `申报“${D1}”须填写网络安全级别（三级/二级/一级）`],
      ["REQ", "error", xt, 12, "H", "“联系人”为空（只填了“/”）：请填写联系人"],
      ["REQ", "error", xt, 13, "C", "“企业名称”为空（只填了“＿＿”）：请填写企业名称"],
      ["REQ", "error", xt, 13, "D", "“统一社会信用代码”为空"],
      [
        "R2",
        "error",
        xt,
        14,
        "G",
        `企业“湖南金杯工业有限公司”申报了 2 个方向（${D1}、${D3}）：每个申报主体只能申报 1 个方向。另见 ${D3}：衡阳市（${hy} Sheet1 第 4 行）`,
      ],
      [
        "R2",
        "error",
        hy,
        4,
        "F",
        `企业“湖南⾦杯⼯业有限公司”申报了 2 个方向（${D1}、${D3}）：每个申报主体只能申报 1 个方向。另见 ${D1}：湘潭市（${xt} 推荐汇总表 第 14 行）`,
      ],
      [
        "REQ",
        "warning",
        hy,
        5,
        "G",
        "“联系人”“Нelen刘”中混有西里尔或希腊字母（“Н”），外形像汉字或拉丁字母，实为其他字符，同一企业或案例会无法识别为同一个：请删除后用中文输入法或英文键盘重新输入",
      ],
      ["REQ", "error", hy, 6, "G", "“联系人”为空（只填了“——”）：请填写联系人"],
    ]);
  });
});
