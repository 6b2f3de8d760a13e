/**
 * How the hidden columns of our record sheets (./records.ts) carry what the official layout has no place for: the
 * record's source columns (to locate findings after a round trip), the Word form's facts without a column of their
 * own, and a fingerprint of the 推荐汇总表 cells as written (to tell which sheet a clerk edited). Each encoding reads
 * back exactly what it wrote; text a clerk broke reads as nothing, never as something else.
 */
import { lastOfString } from "../core/memo";
import { CASE_FIELDS, type CaseField, type CaseRecord, type FormFacts } from "../core/model";
import { cleanText, toHalfWidth } from "../core/text";
import { type DirectionName } from "../core/vocabulary";
import { parseDirection } from "../core/directionText";
import type { RecordDraft } from "./records";

/** The record's source columns as "caseName:B;enterprise:C" (letters for sheets, labels for Word forms). */
export function encodeSourceColumns(columns: Partial<Record<CaseField, string>>): string {
  // hot (every row written): the rows of one table have the same columns, so the last answer is usually this one;
  // a frozen object (the reader gives the rows of a table one) cannot have changed since
  if (columns === lastSource && Object.isFrozen(columns)) return lastEncoded;
  if (lastColumns !== null && CASE_FIELDS.every((f) => columns[f] === lastColumns![f])) {
    lastSource = columns;
    return lastEncoded;
  }
  const out = encodeColumns(columns);
  lastSource = columns;
  lastColumns = { ...columns };
  lastEncoded = out;
  return out;
}

let lastSource: Partial<Record<CaseField, string>> | null = null;
let lastColumns: Partial<Record<CaseField, string>> | null = null;
let lastEncoded = "";

function encodeColumns(columns: Partial<Record<CaseField, string>>): string {
  // one pass, a copy of a letter only when it holds a separator
  let out = "";
  for (const f of CASE_FIELDS) {
    const v = columns[f];
    if (!v) continue;
    const clean = v.includes(";") || v.includes(":") ? v.replace(/[;:]/g, " ") : v;
    out += out === "" ? `${f}:${clean}` : `;${f}:${clean}`;
  }
  return out;
}

/**
 * The columns written by encodeSourceColumns, frozen. Hot (every row read): the rows of one table hold the same text,
 * so the last answer is usually this one; being frozen, it is the same object for all of them, which also lets
 * encodeSourceColumns answer them at once when they are written again.
 */
export const decodeSourceColumns: (text: string) => Readonly<Partial<Record<CaseField, string>>> =
  lastOfString((text) => {
    const out: Partial<Record<CaseField, string>> = {};
    for (const part of text.split(";")) {
      const m = /^([a-zA-Z]+):(.+)$/.exec(part.trim());
      if (m && (CASE_FIELDS as readonly string[]).includes(m[1])) out[m[1] as CaseField] = m[2];
    }
    return Object.freeze(out);
  });

/** The facts of a Word form that have no column of their own, as JSON. */
const EXTRA_KEYS = [
  "applicant",
  "recommender",
  "dateRaw",
  "natureOther",
  "categoriesTicked",
  "directionsTicked",
  "levelsTicked",
  "overviewFilled",
  "highlightsFilled",
] as const;

export function encodeFormExtra(form: FormFacts): string {
  return JSON.stringify(Object.fromEntries(EXTRA_KEYS.map((k) => [k, form[k]])));
}

export function decodeFormExtra(text: string): Partial<FormFacts> | null {
  if (!text.startsWith("{")) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // a clerk edited the hidden cell: the form's remaining facts are lost, the visible ones still read
    return null;
  }
  if (typeof raw !== "object" || raw === null) return null;
  const o = raw as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === "string" ? (o[k] as string) : "");
  const list = (k: string) =>
    Array.isArray(o[k])
      ? (o[k] as unknown[]).filter((x): x is string => typeof x === "string")
      : [];
  return {
    applicant: str("applicant"),
    recommender: str("recommender"),
    dateRaw: str("dateRaw"),
    natureOther: str("natureOther"),
    categoriesTicked: list("categoriesTicked"),
    directionsTicked: list("directionsTicked")
      .map((d) => parseDirection(d))
      .filter((d): d is DirectionName => d !== null),
    levelsTicked: list("levelsTicked"),
    overviewFilled: o.overviewFilled === true,
    highlightsFilled: o.highlightsFilled === true,
  };
}

/** The form facts of a draft: null when no form was written for the row. */
export function formOfDraft(d: RecordDraft): FormFacts | null {
  if (!d.formSeen || !d.formExtra) return null;
  const e = d.formExtra;
  return {
    applicant: e.applicant ?? "",
    recommender: e.recommender ?? "",
    dateRaw: e.dateRaw ?? "",
    founded: e.founded ?? "",
    address: e.address ?? "",
    capitalRaw: e.capitalRaw ?? "",
    nature: e.nature ?? "",
    natureOther: e.natureOther ?? "",
    fax: e.fax ?? "",
    email: e.email ?? "",
    intro: e.intro ?? "",
    categoriesTicked: e.categoriesTicked ?? [],
    directionsTicked: e.directionsTicked ?? [],
    levelsTicked: e.levelsTicked ?? [],
    overviewFilled: e.overviewFilled ?? true,
    highlightsFilled: e.highlightsFilled ?? true,
  };
}

/** The fields the 推荐汇总表 shows of a record, as the cells show them (see ./annex3.ts). */
export const OFFICIAL_FIELDS = [
  "caseName",
  "enterprise",
  "category",
  "summaryCell",
  "contact",
  "phone",
] as const;
export type OfficialField = (typeof OFFICIAL_FIELDS)[number];

export function officialFields(r: CaseRecord): Record<OfficialField, string> {
  return {
    caseName: r.caseName,
    enterprise: r.enterprise,
    category: r.category ?? r.categoryRaw,
    summaryCell: r.summaryCell,
    contact: r.contact,
    phone: r.phone,
  };
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell an edited cell from the one written. */
function hash(text: string): string {
  // kept a 32-bit integer in the loop (>>> 0 there would make it a double, boxed, at every character)
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return hex8(h);
}

/** "00".."ff": a hash as 8 hex digits from four lookups (Number#toString(16) goes through the runtime). */
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const hex8 = (h: number): string =>
  HEX_BYTE[(h >>> 24) & 255] +
  HEX_BYTE[(h >>> 16) & 255] +
  HEX_BYTE[(h >>> 8) & 255] +
  HEX_BYTE[h & 255];

const norm = (s: string) => toHalfWidth(cleanText(s));

/**
 * hash(norm(text)) in one pass over text that cleanText leaves as it is and whose only folded characters are
 * full-width ASCII (（）：，１２ — one code unit each, folded as they are hashed): nearly every cell. Anything else
 * (whitespace to collapse, invisible or other folded characters, any code unit from U+0080 to U+206F) takes the
 * long way.
 */
export function foldedHash(text: string): string {
  let h = 0x811c9dc5 | 0;
  let prevSpace = true;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c === 0x20) {
      if (prevSpace) return hash(norm(text));
      prevSpace = true;
    } else {
      prevSpace = false;
      if (c < 0x80) {
        if (c >= 0x09 && c <= 0x0d) return hash(norm(text));
      } else if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
      else if (
        c <= 0x206f ||
        c === 0x3000 ||
        c === 0xfeff ||
        (c >= 0x2e80 && c <= 0x2fd5) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xd800 && c <= 0xdfff)
      )
        return hash(norm(text));
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  if (prevSpace && n > 0) return hash(norm(text));
  return hex8(h);
}

/** "caseName=1a2b3c4d;…": what each official cell held when written. */
export function encodeFingerprint(fields: Record<OfficialField, string>): string {
  // hot (every row written): one string built, no list of parts
  let out = "";
  for (const f of OFFICIAL_FIELDS) out += `${out === "" ? "" : ";"}${f}=${foldedHash(fields[f])}`;
  return out;
}

/** Whether a field still holds what was written (null when the fingerprint is missing or unreadable). */
export function unchangedSinceWritten(
  fingerprint: string,
  field: OfficialField,
  value: string
): boolean | null {
  const m = new RegExp(`(?:^|;)${field}=([0-9a-f]{8})(?:;|$)`).exec(fingerprint);
  return m ? m[1] === foldedHash(value) : null;
}
