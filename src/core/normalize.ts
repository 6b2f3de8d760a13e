/**
 * Enterprise identity: two rows are the same enterprise when their 统一社会信用代码 agree (where both give one), else
 * when their normalised names agree. Normalisation folds full/half width, unifies brackets, drops spaces and trailing
 * 盖章 notes, so that "湖南 华菱（集团）有限公司（盖章）" and "湖南华菱(集团)有限公司" are one enterprise. Kangxi radicals and
 * compatibility ideographs copied from PDFs (⼯业 for 工业) fold to their unified ideographs, Cyrillic and Greek
 * look-alikes mixed into a name (Нunan) to Latin; a name of filler alone ("___", "……") is no name.
 */
import { cleanText, foldHomoglyphs, hasMeaningfulText, stripInvisible, toHalfWidth } from "./text";
import { memoOfString } from "./memo";
import { checkUscc } from "./uscc";

const TRAILING_NOTES = /[(（[【]?\s*(加盖)?(单位)?(公章|盖章|签章|章)\s*[)）\]】]?$/;

/** A name as written, without fill-in underscores and trailing seal notes: "湖南华菱有限公司（加盖单位公章）" → "湖南华菱有限公司". */
export function stripSealNote(name: unknown): string {
  let s = cleanText(String(name ?? "").replace(/[_＿]+/g, " "));
  for (;;) {
    const next = s.replace(TRAILING_NOTES, "").trim();
    if (next === s) return s;
    s = next;
  }
}

const ORG_END = "(?:公司|集团|企业|厂|院|所|中心|大学|学院|银行|合作社)";
/** Separators between organisation names inside one 申报单位 cell; 和/与/及 only where an organisation name follows. */
const SPLIT = new RegExp(
  `[、，,；;／/&＆+＋]|\\s和\\s|以及|(?:和|与|及)(?=[^和与及]{2,}${ORG_END})`
);
const ENTITY_END = new RegExp(`${ORG_END}$`);

/** R1: "联合体", or two or more names that each end like an organisation ("甲公司、乙公司", "湖南大学与某某有限公司"). */
export function namesSeveralEnterprises(name: unknown): boolean {
  const s = toHalfWidth(cleanText(name));
  if (s === "") return false;
  if (/联合体|联合申报|牵头单位|参与单位/.test(s)) return true;
  // one part (no separator at all) is one name: the usual case, without splitting (hot: every record)
  if (!SPLIT.test(s)) return false;
  const parts = s.split(SPLIT).map((p) => p.trim().replace(/[(（][^）)]*[)）]$/, ""));
  return parts.filter((p) => p.length > 1 && ENTITY_END.test(p)).length >= 2;
}

export function normalizeEnterpriseName(input: unknown): string {
  return typeof input === "string" ? enterpriseNameMemo(input) : normalizeName(input);
}

const enterpriseNameMemo = memoOfString((s) => normalizeName(s));

/**
 * Folded text that is already a normalised name: ideographs (no 章, which a seal note ends in), digits, capital
 * letters and the ASCII punctuation no step of normalizeName changes (not " ' [ ] { }), with an ideograph, digit or
 * letter among them. Most names are just that (hot: every name of every row, and each cell of the worksheet
 * functions): one scan instead of the six below.
 */
const NORMAL_NAME = /^(?=[^]*[0-9A-Z\u4e00-\u9fff])[!#-&(-Z\\^-`|~\u4e00-\u7adf\u7ae1-\u9fff]+$/;

function normalizeName(input: unknown): string {
  const clean = cleanText(input);
  if (!hasMeaningfulText(clean)) return "";
  let s = toHalfWidth(stripInvisible(clean));
  if (NORMAL_NAME.test(s)) return s;
  s = s.replace(/[〔［【[{｛]/g, "(").replace(/[〕］】\]}｝]/g, ")");
  s = s
    .replace(/\s+/g, "")
    .replace(/[·•・]/g, "·")
    .replace(/[“”"'‘’]/g, "");
  // trailing "(盖章)", "(加盖单位公章)" and the like, possibly repeated (quotes are gone first, so none hides a note)
  for (;;) {
    const next = s.replace(TRAILING_NOTES, "");
    if (next === s) break;
    s = next;
  }
  // look-alikes folded after upper-casing, so that normalising twice changes nothing; filler left alone is no name
  return hasMeaningfulText(s) ? foldHomoglyphs(s.toUpperCase()) : "";
}

/**
 * The key an enterprise is matched by: "C:" + the credit code when it is a well-formed 18-character code, else
 * "N:" + the normalised name. Empty when neither is given.
 */
export function enterpriseKey(name: unknown, uscc?: unknown): string {
  // a well-formed code never holds a Chinese character: names given as the code argument skip the check
  if (uscc !== undefined && uscc !== null && uscc !== "" && !holdsIdeograph(uscc)) {
    const r = checkUscc(uscc);
    if (r.normalized.length === 18 && r.valid) return "C:" + r.normalized;
  }
  const n = normalizeEnterpriseName(name);
  return n === "" ? "" : "N:" + n;
}

/** Whether a value is text holding a CJK ideograph (no fold of this module maps one to ASCII). */
function holdsIdeograph(v: unknown): boolean {
  if (typeof v !== "string") return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) return true;
  }
  return false;
}

/** Case names compared for R3: the same after folding width, punctuation and the words 案例/项目. */
export function normalizeCaseName(input: unknown): string {
  return typeof input === "string" ? caseNameMemo(input) : normalizeCase(input);
}

const caseNameMemo = memoOfString((s) => normalizeCase(s));

function normalizeCase(input: unknown): string {
  const clean = cleanText(input);
  if (!hasMeaningfulText(clean)) return "";
  let s = toHalfWidth(stripInvisible(clean)).replace(
    /[\s"'“”‘’《》<>()（）【】[\]、，,。.:：;；!！?？\-—_·]/g,
    ""
  );
  // "…项目案例" loses both words, so that normalising twice changes nothing
  for (;;) {
    const next = s.replace(/(典型)?案例$|项目$/, "");
    if (next === s) break;
    s = next;
  }
  // look-alikes folded after upper-casing, so that normalising twice changes nothing; filler left alone is no name
  return hasMeaningfulText(s) ? foldHomoglyphs(s.toUpperCase()) : "";
}
