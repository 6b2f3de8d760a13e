/**
 * Writes one prefecture's sample workbook the way clerks really send them, rotating through three layouts:
 * 0. the official table with extra code/level columns under a merged title and the 推荐单位 / 日期 lines;
 * 1. a re-worded header (单位名称, 方向和简述, 联系电话) with full-width digits, a blank and a note row, behind a
 *    hidden instructions sheet;
 * 2. a separate 申报方向 column (its number typed as text) under a two-row header: 联系人 merged over 姓名 / 联系电话,
 *    the other labels merged down both rows.
 * Every workbook also carries the prefecture's 附件2 indicators as label/value pairs. Written with our own
 * SpreadsheetML writer (src/io/xlsx/ooxml): no spreadsheet library is needed at run time.
 */
import { INDICATOR_DEFS } from "../../core/indicatorDefs";
import { columnLetter } from "../../core/findings";
import { toHalfWidth } from "../../core/text";
import { directionByNo } from "../../core/vocabulary";
import type { CellValue } from "../../io/xlsx/ooxml/sheet";
import type { CellStyle } from "../../io/xlsx/ooxml/styles";
import { WorkbookWriter } from "../../io/xlsx/ooxml/workbook";
import type { SamplePrefecture, SampleRow } from "./sampleData";

const TITLE = "护航新型工业化网络安全典型案例推荐汇总表";

const TITLE_STYLE: CellStyle = {
  font: { name: "方正小标宋简体", size: 16, bold: true },
  alignment: { horizontal: "center", vertical: "center" },
};
const HEADER_STYLE: CellStyle = {
  font: { bold: true },
  border: "thin",
  alignment: { horizontal: "center", vertical: "center", wrapText: true },
};
const BODY_STYLE: CellStyle = { border: "thin", alignment: { vertical: "center", wrapText: true } };

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

const HEADERS: readonly (readonly (string | null)[])[] = [
  [
    "序号",
    "案例名称",
    "企业名称",
    "企业类别",
    "案例申报方向和简述（100字内）",
    "联系人",
    "联系方式",
    "统一社会信用代码",
    "网络安全级别",
  ],
  ["序号", "案例名称", "单位名称", "企业类别", "方向和简述", "联系人", "联系电话"],
  [
    "序号",
    "案例名称",
    "企业名称",
    "企业类别",
    "申报方向",
    "简述（100字内）",
    "联系人",
    null,
    "网络安全级别",
  ],
];

function cells(row: SampleRow, i: number, style: number): CellValue[] {
  if (style === 0)
    return [
      i + 1,
      row.caseName,
      row.enterprise,
      row.category,
      directionCell(row, 0),
      row.contact,
      row.phone,
      row.uscc,
      row.level,
    ];
  if (style === 1)
    return [
      i + 1,
      row.caseName,
      row.enterprise,
      row.category,
      directionCell(row, 1),
      row.contact,
      fullWidthDigits(row.phone),
    ];
  return [
    `${i + 1}`,
    row.caseName,
    row.enterprise,
    row.category,
    String(row.direction),
    directionCell(row, 2),
    row.contact,
    toHalfWidth(row.phone),
    row.level,
  ];
}

/** A prefecture's sample workbook in one of the three layouts clerks use (`layout` taken modulo 3). */
export async function writeSampleWorkbook(
  sample: SamplePrefecture,
  layout: number
): Promise<Uint8Array> {
  const style = ((layout % HEADERS.length) + HEADERS.length) % HEADERS.length;
  const wb = new WorkbookWriter({
    creator: sample.prefecture.name + "工业和信息化局",
    created: new Date(Date.UTC(2024, 11, 16)),
    application: "Microsoft Excel",
  });
  if (style === 1) {
    const help = wb.addSheet("填表说明");
    help.state = "hidden";
    help.row(1, ["请按推荐顺序填写，简述不超过100字。"]);
  }
  const ws = wb.addSheet(style === 1 ? "推荐表" : "附件3");
  const headers = HEADERS[style];
  const width = headers.length;
  const last = columnLetter(width);
  for (let c = 1; c <= width; c++) ws.column(c, { width: 18 });
  const header = ws.style(HEADER_STYLE);
  const body = ws.style(BODY_STYLE);
  ws.merge(`A1:${last}1`);
  ws.row(1, [TITLE], ws.style(TITLE_STYLE), { height: 30 });
  ws.row(2, [`推荐单位（盖章）：${sample.prefecture.name}工业和信息化局`]);
  ws.row(3, [`日期：${sample.date}`]);
  let r = 4;
  if (style === 2) {
    // two header rows: 联系人 over its two columns, every other label merged down
    headers.forEach((h, j) => {
      if (h !== null && h !== "联系人") ws.merge(`${columnLetter(j + 1)}4:${columnLetter(j + 1)}5`);
    });
    ws.merge("G4:H4");
    ws.row(4, [...headers], header);
    ws.row(5, [null, null, null, null, null, null, "姓名", "联系电话", null], header);
    r = 6;
  } else {
    ws.row(r++, [...headers], header);
  }
  sample.rows.forEach((row, i) => {
    ws.row(r++, cells(row, i, style), body);
    if (style === 1 && i === 1) r++; // a blank row left in the middle
  });
  if (style === 1) ws.row(r++, ["注：按推荐顺序排列。"]);
  ws.row(r++, [`联系人：${sample.contact}`]);
  ws.row(r++, [`手机 / 座机：${sample.phone}`]);

  const ind = wb.addSheet("附件2地区指标");
  ind.column(1, { width: 44 });
  ind.row(1, [`${sample.prefecture.name}护航新型工业化网络安全成效突出地区申报表（指标）`]);
  ind.row(2, ["申报单位名称", `${sample.prefecture.name}工业和信息化局`]);
  ind.row(3, ["是否组织开展工业互联网安全分类分级管理", "是"]);
  let k = 4;
  for (const def of INDICATOR_DEFS) {
    const v = sample.indicators[def.key];
    if (v === undefined) continue;
    ind.row(k++, [def.label, v, def.unit]);
  }
  return wb.toBytes();
}
