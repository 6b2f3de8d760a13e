/**
 * A small evaluator for the formulas the add-in writes for indicators, with Excel's rules for empty cells: a custom
 * function (HUHANG.RATIO / HUHANG.COVERAGE) receives each empty cell of a reference as 0 (Excel on Windows and Mac,
 * office-js #4702 / #5262) or as null (Excel on the web); Excel's own functions see it as blank: ISBLANK(r) is TRUE,
 * r<>"" is FALSE, SUM and COUNT skip it, in arithmetic and SUMPRODUCT it is 0. IF over a range is evaluated cell by
 * cell (dynamic arrays); text × number is #VALUE!, x/0 is #DIV/0!, which IFERROR catches.
 *
 * Grammar (all the shapes indicatorSheets.ts and src/sheets/indicators.ts write): expr := prod ('<>' prod)?;
 * prod := term (('*' | '/') term)*; term := '(' expr ')' | NAME '(' expr, … ')' | A1 | A1:B2 | "text" | number.
 * Anything else throws, so a formula of another shape fails the test instead of passing.
 */
import { coverageFn, ratioFn } from "../../src/functions/functions";
import type { FakeSheetView } from "../support/fakeExcel";

export type Blanks = "desktop" | "web";

type Value = unknown;
type Node =
  | { t: "call"; name: string; args: Node[] }
  | { t: "ref"; ref: string }
  | { t: "str"; v: string }
  | { t: "num"; v: number }
  | { t: "op"; op: "*" | "/" | "<>"; a: Node; b: Node };

/** An empty cell as Excel's own functions see it. */
const BLANK = Symbol("blank");

class ExcelError extends Error {}

function parse(formula: string): Node {
  const src = formula.replace(/^=/, "");
  let i = 0;
  const peek = () => src[i];
  const expect = (ch: string) => {
    if (src[i] !== ch) throw new Error(`公式“${formula}”第 ${i} 位应为 ${ch}`);
    i++;
  };
  const expr = (): Node => {
    const a = prod();
    if (src.startsWith("<>", i)) {
      i += 2;
      return { t: "op", op: "<>", a, b: prod() };
    }
    return a;
  };
  const prod = (): Node => {
    let a = term();
    while (peek() === "*" || peek() === "/") {
      const op = peek() as "*" | "/";
      i++;
      a = { t: "op", op, a, b: term() };
    }
    return a;
  };
  const term = (): Node => {
    if (peek() === "(") {
      i++;
      const inner = expr();
      expect(")");
      return inner;
    }
    if (peek() === '"') {
      const end = src.indexOf('"', i + 1);
      const v = src.slice(i + 1, end);
      i = end + 1;
      return { t: "str", v };
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return { t: "num", v: Number(num[0]) };
    }
    const ref = /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?(?![A-Z0-9.(])/.exec(src.slice(i));
    if (ref) {
      i += ref[0].length;
      return { t: "ref", ref: ref[0] };
    }
    const name = /^[A-Z][A-Z.]*(?=\()/.exec(src.slice(i));
    if (!name) throw new Error(`公式“${formula}”第 ${i} 位无法解析`);
    i += name[0].length;
    expect("(");
    const args: Node[] = [];
    if (peek() !== ")") {
      args.push(expr());
      while (peek() === ",") {
        i++;
        args.push(expr());
      }
    }
    expect(")");
    return { t: "call", name: name[0], args };
  };
  const node = expr();
  if (i !== src.length) throw new Error(`公式“${formula}”第 ${i} 位之后无法解析`);
  return node;
}

function cellsOf(ref: string): string[][] {
  const [a, b = a] = ref.split(":");
  const col = (s: string) =>
    [...s.replace(/\d+/, "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = (s: string) => Number(s.replace(/[A-Z]+/, ""));
  const letters = (n: number): string =>
    n <= 0 ? "" : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));
  return Array.from({ length: row(b) - row(a) + 1 }, (_, r) =>
    Array.from({ length: col(b) - col(a) + 1 }, (_, c) => `${letters(col(a) + c)}${row(a) + r}`)
  );
}

/** Elementwise over matrices (scalars broadcast). */
function map2(a: Value, b: Value, f: (x: Value, y: Value) => Value): Value {
  if (!Array.isArray(a) && !Array.isArray(b)) return f(a, b);
  const m = (Array.isArray(a) ? a : b) as Value[][];
  return m.map((row, r) =>
    row.map((_, c) =>
      f(
        Array.isArray(a) ? (a as Value[][])[r][c] : a,
        Array.isArray(b) ? (b as Value[][])[r][c] : b
      )
    )
  );
}

const num = (x: Value): number => {
  if (x === BLANK) return 0;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x !== "number") throw new ExcelError("#VALUE!");
  return x;
};

const flat = (v: Value): Value[] => (Array.isArray(v) ? (v as Value[][]).flat() : [v]);

export function evaluate(formula: string, sheet: FakeSheetView, blanks: Blanks): Value {
  const empty = (addr: string) => sheet.formula(addr) === null && sheet.value(addr) === "";
  const ev = (n: Node): Value => {
    switch (n.t) {
      case "str":
      case "num":
        return n.v;
      case "ref": {
        // a cell holding a formula holds its result (the fake does not calculate: it is evaluated here)
        const cell = (a: string): Value => {
          if (empty(a)) return BLANK;
          const f = sheet.formula(a);
          return f === null ? sheet.value(a) : evaluate(f, sheet, blanks);
        };
        const m = cellsOf(n.ref).map((row) => row.map(cell));
        return n.ref.includes(":") ? m : m[0][0];
      }
      case "op":
        return map2(ev(n.a), ev(n.b), (x, y) => {
          if (n.op === "<>") return (x === BLANK ? "" : x) !== (y === BLANK ? "" : y);
          if (n.op === "*") return num(x) * num(y);
          if (num(y) === 0) throw new ExcelError("#DIV/0!");
          return num(x) / num(y);
        });
      case "call":
        return call(n.name, n.args);
    }
  };
  /** What a custom function receives for an empty cell. */
  const forCustom = (v: Value): unknown[][] =>
    (Array.isArray(v) ? (v as Value[][]) : [[v]]).map((row) =>
      row.map((x) => (x === BLANK ? (blanks === "desktop" ? 0 : null) : x))
    );
  const call = (name: string, args: Node[]): Value => {
    switch (name) {
      case "ISBLANK": {
        const [a] = args;
        if (a.t !== "ref") throw new Error("ISBLANK 只接受单元格引用");
        const m = cellsOf(a.ref).map((row) => row.map(empty));
        return a.ref.includes(":") ? m : m[0][0];
      }
      case "IF":
        return mapIf(ev(args[0]), ev(args[1]), ev(args[2]));
      case "IFERROR":
        try {
          return ev(args[0]);
        } catch (e) {
          if (e instanceof ExcelError) return ev(args[1]);
          throw e;
        }
      case "SUM":
        return args
          .flatMap((a) => flat(ev(a)))
          .reduce<number>((t, x) => t + (typeof x === "number" ? x : 0), 0);
      case "COUNT":
        return args.flatMap((a) => flat(ev(a))).filter((x) => typeof x === "number").length;
      case "SUMPRODUCT": {
        const arrays = args.map((a) =>
          flat(ev(a)).map((x) => (typeof x === "number" ? x : typeof x === "boolean" ? +x : 0))
        );
        return arrays[0].reduce((t, _, k) => t + arrays.reduce((p, arr) => p * arr[k], 1), 0);
      }
      case "HUHANG.RATIO":
      case "HUHANG.COVERAGE": {
        const [a, b] = args.map(ev).map(forCustom);
        const fn = name === "HUHANG.RATIO" ? ratioFn : coverageFn;
        try {
          return fn(a, b);
        } catch {
          throw new ExcelError("#VALUE!");
        }
      }
      default:
        throw new Error(`测试的求值器不认识函数 ${name}`);
    }
  };
  const out = ev(parse(formula));
  return out === BLANK ? 0 : out;
}

function mapIf(cond: Value, a: Value, b: Value): Value {
  if (!Array.isArray(cond)) return cond ? a : b;
  return (cond as Value[][]).map((row, r) =>
    row.map((c, k) => {
      const pick = c ? a : b;
      return Array.isArray(pick) ? (pick as Value[][])[r][k] : pick;
    })
  );
}
