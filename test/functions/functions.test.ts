/**
 * The worksheet wrappers: results in the shapes Excel spills, and every problem turned into the Excel error the
 * clerk sees (#VALUE! with the Chinese message), never an uncaught exception.
 */
import {
  coverageFn,
  crossRegionFn,
  multiDirectionFn,
  ratioFn,
  tierCountFn,
  usccFn,
} from "../../src/functions/functions";
import { FallbackFunctionError } from "../../src/functions/errors";

/** A stand-in for the CustomFunctions global the Office runtime provides. */
class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}
const fakeRuntime = {
  Error: FakeExcelError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
};

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error("expected the function to throw");
}

describe("inside Excel (CustomFunctions present)", () => {
  const g = globalThis as { CustomFunctions?: unknown };
  beforeEach(() => {
    g.CustomFunctions = fakeRuntime;
  });
  afterEach(() => {
    delete g.CustomFunctions;
  });

  test("shape errors become #VALUE! with the Chinese message", () => {
    const e = thrown(() => ratioFn([[1], [2]], [[1]]));
    expect(e).toBeInstanceOf(FakeExcelError);
    expect((e as FakeExcelError).code).toBe("#VALUE!");
    expect((e as FakeExcelError).message).toContain("大小不一致");
  });

  test("an unreadable tier becomes #VALUE!", () => {
    const e = thrown(() => tierCountFn([["三级"]], "特级")) as FakeExcelError;
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("特级");
  });

  test("an unexpected exception inside is still an Excel error, not an uncaught one", () => {
    const hostile = {
      toString: () => {
        throw new TypeError("boom");
      },
    };
    const e = thrown(() => tierCountFn([[hostile]])) as FakeExcelError;
    expect(e).toBeInstanceOf(FakeExcelError);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("boom");
  });
});

describe("results", () => {
  test("TIERCOUNT spills 1×3 without tier and a 1×1 with one", () => {
    const levels = [["三级"], ["3级"], ["二级"], [""], ["一级"]];
    expect(tierCountFn(levels)).toEqual([[2, 1, 1]]);
    expect(tierCountFn(levels, "三级")).toEqual([[2]]);
  });

  test('RATIO and COVERAGE return numbers, or "" when there is no data', () => {
    expect(ratioFn([["9"], ["3"]], [["10"], ["５"]])).toBeCloseTo(12 / 15, 12);
    expect(ratioFn([[""]], [[""]])).toBe("");
    expect(coverageFn([[100], [300]], [["50%"], [0.9]])).toBeCloseTo((50 + 270) / 400, 12);
  });

  test("MULTIDIRECTION and CROSSREGION spill one column as tall as the input", () => {
    const ents = [["甲公司"], ["乙公司"], ["甲公司"]];
    expect(multiDirectionFn(ents, [["车联网"], ["1"], ["2"]])).toEqual([[""], [""], [""]]);
    expect(crossRegionFn(ents, [["长沙"], ["长沙"], ["株洲"]])).toEqual([
      ["多地推荐：长沙市、株洲市"],
      [""],
      ["多地推荐：长沙市、株洲市"],
    ]);
  });

  test('USCC gives "" or the reason', () => {
    expect(usccFn("91430100MA4L12346D")).toBe("");
    expect(usccFn("91430100MA4L12346E")).toContain("校验码");
  });

  test("outside Office the error is a plain Error with the same code and message", () => {
    const e = thrown(() => coverageFn([[1]], [[1], [2]]));
    expect(e).toBeInstanceOf(FallbackFunctionError);
    expect((e as FallbackFunctionError).code).toBe("invalidValue");
  });
});
