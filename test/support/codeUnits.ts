/**
 * Every UTF-16 code unit through a check, for the fast paths that stand in for a pattern or a plain definition: throws
 * naming the first code unit (and the text it was in, when the check says) that fails. 65,536 checks, no fast-check
 * sample: a character class that misses one code unit is found.
 */
export function everyCodeUnit(ok: (ch: string, c: number) => true | string): void {
  for (let c = 0; c <= 0xffff; c++) {
    const verdict = ok(String.fromCharCode(c), c);
    if (verdict !== true) throw new Error(`U+${c.toString(16).padStart(4, "0")}: ${verdict}`);
  }
}
