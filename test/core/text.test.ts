/**
 * Text folding for matching (Kangxi radicals, compatibility ideographs, radicals supplement, full width), N/A marks,
 * filler-only and mixed-script names, and the R5 character count.
 */
import fc from "fast-check";
import { everyCodeUnit } from "../support/codeUnits";
import {
  normalizeCaseName,
  normalizeEnterpriseName,
  enterpriseKey,
} from "../../src/core/normalize";
import {
  codeUnitTest,
  countChars,
  isBlank,
  foldChar,
  foldHomoglyphs,
  hasMeaningfulText,
  isNotApplicable,
  mixedScriptLetters,
  optionalText,
  toHalfWidth,
} from "../../src/core/text";
import { parseCategory, parseLevel, parsePrefecture } from "../../src/core/vocabulary";
import { sameCaseName } from "../../src/core/duplicates";

describe("folding for comparison", () => {
  it("Kangxi radicals, compatibility ideographs and the radicals supplement fold to unified ideographs", () => {
    expect(toHalfWidth("⼯业")).toBe("工业");
    expect(toHalfWidth("⾦融")).toBe("金融");
    expect(toHalfWidth("湖南⻓沙⼤⼒")).toBe("湖南长沙大力");
    expect(toHalfWidth("⻔⻛⻜⻢⻋⻉⻅⻬⻓⻩⻘⻰⻳")).toBe("门风飞马车贝见齐长黄青龙龟");
    expect(toHalfWidth("\uf900\uf92c\ufa10")).toBe("豈郎塚"); // CJK compatibility ideographs
    expect(toHalfWidth("\u{2f800}\u{2f81a}")).toBe("丽冬"); // compatibility supplement
    expect(toHalfWidth("（ＡＢＣ）１２　")).toBe("(ABC)12 ");
  });

  it("does not fold what a comparison must keep apart (NFKC would)", () => {
    for (const s of ["①", "…", "㈱", "™", "Ⅲ", "²", "ﬁ", "㎡", "·", "〇"])
      expect(toHalfWidth(s)).toBe(s);
    // unified ideographs inside the compatibility block (U+FA0E 﨎, U+FA11 﨑) stay
    expect(toHalfWidth("\ufa0e\ufa11")).toBe("\ufa0e\ufa11");
  });

  it("maps one code point to one code point, and is idempotent (fast-check)", () => {
    const cjkish = fc.oneof(
      fc.integer({ min: 0x2e80, max: 0x2fdf }),
      fc.integer({ min: 0xf900, max: 0xfaff }),
      fc.integer({ min: 0x2f800, max: 0x2fa1f }),
      fc.integer({ min: 0xff00, max: 0xffef }),
      fc.integer({ min: 0x4e00, max: 0x9fff }),
      fc.integer({ min: 0x20, max: 0x7e })
    );
    fc.assert(
      fc.property(fc.array(cjkish, { maxLength: 30 }), (cps) => {
        const s = String.fromCodePoint(...cps);
        const f = toHalfWidth(s);
        expect([...f].length).toBe(cps.length);
        expect(toHalfWidth(f)).toBe(f);
        for (const ch of [...f]) expect(foldChar(ch)).toBe(ch);
      }),
      { numRuns: 2000 }
    );
  });

  it("a name copied from a PDF matches the typed one: enterprise, case, vocabulary", () => {
    expect(normalizeEnterpriseName("湖南⾦杯⼯业有限公司")).toBe(
      normalizeEnterpriseName("湖南金杯工业有限公司")
    );
    expect(enterpriseKey("⻓沙⼯程机械有限公司")).toBe(enterpriseKey("长沙工程机械有限公司"));
    expect(sameCaseName("⼯业控制系统安全评估实践", "工业控制系统安全评估实践")).toBe(true);
    expect(normalizeCaseName("⼯控安全⼤脑")).toBe(normalizeCaseName("工控安全大脑"));
    expect(parseCategory("⼯业企业")).toBe("工业企业");
    expect(parsePrefecture("⻓沙市")).toBe("长沙市");
    expect(parseLevel("⼆级")).toBe("二级");
  });

  it("names mixing Cyrillic or Greek look-alikes match their Latin spelling", () => {
    expect(normalizeEnterpriseName("Нunan科技有限公司")).toBe(
      normalizeEnterpriseName("Hunan科技有限公司")
    );
    expect(foldHomoglyphs("湖南Αβ科技")).toBe("湖南Ab科技");
    // all-Cyrillic text is left alone
    expect(foldHomoglyphs("Москва")).toBe("Москва");
  });

  it("normalisation stays idempotent with look-alikes and radicals (fast-check)", () => {
    const piece = fc.constantFrom(
      "Н",
      "μ",
      "Ν",
      "ν",
      "а",
      "A",
      "x",
      "⼯",
      "业",
      "⻓",
      "（",
      "盖章",
      "）",
      " ",
      "_"
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (a) => {
        const s = a.join("");
        const n = normalizeEnterpriseName(s);
        expect(normalizeEnterpriseName(n)).toBe(n);
        const c = normalizeCaseName(s);
        expect(normalizeCaseName(c)).toBe(c);
      }),
      { numRuns: 2000 }
    );
  });
});

describe("N/A marks, filler and mixed scripts", () => {
  it("recognises the marks clerks write for 'not applicable'", () => {
    for (const s of [
      "/",
      "／",
      "\\",
      "无",
      "—",
      "－",
      "-",
      "——",
      "--",
      "不适用",
      "N/A",
      "n/a",
      "NA",
      "暂无",
      "（无）",
      "无。",
      " / ",
      "不涉及",
    ])
      expect([s, isNotApplicable(s)]).toEqual([s, true]);
    for (const s of ["", "三级", "否", "0", "无锡市", "NAS", "N/A级", "2024-12-05", "/3"])
      expect([s, isNotApplicable(s)]).toEqual([s, false]);
    expect(optionalText(" ／ ")).toBe("");
    expect(optionalText("二级")).toBe("二级");
  });

  it("filler and invisible characters say nothing", () => {
    for (const s of [
      "",
      " ",
      "\u3000",
      "\u00a0",
      "\u200b\u200b",
      "___",
      "……",
      "...",
      "·",
      "＿＿",
      "——",
    ])
      expect([s, hasMeaningfulText(s)]).toEqual([s, false]);
    for (const s of ["A", "3", "湖", "Ж"]) expect(hasMeaningfulText(s)).toBe(true);
    expect(normalizeEnterpriseName("\u3000__…\u200b")).toBe("");
    expect(enterpriseKey("……")).toBe("");
  });

  it("finds Cyrillic and Greek letters mixed into Chinese or Latin text", () => {
    expect(mixedScriptLetters("Нunan")).toEqual(["Н"]);
    expect(mixedScriptLetters("湖南Αβ科技")).toEqual(["Α", "β"]);
    expect(mixedScriptLetters("湖南华菱")).toEqual([]);
    expect(mixedScriptLetters("Москва")).toEqual([]);
    expect(mixedScriptLetters("α")).toEqual([]);
  });
});

describe("countChars", () => {
  /** The reference: the regex-per-character count this replaced. */
  function reference(input: string): number {
    let n = 0;
    for (const ch of input.replace(
      /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e]/g,
      ""
    )) {
      if (/\s/.test(ch) || ch === "\u3000") continue;
      if (/\p{M}/u.test(ch)) continue;
      if (/[\ufe00-\ufe0f]/.test(ch) || /[\u{e0100}-\u{e01ef}]/u.test(ch)) continue;
      n += 1;
    }
    return n;
  }

  it("counts as a person does", () => {
    expect(countChars("工业互联网：ABC 123，。")).toBe(14);
    expect(countChars("a\u200bb\u3000c\n")).toBe(3);
    expect(countChars("👍é")).toBe(2);
    expect(countChars("e\u0301")).toBe(1);
    expect(countChars("\u00a0\u2003x")).toBe(1);
    expect(countChars("𠀀𪚥")).toBe(2);
  });

  it("agrees with the per-character regex count on any text (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        expect(countChars(s)).toBe(reference(s));
      }),
      { numRuns: 5000 }
    );
  });
});

describe("codeUnitTest", () => {
  it("answers as its pattern does for every code unit, asked twice, and no past the end of a text", () => {
    for (const pattern of [
      /[\s:：;；,，。.、·!?\-—–―－~～_|]/,
      /[\s()[\]（）［］【】*＊※:：\ud87e]/,
    ]) {
      const test = codeUnitTest(pattern);
      for (let round = 0; round < 2; round++)
        everyCodeUnit((ch, c) => test(c) === pattern.test(ch) || `${pattern} says ${!test(c)}`);
      expect(test("工".charCodeAt(0))).toBe(false);
      expect(test("：".charCodeAt(0))).toBe(true);
      expect(test("ab".charCodeAt(2))).toBe(false);
    }
  });
});

describe("isBlank", () => {
  it("is what trim() === '' says, for every code unit alone and around a letter", () => {
    everyCodeUnit((ch) => isBlank(ch) === (ch.trim() === "") || "trim() disagrees");
    expect(isBlank("")).toBe(true);
    expect(isBlank(" \u3000\t\n")).toBe(true);
    expect(isBlank(" a ")).toBe(false);
  });
});
