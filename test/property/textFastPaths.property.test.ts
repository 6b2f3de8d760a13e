/**
 * Property tests (fast-check): the hot text helpers' fast paths (a scan that returns the text as it is, a character
 * that rules out an N/A mark, a skipped credit-code check, memos, case names prepared once for R3's pairs, R1's
 * one-part names not split, the written text's one scan) give exactly what the plain definitions give.
 */
import fc from "fast-check";
import { everyCodeUnit } from "../support/codeUnits";
import {
  caseNameForm,
  enterpriseIdentities,
  sameCaseForm,
  sameCaseName,
} from "../../src/core/duplicates";
import { enterpriseCellKey, identityCellKey } from "../../src/core/formulas";
import {
  enterpriseKey,
  namesSeveralEnterprises,
  normalizeCaseName,
  normalizeEnterpriseName,
} from "../../src/core/normalize";
import { checkUscc, makeUscc } from "../../src/core/uscc";
import { xmlSafe } from "../../src/io/xlsx/ooxml/xml";
import { plainText } from "../../src/io/xlsx/writer/text";
import { encodeFingerprint, foldedHash, OFFICIAL_FIELDS } from "../../src/sheets/hiddenColumns";
import {
  cleanText,
  foldChar,
  isNotApplicable,
  stripInvisible,
  toHalfWidth,
} from "../../src/core/text";

/** The definitions as they read before the fast paths. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e]/g;
const plainStrip = (s: string) => s.replace(INVISIBLE, "");
const plainClean = (s: string) =>
  plainStrip(s)
    .replace(/[\s\u3000]+/g, " ")
    .trim();
const NOT_APPLICABLE =
  /^(?:[/\\|]+|[-—–―－~～]+|无|暂无|没有|不适用|不涉及|无此项|未定级|N\/?A|NA|NONE|NIL|NULL)$/;
const plainNotApplicable = (s: string) => {
  const t = toHalfWidth(plainClean(s))
    .replace(/\s+/g, "")
    .replace(/^[(（[【]+|[)）\]】。.]+$/g, "")
    .toUpperCase();
  return t !== "" && NOT_APPLICABLE.test(t);
};

/** Pieces of what cells hold, the awkward characters included. */
const piece = fc.oneof(
  fc.constantFrom(
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\u3000",
    "\u00a0",
    "\u200b",
    "\u00ad",
    "\ufeff",
    "\u202f",
    "\u2028",
    "\u180e",
    "无",
    "暂无",
    "不适用",
    "不涉及",
    "无此项",
    "未定级",
    "没有",
    "N/A",
    "n/a",
    "NA",
    "None",
    "nil",
    "NULL",
    "Ｎ／Ａ",
    "ı",
    "ſ",
    "/",
    "／",
    "\\",
    "|",
    "-",
    "—",
    "——",
    "－",
    "～",
    "(",
    "（",
    "【",
    ")",
    "）",
    "】",
    "。",
    ".",
    "⽆",
    "湖南",
    "华菱",
    "有限公司",
    "91430100MA4L",
    "0731-88888888",
    "x"
  ),
  fc.string({ maxLength: 3 }),
  fc.string({ unit: "grapheme", maxLength: 3 })
);
/** Text made of pieces, as many as `constraints` allow. */
const joined = (pieces: fc.Arbitrary<string>, constraints: fc.ArrayConstraints) =>
  fc.array(pieces, constraints).map((p) => p.join(""));
const cellText = joined(piece, { maxLength: 8 });

describe("fast paths of the text helpers", () => {
  it("cleanText and stripInvisible equal their plain definitions", () => {
    fc.assert(
      fc.property(cellText, (s) => {
        expect(cleanText(s)).toBe(plainClean(s));
        expect(stripInvisible(s)).toBe(plainStrip(s));
      }),
      { numRuns: 3000 }
    );
  });

  it("cleanText equals its plain definition for every code unit between letters, at either end and doubled", () => {
    everyCodeUnit((ch) => {
      for (const s of [`a${ch}b`, `${ch}a`, `a${ch}`, `a${ch}${ch}b`])
        if (cleanText(s) !== plainClean(s)) return `in ${JSON.stringify(s)}`;
      return true;
    });
  });

  it("isNotApplicable equals its plain definition", () => {
    fc.assert(
      fc.property(cellText, (s) => expect(isNotApplicable(s)).toBe(plainNotApplicable(s))),
      { numRuns: 3000 }
    );
  });

  it("enterpriseKey with the name as the code (the worksheet functions) is the same as checking it", () => {
    const code = fc
      .tuple(fc.constantFrom("430100", "430200", "431300"), fc.integer({ min: 0, max: 99999999 }))
      .map(([area, n]) => makeUscc(area, String(n).padStart(8, "0")));
    fc.assert(
      fc.property(
        fc.oneof(
          cellText,
          code,
          code.map((c) => `${c}（盖章）`)
        ),
        (s) => {
          const r = checkUscc(s);
          const expected =
            r.normalized.length === 18 && r.valid ? "C:" + r.normalized : enterpriseKey(s);
          expect(enterpriseKey(s, s)).toBe(expected);
        }
      ),
      { numRuns: 2000 }
    );
  });
});

describe("foldedHash (the 写出校验 fingerprint)", () => {
  /** FNV-1a of the cleaned, folded text, as 8 hex digits: the fingerprint's definition. */
  const plainHash = (s: string) => {
    const t = toHalfWidth(cleanText(s));
    let h = 0x811c9dc5;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, "0");
  };
  const folded = fc.oneof(
    cellText,
    joined(
      fc.oneof(
        piece,
        fc.constantFrom(
          "：",
          "，",
          "１２３",
          "Ａ",
          "～",
          "！",
          "\uff5f",
          "\uff00",
          "⼯",
          "⻓",
          "金",
          "é",
          "😀"
        )
      ),
      { maxLength: 8 }
    )
  );

  it("equals the hash of cleanText then toHalfWidth, for any cell text", () => {
    fc.assert(
      fc.property(folded, (s) => expect(foldedHash(s)).toBe(plainHash(s))),
      { numRuns: 5000 }
    );
  });

  it("makes the fingerprint of each official field", () => {
    fc.assert(
      fc.property(fc.array(folded, { minLength: 6, maxLength: 6 }), (texts) => {
        const fields = Object.fromEntries(OFFICIAL_FIELDS.map((f, i) => [f, texts[i]]));
        const expected = OFFICIAL_FIELDS.map((f, i) => `${f}=${plainHash(texts[i])}`).join(";");
        expect(encodeFingerprint(fields as Parameters<typeof encodeFingerprint>[0])).toBe(expected);
      }),
      { numRuns: 500 }
    );
  });
});

describe("toHalfWidth", () => {
  it("folds every code unit alone as foldChar does, and every one between letters", () => {
    everyCodeUnit(
      (ch) =>
        (toHalfWidth(ch) === foldChar(ch) && toHalfWidth(`a${ch}b`) === `a${foldChar(ch)}b`) ||
        "folds unlike foldChar"
    );
  });

  it("folds character by character as the string iterator gives them", () => {
    const plain = (input: string) => {
      let out = "";
      for (const ch of input) out += foldChar(ch);
      return out;
    };
    const folding = fc.constantFrom(
      "：",
      "（",
      "）",
      "Ａ",
      "１",
      "\u3000",
      "⼯",
      "⻓",
      "金",
      "\ud87e\udc00",
      "\ud87e",
      "\udc00",
      "😀",
      "湖南",
      "a"
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(folding, fc.string({ maxLength: 3 })), { maxLength: 10 }),
        (parts) => {
          const s = parts.join("");
          expect(toHalfWidth(s)).toBe(plain(s));
        }
      ),
      { numRuns: 3000 }
    );
  });
});

/** Enterprise names as clerks and PDFs write them: seal notes, brackets, quotes, look-alike and lower-case letters. */
const namePiece = fc.oneof(
  fc.constantFrom(
    "湖南",
    "华菱",
    "有限公司",
    "章丘",
    "公章",
    "盖章",
    "（盖章）",
    "(章)",
    "【",
    "】",
    "“",
    "”"
  ),
  fc.constantFrom(
    " ",
    "\u3000",
    "·",
    "•",
    "・",
    "[",
    "]",
    "{",
    "}",
    "｛",
    "〔",
    '"',
    "'",
    "(",
    ")",
    "-"
  ),
  fc.constantFrom("ООО", "Нunan", "Αβ", "Ηunan", "а", "ο", "ν", "ς", "ß", "ǅ", "ﬁ", "İ", "é"),
  fc.constantFrom("Hunan", "abc", "ＡＢＣ", "Ｈｕｎａｎ", "91430100MA4L", "3M", "A&B"),
  fc.constantFrom("⼯业", "\u200b", "___", "……", "_", "~", "\u007f"),
  fc.string({ maxLength: 3 }),
  fc.string({ unit: "grapheme", maxLength: 2 })
);
const enterpriseName = (minLength: number, maxLength: number) =>
  joined(namePiece, { minLength, maxLength });

describe("identityCellKey", () => {
  it("is enterpriseCellKey of every identity enterpriseIdentities gives", () => {
    const name = enterpriseName(1, 6);
    const code = fc
      .tuple(fc.constantFrom("430100", "430200"), fc.integer({ min: 0, max: 99999999 }))
      .map(([area, n]) => makeUscc(area, String(n).padStart(8, "0")));
    const row = fc.record({ enterprise: name, uscc: fc.oneof(fc.constant(""), code) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
        for (const id of enterpriseIdentities(rows))
          expect([id, identityCellKey(id)]).toEqual([id, enterpriseCellKey(id)]);
      }),
      { numRuns: 3000 }
    );
  });
});

/** sameCaseName as it read before the prepared forms: fresh bigram maps for every pair. */
function plainSameCaseName(a: string, b: string): boolean {
  const x = normalizeCaseName(a);
  const y = normalizeCaseName(b);
  if (x === "" || y === "") return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 6 && long.includes(short)) return true;
  const grams = (s: string) => {
    const chars = [...s];
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < chars.length; i++)
      m.set(chars[i] + chars[i + 1], (m.get(chars[i] + chars[i + 1]) ?? 0) + 1);
    return m;
  };
  const A = grams(x);
  const B = grams(y);
  let total = 0;
  let common = 0;
  for (const n of A.values()) total += n;
  for (const [g, n] of B) {
    total += n;
    common += Math.min(n, A.get(g) ?? 0);
  }
  return (total === 0 ? 0 : (2 * common) / total) >= 0.8;
}

describe("case names compared through prepared forms (R3)", () => {
  const caseName = fc.oneof(
    cellText,
    joined(
      fc.constantFrom(
        "工业",
        "互联网",
        "安全",
        "分类分级",
        "管理",
        "实践",
        "案例",
        "（",
        "）",
        "湘钢",
        "1",
        "项目"
      ),
      { maxLength: 8 }
    )
  );
  it("every pair of a group gives what sameCaseName gave, each form reused across pairs", () => {
    fc.assert(
      fc.property(fc.array(caseName, { maxLength: 8 }), (names) => {
        const forms = names.map(caseNameForm);
        for (let a = 0; a < names.length; a++)
          for (let b = 0; b < names.length; b++) {
            const want = plainSameCaseName(names[a], names[b]);
            expect(sameCaseForm(forms[a], forms[b])).toBe(want);
            expect(sameCaseName(names[a], names[b])).toBe(want);
          }
      }),
      { numRuns: 500 }
    );
  });
});

describe("namesSeveralEnterprises (R1)", () => {
  const ORG_END = "(?:公司|集团|企业|厂|院|所|中心|大学|学院|银行|合作社)";
  const SPLIT = new RegExp(
    `[、，,；;／/&＆+＋]|\\s和\\s|以及|(?:和|与|及)(?=[^和与及]{2,}${ORG_END})`
  );
  const ENTITY_END = new RegExp(`${ORG_END}$`);
  /** The rule as it read before the one-part shortcut: always split. */
  const plain = (name: string) => {
    const s = toHalfWidth(cleanText(name));
    if (s === "") return false;
    if (/联合体|联合申报|牵头单位|参与单位/.test(s)) return true;
    const parts = s.split(SPLIT).map((p) => p.trim().replace(/[(（][^）)]*[)）]$/, ""));
    return parts.filter((p) => p.length > 1 && ENTITY_END.test(p)).length >= 2;
  };
  const name = joined(
    fc.oneof(
      fc.constantFrom("湖南", "华菱", "有限公司", "集团", "大学", "研究院", "厂", "中心"),
      fc.constantFrom(
        "、",
        "，",
        ",",
        "；",
        "/",
        "／",
        "&",
        "＋",
        " 和 ",
        "和",
        "与",
        "及",
        "以及"
      ),
      fc.constantFrom("（盖章）", "(牵头)", "联合体", " ", "\u3000", "，"),
      cellText
    ),
    { maxLength: 8 }
  );
  it("gives what splitting every name gives", () => {
    fc.assert(
      fc.property(name, (n) => expect(namesSeveralEnterprises(n)).toBe(plain(n))),
      { numRuns: 3000 }
    );
  });
});

describe("normalizeEnterpriseName", () => {
  const name = enterpriseName(0, 8);
  it("gives what every normalisation step gives (the same name with a quote it drops)", () => {
    // a quote is never normal: the name with one goes through every step, and they remove it before the seal notes
    fc.assert(
      fc.property(name, (n) =>
        expect(normalizeEnterpriseName(n)).toBe(normalizeEnterpriseName(n + "“"))
      ),
      { numRuns: 5000 }
    );
  });
});

describe("checkUscc of a code as it stands", () => {
  const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXYIOSVZabcxyE ".split("");
  const type = fc.constantFrom(
    "91",
    "92",
    "93",
    "11",
    "A1",
    "N9",
    "Y1",
    "99",
    "1E",
    "E1",
    "9E",
    "0Z"
  );
  const made = fc
    .tuple(
      type,
      fc.constantFrom("430100", "430200", "431300"),
      fc.integer({ min: 0, max: 99999999 })
    )
    .map(([t, area, n]) => makeUscc(area, String(n).padStart(8, "0"), t));
  const changed = fc
    .tuple(made, fc.nat(17), fc.constantFrom(...ALPHABET))
    .map(([c, at, ch]) => c.slice(0, at) + ch + c.slice(at + 1));
  const loose = joined(fc.constantFrom(...ALPHABET), { minLength: 17, maxLength: 19 });
  const scientific = fc.integer({ min: 0, max: 9 }).map((d) => `${d}E${"1".repeat(16)}`);
  it("gives what the full check gives (the same code after a space it drops)", () => {
    fc.assert(
      fc.property(fc.oneof(made, changed, loose, scientific), (code) =>
        expect(checkUscc(code)).toEqual(checkUscc(" " + code))
      ),
      { numRuns: 5000 }
    );
  });
});

describe("plainText (every text cell written)", () => {
  const plainWritten = (s: string) => {
    const t = xmlSafe(s.replace(/\r\n?/g, "\n"));
    return t.length > 32767 ? t.slice(0, 32766) + "…" : t;
  };
  const awkward = fc.constantFrom(
    "\r",
    "\r\n",
    "\n\r",
    "\t",
    "\n",
    "\u0000",
    "\u0008",
    "\u000b",
    "\u000c",
    "\u000e",
    "\u001f",
    "\ud83d",
    "\ude00",
    "\ud83d\ude00",
    "\ufffe",
    "\uffff",
    "\ufffd",
    "\u3000",
    "工业互联网",
    "_x000D_",
    "&<>"
  );
  it("gives what dropping CRs and then the characters XML forbids gives", () => {
    fc.assert(
      fc.property(joined(fc.oneof(awkward, piece), { maxLength: 10 }), (s) =>
        expect(plainText(s)).toBe(plainWritten(s))
      ),
      { numRuns: 5000 }
    );
  });
});
