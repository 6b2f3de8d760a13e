/**
 * xl/sharedStrings.xml: the table of strings cells point at with t="s". Each <si> holds either one <t> or rich-text
 * runs <r><rPr/><t/></r>; phonetic guides (<rPh>, furigana) are not part of the visible text. Text keeps its
 * whitespace as written; entities and Excel's _xHHHH_ escapes are decoded.
 */
import {
  decodeEntities,
  decodeExcelEscapes,
  elementText,
  nextTag,
  ownText,
  PartError,
  refuseDoctype,
  type Tag,
} from "./xmlScan";

/**
 * The visible text of a string item (<si> or a cell's <is>) whose start tag ends at `from` (its '>').
 * Returns the text and the index of the item's end tag.
 */
export function readStringItem(
  xml: string,
  from: number,
  limit: number,
  itemName: string
): { text: string; end: number } {
  const tag: Tag = { name: "", closing: false, selfClosing: false, start: 0, attrs: 0, end: 0 };
  let text = "";
  let pos = from + 1;
  let inPhonetic = 0;
  while (nextTag(xml, pos, limit, tag)) {
    pos = tag.end + 1;
    if (tag.name === "") continue;
    if (tag.closing) {
      if (tag.name === itemName && inPhonetic === 0)
        return { text: ownText(decodeExcelEscapes(text)), end: tag.start };
      if (tag.name === "rPh") inPhonetic--;
      continue;
    }
    if (tag.selfClosing) continue;
    if (tag.name === "rPh") inPhonetic++;
    else if (tag.name === "t") {
      const t = elementText(xml, tag.end, "t", limit);
      if (inPhonetic === 0) text += t.text;
      pos = t.end;
    }
  }
  throw new PartError("corrupt", `<${itemName}> 没有结束`);
}

const PRESERVE = '<t xml:space="preserve">';

/**
 * Where the text of an item starts when the item opens with a plain `<t>` or `<t xml:space="preserve">` at `at`;
 * else -1. Such an item with no markup up to "</t></si>" has that text alone (what readStringItem gives it).
 */
function plainTextStart(xml: string, at: number): number {
  if (xml.startsWith("<t>", at)) return at + 3;
  if (xml.startsWith(PRESERVE, at)) return at + PRESERVE.length;
  return -1;
}

/** All strings of the shared string table, in order. */
export function readSharedStrings(xml: string, part = "xl/sharedStrings.xml"): string[] {
  refuseDoctype(xml, part);
  const out: string[] = [];
  const tag: Tag = { name: "", closing: false, selfClosing: false, start: 0, attrs: 0, end: 0 };
  let pos = 0;
  const limit = xml.length;
  try {
    while (nextTag(xml, pos, limit, tag)) {
      pos = tag.end + 1;
      if (tag.name !== "si" || tag.closing) continue;
      if (tag.selfClosing) {
        out.push("");
        continue;
      }
      // most items are one plain <t> (Excel, WPS, openpyxl, our writer): taken straight from between the tags
      const from = plainTextStart(xml, tag.end + 1);
      const lt = from < 0 ? -1 : xml.indexOf("<", from);
      if (lt >= 0 && lt < limit && xml.startsWith("</t></si>", lt)) {
        out.push(ownText(decodeExcelEscapes(decodeEntities(xml.slice(from, lt)))));
        pos = lt + 4; // at </si>
        continue;
      }
      const item = readStringItem(xml, tag.end, limit, "si");
      out.push(item.text);
      pos = item.end;
    }
  } catch (e) {
    if (e instanceof PartError) throw new PartError(e.kind, `${part} 已损坏：${e.message}`);
    throw e;
  }
  return out;
}
