/**
 * Read back a workbook the tool wrote after staff have filled the 评审得分 column (numbers, numbers typed as text,
 * blanks): the province workbook, a prefecture's list, an Excel host's 全省汇总 saved as a file. The record sheet is
 * recognised by its headers (src/sheets/records.ts), so moved columns still read; every field comes back with the
 * score. Never throws: an unreadable file or one without our record sheet is a FILE finding, an unreadable score a
 * located warning.
 */
import { finding, type Finding } from "../../core/findings";
import type { CaseRecord } from "../../core/model";
import { DETAIL_SHEET } from "../../sheets/records";
import { readWorkbookContents } from "./readWorkbook";

type Result = { records: CaseRecord[]; findings: Finding[] };

export async function readProvinceWorkbook(
  data: Uint8Array | ArrayBuffer,
  file: string
): Promise<Result> {
  const { sub, contents } = await readWorkbookContents(data, file);
  if (!sub.ok || !contents) {
    const reason = sub.findings.find((f) => f.code === "FILE" && f.severity === "error");
    return fileProblem(
      file,
      `无法读取该文件（${reason?.message ?? "不是 Excel 工作簿"}）。请确认它是本工具导出的全省汇总工作簿（.xlsx），没有加密或损坏；如是 .xls / .et 格式，请另存为 .xlsx 后再导入。`
    );
  }
  if (!contents.own) {
    return fileProblem(
      file,
      `文件中没有“${DETAIL_SHEET}”工作表，不是本工具导出的全省汇总工作簿。请导入由“生成全省汇总”导出并填写了评审得分的文件。`
    );
  }
  return { records: sub.records, findings: sub.findings };
}

function fileProblem(file: string, message: string): Result {
  return { records: [], findings: [finding("FILE", { file }, message)] };
}
