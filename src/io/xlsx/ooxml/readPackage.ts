/**
 * The workbook's table of contents: [Content_Types].xml, xl/workbook.xml and its relationships give the worksheets
 * (name, order, hidden / veryHidden, part path), the date system (date1904) and where the shared strings and styles
 * live. Charts and dialog sheets are left out: they hold no cells.
 */
import { attrsInto, nextTag, PartError, refuseDoctype, type Tag } from "./xmlScan";

export interface SheetEntry {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Part path inside the package, without a leading '/': "xl/worksheets/sheet1.xml" (look parts up lower-cased). */
  part: string;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;
const CT_NOT_WORKSHEET = /\.(chartsheet|dialogsheet)\+xml$/;

function newTag(): Tag {
  return { name: "", closing: false, selfClosing: false, start: 0, attrs: 0, end: 0 };
}

/** Each start tag named `name` in `xml`, with the wanted attributes read. */
function eachElement(
  xml: string,
  name: string,
  wanted: string[],
  visit: (a: Record<string, string | null>) => void
): void {
  const tag = newTag();
  const a: Record<string, string | null> = {};
  let pos = 0;
  while (nextTag(xml, pos, xml.length, tag)) {
    pos = tag.end + 1;
    if (tag.closing || tag.name !== name) continue;
    for (const w of wanted) a[w] = null;
    attrsInto(xml, tag.attrs, tag.end, a);
    visit(a);
  }
}

/** A relationship target resolved against the folder of the part that owns it ("xl/"), normalised. */
export function resolveTarget(baseFolder: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : baseFolder + target;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return decodeURIComponentSafe(out.join("/"));
}

function decodeURIComponentSafe(s: string): string {
  if (!s.includes("%")) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    // a stray '%' in a part name is taken literally, as Excel does
    return s;
  }
}

/** Part name → content type, from [Content_Types].xml overrides. */
export function readContentTypes(xml: string): Map<string, string> {
  refuseDoctype(xml, "[Content_Types].xml");
  const out = new Map<string, string>();
  eachElement(xml, "Override", ["PartName", "ContentType"], (a) => {
    if (a.PartName && a.ContentType)
      out.set(a.PartName.replace(/^\//, "").toLowerCase(), a.ContentType);
  });
  return out;
}

/**
 * The workbook's sheets and settings. `relsXml` is xl/_rels/workbook.xml.rels (null when missing: then the parts
 * are guessed by their usual names). Throws PartError for a DTD or a workbook without sheets.
 */
export function readWorkbookInfo(
  workbookXml: string,
  relsXml: string | null,
  contentTypes: Map<string, string> = new Map()
): WorkbookInfo {
  refuseDoctype(workbookXml, "xl/workbook.xml");
  if (relsXml !== null) refuseDoctype(relsXml, "xl/_rels/workbook.xml.rels");
  const rels = new Map<string, { type: string; target: string }>();
  let sharedStringsPart: string | null = null;
  let stylesPart: string | null = null;
  if (relsXml !== null) {
    eachElement(relsXml, "Relationship", ["Id", "Type", "Target", "TargetMode"], (a) => {
      if (!a.Id || !a.Target || a.TargetMode === "External") return;
      const target = resolveTarget("xl/", a.Target);
      const type = a.Type ?? "";
      rels.set(a.Id, { type, target });
      if (REL_SHARED_STRINGS.test(type)) sharedStringsPart ??= target;
      if (REL_STYLES.test(type)) stylesPart ??= target;
    });
  }

  let date1904 = false;
  eachElement(workbookXml, "workbookPr", ["date1904"], (a) => {
    date1904 = a.date1904 === "1" || a.date1904 === "true";
  });

  const sheets: SheetEntry[] = [];
  let n = 0;
  eachElement(workbookXml, "sheet", ["name", "state", "id", "sheetId"], (a) => {
    n++;
    const rel = a.id ? rels.get(a.id) : undefined;
    let part: string;
    if (rel) {
      if (!REL_WORKSHEET.test(rel.type) && rel.type !== "") return;
      part = rel.target;
    } else if (relsXml === null) {
      part = `xl/worksheets/sheet${a.sheetId ?? n}.xml`;
    } else {
      return; // a sheet without a relationship has no part to read
    }
    if (CT_NOT_WORKSHEET.test(contentTypes.get(part.toLowerCase()) ?? "")) return;
    const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
    sheets.push({ name: a.name ?? `Sheet${n}`, state, part });
  });
  if (n === 0) throw new PartError("corrupt", "xl/workbook.xml 中没有任何工作表");
  if (relsXml === null) {
    sharedStringsPart = "xl/sharedStrings.xml";
    stylesPart = "xl/styles.xml";
  }
  return { sheets, date1904, sharedStringsPart, stylesPart };
}
