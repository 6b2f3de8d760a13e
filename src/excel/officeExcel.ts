/**
 * The only code that touches the Office.js globals Excel.run and Excel.createWorkbook. Everything else receives them as
 * an ExcelRun / CreateWorkbook, so tests and the browser end-to-end test can pass the in-memory fake instead.
 */
import type { CreateWorkbook, ExcelRun, XlContext, XlRequirements } from "./xl";

export function officeExcelRun(): ExcelRun {
  // Excel.RequestContext must stay assignable to XlContext: this line is the compile-time check of ./xl.ts
  return (batch) =>
    Excel.run((context: Excel.RequestContext) => batch(context satisfies XlContext));
}

export function officeCreateWorkbook(): CreateWorkbook {
  return (base64) => Excel.createWorkbook(base64);
}

/** Office.context.requirements where Office.js runs in an Office host; elsewhere nothing above the minimum. */
export function officeRequirements(): XlRequirements {
  return {
    isSetSupported: (name: string, version?: string) =>
      typeof Office !== "undefined" &&
      Office.context?.requirements?.isSetSupported(name, version) === true,
  };
}
