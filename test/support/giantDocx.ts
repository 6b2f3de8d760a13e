/**
 * A Word document of about `bytes` bytes that is one giant paragraph: a real form's cover (so the reader takes it for
 * a 申报表) followed by one paragraph of runs of Chinese and Latin text, as Word writes a pasted report (a run per
 * change of font). document.xml is stored, not deflated, so the file is as large as the XML. Deterministic.
 * Used by test/io/docx/giantParagraph.test.ts and `npm run bench`.
 */
import { strToU8, zipSync } from "fflate";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const TEXT =
  "本企业围绕工业互联网安全分类分级管理开展自主定级，部署分级防护措施并完成符合性评测，" +
  "Industrial control systems were assessed against 33 baseline items; 风险隐患整改闭环。";

export function giantParagraphDocx(bytes: number): Uint8Array {
  const head =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>` +
    `<w:p><w:r><w:t>护航新型工业化网络安全典型案例申报表</w:t></w:r></w:p>` +
    `<w:p><w:r><w:t>案例名称：工业互联网安全分类分级管理实践</w:t></w:r></w:p>` +
    `<w:p><w:r><w:t>申报单位（盖章）：湖南某某智能制造有限公司</w:t></w:r></w:p><w:p>`;
  const tail = "</w:p><w:sectPr/></w:body></w:document>";
  const runs: string[] = [];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const run =
      i % 2 === 0
        ? `<w:r><w:t xml:space="preserve">${TEXT}${i} </w:t></w:r>`
        : `<w:r><w:rPr><w:b/></w:rPr><w:t>${TEXT}</w:t></w:r>`;
    runs.push(run);
    size += Buffer.byteLength(run);
  }
  const document = strToU8(head + runs.join("") + tail);
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    ),
    "word/document.xml": [document, { level: 0 }],
  });
}
