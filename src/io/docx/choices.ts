/**
 * Which options of a check-box list are ticked, read from the text of the cell as people fill it in:
 * - a glyph before each option (☑国有企业 □民营企业) or after it (国有企业■ 民营企业□ / 国有企业√);
 * - content controls and legacy check boxes, already turned into ☑ / ☐ by docxModel;
 * - no glyphs at all, with only the chosen option(s) left in the cell.
 */

/** Ticked marks as they arrive: ballot boxes with a tick or a cross, filled squares, ticks, filled circles. */
export const TICKED_GLYPHS = "☑☒■√✓✔✅⊠▣◼●◉⬛☛";
/** Unticked marks. */
export const UNTICKED_GLYPHS = "□☐◻❑○◯▢";

export interface ChoiceResult {
  /** The options found ticked, in the order of the list (canonical option text). */
  ticked: string[];
  /** How the ticks were read: 'glyph' (marks beside the options), 'leftover' (only the chosen text left), 'none'. */
  mode: "glyph" | "leftover" | "none";
}

interface Option {
  /** Canonical option (returned in `ticked`). */
  name: string;
  /** Spellings to look for (longest first is applied globally). */
  spellings: string[];
}

interface Hit {
  name: string;
  start: number;
  end: number;
}

const isGlyph = (ch: string): boolean => TICKED_GLYPHS.includes(ch) || UNTICKED_GLYPHS.includes(ch);

/**
 * Read the ticked options of `options` from `text`. Spellings may be given per option (e.g. the direction names
 * with and without 案例); whitespace inside the text is ignored, so "国 有 企 业" matches.
 */
export function readChoices(text: string, options: ReadonlyArray<string | Option>): ChoiceResult {
  const opts: Option[] = options.map((o) =>
    typeof o === "string" ? { name: o, spellings: [o] } : o
  );
  const { s, pos } = strip(bracketMarks(text));
  const hits = findOptions(s, opts);
  if (hits.length === 0) return { ticked: [], mode: "none" };
  let glyphs = 0;
  for (let i = 0; i < s.length; i++) if (isGlyph(s[i])) glyphs += 1;
  if (glyphs === 0) {
    // Only the chosen option left in the cell; a list with every option still present and no mark is unreadable.
    const distinct = new Set(hits.map((h) => h.name));
    if (distinct.size === opts.length && opts.length > 1) return { ticked: [], mode: "none" };
    return { ticked: order(opts, [...distinct]), mode: "leftover" };
  }
  // Glyphs in each gap between options: a lone glyph belongs by the cell's convention (marks before the options when
  // the cell starts with one, after them when it ends with one; with neither, to the option it is written against —
  // "民营企业√  合资企业"); with two or more, the first is the previous option's and the last the next one's
  // ("□国有企业 □民营企业√ □合资企业" — a √ typed after the chosen option of a □-before list).
  const gaps: number[][] = [];
  for (let g = 0; g <= hits.length; g++) {
    const from = g === 0 ? 0 : hits[g - 1].end;
    const to = g === hits.length ? s.length : hits[g].start;
    const at: number[] = [];
    for (let i = from; i < to; i++) if (isGlyph(s[i])) at.push(i);
    gaps.push(at);
  }
  const first = gaps[0].length > 0;
  const last = gaps[hits.length].length > 0;
  const marks: string[][] = hits.map(() => []);
  gaps.forEach((at, g) => {
    if (at.length === 0) return;
    const prev = g - 1;
    const next = g < hits.length ? g : -1;
    if (prev < 0) marks[next].push(s[at[at.length - 1]]);
    else if (next < 0) marks[prev].push(s[at[0]]);
    else if (at.length === 1) {
      let toNext = first || !last;
      if (!first && !last) {
        // no convention: the option the mark is written against (fewer spaces between them)
        const before = pos[at[0]] - pos[hits[prev].end - 1];
        const after = pos[hits[next].start] - pos[at[0]];
        toNext = after <= before;
      }
      marks[toNext ? next : prev].push(s[at[0]]);
    } else {
      marks[prev].push(s[at[0]]);
      marks[next].push(s[at[at.length - 1]]);
    }
  });
  const ticked = hits
    .filter((_, i) => marks[i].some((m) => TICKED_GLYPHS.includes(m)))
    .map((h) => h.name);
  return { ticked: order(opts, ticked), mode: "glyph" };
}

const OPEN = "(（\\[【〔";
const CLOSE = ")）\\]】〕";
const BRACKETED_TICK = new RegExp(`[${OPEN}]\\s*([${TICKED_GLYPHS}])\\s*[${CLOSE}]`, "g");
const EMPTY_BRACKETS = new RegExp(`[${OPEN}][\\s\u3000_＿]*[${CLOSE}]`, "g");

/** "国有企业（√） 民营企业（ ）": a bracketed tick is the tick, an empty bracket pair an unticked box. */
function bracketMarks(text: string): string {
  if (!/[(（[【〔]/.test(text)) return text;
  return text.replace(BRACKETED_TICK, "$1").replace(EMPTY_BRACKETS, "□");
}

/** The text without whitespace and blanks, and where each kept character was in it. */
function strip(text: string): { s: string; pos: number[] } {
  let s = "";
  const pos: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/[\s\u3000_＿]/.test(text[i])) continue;
    s += text[i];
    pos.push(i);
  }
  return { s, pos };
}

function findOptions(s: string, opts: Option[]): Hit[] {
  const spellings = opts
    .flatMap((o) => o.spellings.map((sp) => ({ name: o.name, sp: sp.replace(/\s+/g, "") })))
    .sort((a, b) => b.sp.length - a.sp.length);
  const hits: Hit[] = [];
  let i = 0;
  while (i < s.length) {
    const m = spellings.find((x) => s.startsWith(x.sp, i));
    if (m) {
      hits.push({ name: m.name, start: i, end: i + m.sp.length });
      i += m.sp.length;
    } else i++;
  }
  return hits;
}

function order(opts: Option[], names: string[]): string[] {
  return opts.map((o) => o.name).filter((n) => names.includes(n));
}

/** The free text after 其他（请注明：…）, without the prompt, brackets, underscores or marks. */
export function otherText(text: string): string {
  const i = text.lastIndexOf("其他");
  if (i < 0) return "";
  let rest = text.slice(i + 2);
  rest = rest.replace(/^[\s(（]*(请注明|请说明|注明)?[\s)）:：]*/, "");
  rest = rest.replace(new RegExp(`[${TICKED_GLYPHS}${UNTICKED_GLYPHS}_＿]`, "g"), "");
  rest = rest.replace(/[)）]\s*$/, "").replace(/^[)）]/, "");
  return rest.replace(/\s+/g, " ").trim();
}
