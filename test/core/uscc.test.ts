import { checkUscc, makeUscc, normalizeUscc, usccCheckChar } from "../../src/core/uscc";

describe("统一社会信用代码 check", () => {
  it("accepts real published codes (华为技术有限公司, GB 32100 example)", () => {
    expect(checkUscc("914403001922038216")).toMatchObject({
      valid: true,
      severity: null,
      reason: "",
    });
    expect(checkUscc("91350100M000100Y43").valid).toBe(true);
  });

  it("folds full-width characters, spaces and lower case before checking", () => {
    expect(normalizeUscc("９１４４ ０３００ １９２２ ０３８２１６")).toBe("914403001922038216");
    expect(checkUscc("91350100m000100y43").valid).toBe(true);
  });

  it("names the failing check character: position 18", () => {
    const r = checkUscc("914403001922038217");
    expect(r.valid).toBe(false);
    expect(r.severity).toBe("error");
    expect(r.reason).toContain("第 18 位校验码应为“6”");
  });

  it("rejects codes that pass only the last check character (position 17 is the 组织机构代码 check)", () => {
    // such codes circulate in test data: a wrong 17th character with an 18th recomputed to match it
    const first17 = "91430100MA4L16JX9"; // the right 17th character is 6
    const code = first17 + usccCheckChar(first17);
    const r = checkUscc(code);
    expect(r.valid).toBe(false);
    expect(r.reason).toContain("第 17 位（组织机构代码校验位）应为“6”");
  });

  it("explains the Excel-truncated number in words", () => {
    for (const input of [
      Number("914403001922038216"),
      "9.14403001922038E+17",
      "914403001922038000",
    ]) {
      const r = checkUscc(input);
      expect(r.valid).toBe(false);
      expect(r.reason).toContain("被 Excel 当作数字保存");
      expect(r.normalized).toBe("914403001922038000");
    }
  });

  it("recognises legacy 15-digit registration numbers and 9-character organisation codes as warnings", () => {
    // 110108000000016 is a valid MOD 11,10 registration number
    const reg = checkUscc("110108000000016");
    expect(reg).toMatchObject({ valid: false, kind: "legacy-registration", severity: "warning" });
    expect(reg.reason).toContain("15 位工商注册号");
    const org = checkUscc("19220382-1");
    expect(org).toMatchObject({ valid: false, kind: "legacy-org-code", severity: "warning" });
    expect(checkUscc("192203820").severity).toBe("error");
  });

  it("reports length and illegal characters (I, O, Z, S, V are never used)", () => {
    expect(checkUscc("91430100MA4L16J").reason).toContain("有 15 位，应为 18 位");
    expect(checkUscc("91430100MA4L16JXOB").reason).toContain("第 17 位“O”不是合法字符");
    expect(checkUscc("").reason).toBe("统一社会信用代码为空");
  });

  it("makeUscc builds codes that pass both checks for any body", () => {
    for (const body of ["18376528", "MA4L16JX", "00000000", "ZZZZZZZZ".replace(/Z/g, "Y")]) {
      expect(checkUscc(makeUscc("430100", body)).valid).toBe(true);
    }
  });
});
