/**
 * Read the enterprise 申报表 (附件1 .docx) a Word document holds into Applications and their findings. Never throws.
 *
 * Why this stack (fflate + our central-directory reader + @xmldom/xmldom, not a docx library):
 * 1. The form's meaning is in table structure (gridSpan, vMerge) and check boxes (w14:checkbox state, symbol fonts,
 *    FORMCHECKBOX and EQ fields), and in what Word does NOT show (hidden runs, placeholders, deleted revisions);
 *    docx→text/HTML libraries (mammoth, docx4js…) flatten or drop exactly these.
 * 2. Reading the central directory ourselves gives every declared size before inflating; fflate's streaming Inflate
 *    lets us stop at a hard cap, so zip bombs and lying headers are refused without allocating them.
 * 3. xmldom never resolves external entities or fetches anything; we also refuse any <!DOCTYPE> before parsing, and
 *    relationships (external images, links) are never followed.
 * 4. Both are small, pure JavaScript, already dependencies, and run unchanged in Node and the browser (Uint8Array).
 * 5. Only word/document.xml (and styles.xml when it hides text) is inflated: 100 forms import well under 2 s.
 */
import { FORM_SHEET } from "../../core/application";
import { finding, type Finding } from "../../core/findings";
import type { Application } from "../../core/model";
import { buildApplication } from "./buildApplication";
import type { DocBlock } from "./docxModel";
import { DEFAULT_DOCX_LIMITS, openWordDocument, type DocxLimits } from "./package";
import { countCovers, splitForms } from "./segment";

export { sniffDocFormat } from "./sniff";
export { DEFAULT_DOCX_LIMITS, docxLimitsFrom, type DocxLimits } from "./package";

export interface ApplicationsRead {
  /** Every form the document holds, in document order: the first is "申报表", the k-th "申报表（k）". */
  applications: Application[];
  findings: Finding[];
}

const NOT_A_FORM =
  "文件是 Word 文档，但没有找到申报表的封面（案例名称、申报单位）和“申报单位基本情况”表：请确认这是附件1《典型案例申报表》";

/** Every 附件1 form of a Word document. */
export async function readApplicationsDocx(
  data: Uint8Array | ArrayBuffer,
  file: string,
  opts: { limits?: Partial<DocxLimits> } = {}
): Promise<ApplicationsRead> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const opened = openWordDocument(bytes, { ...DEFAULT_DOCX_LIMITS, ...opts.limits });
  if (!opened.ok)
    return { applications: [], findings: [finding("FILE", { file }, opened.message)] };
  const read = formsOf(opened.blocks, file);
  if (read.applications.length === 0) read.findings.unshift(finding("FILE", { file }, NOT_A_FORM));
  return read;
}

/** The first form of a Word document (readApplicationsDocx for callers that take one form per file). */
export async function readApplicationDocx(
  data: Uint8Array | ArrayBuffer,
  file: string,
  opts: { limits?: Partial<DocxLimits> } = {}
): Promise<{ application: Application | null; findings: Finding[] }> {
  const { applications, findings } = await readApplicationsDocx(data, file, opts);
  return { application: applications[0] ?? null, findings };
}

/** The part name of the k-th form (1-based) of a document: 申报表, 申报表（2）, 申报表（3）… */
export function formSheet(k: number): string {
  return k === 1 ? FORM_SHEET : `${FORM_SHEET}（${k}）`;
}

/** The forms among a document's blocks, each built on its own; no form at all gives no application. */
export function formsOf(blocks: DocBlock[], file: string): ApplicationsRead {
  const parts = splitForms(blocks);
  const applications: Application[] = [];
  const findings: Finding[] = [];
  for (const part of parts) {
    const app = buildApplication(part, file, formSheet(applications.length + 1));
    if (looksLikeForm(app)) applications.push(app);
  }
  const covers = countCovers(blocks);
  if (applications.length > 0 && covers > applications.length) {
    findings.push(
      finding(
        "FILE",
        { file },
        `文档中有 ${covers} 处“案例名称”封面，但只读到 ${applications.length} 份完整的申报表（每份应有“申报单位基本情况”表）：可能有申报表未被读取，请把每份申报表单独保存为一个 .docx 后再导入`,
        { severity: "warning" }
      )
    );
  }
  return { applications, findings };
}

function looksLikeForm(app: Application): boolean {
  return (
    [app.caseName, app.applicant, app.unitName, app.uscc, app.contact].some((v) => v !== "") ||
    app.directionsTicked.length > 0
  );
}
