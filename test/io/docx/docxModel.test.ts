/**
 * The document model reads only what Word shows, on hand-written WordprocessingML for what no generator here writes:
 * each case pinned on its own (hidden text through styles, field codes and results, 带圈字符 variants, symbol fonts,
 * placeholders, joined paragraphs), and Strict OOXML forms (shown/make_strict.py) read like their Transitional copies.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { eqGlyph, readBody, readHiddenStyles, type DocBlock } from "../../../src/io/docx/docxModel";
import { readApplicationsDocx } from "../../../src/io/docx/readApplication";
import { decodeRunText, symbolFont } from "../../../src/io/docx/symbols";
import { parseXml } from "../../../src/io/docx/xml";

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';

function body(xml: string, styles?: string): DocBlock[] {
  const doc = parseXml(`<w:document ${NS}><w:body>${xml}</w:body></w:document>`, "document.xml");
  return readBody(
    doc,
    styles ? readHiddenStyles(parseXml(`<w:styles ${NS}>${styles}</w:styles>`, "s")) : undefined
  );
}
const text = (xml: string, styles?: string) =>
  body(xml, styles).map((b) => (b.kind === "p" ? b.text : "[table]"));
const r = (t: string, rPr = "") =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
const fld = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
const instr = (t: string, rPr = "") =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:instrText xml:space="preserve">${t}</w:instrText></w:r>`;

describe("hidden text", () => {
  it("w:vanish hides a run; w:vanish w:val=0 (or false) shows it", () => {
    expect(
      text(
        p(
          r("甲"),
          r("乙", "<w:vanish/>"),
          r("丙", '<w:vanish w:val="0"/>'),
          r("丁", '<w:vanish w:val="false"/>')
        )
      )
    ).toEqual(["甲丙丁"]);
  });

  it("a character style that hides, directly or through w:basedOn, and a run that overrides it", () => {
    const styles =
      '<w:style w:type="character" w:styleId="Base"><w:rPr><w:vanish/></w:rPr></w:style>' +
      '<w:style w:type="character" w:styleId="Note"><w:basedOn w:val="Base"/></w:style>' +
      '<w:style w:type="character" w:styleId="Shown"><w:basedOn w:val="Base"/><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>';
    expect(
      text(
        p(
          r("甲"),
          r("乙", '<w:rStyle w:val="Note"/>'),
          r("丙", '<w:rStyle w:val="Shown"/>'),
          r("丁", '<w:rStyle w:val="Note"/><w:vanish w:val="0"/>')
        ),
        styles
      )
    ).toEqual(["甲丙丁"]);
  });

  it("a paragraph style that hides its runs; a hidden or deleted paragraph mark joins the next paragraph", () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Hidden"><w:rPr><w:vanish/></w:rPr></w:style>';
    expect(
      text(
        `<w:p><w:pPr><w:pStyle w:val="Hidden"/></w:pPr>${r("看不见")}</w:p>` +
          `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>${r("案例名称：")}</w:p>` +
          p(r("钢铁安全")) +
          `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>${r("甲")}</w:p>` +
          p(r("乙")),
        styles
      )
    ).toEqual(["", "案例名称：钢铁安全", "甲乙"]);
  });

  it("the styles of a document are read only when they hide something", () => {
    expect(
      readHiddenStyles(
        parseXml(`<w:styles ${NS}><w:style w:type="paragraph" w:styleId="Normal"/></w:styles>`, "s")
      )
    ).toEqual({
      paragraph: new Set(),
      character: new Set(),
      byDefault: false,
    });
  });
});

describe("fields", () => {
  it("a field's code is not shown, its result is (FORMTEXT, HYPERLINK, PAGE)", () => {
    expect(
      text(
        p(
          r("联系人："),
          fld("begin"),
          instr(" FORMTEXT "),
          fld("separate"),
          r("张三"),
          fld("end")
        ) +
          p(
            fld("begin"),
            instr(' HYPERLINK "http://example.invalid" '),
            fld("separate"),
            r("网站"),
            fld("end")
          ) +
          // a w:t inside the code part (some writers): not shown
          p(fld("begin"), r("代码"), fld("separate"), r("结果"), fld("end"))
      )
    ).toEqual(["联系人：张三", "网站", "结果"]);
  });

  it.each([
    ["eq \\o\\ac(□,√)", "☑"],
    [" EQ \\o\\ac(○,√) ", "☑"],
    ["eq \\o\\ac(□,\\s\\up 1(√))", "☑"],
    ["eq \\o(□,✓)", "☑"],
    ["eq \\o\\ac(□,×)", "☒"],
    ["eq \\o\\ac(□, )", "☐"],
    ["eq \\o\\ac(○,1)", "1"],
    ["eq \\f(1,2)", null],
    ["PAGE", null],
  ])("%s → %s", (code, glyph) => {
    expect(eqGlyph(code)).toBe(glyph);
  });

  it("a 带圈字符 tick split over runs, with a cached result, or in a symbol font", () => {
    const wd2 = '<w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/>';
    expect(
      text(
        // Word: the code over three runs, no result
        p(
          fld("begin"),
          instr("eq \\o\\ac("),
          instr("□", '<w:position w:val="-4"/>'),
          instr(",√)"),
          fld("end"),
          r("国有企业")
        ) +
          // a cached result is not read again
          p(
            fld("begin"),
            instr("eq \\o\\ac(□,√)"),
            fld("separate"),
            r("√"),
            fld("end"),
            r("民营企业")
          ) +
          // the tick typed in Wingdings 2 ("P" = ✓) inside the code
          p(
            fld("begin"),
            instr("eq \\o\\ac(□,"),
            instr("P", wd2),
            instr(")"),
            fld("end"),
            r("合资企业")
          ) +
          `<w:p><w:fldSimple w:instr=" EQ \\o\\ac(□,√) ">${r("√")}</w:fldSimple>${r("其他")}</w:p>`
      )
    ).toEqual(["☑国有企业", "☑民营企业", "☑合资企业", "☑其他"]);
  });

  it("a legacy FORMCHECKBOX is read from its state", () => {
    const box = (on: boolean) =>
      `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox>${on ? "<w:checked/>" : '<w:checked w:val="0"/>'}</w:checkBox></w:ffData></w:fldChar></w:r>${instr(" FORMCHECKBOX ")}${fld("end")}`;
    expect(text(p(box(true), r("是"), box(false), r("否")))).toEqual(["☑是☐否"]);
  });
});

describe("symbol fonts", () => {
  it.each([
    ["Wingdings 2", "R", "☑"],
    ["Wingdings 2", "£", "□"],
    ["Wingdings 2", "S", "☒"],
    ["Wingdings 2", "T", "☒"],
    ["Wingdings 2", "Q", "☒"],
    ["Wingdings 2", "P", "✓"],
    ["Wingdings 2", "O", "✗"],
    ["Wingdings 2", "*", "□"],
    ["Wingdings 2", "\uf052", "☑"],
    ["Wingdings 2", "\uf0a3", "□"],
    ["Wingdings", "\u00fe", "☑"],
    ["Wingdings", "\u00a8", "□"],
    ["Wingdings", "o", "□"],
    ["Wingdings", "x", "☒"],
    ["Wingdings", "\uf0fc", "✓"],
    ["Webdings", "a", "✔"],
    ["Webdings", "c", "□"],
    ["Symbol", "\u00d6", "√"],
    ["Symbol", "0731-88", "0731-88"], // digits and punctuation are themselves in Symbol
    ["Symbol", "a", ""],
    ["Wingdings 2", "A", ""], // a picture of a symbol font is not text
  ])("%s %j → %s", (font, ch, glyph) => {
    const t = symbolFont(font);
    expect(decodeRunText(ch, { ascii: t, hAnsi: t, eastAsia: null })).toBe(glyph);
  });

  it("CJK text in a run set in a symbol font keeps its East Asian font", () => {
    const t = symbolFont("Wingdings 2");
    expect(decodeRunText("R国有企业 £民营企业", { ascii: t, hAnsi: t, eastAsia: t })).toBe(
      "☑国有企业 □民营企业"
    );
  });

  it("w:sym in any symbol font, private-use codes without a font, and a run in a text font", () => {
    expect(
      text(
        p(
          '<w:r><w:sym w:font="Wingdings 2" w:char="F052"/></w:r>',
          '<w:r><w:sym w:font="Webdings" w:char="0061"/></w:r>',
          '<w:r><w:sym w:font="Symbol" w:char="F0D6"/></w:r>',
          r("\uf0fe\uf0a8"),
          r("R", '<w:rFonts w:ascii="SimSun" w:hAnsi="SimSun"/>')
        )
      )
    ).toEqual(["☑✔√☑□R"]);
  });
});

describe("content controls", () => {
  it("a control showing its placeholder is empty, in a run, a block, a row or a cell", () => {
    const sdt = (inner: string, shown: boolean) =>
      `<w:sdt><w:sdtPr>${shown ? "<w:showingPlcHdr/>" : ""}</w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
    const blocks = body(
      p(r("联系人："), sdt(r("单击或点击此处输入文字。"), true)) +
        sdt(p(r("单击此处输入文字。")), true) +
        p(r("电话："), sdt(r("0731-1234"), false)) +
        // Word's placeholder text whose flag was lost
        p(r("传真："), sdt(r("单击或点击此处输入文字。"), false)) +
        `<w:tbl>${sdt(`<w:tr><w:tc>${p(r("示例行"))}</w:tc></w:tr>`, true)}<w:tr>${sdt(`<w:tc>${p(r("单击或点击此处输入文字。"))}</w:tc>`, true)}<w:tc>${p(r("值"))}</w:tc></w:tr></w:tbl>`
    );
    expect(blocks.slice(0, 4)).toEqual([
      { kind: "p", text: "联系人：" },
      { kind: "p", text: "" },
      { kind: "p", text: "电话：0731-1234" },
      { kind: "p", text: "传真：" },
    ]);
    const table = blocks[4];
    expect(table.kind === "table" && table.rows.map((row) => row.map((c) => c.text))).toEqual([
      [""],
      ["", "值"],
    ]);
  });

  it("a check-box control is read from its state, not from the glyph it shows", () => {
    const box = (v: string, glyph: string) =>
      `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${v}"/></w14:checkbox></w:sdtPr><w:sdtContent>${r(glyph)}</w:sdtContent></w:sdt>`;
    expect(text(p(box("1", "☐"), r("是"), box("0", "☒"), r("否")))).toEqual(["☑是☐否"]);
  });
});

describe("revisions and tables", () => {
  it("inserted and moved-to text is shown; deleted, moved-from and deleted rows and cells are not", () => {
    const rev = 'w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"';
    const blocks = body(
      p(
        `<w:del ${rev}><w:r><w:delText>旧</w:delText></w:r></w:del>`,
        `<w:ins ${rev}>${r("新")}</w:ins>`,
        `<w:moveFrom ${rev}>${r("甲")}</w:moveFrom>`,
        `<w:moveTo ${rev}>${r("乙")}</w:moveTo>`
      ) +
        `<w:tbl><w:tr><w:trPr><w:del ${rev}/></w:trPr><w:tc>${p(r("删行"))}</w:tc></w:tr>` +
        `<w:tr><w:tc><w:tcPr><w:cellDel ${rev}/></w:tcPr>${p(r("删格"))}</w:tc><w:tc>${p(r("留"))}</w:tc></w:tr></w:tbl>`
    );
    expect(blocks[0]).toEqual({ kind: "p", text: "新乙" });
    const t = blocks[1];
    expect(t.kind === "table" && t.rows.map((row) => row.map((c) => [c.text, c.gridCol]))).toEqual([
      [["留", 0]],
    ]);
  });

  it("ruby text: only the base is read", () => {
    expect(
      text(
        p(
          `<w:r><w:ruby><w:rt>${r("zhū")}</w:rt><w:rubyBase>${r("株")}</w:rubyBase></w:ruby></w:r>`,
          r("洲")
        )
      )
    ).toEqual(["株洲"]);
  });
});

describe("Strict OOXML", () => {
  const FIX = join(__dirname, "fixtures");
  const SHOWN = join(__dirname, "shown");
  it.each([
    ["strict_pd_form.docx", "pd_glyph_before.docx"],
    ["strict_lo_form.docx", "lo_form_ict.docx"],
  ])("%s reads like its Transitional original %s", async (strict, transitional) => {
    const a = await readApplicationsDocx(
      new Uint8Array(readFileSync(join(SHOWN, strict))),
      "x.docx"
    );
    const b = await readApplicationsDocx(
      new Uint8Array(readFileSync(join(FIX, transitional))),
      "x.docx"
    );
    expect(a.findings).toEqual([]);
    expect(a.applications).toHaveLength(1);
    expect(a.applications).toEqual(b.applications);
    expect(a.applications[0].unitName).not.toBe("");
  });
});
