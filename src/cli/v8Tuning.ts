/**
 * V8 tuned for a command that runs once and ends.
 *
 * The optimisation budget. By default V8 hands a function to its optimising compiler (TurboFan) after a little work
 * (an interrupt budget of 67,584 bytecode units). A batch of workbooks runs a few hundred functions for well under a
 * second: most of that compiling, on the second core the deflate worker and the collector also use, would finish
 * after it could pay off, and early optimised code often deoptimises again. Optimising after about nine times the
 * work, measured whole process on this 2-core machine (interleaved medians): 14 × 50 rows 256 → 236 ms, 14 × 1,000
 * 973 → 875 ms; 14 × 5,000 unchanged (long runs optimise either way).
 *
 * No pretenuring. V8 allocates the objects of an allocation site straight in the old generation once most of them
 * survive a scavenge. A workbook's cells and rows do survive one (they live while their file is read), then die:
 * pretenured, every text they point to is a store from old into new space (a remembered slot each scavenge must
 * visit), and the switch throws away the optimised code that allocates them (the sheet parser, compiled again). Without
 * it (interleaved medians, this machine): 14 × 1,000 rows 791 → 761 ms, 14 × 5,000 2,458 → 2,315 ms, 14 × 50 and
 * peak memory unchanged.
 *
 * HUHANG_V8_DEFAULTS=1 keeps V8's defaults (for comparing).
 */
import { setFlagsFromString } from "node:v8";

/** Bytecode units of work before a function is considered for optimisation (V8's default: 67,584). */
export const INTERRUPT_BUDGET = 600_000;

/** Set the command's V8 tuning: at the start of the process, before the work. */
export function tuneForOneRun(): void {
  if (process.env.HUHANG_V8_DEFAULTS === "1") return;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  setFlagsFromString("--no-allocation-site-pretenuring");
}
