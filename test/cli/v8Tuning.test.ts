/**
 * The command's V8 tuning (src/cli/v8Tuning.ts): the raised optimisation budget and no pretenuring are set, unless
 * HUHANG_V8_DEFAULTS=1 asks for V8's defaults (to compare). Its effect on speed is measured by `npm run bench`, not asserted.
 */
import { execFileSync } from "node:child_process";
import v8 from "node:v8";
import { INTERRUPT_BUDGET, tuneForOneRun } from "../../src/cli/v8Tuning";

describe("tuneForOneRun", () => {
  const before = process.env.HUHANG_V8_DEFAULTS;
  let set: jest.SpyInstance;
  beforeEach(() => {
    // V8 itself is left alone: only what would be set is recorded
    set = jest.spyOn(v8, "setFlagsFromString").mockImplementation(() => undefined);
  });
  afterEach(() => {
    set.mockRestore();
    if (before === undefined) delete process.env.HUHANG_V8_DEFAULTS;
    else process.env.HUHANG_V8_DEFAULTS = before;
  });

  it("raises the interrupt budget V8 optimises by, and turns pretenuring off", () => {
    delete process.env.HUHANG_V8_DEFAULTS;
    tuneForOneRun();
    expect(set.mock.calls).toEqual([
      [`--interrupt-budget=${INTERRUPT_BUDGET}`],
      ["--no-allocation-site-pretenuring"],
    ]);
    expect(INTERRUPT_BUDGET).toBeGreaterThan(67_584);
  });

  it("node's V8 knows both flags (an unknown one would print “unrecognized flag” on every run)", () => {
    set.mockRestore();
    const flags = execFileSync(process.execPath, ["--v8-options"], { encoding: "utf8" });
    expect(flags).toMatch(/--interrupt-budget\b/);
    expect(flags).toMatch(/--allocation-site-pretenuring\b/);
  });

  it("keeps V8's defaults with HUHANG_V8_DEFAULTS=1", () => {
    process.env.HUHANG_V8_DEFAULTS = "1";
    tuneForOneRun();
    expect(set).not.toHaveBeenCalled();
  });
});
