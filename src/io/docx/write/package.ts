/**
 * A .docx package around a body of blocks (model.ts): [Content_Types].xml, the package and document relationships,
 * word/document.xml, styles.xml (the GB/T 9704 fonts: 仿宋_GB2312 body, 黑体 / 楷体_GB2312 headings, 三号 text on a
 * 28-point line), settings.xml, fontTable.xml (each Chinese font with the name Word falls back to where it is not
 * installed), a "第 X 页 共 Y 页" footer from PAGE / NUMPAGES fields (none on the cover), docProps core and app.
 * Zipped by fflate with every entry stamped at one fixed time, so the same document always gives the same bytes.
 */
import { strToU8, zipSync, type Zippable } from "fflate";
import { FONT_NAMES, LATIN_FONT, SIZE, field, mm, para, text, type Block } from "./model";
import { block, paragraph, sectPr, type PageSetup } from "./render";
import { escapeText, XML_DECL } from "./xml";

export const W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const WML_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/** Zip entry time; a local-time Date so the DOS date fields are the same in every time zone. */
const ZIP_MTIME = new Date(2000, 0, 1, 0, 0, 0);
/** The documents' created / modified time when no date is given. */
export const FIXED_TIME = "2000-01-01T00:00:00Z";

export interface DocxSpec {
  blocks: Block[];
  /** docProps/core.xml: the document's title and author. */
  title: string;
  creator: string;
  /** W3CDTF time of created / modified (FIXED_TIME when absent). */
  created?: string;
}

/** GB/T 9704: 天头 37 mm, 订口 28 mm, a 156 × 225 mm type area; the page number a line under it. */
export const GOVERNMENT_MARGINS: PageSetup["margins"] = {
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  header: mm(15),
  footer: mm(25),
};

/** The width of the type area in twips. */
export const TEXT_WIDTH = 11906 - GOVERNMENT_MARGINS.left - GOVERNMENT_MARGINS.right;

const FOOTER_PART = "word/footer1.xml";
const FIRST_FOOTER_PART = "word/footer2.xml";

const PARTS = [
  ["/word/document.xml", `${WML_CT}.document.main+xml`],
  ["/word/styles.xml", `${WML_CT}.styles+xml`],
  ["/word/settings.xml", `${WML_CT}.settings+xml`],
  ["/word/fontTable.xml", `${WML_CT}.fontTable+xml`],
  [`/${FOOTER_PART}`, `${WML_CT}.footer+xml`],
  [`/${FIRST_FOOTER_PART}`, `${WML_CT}.footer+xml`],
  ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
  ["/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"],
] as const;

function contentTypes(): string {
  return (
    XML_DECL +
    `<Types xmlns="${CT}">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    PARTS.map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`).join("") +
    "</Types>"
  );
}

function relationships(
  rels: ReadonlyArray<readonly [id: string, type: string, target: string]>
): string {
  return (
    XML_DECL +
    `<Relationships xmlns="${PKG_REL}">` +
    rels
      .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
      .join("") +
    "</Relationships>"
  );
}

const PACKAGE_RELS = relationships([
  ["rId1", `${REL}/officeDocument`, "word/document.xml"],
  [
    "rId2",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
    "docProps/core.xml",
  ],
  ["rId3", `${REL}/extended-properties`, "docProps/app.xml"],
]);

const DOCUMENT_RELS = relationships([
  ["rId1", `${REL}/styles`, "styles.xml"],
  ["rId2", `${REL}/settings`, "settings.xml"],
  ["rId3", `${REL}/fontTable`, "fontTable.xml"],
  ["rId4", `${REL}/footer`, "footer1.xml"],
  ["rId5", `${REL}/footer`, "footer2.xml"],
]);

function documentXml(blocks: readonly Block[]): string {
  const page: PageSetup = { margins: GOVERNMENT_MARGINS, footer: "rId4", firstFooter: "rId5" };
  return (
    XML_DECL +
    `<w:document xmlns:w="${W_MAIN}" xmlns:r="${R_NS}"><w:body>` +
    blocks.map(block).join("") +
    sectPr(page) +
    "</w:body></w:document>"
  );
}

function fonts(role: keyof typeof FONT_NAMES, sizePt: number, bold = false): string {
  const east = FONT_NAMES[role];
  const sz = sizePt * 2;
  return (
    `<w:rPr><w:rFonts w:ascii="${LATIN_FONT}" w:hAnsi="${LATIN_FONT}" w:eastAsia="${east}" w:cs="${LATIN_FONT}"/>` +
    (bold ? "<w:b/><w:bCs/>" : "") +
    `<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/></w:rPr>`
  );
}

/** Two characters of 三号 text: the indent of body paragraphs and headings. */
const INDENT_2 = '<w:ind w:firstLineChars="200" w:firstLine="640"/>';
/** GB/T 9704's 28-point line for 三号 text. */
const LINE_28 = '<w:spacing w:line="560" w:lineRule="exact"/>';

function stylesXml(): string {
  const style = (type: string, id: string, name: string, body: string, extra = "") =>
    `<w:style w:type="${type}"${extra} w:styleId="${id}"><w:name w:val="${name}"/>${body}</w:style>`;
  return (
    XML_DECL +
    `<w:styles xmlns:w="${W_MAIN}">` +
    "<w:docDefaults><w:rPrDefault><w:rPr>" +
    `<w:rFonts w:ascii="${LATIN_FONT}" w:hAnsi="${LATIN_FONT}" w:eastAsia="${FONT_NAMES.body}" w:cs="${LATIN_FONT}"/>` +
    `<w:kern w:val="2"/><w:sz w:val="${SIZE.三号 * 2}"/><w:szCs w:val="${SIZE.三号 * 2}"/>` +
    '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>' +
    "</w:rPr></w:rPrDefault>" +
    '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault>' +
    "</w:docDefaults>" +
    style(
      "paragraph",
      "Normal",
      "Normal",
      `<w:qFormat/><w:pPr>${LINE_28}</w:pPr>`,
      ' w:default="1"'
    ) +
    style(
      "character",
      "DefaultParagraphFont",
      "Default Paragraph Font",
      '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>',
      ' w:default="1"'
    ) +
    style(
      "table",
      "TableNormal",
      "Normal Table",
      '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>' +
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>',
      ' w:default="1"'
    ) +
    style(
      "paragraph",
      "Heading1",
      "heading 1",
      '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>' +
        `<w:pPr><w:keepNext/>${LINE_28}${INDENT_2}<w:outlineLvl w:val="0"/></w:pPr>${fonts("heading", SIZE.三号)}`
    ) +
    style(
      "paragraph",
      "Heading2",
      "heading 2",
      '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>' +
        `<w:pPr><w:keepNext/>${LINE_28}${INDENT_2}<w:outlineLvl w:val="1"/></w:pPr>${fonts("kai", SIZE.三号)}`
    ) +
    style(
      "paragraph",
      "TableText",
      "表格文字",
      '<w:basedOn w:val="Normal"/><w:qFormat/>' +
        '<w:pPr><w:spacing w:line="400" w:lineRule="exact"/><w:jc w:val="left"/></w:pPr>' +
        fonts("body", SIZE.小四)
    ) +
    style(
      "paragraph",
      "Footer",
      "footer",
      '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>' +
        '<w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>' +
        fonts("song", SIZE.四号)
    ) +
    "</w:styles>"
  );
}

function settingsXml(): string {
  return (
    XML_DECL +
    `<w:settings xmlns:w="${W_MAIN}">` +
    '<w:zoom w:percent="100"/>' +
    '<w:defaultTabStop w:val="420"/>' +
    '<w:characterSpacingControl w:val="compressPunctuation"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>' +
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>' +
    "</w:settings>"
  );
}

/** Each font with the name Word uses where it is not installed (仿宋_GB2312 → 仿宋 on a current Windows). */
const FONT_TABLE: ReadonlyArray<{
  name: string;
  alt?: string;
  charset: string;
  family: string;
  pitch: string;
}> = [
  { name: LATIN_FONT, charset: "00", family: "roman", pitch: "variable" },
  { name: FONT_NAMES.body, alt: "仿宋", charset: "86", family: "modern", pitch: "fixed" },
  { name: FONT_NAMES.title, alt: "宋体", charset: "86", family: "script", pitch: "default" },
  { name: FONT_NAMES.heading, alt: "SimHei", charset: "86", family: "modern", pitch: "fixed" },
  { name: FONT_NAMES.kai, alt: "楷体", charset: "86", family: "modern", pitch: "fixed" },
  { name: FONT_NAMES.song, alt: "SimSun", charset: "86", family: "auto", pitch: "variable" },
  { name: FONT_NAMES.symbol, charset: "00", family: "swiss", pitch: "variable" },
];

function fontTableXml(): string {
  return (
    XML_DECL +
    `<w:fonts xmlns:w="${W_MAIN}">` +
    FONT_TABLE.map(
      (f) =>
        `<w:font w:name="${f.name}">${f.alt ? `<w:altName w:val="${f.alt}"/>` : ""}` +
        `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`
    ).join("") +
    "</w:fonts>"
  );
}

function footerXml(withNumber: boolean): string {
  const p = withNumber
    ? para([text("第 "), field("PAGE"), text(" 页 共 "), field("NUMPAGES"), text(" 页")], {
        style: "Footer",
      })
    : para([], { style: "Footer" });
  return XML_DECL + `<w:ftr xmlns:w="${W_MAIN}" xmlns:r="${R_NS}">${paragraph(p)}</w:ftr>`;
}

function coreXml(spec: DocxSpec): string {
  const time = spec.created ?? FIXED_TIME;
  return (
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeText(spec.title)}</dc:title>` +
    `<dc:creator>${escapeText(spec.creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${time}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${time}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

function appXml(): string {
  return (
    XML_DECL +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
    "<Application>护航汇总</Application><DocSecurity>0</DocSecurity>" +
    "</Properties>"
  );
}

/** The parts of the package by name (tests read them; packDocx zips them). */
export function docxParts(spec: DocxSpec): Record<string, string> {
  return {
    "[Content_Types].xml": contentTypes(),
    "_rels/.rels": PACKAGE_RELS,
    "word/document.xml": documentXml(spec.blocks),
    "word/_rels/document.xml.rels": DOCUMENT_RELS,
    "word/styles.xml": stylesXml(),
    "word/settings.xml": settingsXml(),
    "word/fontTable.xml": fontTableXml(),
    [FOOTER_PART]: footerXml(true),
    [FIRST_FOOTER_PART]: footerXml(false),
    "docProps/core.xml": coreXml(spec),
    "docProps/app.xml": appXml(),
  };
}

export function packDocx(spec: DocxSpec): Uint8Array {
  const files: Zippable = {};
  for (const [name, xml] of Object.entries(docxParts(spec)))
    files[name] = [strToU8(xml), { mtime: ZIP_MTIME, level: 6 }];
  return zipSync(files);
}
