/** Minimal .xlsx packages built with fflate at test time (too big or too hostile to commit). */
import { strToU8, zipSync, type Zippable } from "fflate";

const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="推荐汇总表" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

const HEADER = [
  "序号",
  "案例名称",
  "企业名称",
  "企业类别",
  "案例申报方向和简述",
  "联系人",
  "联系方式",
];

function inline(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

/**
 * Sheet XML: the 附件3 header in row 1, then `rows` data rows of 7 cells each; with `numbered`, only the first two data
 * rows are full and the rest hold just a 序号 (a clerk filled the number down the whole column).
 */
export function annex3SheetXml(rows: number, numbered = false): string {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  parts.push(
    `<row r="1">${HEADER.map((h, i) => inline(String.fromCharCode(65 + i) + "1", h)).join("")}</row>`
  );
  for (let r = 2; r <= rows + 1; r++) {
    if (numbered && r > 3) {
      parts.push(`<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c></row>`);
      continue;
    }
    parts.push(
      `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c>${inline("B" + r, "案例" + r)}${inline("C" + r, "企业" + r + "有限公司")}${inline("D" + r, "工业企业")}` +
        `${inline("E" + r, "工业控制系统安全评估案例：评估")}${inline("F" + r, "张三")}${inline("G" + r, "13800000000")}</row>`
    );
  }
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}

export function xlsxPackage(sheetXml: string | Uint8Array, extra: Zippable = {}): Uint8Array {
  return zipSync(
    {
      "[Content_Types].xml": strToU8(CT),
      "_rels/.rels": strToU8(RELS),
      "xl/workbook.xml": strToU8(WB),
      "xl/_rels/workbook.xml.rels": strToU8(WB_RELS),
      "xl/worksheets/sheet1.xml": typeof sheetXml === "string" ? strToU8(sheetXml) : sheetXml,
      ...extra,
    },
    { level: 6 }
  );
}

function u32(d: Uint8Array, o: number): number {
  return (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16)) + d[o + 3] * 0x1000000;
}

/**
 * Rewrite the declared uncompressed size of one entry, in its local header and the central directory: a package
 * that lies about what it holds.
 */
export function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const nameBytes = strToU8(name);
  const matches = (at: number) => nameBytes.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = u32(out, i);
    if (sig === 0x04034b50 && matches(i + 30))
      new DataView(out.buffer).setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && matches(i + 46))
      new DataView(out.buffer).setUint32(i + 24, size, true);
  }
  return out;
}
