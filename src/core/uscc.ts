/**
 * 统一社会信用代码 (GB 32100-2015) check, with both check characters: position 17 of the embedded 组织机构代码
 * (GB 11714) and position 18 of the whole code. Legacy 15-digit 工商注册号 (ISO 7064 MOD 11,10) and 9-character
 * 组织机构代码 are recognised and reported as warnings; an all-digit code that Excel turned into a number (its tail
 * rounded to zeros) is explained in words.
 */
import { memoOfString } from "./memo";
import { cleanText, toHalfWidth } from "./text";

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Known 登记管理部门码 + 机构类别码 pairs (position 1–2). Others are reported as a warning. */
const KNOWN_TYPES = new Set([
  "11",
  "12",
  "13",
  "19",
  "21",
  "29",
  "31",
  "32",
  "33",
  "34",
  "35",
  "39",
  "41",
  "49",
  "51",
  "52",
  "53",
  "59",
  "61",
  "62",
  "69",
  "71",
  "72",
  "79",
  "81",
  "89",
  "91",
  "92",
  "93",
  "A1",
  "A9",
  "N1",
  "N2",
  "N3",
  "N9",
  "Y1",
]);

/** 18 characters of the codes' alphabet (USCC_CHARS: no I, O, S, V, Z). */
const PLAIN_CODE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/**
 * Whether text is, as it stands, a valid code of a known type: nothing in it for normalizeUscc to fold, none reads
 * as a number in E notation (no known type has "E" second), and both check characters are right. The usual cell —
 * every row's code, each cell of the worksheet functions — without check()'s scans.
 */
function isPlainValidCode(s: string): boolean {
  return PLAIN_CODE.test(s) && KNOWN_TYPES.has(s.slice(0, 2)) && checkUscc18(s);
}

export type UsccKind = "uscc" | "legacy-registration" | "legacy-org-code";

export interface UsccResult {
  /** The code after folding full-width characters, spaces and hyphens out, upper-cased. */
  normalized: string;
  /** true when the code is a valid 18-character 统一社会信用代码. */
  valid: boolean;
  kind: UsccKind | null;
  /** 'error' for a malformed code, 'warning' for a legacy code or an unknown type pair, null when valid. */
  severity: "error" | "warning" | null;
  /** Chinese reason, '' when valid. */
  reason: string;
}

export function normalizeUscc(input: unknown): string {
  if (typeof input === "number") return Number.isFinite(input) ? numberToPlainString(input) : "";
  return toHalfWidth(cleanText(input))
    .replace(/[\s\-—－]/g, "")
    .toUpperCase();
}

/** A number as Excel shows it: at most 15 significant digits, the rest zeros (914403001922038216 → …038000). */
function numberToPlainString(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 1e15) return String(n);
  const [mantissa, exp] = n.toPrecision(15).split("e+");
  const digits = mantissa.replace(".", "");
  return digits + "0".repeat(Number(exp) + 1 - digits.length);
}

function orgCheckChar(body8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i];
    let v: number;
    if (ch >= "0" && ch <= "9") v = ch.charCodeAt(0) - 48;
    else if (ch >= "A" && ch <= "Z") v = ch.charCodeAt(0) - 55;
    else return null;
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** The 18th character that makes the first 17 a valid code (null when they hold an illegal character). */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return USCC_CHARS[c === 31 ? 0 : c];
}

function mod11_10(digits15: string): boolean {
  let p = 10;
  for (let i = 0; i < 14; i++) {
    let s = (p + Number(digits15[i])) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return (p + Number(digits15[14])) % 10 === 1;
}

function checkUscc18(code: string): boolean {
  return (
    code.length === 18 &&
    orgCheckChar(code.slice(8, 16)) === code[16] &&
    usccCheckChar(code.slice(0, 17)) === code[17]
  );
}

export function checkUscc(input: unknown): UsccResult {
  return typeof input === "string" ? checkMemo(input) : check(input);
}

/** Results are frozen: one object is handed to every caller that checks the same text. */
const checkMemo = memoOfString((s) => Object.freeze(check(s)));

function check(input: unknown): UsccResult {
  if (typeof input === "string" && isPlainValidCode(input))
    return { normalized: input, valid: true, kind: "uscc", severity: null, reason: "" };
  // "9.14403E+17" typed or pasted as text is a number Excel already rounded
  const scientific = typeof input === "string" && /^\s*\d(\.\d+)?E\+?\d+\s*$/i.test(input);
  const code = normalizeUscc(scientific ? Number(input) : input);
  const fromNumber = typeof input === "number" || scientific;
  const res = (
    valid: boolean,
    kind: UsccKind | null,
    severity: UsccResult["severity"],
    reason: string
  ): UsccResult => ({
    normalized: code,
    valid,
    kind,
    severity,
    reason,
  });
  if (code === "") return res(false, null, "error", "统一社会信用代码为空");

  if (/^\d{16,}$/.test(code) && /000$/.test(code) && (fromNumber || !checkUscc18(code))) {
    return res(
      false,
      null,
      "error",
      `统一社会信用代码“${code}”被 Excel 当作数字保存，末几位已变成 0，原代码无法恢复：请把该单元格设为文本格式后重新录入完整的 18 位代码`
    );
  }
  if (/^\d{15}$/.test(code)) {
    return mod11_10(code)
      ? res(
          false,
          "legacy-registration",
          "warning",
          `“${code}”是旧版 15 位工商注册号，请改填 18 位统一社会信用代码`
        )
      : res(
          false,
          null,
          "error",
          `“${code}”有 15 位但不是有效的工商注册号，请填写 18 位统一社会信用代码`
        );
  }
  if (/^[0-9A-Z]{9}$/.test(code)) {
    return orgCheckChar(code.slice(0, 8)) === code[8]
      ? res(
          false,
          "legacy-org-code",
          "warning",
          `“${code}”是旧版 9 位组织机构代码，请改填 18 位统一社会信用代码`
        )
      : res(false, null, "error", `“${code}”不是有效的组织机构代码，请填写 18 位统一社会信用代码`);
  }
  if (code.length !== 18) {
    if (/^\d+$/.test(code) && code.length > 15 && code.length < 18) {
      return res(
        false,
        null,
        "error",
        `统一社会信用代码“${code}”只有 ${code.length} 位，应为 18 位（可能被 Excel 当作数字截断，请设为文本后重新录入）`
      );
    }
    return res(false, null, "error", `统一社会信用代码“${code}”有 ${code.length} 位，应为 18 位`);
  }
  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARS.includes(code[i])) {
      const ch = code[i];
      const hint = "IOZSV".includes(ch)
        ? `（代码中不使用字母 I、O、Z、S、V，“${ch}”可能是 ${{ I: "1", O: "0", Z: "2", S: "5", V: "U" }[ch]} 的误写）`
        : "";
      return res(
        false,
        null,
        "error",
        `统一社会信用代码“${code}”第 ${i + 1} 位“${ch}”不是合法字符${hint}`
      );
    }
  }
  const orgExpected = orgCheckChar(code.slice(8, 16));
  if (orgExpected !== code[16]) {
    return res(
      false,
      null,
      "error",
      `统一社会信用代码“${code}”第 17 位（组织机构代码校验位）应为“${orgExpected ?? "?"}”，实为“${code[16]}”：代码有误，请核对营业执照`
    );
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code[17]) {
    return res(
      false,
      null,
      "error",
      `统一社会信用代码“${code}”第 18 位校验码应为“${expected}”，实为“${code[17]}”：代码有误，请核对营业执照`
    );
  }
  if (!KNOWN_TYPES.has(code.slice(0, 2))) {
    return res(
      true,
      "uscc",
      "warning",
      `统一社会信用代码“${code}”的登记管理部门码和机构类别码“${code.slice(0, 2)}”不常见，请核对`
    );
  }
  return res(true, "uscc", null, "");
}

/**
 * Make a valid code from 6 region digits and 8 body characters (type 91 = enterprise). Used by the demo data and
 * tests; the check characters are computed, never typed.
 */
export function makeUscc(region6: string, body8: string, type2 = "91"): string {
  const org = body8 + orgCheckChar(body8);
  const first17 = type2 + region6 + org;
  return first17 + usccCheckChar(first17);
}
