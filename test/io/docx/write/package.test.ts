/**
 * The .docx we write is one Word opens: every part well-formed and valid against the ISO/IEC 29500 Transitional
 * schemas (wml.xsd for the WordprocessingML parts — which fixes the child order of w:pPr, w:rPr, w:tblPr, w:tcPr,
 * w:sectPr, w:settings — the OPC schemas for content types, relationships and core properties, the extended-properties
 * schema for app.xml), every part with its content type, every relationship pointing at a part that exists.
 * The schemas are ../shared/ooxml-check/schemas; wml.xsd imports the markup-compatibility schema, which that set does
 * not carry: a stand-in declaring its one attribute wml.xsd uses (mc:Ignorable) is written beside it for the check.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import { writeAnnex2Docx } from "../../../../src/io/docx/write/annex2";
import { cell, para, text } from "../../../../src/io/docx/write/model";
import { docxParts, packDocx } from "../../../../src/io/docx/write/package";
import { table } from "../../../../src/io/docx/write/render";
import { requireTool } from "../../../cli/externalTools";
import { sharedPath } from "../../../support/shared";
import { HEADER, tempDir, valueSet } from "./support";

const DOCUMENTS: Array<[string, Uint8Array]> = [
  ["blank", writeAnnex2Docx()],
  [
    "filled",
    writeAnnex2Docx({
      prefecture: "株洲市",
      values: valueSet(0),
      header: HEADER,
      date: "2024-12-15",
      lists: { tier3: ["湖南甲有限公司", "湖南乙有限公司"], insurancePlans: ["保险方案一"] },
    }),
  ],
];

const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

function parse(xml: string, name: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== "warning") errors.push(`${name}: ${msg}`);
    },
  }).parseFromString(xml, "text/xml") as unknown as Document;
  expect(errors).toEqual([]);
  return doc;
}

const attrs = (doc: Document, ns: string, tag: string, ...names: string[]) =>
  Array.from(doc.getElementsByTagNameNS(ns, tag)).map((el) =>
    names.map((n) => el.getAttribute(n)!)
  );

describe.each(DOCUMENTS)("the %s 附件2", (_name, bytes) => {
  const parts = Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)])
  );

  it("holds the parts of a Word document, each well-formed, each with its content type", () => {
    expect(Object.keys(parts).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "docProps/app.xml",
      "docProps/core.xml",
      "word/_rels/document.xml.rels",
      "word/document.xml",
      "word/fontTable.xml",
      "word/footer1.xml",
      "word/footer2.xml",
      "word/settings.xml",
      "word/styles.xml",
    ]);
    for (const [name, xml] of Object.entries(parts)) {
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
      parse(xml, name);
    }
    const types = parse(parts["[Content_Types].xml"], "[Content_Types].xml");
    const overrides = new Map(
      attrs(types, CT_NS, "Override", "PartName", "ContentType").map(([p, t]) => [p, t])
    );
    const defaults = new Map(
      attrs(types, CT_NS, "Default", "Extension", "ContentType").map(([e, t]) => [e, t])
    );
    for (const name of Object.keys(parts)) {
      if (name === "[Content_Types].xml") continue;
      const type = overrides.get(`/${name}`) ?? defaults.get(name.split(".").pop()!);
      expect([name, type && type !== "application/xml"]).toEqual([name, true]);
    }
    expect(overrides.get("/word/document.xml")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    );
    // every override names a part that is there
    for (const p of overrides.keys()) expect(Object.keys(parts)).toContain(p.slice(1));
  });

  it("every relationship points at a part that exists; the body uses the footers it relates", () => {
    const targets = (relsPart: string, base: string) =>
      attrs(parse(parts[relsPart], relsPart), PKG_REL, "Relationship", "Id", "Type", "Target").map(
        ([id, type, target]) => ({
          id,
          type: type.split("/").pop(),
          part: path.posix.join(base, target),
        })
      );
    const top = targets("_rels/.rels", "");
    expect(top.map((r) => [r.type, r.part])).toEqual([
      ["officeDocument", "word/document.xml"],
      ["core-properties", "docProps/core.xml"],
      ["extended-properties", "docProps/app.xml"],
    ]);
    const doc = targets("word/_rels/document.xml.rels", "word");
    for (const r of [...top, ...doc]) expect(Object.keys(parts)).toContain(r.part);
    expect(new Set(doc.map((r) => r.id)).size).toBe(doc.length);
    const used = [...parts["word/document.xml"].matchAll(/r:id="([^"]+)"/g)].map((m) => m[1]);
    expect(used.sort()).toEqual(
      doc
        .filter((r) => r.type === "footer")
        .map((r) => r.id)
        .sort()
    );
  });

  it("validates against the ISO/IEC 29500 Transitional and OPC schemas", () => {
    if (!requireTool(spawnSync("xmllint", ["--version"]).status === 0, "xmllint (libxml2-utils)"))
      return;
    const schemas = sharedPath("ooxml-check", "schemas");
    const dir = tempDir();
    // the schema folder as wml.xsd expects it: ../mce/mc.xsd beside ISO-IEC29500-4_2016
    mkdirSync(path.join(dir, "schemas", "mce"), { recursive: true });
    symlinkSync(path.join(schemas, "ISO-IEC29500-4_2016"), path.join(dir, "schemas", "iso"));
    symlinkSync(path.join(schemas, "ecma"), path.join(dir, "schemas", "ecma"));
    symlinkSync(path.join(schemas, "dcmi"), path.join(dir, "schemas", "dcmi"));
    writeFileSync(
      path.join(dir, "schemas", "mce", "mc.xsd"),
      '<?xml version="1.0" encoding="UTF-8"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" ' +
        'targetNamespace="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
        'attributeFormDefault="qualified" elementFormDefault="qualified">' +
        '<xsd:attribute name="Ignorable" type="xsd:string"/></xsd:schema>'
    );
    const iso = path.join(dir, "schemas", "iso");
    const opc = path.join(schemas, "ecma", "fouth-edition");
    const schemaOf = (name: string): string => {
      if (name === "[Content_Types].xml") return path.join(opc, "opc-contentTypes.xsd");
      if (name.endsWith(".rels")) return path.join(opc, "opc-relationships.xsd");
      if (name === "docProps/core.xml") return path.join(opc, "opc-coreProperties.local.xsd");
      if (name === "docProps/app.xml")
        return path.join(iso, "shared-documentPropertiesExtended.xsd");
      return path.join(iso, "wml.xsd");
    };
    const failures: string[] = [];
    for (const [name, xml] of Object.entries(parts)) {
      const file = path.join(dir, name.replace(/[/[\]]/g, "_"));
      writeFileSync(file, xml);
      const r = spawnSync("xmllint", ["--noout", "--schema", schemaOf(name), file], {
        encoding: "utf8",
      });
      if (r.status !== 0) failures.push(`${name}: ${r.stderr}`);
    }
    expect(failures).toEqual([]);
  });

  it("run properties in the ECMA-376 order (ISO 29500 relaxed w:rPr to a choice; older Word expects the sequence)", () => {
    // the order is that of EG_RPrBase in wml.xsd itself, which lists the elements in the 1st edition's sequence
    const xsd = readFileSync(
      sharedPath("ooxml-check", "schemas", "ISO-IEC29500-4_2016", "wml.xsd"),
      "utf8"
    );
    const group = /<xsd:group name="EG_RPrBase">([\s\S]*?)<\/xsd:group>/.exec(xsd)![1];
    const order = [...group.matchAll(/name="(\w+)"/g)].map((m) => m[1]);
    expect(order.slice(0, 4)).toEqual(["rStyle", "rFonts", "b", "bCs"]);
    const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const wrong: string[] = [];
    let seen = 0;
    for (const name of ["word/document.xml", "word/styles.xml", "word/footer1.xml"]) {
      for (const rPr of Array.from(parse(parts[name], name).getElementsByTagNameNS(W, "rPr"))) {
        const kids = Array.from(rPr.childNodes)
          .filter((n) => n.nodeType === 1)
          .map((n) => (n as Element).localName);
        const at = kids.map((k) => order.indexOf(k));
        if (at.some((i, j) => i < 0 || (j > 0 && i <= at[j - 1])))
          wrong.push(`${name}: ${kids.join(",")}`);
        seen += 1;
      }
    }
    expect(seen).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });

  it("is A4 portrait with GB/T 9704 margins, no page number on the cover, 第 X 页 共 Y 页 after it", () => {
    const doc = parts["word/document.xml"];
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(doc).toContain(
      '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="850" w:footer="1417" w:gutter="0"/>'
    );
    expect(doc).toContain("<w:titlePg/>");
    const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const texts = (part: string, tag: string) =>
      Array.from(parse(parts[part], part).getElementsByTagNameNS(W, tag)).map((e) => e.textContent);
    expect(texts("word/footer1.xml", "t")).toEqual(["第 ", "1", " 页 共 ", "1", " 页"]);
    expect(texts("word/footer1.xml", "instrText")).toEqual([
      " PAGE \\* Arabic ",
      " NUMPAGES \\* Arabic ",
    ]);
    expect(texts("word/footer2.xml", "t")).toEqual([]);
    // the fonts of a government form, East Asian attributes set
    const styles = parts["word/styles.xml"];
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:eastAsia="黑体"');
    expect(doc).toContain('w:eastAsia="方正小标宋简体"');
  });
});

describe("the builder", () => {
  it("refuses a table whose rows do not fill its grid, or a merge with nothing above", () => {
    expect(() =>
      table({ kind: "table", columns: [100, 100], rows: [{ cells: [cell("a")] }] })
    ).toThrow("表格第 1 行占 1 列，表格共 2 列");
    expect(() =>
      table({
        kind: "table",
        columns: [100, 100],
        rows: [
          { cells: [cell("a"), cell("b")] },
          { cells: [cell([], { vMerge: "continue" }), cell("c")] },
        ],
      })
    ).toThrow("纵向合并单元格上方没有同宽的单元格");
  });

  it("keeps what XML cannot carry out of the part: controls and lone surrogates dropped, markup escaped", () => {
    const xml = docxParts({
      blocks: [para([text("a\u0001<b>&\ud800c\t d\ne")])],
      title: "t",
      creator: "c",
    })["word/document.xml"];
    parse(xml, "document.xml");
    expect(xml).toContain(
      '<w:r><w:t xml:space="preserve">a&lt;b&gt;&amp;c</w:t><w:tab/><w:t xml:space="preserve"> d</w:t><w:br/><w:t xml:space="preserve">e</w:t></w:r>'
    );
    expect(packDocx({ blocks: [], title: "t", creator: "c" })).toEqual(
      packDocx({ blocks: [], title: "t", creator: "c" })
    );
  });
});
