/**
 * Writes one prefecture's sample workbook the way clerks really send them, rotating through three layouts:
 * the official table with extra code/level columns, a re-worded header with full-width digits, blank and note rows
 * behind a hidden instructions sheet, and a table with a separate 申报方向 column. Every workbook also carries the
 * prefecture's 附件2 indicators as label/value pairs.
 */
import ExcelJS from "exceljs";
import { INDICATOR_DEFS } from "../../core/indicatorDefs";
import { toHalfWidth } from "../../core/text";
import { directionByNo } from "../../core/vocabulary";
import type { SamplePrefecture, SampleRow } from "./sampleData";

const TITLE = "护航新型工业化网络安全典型案例推荐汇总表";

/** Full-width digits, as some clerks' input methods type them. */
function fullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

function directionCell(row: SampleRow, style: number): string {
  const d = directionByNo(row.direction)!;
  if (style === 1) return `【${d.name.replace(/案例$/, "")}】${row.summary}`;
  if (style === 2) return row.summary;
  return row.direction % 2 === 0
    ? `方向：${d.name}；简述：${row.summary}`
    : `${d.name}：${row.summary}`;
}

export async function writeSampleWorkbook(
  sample: SamplePrefecture,
  style: number
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = sample.prefecture.name + "工业和信息化局";
  wb.created = new Date(Date.UTC(2024, 11, 16));
  wb.modified = wb.created;
  if (style === 1) {
    const help = wb.addWorksheet("填表说明", { state: "hidden" });
    help.addRow(["请按推荐顺序填写，简述不超过100字。"]);
  }
  const ws = wb.addWorksheet(style === 1 ? "推荐表" : "附件3");
  const headers =
    style === 0
      ? [
          "序号",
          "案例名称",
          "企业名称",
          "企业类别",
          "案例申报方向和简述（100字内）",
          "联系人",
          "联系方式",
          "统一社会信用代码",
          "网络安全级别",
        ]
      : style === 1
        ? ["序号", "案例名称", "单位名称", "企业类别", "方向和简述", "联系人", "联系电话"]
        : [
            "序号",
            "案例名称",
            "企业名称",
            "企业类别",
            "申报方向",
            "简述（100字内）",
            "联系人",
            "联系方式",
            "网络安全级别",
          ];
  ws.addRow([TITLE]);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.addRow([`推荐单位（盖章）：${sample.prefecture.name}工业和信息化局`]);
  ws.addRow([`日期：${sample.date}`]);
  ws.addRow(headers);
  sample.rows.forEach((row, i) => {
    const order = style === 2 ? `${i + 1}` : i + 1;
    if (style === 0) {
      ws.addRow([
        order,
        row.caseName,
        row.enterprise,
        row.category,
        directionCell(row, 0),
        row.contact,
        row.phone,
        row.uscc,
        row.level,
      ]);
    } else if (style === 1) {
      ws.addRow([
        order,
        row.caseName,
        row.enterprise,
        row.category,
        directionCell(row, 1),
        row.contact,
        fullWidthDigits(row.phone),
      ]);
      if (i === 1) ws.addRow([]); // a blank row left in the middle
    } else {
      ws.addRow([
        order,
        row.caseName,
        row.enterprise,
        row.category,
        String(row.direction),
        directionCell(row, 2),
        row.contact,
        toHalfWidth(row.phone),
        row.level,
      ]);
    }
  });
  if (style === 1) ws.addRow(["注：按推荐顺序排列。"]);
  ws.addRow([`联系人：${sample.contact}`]);
  ws.addRow([`手机 / 座机：${sample.phone}`]);
  ws.columns.forEach((c) => (c.width = 18));

  const ind = wb.addWorksheet("附件2地区指标");
  ind.addRow([`${sample.prefecture.name}护航新型工业化网络安全成效突出地区申报表（指标）`]);
  ind.addRow(["申报单位名称", `${sample.prefecture.name}工业和信息化局`]);
  ind.addRow(["是否组织开展工业互联网安全分类分级管理", "是"]);
  for (const def of INDICATOR_DEFS) {
    const v = sample.indicators[def.key];
    if (v === undefined) continue;
    ind.addRow([def.label, v, def.unit]);
  }
  ind.getColumn(1).width = 44;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
