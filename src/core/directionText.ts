/**
 * Directions as clerks write them in text: the name forms of each direction, the head that leads a 附件3
 * "案例申报方向和简述" cell ("工业互联网安全分类分级案例：…", "（一）…方向：", "【车联网网络安全防护】…", "方向一：…", "3.…"), and the
 * cell split into direction and 简述, or joined back into one. The five directions themselves are in ./vocabulary.
 */
import { lastOfString, memoOfString } from "./memo";
import { ENUMERATOR_NUMERALS, oneToFive } from "./numerals";
import { cleanText, codeUnitTest, toHalfWidth } from "./text";
import {
  DIRECTIONS,
  directionByName,
  directionByNo,
  type DirectionName,
  type DirectionNo,
} from "./vocabulary";

/**
 * The ways each direction is named in front of a 简述 or in a direction column, without 案例/方向: the notice's own
 * wording (工业控制产品安全漏洞治理, 网络安全威胁监测服务), the form's (…案例), and the clerks' shorter ones. A short
 * form (分类分级, 车联网…) leads a cell only when a separator follows it ("车联网：…"), never inside a sentence.
 */
const DIRECTION_BASES: ReadonlyArray<{
  no: DirectionNo;
  full: readonly string[];
  short: readonly string[];
}> = [
  {
    no: 1,
    full: ["工业互联网安全分类分级", "工业互联网网络安全分类分级", "工业互联网分类分级"],
    short: ["分类分级", "安全分类分级"],
  },
  {
    no: 2,
    full: ["车联网网络安全防护", "车联网安全防护", "车联网网络安全"],
    short: ["车联网"],
  },
  {
    no: 3,
    full: [
      "工业控制系统安全评估",
      "工业控制系统网络安全评估",
      "工控系统安全评估",
      "工控系统网络安全评估",
      "工控安全评估",
    ],
    short: ["工控评估", "工控系统评估", "安全评估"],
  },
  {
    no: 4,
    full: [
      "工业控制产品漏洞治理",
      "工业控制产品安全漏洞治理",
      "工控产品漏洞治理",
      "工控产品安全漏洞治理",
      "工业控制产品漏洞",
    ],
    short: ["漏洞治理", "安全漏洞治理"],
  },
  {
    no: 5,
    full: ["网络安全威胁监测服务", "网络安全威胁监测", "威胁监测服务"],
    short: ["威胁监测", "监测服务"],
  },
];

const NAME_SUFFIXES = ["", "案例", "方向", "案例方向", "类", "类案例", "典型案例"] as const;

interface DirectionForm {
  text: string;
  no: DirectionNo;
  /** A short form ("车联网") must be set off by a separator; a full form without suffix may run into the 简述. */
  short: boolean;
  suffixed: boolean;
}

/** Every name form with every suffix, longest first (the longest match wins: "…评估案例" over "…评估"). */
const DIRECTION_FORMS: readonly DirectionForm[] = DIRECTION_BASES.flatMap((b) =>
  [
    ...b.full.map((t) => ({ t, short: false })),
    ...b.short.map((t) => ({ t, short: true })),
  ].flatMap(({ t, short }) =>
    NAME_SUFFIXES.map((x) => ({ text: t + x, no: b.no, short, suffixed: x !== "" }))
  )
).sort((a, b) => b.text.length - a.text.length);

/**
 * DIRECTION_FORMS as a trie of code units: the node a form's last code unit reaches holds it (with any other form of
 * the same text, in DIRECTION_FORMS order).
 */
interface FormNode {
  readonly next: Map<number, FormNode>;
  readonly forms: DirectionForm[];
}
const FORM_TRIE: FormNode = { next: new Map(), forms: [] };
for (const f of DIRECTION_FORMS) {
  let node = FORM_TRIE;
  for (let i = 0; i < f.text.length; i++) {
    const c = f.text.charCodeAt(i);
    let child = node.next.get(c);
    if (!child) node.next.set(c, (child = { next: new Map(), forms: [] }));
    node = child;
  }
  node.forms.push(f);
}

// Sticky patterns (y): matched at an offset (lastIndex) of the whole text, without slicing it.
/** Between a head and the 简述: colons, semicolons, commas, full stops, dashes, spaces. */
const SEPARATORS_AT = /[\s:：;；,，。.、·!?\-—–―－~～_|]+/y;
/** What sets a name off from the 简述 (a separator, a space, a closing bracket, or the end). */
const SET_OFF_AT = /(?:$|[\s:：;；,，。.、·!?\-—–―－~～_|】\]）)])/y;
/** A "简述：" label. */
const SUMMARY_LABEL_AT = /\s*简述\s*[:：]?\s*/y;
/** The label's first character after any space (a space is a separator). */
const SUMMARY_LABEL_FIRST = "简".charCodeAt(0);
/** "方向：", "申报方向:", "案例申报方向和简述：" in front of the direction. */
const DIRECTION_LABEL = /^(?:案例)?(?:申报)?方向(?:和简述|及简述)?\s*[:：]\s*/;
/** An enumerator: （一） (3) 〔三〕 ① 3 三 方向一 方向 3 第三; group 1 bracketed, group 2 bare. */
const ENUMERATOR = new RegExp(
  `^((?:申报)?方向\\s*|第)?(?:[(（〔［\\[]\\s*([${ENUMERATOR_NUMERALS}])\\s*[)）〕］\\]]|([${ENUMERATOR_NUMERALS}])(?![0-9.]?[0-9]))(?:类|个?方向)?`
);
/** Punctuation after an enumerator: "3." "三、" "①：". */
const ENUM_PUNCT = /^\s*[.、．:：;；,，)）]\s*/;

interface NameMatch {
  no: DirectionNo;
  length: number;
  /** Followed by a separator, or carrying 案例 / 方向: the name is a head, not the first words of a sentence. */
  setOff: boolean;
}

/** The trie nodes holding forms that nameAt passed, reused from call to call (nameAt never calls itself). */
const ENDS: FormNode[] = [];

/** The longest direction name form at the start of `s` (already folded); null when none. */
function nameAt(s: string): NameMatch | null {
  // hot (every head read): one walk down the trie gives every form the text starts with, shortest first, instead of
  // asking each of the hundred forms sharing a first character whether the text starts with it
  let node: FormNode | undefined = FORM_TRIE;
  let found = 0;
  for (let i = 0; i < s.length; i++) {
    node = node.next.get(s.charCodeAt(i));
    if (node === undefined) break;
    if (node.forms.length > 0) ENDS[found++] = node;
  }
  // longest first; a short form not set off by a separator gives way to a shorter form
  for (let k = found - 1; k >= 0; k--) {
    for (const f of ENDS[k].forms) {
      SET_OFF_AT.lastIndex = f.text.length;
      const setOff = SET_OFF_AT.test(s);
      if (f.short && !setOff) continue;
      return { no: f.no, length: f.text.length, setOff: setOff || f.suffixed };
    }
  }
  return null;
}

interface Head {
  no: DirectionNo | null;
  /** Offsets (UTF-16, in the folded text) of the head as written, and of where the 简述 starts. */
  headStart: number;
  headEnd: number;
  rest: number;
  /** The head carries a direction name (not a numeral alone). */
  named: boolean;
  /** The head follows a "方向：" label. */
  labelled: boolean;
}

/**
 * The code units each of readHeadOf's patterns can start with (every one is anchored at the start of the text), asked
 * before running it: a "方向：" label (案例 / 申报 / 方向), a bracketed head, an enumerator (申报方向 / 方向 / 第, an
 * opening bracket, a numeral). A head is one of these or a name form.
 */
const codesOf = (chars: string): Set<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const LABEL_LEADS = codesOf("案申方");
const BRACKET_LEADS = codesOf("【［[");
const ENUMERATOR_LEADS = codesOf(`申方第(（〔［[${ENUMERATOR_NUMERALS}`);
const HEAD_LEADS = new Set<number>([
  ...LABEL_LEADS,
  ...BRACKET_LEADS,
  ...ENUMERATOR_LEADS,
  ...FORM_TRIE.next.keys(),
]);

/** Whether a separator starts with this code unit (asked first: nearly every 简述 starts with an ideograph). */
const startsSeparator = codeUnitTest(new RegExp(SEPARATORS_AT.source));

function afterSeparators(f: string, at: number): number {
  if (!startsSeparator(f.charCodeAt(at))) return at;
  SEPARATORS_AT.lastIndex = at;
  const sep = SEPARATORS_AT.exec(f);
  return at + (sep ? sep[0].length : 0);
}

/**
 * Read a direction head at the start of a folded text: [label] ( 【…】 | [enumerator] [name] ) [separators].
 * - A name with or without an enumerator: "（一）工业互联网安全分类分级方向：", "工业控制系统安全评估——". When enumerator
 *   and name disagree, the name wins. A full name that runs into the sentence without a separator ("车联网网络安全防护体系
 *   建设…") names the direction, but the 简述 keeps it.
 * - An enumerator alone when it cannot be the start of the clerk's own text: "(3)", "方向一", "第三", or a numeral set
 *   off by punctuation ("3.", "三、", "①：", "（一）："); never "3条产线" or "1.5G".
 * - After a "方向：" label, any spelling parseDirection knows, up to the first ；。 or space.
 * Returns null when no head leads the text.
 */
function readHead(f: string): Head | null {
  // hot: the 简述 after each head is asked again whether the direction repeats; most start with none of these
  if (!HEAD_LEADS.has(f.charCodeAt(0))) return null;
  return lastHeadRead(f);
}
/**
 * splitDirectionCell reads the head of the same text twice (once to skip what leads it): the last answer is kept (a
 * Head is never changed by its readers).
 */
const lastHeadRead = lastOfString(readHeadOf);

function readHeadOf(f: string): Head | null {
  const label = LABEL_LEADS.has(f.charCodeAt(0)) ? DIRECTION_LABEL.exec(f) : null;
  const p = label ? afterSeparators(f, label[0].length) : 0;
  const s = f.slice(p);
  const first = s.charCodeAt(0);

  const bracket = BRACKET_LEADS.has(first)
    ? /^[【［[]\s*([^】］\]]{1,40}?)\s*[】］\]]/.exec(s)
    : null;
  if (bracket) {
    const no = parseDirectionNo(bracket[1]);
    if (no !== null) {
      const start = p + bracket[0].indexOf(bracket[1]);
      return {
        no,
        headStart: start,
        headEnd: start + bracket[1].length,
        rest: afterSeparators(f, p + bracket[0].length),
        // a direction in brackets is a head by itself, numeral or name
        named: true,
        labelled: label !== null,
      };
    }
  }

  let q = p;
  let enumNo: DirectionNo | null = null;
  let enumOk = false;
  const en = ENUMERATOR_LEADS.has(first) ? ENUMERATOR.exec(s) : null;
  if (en) {
    enumNo = oneToFive(en[2] ?? en[3]);
    const after = s.slice(en[0].length);
    const punct = ENUM_PUNCT.exec(after);
    const arabicBracketed = en[2] !== undefined && /[1-5]/.test(en[2]);
    enumOk = en[1] !== undefined || arabicBracketed || punct !== null || after.trim() === "";
    q = p + en[0].length + (punct ? punct[0].length : /^\s*/.exec(after)![0].length);
  }
  const name = en ? nameAt(f.slice(q)) : nameAt(s);
  if (name) {
    const start = en ? q : p;
    const end = start + name.length;
    // a name leading the sentence ("车联网网络安全防护体系建设…") names the direction but stays in the 简述
    const rest = name.setOff || en || label ? afterSeparators(f, end) : p;
    return { no: name.no, headStart: p, headEnd: end, rest, named: true, labelled: label !== null };
  }
  if (en && enumOk) {
    return {
      no: enumNo,
      headStart: p,
      headEnd: q,
      rest: afterSeparators(f, q),
      named: false,
      labelled: label !== null,
    };
  }
  if (!label) return null;
  // "方向：数据安全；简述：…": labelled; a direction in any spelling, or none we know (kept for the message)
  const end = s.search(/[;；。\n]|简述|\s/);
  const headEnd = end < 0 ? f.length : p + end;
  if (!/[\p{L}\p{N}]/u.test(f.slice(p, headEnd))) {
    // "方向：“ …": punctuation alone names nothing
    return {
      no: null,
      headStart: p,
      headEnd: p,
      rest: afterSeparators(f, headEnd),
      named: false,
      labelled: true,
    };
  }
  return {
    no: parseDirectionNo(f.slice(p, headEnd)),
    headStart: p,
    headEnd,
    rest: afterSeparators(f, headEnd),
    named: false,
    labelled: true,
  };
}

/** The number of the direction a short text names in any spelling parseDirection knows, or null. */
function parseDirectionNo(input: string): DirectionNo | null {
  const name = parseDirection(input);
  return name ? directionByName(name).no : null;
}

/** A direction as parseDirection and parseDirectionHead read it: folded, without spaces or trailing punctuation. */
function directionText(input: unknown): string {
  return toHalfWidth(cleanText(input))
    .replace(/\s/g, "")
    .replace(/[:：;；。,，、.．]+$/g, "");
}

/**
 * A direction written as a full name (with or without 案例 / 方向, in the form's or the notice's wording), a short name
 * (分类分级, 车联网, 工控评估, 漏洞治理, 威胁监测), a number 1–5 in any of the forms clerks use (3, 方向1, 方向一, ①,
 * （三）, 第三), the notice's heading ("（一）工业互联网安全分类分级方向"), or full-width forms and Kangxi radicals of any
 * of these; in a cell of its own, a text that contains one of the key words (安全评估, 漏洞, 监测…). Returns null when
 * nothing matches (blank and N/A marks included).
 */
export function parseDirection(input: unknown): DirectionName | null {
  const s = directionText(input);
  if (s === "") return null;
  const head = readHead(s);
  if (head && head.no !== null) return directionByNo(head.no)!.name;
  for (const d of DIRECTIONS) if (d.keys.some((k) => s.includes(k))) return d.name;
  return null;
}

/**
 * The direction named by the text in front of a 简述, and nothing more: a number (1–5, ①, 一, （三）, 方向2), a full
 * name (with or without 案例 / 方向), a short name, or the notice's wording with 安全 ("工业控制产品安全漏洞治理"). A first
 * clause that merely mentions a direction ("完成分类分级定级与防护") is not a head.
 */
export function parseDirectionHead(input: unknown): DirectionName | null {
  const s = directionText(input);
  if (s === "") return null;
  const head = readHead(s);
  if (!head || head.no === null || head.rest < s.length) return null;
  return directionByNo(head.no)!.name;
}

export interface DirectionCell {
  direction: DirectionName | null;
  /** The direction as written in front of the 简述 ("车联网网络安全防护", "4"), '' when none leads the cell. */
  head: string;
  /** The 简述 alone: no leading direction (not even a repeated one), label, separator or dash. */
  summary: string;
}

/** Code points of `s` before UTF-16 offset `at` (folding maps code point to code point, so offsets carry over). */
function codePointsBefore(s: string, at: number): number {
  let n = 0;
  for (let i = 0; i < at; i++) {
    const c = s.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0)) n++;
  }
  return n;
}

/** The raw text between the code points at UTF-16 offsets `from` and `to` of its folded form. */
function rawSlice(raw: string, folded: string, from: number, to = folded.length): string {
  if (raw.length === folded.length) return raw.slice(from, to);
  return [...raw].slice(codePointsBefore(folded, from), codePointsBefore(folded, to)).join("");
}

/**
 * Where the 简述 starts, from `from` on: past a "简述：" label, separators and dashes, and the direction `no` repeated
 * by name ("工业控制系统安全评估 实现…" under 工业控制系统安全评估案例) — never past a numeral alone ("3.建立…" under
 * direction 3 is the clerk's own list).
 */
function summaryStart(folded: string, from: number, no: DirectionNo | null): number {
  let p = from;
  for (let guard = 0; guard < 8; guard++) {
    const before = p;
    // each step only where it can match (hot: the text is a head, 工业…, or the 简述 itself, far more often than a
    // label or separators); where none can, p stays and the loop ends
    const c = folded.charCodeAt(p);
    if (c === SUMMARY_LABEL_FIRST || startsSeparator(c)) {
      SUMMARY_LABEL_AT.lastIndex = p;
      const lab = SUMMARY_LABEL_AT.exec(folded);
      if (lab) p += lab[0].length;
    }
    p = afterSeparators(folded, p);
    const again = HEAD_LEADS.has(folded.charCodeAt(p)) ? readHead(folded.slice(p)) : null;
    if (again && again.labelled && again.headEnd === again.headStart) {
      // a "方向：" label naming nothing ("方向：简述：…")
      p += again.rest;
    } else if (again && no !== null && again.no === no && (again.named || again.labelled)) {
      p += again.rest;
    }
    if (p === before) break;
  }
  return p;
}

/**
 * The 附件3 "案例申报方向和简述" cell leads with the direction, written in many ways: "工业互联网安全分类分级案例：…",
 * "（一）工业互联网安全分类分级方向：…" (the notice's heading), "【车联网网络安全防护】…", "方向：工业控制系统安全评估；简述：…",
 * "方向一：…", "①：…", "3.…", "（4）…", "工业控制系统安全评估——…", with full-width forms and Kangxi radicals. Splits it
 * into the direction (when one leads the cell), the head as written, and the 简述 — free of any leading direction
 * (a repeated one too), label, separator and dash, and otherwise as written.
 */
export function splitDirectionCell(input: unknown): DirectionCell {
  let raw = cleanText(input);
  if (raw === "") return { direction: null, head: "", summary: "" };
  const whole = toHalfWidth(raw);
  // separators or a "简述：" label in front of everything ("：工业…") are not part of the cell
  const lead = summaryStart(whole, 0, null);
  const folded = whole.slice(lead);
  raw = rawSlice(raw, whole, lead);
  const head = readHead(folded);
  if (!head) {
    return {
      direction: null,
      head: "",
      summary: rawSlice(raw, folded, summaryStart(folded, 0, null)).trim(),
    };
  }
  const headText = rawSlice(raw, folded, head.headStart, head.headEnd)
    .trim()
    .replace(/[\s:：;；,，。.、．]+$/, "")
    // a numeral alone is reported without its brackets: "（1）" → "1"
    .replace(/^[(（〔［[]\s*([^)）〕］\]])\s*[)）〕］\]]$/, "$1");
  const summary = rawSlice(raw, folded, summaryStart(folded, head.rest, head.no)).trim();
  return {
    direction: head.no === null ? null : directionByNo(head.no)!.name,
    head: headText,
    summary,
  };
}

/**
 * The canonical 附件3 cell, written once: "方向名称：简述". The 简述 is cleaned of a leading "简述：" label, separators,
 * dashes and the same direction repeated by name, so that writing back what was read never repeats the direction nor
 * leaves "——" or "：" dangling. Without a direction, the 简述 as given.
 */
export function joinDirectionCell(direction: DirectionName | null, summary: string): string {
  // hot: every written record, in each sheet that shows it
  return direction === null ? cleanText(summary) : joinMemoOf(direction)(summary);
}

/**
 * One memo per direction, keyed by the 简述 itself: the record's own string, whose hash V8 keeps after the first. The
 * five together hold at most as many texts as one memo of every direction did.
 */
const joinMemos = new Map<DirectionName, (summary: string) => string>();
const JOIN_MEMO_TEXTS = 30_000;
function joinMemoOf(direction: DirectionName): (summary: string) => string {
  let memo = joinMemos.get(direction);
  if (!memo) {
    memo = memoOfString((s) => joinCell(direction, s), JOIN_MEMO_TEXTS);
    joinMemos.set(direction, memo);
  }
  return memo;
}

function joinCell(direction: DirectionName | null, summary: string): string {
  const clean = cleanText(summary);
  if (!direction) return clean;
  const folded = toHalfWidth(clean);
  const body = rawSlice(
    clean,
    folded,
    summaryStart(folded, 0, directionByName(direction).no)
  ).trim();
  return body ? `${direction}：${body}` : direction;
}
