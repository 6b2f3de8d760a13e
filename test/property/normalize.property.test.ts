/** Property tests (fast-check): normalisation is idempotent; the credit-code check accepts every valid code and
 * rejects every single-character change. */
import fc from "fast-check";
import { normalizeCaseName, normalizeEnterpriseName } from "../../src/core/normalize";
import { cleanText, toHalfWidth } from "../../src/core/text";
import { checkUscc, makeUscc } from "../../src/core/uscc";

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** Text the way it arrives: Chinese, full-width forms, brackets, spaces, invisible marks, emoji, 盖章 notes. */
const messy = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "湖南",
        "华菱",
        "有限公司",
        "（集团）",
        "(盖章)",
        "【",
        "】",
        "〔",
        "〕",
        "案例",
        "项目",
        "·",
        "•",
        "“",
        "”"
      ),
      fc.constantFrom(
        " ",
        "\u3000",
        "\t",
        "\n",
        "\u200b",
        "\u200f",
        "\ufeff",
        "\u202e",
        "\u00ad",
        "\u0301",
        "🔒",
        "Ａ",
        "１",
        "！",
        "～"
      ),
      fc.string({ maxLength: 4 }),
      fc.string({ unit: "grapheme", maxLength: 3 })
    ),
    { maxLength: 12 }
  )
  .map((parts) => parts.join(""));

describe("normalisation is idempotent", () => {
  it.each([
    ["toHalfWidth", toHalfWidth],
    ["cleanText", cleanText],
  ] as const)("%s(%s(x)) = %s(x)", (_name, f) => {
    fc.assert(
      fc.property(messy, (s) => {
        const once = (f as (x: string) => string)(s);
        expect((f as (x: string) => string)(once)).toBe(once);
      }),
      { numRuns: 2000 }
    );
  });

  // these two once failed: "钢铁项目案例" lost one word per pass, and a quote after （盖章） hid the note
  it("normalizeCaseName(normalizeCaseName(x)) = normalizeCaseName(x)", () => {
    fc.assert(
      fc.property(messy, (s) => {
        const once = normalizeCaseName(s);
        expect(normalizeCaseName(once)).toBe(once);
      }),
      { numRuns: 2000 }
    );
    expect(normalizeCaseName("钢铁项目案例")).toBe("钢铁");
  });

  it("normalizeEnterpriseName(normalizeEnterpriseName(x)) = normalizeEnterpriseName(x)", () => {
    fc.assert(
      fc.property(messy, (s) => {
        const once = normalizeEnterpriseName(s);
        expect(normalizeEnterpriseName(once)).toBe(once);
      }),
      { numRuns: 2000 }
    );
    expect(normalizeEnterpriseName("湖南华菱有限公司(盖章)”")).toBe("湖南华菱有限公司");
  });

  it("an enterprise name and its full-width, spaced, 盖章 variant normalise alike", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{1,6}$/), (core) => {
        const plain = `湖南${core}科技(集团)有限公司`;
        const variant = `湖南 ${[...core].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join("")}科技（集团）有限公司（盖章）`;
        expect(normalizeEnterpriseName(variant)).toBe(normalizeEnterpriseName(plain));
      })
    );
  });
});

const region = fc.stringMatching(/^43[0-9]{4}$/);
const body = fc
  .array(fc.constantFrom(...USCC_CHARS.split("")), { minLength: 8, maxLength: 8 })
  .map((a) => a.join(""));

describe("credit-code check", () => {
  it("accepts every code made by makeUscc", () => {
    fc.assert(
      fc.property(region, body, (r, b) => {
        const code = makeUscc(r, b);
        const res = checkUscc(code);
        expect([code, res.valid, res.severity]).toEqual([code, true, null]);
      }),
      { numRuns: 3000 }
    );
  });

  it("rejects every single-character change of a valid code", () => {
    fc.assert(
      fc.property(
        region,
        body,
        fc.nat(17),
        fc.constantFrom(...(USCC_CHARS + "IOSVZ").split("")),
        (r, b, pos, ch) => {
          const code = makeUscc(r, b);
          fc.pre(code[pos] !== ch);
          const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
          expect([changed, checkUscc(changed).valid]).toEqual([changed, false]);
        }
      ),
      { numRuns: 5000 }
    );
  });
});
