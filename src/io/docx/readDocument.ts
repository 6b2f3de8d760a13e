/**
 * A Word document as it arrives, recognised by its content (never by its name): the region's 附件2 成效突出地区申报表,
 * the 附件3 推荐汇总表 as a Word table, or the enterprises' 附件1 申报表 (one or several per document). Never throws.
 */
import { errorMessage } from "../../core/errors";
import { finding, type Finding } from "../../core/findings";
import { EMPTY_META, type Application, type PrefectureSubmission } from "../../core/model";
import type { DocBlock } from "./docxModel";
import { DEFAULT_DOCX_LIMITS, openWordDocument, type DocxLimits } from "./package";
import { annex2Prefecture, isAnnex2, readAnnex2 } from "./readAnnex2";
import { readAnnex3 } from "./readAnnex3";
import { formsOf } from "./readApplication";
import { isFormTable } from "./segment";

export type WordRead =
  /** 附件1 forms: one Application per form, in document order. */
  | { kind: "forms"; applications: Application[]; findings: Finding[] }
  /** 附件3 (records) and / or 附件2 (indicators): a prefecture's submission, as a workbook would give it. */
  | { kind: "submission"; submission: PrefectureSubmission }
  | { kind: "rejected"; findings: Finding[] };

const NOTHING_KNOWN =
  "文件是 Word 文档，但其中没有申报表（附件1）的封面和“申报单位基本情况”表，没有推荐汇总表（附件3）的表头，也没有成效突出地区申报表（附件2）的内容：请确认是否选错了文件";

export async function readWordDocument(
  data: Uint8Array | ArrayBuffer,
  file: string,
  opts: { limits?: Partial<DocxLimits> } = {}
): Promise<WordRead> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const opened = openWordDocument(bytes, { ...DEFAULT_DOCX_LIMITS, ...opts.limits });
  if (!opened.ok)
    return { kind: "rejected", findings: [finding("FILE", { file }, opened.message)] };
  try {
    return readBlocks(opened.blocks, file);
  } catch (e) {
    // an unexpected failure in our own code must not stop the other files: report it on this file
    return {
      kind: "rejected",
      findings: [finding("FILE", { file }, `读取文件时出错：${errorMessage(e)}`)],
    };
  }
}

/** What the blocks of a Word document hold. */
export function readBlocks(blocks: DocBlock[], file: string): WordRead {
  const annex3 = readAnnex3(blocks, file);
  const annex2 = isAnnex2(blocks) ? readAnnex2(blocks, file) : null;
  if (!annex3 && !annex2) {
    const forms = formsOf(blocks, file);
    if (forms.applications.length === 0)
      return { kind: "rejected", findings: [finding("FILE", { file }, NOTHING_KNOWN)] };
    return { kind: "forms", ...forms };
  }

  const prefecture = annex3?.prefecture ?? (annex2 ? annex2Prefecture(annex2, file) : null);
  const findings: Finding[] = [...(annex3?.findings ?? []), ...(annex2?.findings ?? [])];
  const forms = blocks.filter(isFormTable).length;
  if (forms > 0) {
    findings.push(
      finding(
        "FILE",
        { file },
        `文档中还有 ${forms} 份企业申报表（附件1），未作为申报表导入：请把每份申报表单独保存为一个 .docx 后再导入`,
        { severity: "warning" }
      )
    );
  }
  const header = annex2?.indicators.header ?? {};
  const meta = annex3
    ? { ...annex3.meta }
    : {
        ...EMPTY_META,
        recommender: header.unitName ?? annex2?.applicant ?? "",
        date: annex2?.date ?? "",
        contact: header.contactName ?? "",
        phone: header.contactPhone ?? "",
      };
  if (annex3 && annex2 && !meta.recommender) meta.recommender = header.unitName ?? "";
  for (const f of findings) f.prefecture ??= prefecture;
  const indicators = annex2 ? { ...annex2.indicators, prefecture } : null;
  return {
    kind: "submission",
    submission: {
      file,
      kind: annex3 && annex2 ? "workbook" : annex3 ? "annex3" : "annex2",
      prefecture,
      meta,
      records: annex3?.records ?? [],
      indicators,
      findings,
      ok: true,
    },
  };
}
