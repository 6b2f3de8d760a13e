/**
 * Formula text as Excel rewrites it, for the fake: cell references between A1 and R1C1 notation (formulasR1C1), and
 * the references to a sheet when the sheet is renamed (they follow it) or deleted (they become #REF!). Text inside
 * string literals ("…") is never touched, as in Excel: INDIRECT("明细!A1") keeps pointing at a name.
 *
 * Limits of the fake: cell references only (A1, $A$1, A1:B2, Sheet!A1, 'Sheet name'!A1); whole columns or rows
 * (A:A, 1:1) and defined names are left as they are.
 */
import { columnLetter } from "../../../src/core/findings";
import { quoteSheet } from "./state";

/** Apply `f` to the parts of a formula outside string literals. */
function outsideStrings(formula: string, f: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join("");
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const A1_REF = /(?<![A-Za-z0-9_.\]])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(![])/g;
const R1C1_REF = /(?<![A-Za-z0-9_.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(!])/g;

/** A1 → R1C1 for the cell at (row, col), 0-based. */
export function toR1C1(formula: string, row: number, col: number): string {
  if (!formula.startsWith("=")) return formula;
  return outsideStrings(formula, (part) =>
    part.replace(A1_REF, (_m, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const r = Number(digits);
      const c = colNumber(letters);
      const rowPart = rowAbs ? `R${r}` : r - 1 === row ? "R" : `R[${r - 1 - row}]`;
      const colPart = colAbs ? `C${c}` : c - 1 === col ? "C" : `C[${c - 1 - col}]`;
      return rowPart + colPart;
    })
  );
}

/** R1C1 → A1 for the cell at (row, col), 0-based. */
export function fromR1C1(formula: string, row: number, col: number): string {
  if (!formula.startsWith("=")) return formula;
  return outsideStrings(formula, (part) =>
    part.replace(R1C1_REF, (_m, r?: string, c?: string) => {
      const at = (spec: string | undefined, here: number) =>
        spec === undefined
          ? { n: here + 1, abs: false }
          : spec.startsWith("[")
            ? { n: here + 1 + Number(spec.slice(1, -1)), abs: false }
            : { n: Number(spec), abs: true };
      const rr = at(r, row);
      const cc = at(c, col);
      return `${cc.abs ? "$" : ""}${columnLetter(cc.n)}${rr.abs ? "$" : ""}${rr.n}`;
    })
  );
}

/**
 * References to sheet `from` rewritten: to sheet `to` (a rename), or to #REF! (`to` null: the sheet was deleted).
 * Sheet names compare case-insensitively, as in Excel.
 */
export function renameSheetRefs(formula: string, from: string, to: string | null): string {
  if (!formula.startsWith("=")) return formula;
  const wanted = from.toLowerCase();
  return outsideStrings(formula, (part) =>
    part.replace(
      /(?<![\p{L}\p{N}_.'])(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!/gu,
      (m, quoted: string | undefined, bare: string | undefined) => {
        const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare!;
        if (name.toLowerCase() !== wanted) return m;
        return to === null ? "#REF!" : `${quoteSheet(to)}!`;
      }
    )
  );
}
