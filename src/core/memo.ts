/**
 * A bounded memo for pure functions of a string: the same few thousand names and codes are normalised again by the
 * reader, the rules, the writer and every call of a worksheet function. Kept across calls; cleared when full, so it
 * never holds more than `max` entries.
 */
export function memoOfString<R>(f: (s: string) => R, max = 150_000): (s: string) => R {
  const cache = new Map<string, R>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const r = f(s);
    if (cache.size >= max) cache.clear();
    cache.set(s, r);
    return r;
  };
}

/**
 * A memo of one entry for a pure function of a string: the last text asked and its answer. For a text asked again
 * right after itself (every row of a table holding the same cell, one cell read twice), where a Map would hash each
 * new text for nothing. The answer is shared: callers must not change it.
 */
export function lastOfString<R>(f: (s: string) => R): (s: string) => R {
  let asked: string | null = null;
  let answer: R;
  return (s) => {
    if (s !== asked) {
      answer = f(s);
      asked = s;
    }
    return answer;
  };
}
