/**
 * Turn a core FormulaError kind into the error Excel shows in the cell (#VALUE! / #N/A with our Chinese message).
 * CustomFunctions is a global provided by the Office runtime; outside it (unit tests, a plain browser) a plain
 * Error carrying the same code and message is thrown instead so nothing breaks.
 */
import type { FormulaErrorKind } from "../core/formulas";

export class FallbackFunctionError extends Error {
  readonly code: FormulaErrorKind;
  constructor(code: FormulaErrorKind, message: string) {
    super(message);
    this.name = "FallbackFunctionError";
    this.code = code;
  }
}

/** The value to throw from a custom function (CustomFunctions.Error is not a subclass of the global Error). */
export function toExcelError(
  kind: FormulaErrorKind,
  message: string
): CustomFunctions.Error | FallbackFunctionError {
  if (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function") {
    const code =
      kind === "notAvailable"
        ? CustomFunctions.ErrorCode.notAvailable
        : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, message);
  }
  return new FallbackFunctionError(kind, message);
}
