/** The one-entry memo behind the per-row "last answer" shortcuts (source columns, timestamps, direction heads). */
import { lastOfString } from "../../src/core/memo";

describe("lastOfString", () => {
  it("answers each text as the function does, and asks it again only when the text changes", () => {
    const asked: string[] = [];
    const length = lastOfString((s) => {
      asked.push(s);
      return s.length;
    });
    expect(["ab", "ab", "abc", "", "", "ab"].map(length)).toEqual([2, 2, 3, 0, 0, 2]);
    expect(asked).toEqual(["ab", "abc", "", "ab"]);
  });

  it("remembers nothing of a call that threw", () => {
    let fail = true;
    const f = lastOfString((s) => {
      if (fail) throw new Error("无法读取");
      return s + "!";
    });
    expect(() => f("x")).toThrow("无法读取");
    fail = false;
    expect(f("x")).toBe("x!");
  });
});
