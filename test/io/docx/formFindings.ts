/** The findings a clerk sees for a Word form: what reading it said, then the form's own rules on its record. */
import { applicationToRecord } from "../../../src/core/application";
import type { Finding } from "../../../src/core/findings";
import type { Application } from "../../../src/core/model";
import { checkForm } from "../../../src/core/rules";
import { defaultSettings } from "../../../src/core/settings";

export function formFindings(read: {
  application: Application | null;
  findings: Finding[];
}): Finding[] {
  if (!read.application) return read.findings;
  return [
    ...read.findings,
    ...checkForm(applicationToRecord(read.application, 1, null), defaultSettings()),
  ];
}
