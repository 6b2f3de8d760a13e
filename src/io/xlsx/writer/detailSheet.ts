/**
 * The 明细 sheet: every field of every record, where it came from, its problems, and an empty 评审得分 column for the
 * experts. Rows with errors are filled light red, rows with only warnings light yellow.
 */
import { columnLetter, type Finding } from "../../../core/findings";
import type { CaseRecord } from "../../../core/model";
import {
  DETAIL_COLUMNS,
  DETAIL_ORDER,
  DETAIL_WIDTHS,
  UNKNOWN_PREFECTURE,
  encodeSourceColumns,
  type DetailColumn,
} from "./detailColumns";
import type { CellValue, SheetWriter } from "../ooxml/sheet";
import type { CellStyle } from "../ooxml/styles";
import type { DataValidation } from "../ooxml/validation";
import { BODY, FILL_ERROR, FILL_INPUT, FILL_WARNING, HEADER, tableSheetBasics } from "./styles";
import { textOrEmpty } from "./text";
import { findingsByRecord, problemsText } from "../../../core/recordRow";

/**
 * 评审得分: a number ≥ 0; a warning (not a refusal) otherwise, since readProvinceWorkbook also reads text numbers.
 * The input prompt carries the hint for the experts (no cell notes).
 */
const SCORE_RULE: DataValidation = {
  type: "decimal",
  operator: "greaterThanOrEqual",
  formula1: "0",
  prompt: {
    title: "评审得分",
    text: "专家评审后在本列填写得分（数字），再导入本工作簿即可按得分排序。",
  },
  error: { style: "warning", title: "评审得分应为数字", text: "请填写不小于0的数字，如 88.5。" },
};

export function writeDetailSheet(
  ws: SheetWriter,
  records: readonly CaseRecord[],
  findings: readonly Finding[],
  importedAt: string
): void {
  const headers = DETAIL_ORDER.map((c) => DETAIL_COLUMNS[c]);
  const colOf = (c: DetailColumn): number => DETAIL_ORDER.indexOf(c) + 1;
  const isText = (c: DetailColumn): boolean => c === "uscc" || c === "phone";
  DETAIL_ORDER.forEach((c, i) =>
    ws.column(i + 1, {
      width: DETAIL_WIDTHS[c],
      hidden: c === "sourceColumns" || undefined,
      style: isText(c) ? TEXT : undefined,
    })
  );

  const header = ws.style(HEADER);
  ws.row(
    1,
    headers,
    DETAIL_ORDER.map((c) => (c === "score" ? ws.style({ ...HEADER, fill: FILL_INPUT }) : header))
  );

  // one style list per row look: plain, error (light red), warning (light yellow); 评审得分 is always the input look
  const score = ws.style({ ...BODY, fill: FILL_INPUT, locked: false });
  const looks = [undefined, FILL_ERROR, FILL_WARNING].map((fill) =>
    DETAIL_ORDER.map((c) =>
      c === "score" ? score : ws.style({ ...BODY, fill, numFmt: isText(c) ? "@" : undefined })
    )
  );
  const imported = textOrEmpty(importedAt);
  const perRecord = findingsByRecord(records, findings);
  const values: CellValue[] = new Array<CellValue>(DETAIL_ORDER.length);
  records.forEach((r, i) => {
    const own = perRecord[i];
    const row: Record<DetailColumn, CellValue> = {
      seq: i + 1,
      prefecture: r.prefecture ?? UNKNOWN_PREFECTURE,
      order: r.order,
      caseName: textOrEmpty(r.caseName),
      enterprise: textOrEmpty(r.enterprise),
      uscc: textOrEmpty(r.uscc),
      category: textOrEmpty(r.category ?? r.categoryRaw),
      direction: textOrEmpty(r.direction ?? r.directionRaw),
      level: textOrEmpty(r.level ?? r.levelRaw),
      summary: textOrEmpty(r.summary),
      summaryCell: textOrEmpty(r.summaryCell),
      contact: textOrEmpty(r.contact),
      phone: textOrEmpty(r.phone),
      date: textOrEmpty(r.date),
      sourceFile: textOrEmpty(r.source.file),
      sourceSheet: textOrEmpty(r.source.sheet),
      sourceRow: r.source.row,
      importedAt: imported,
      problems: own.length > 0 ? textOrEmpty(problemsText(own)) : null,
      score: r.score,
      sourceColumns: textOrEmpty(encodeSourceColumns(r.columns)),
    };
    DETAIL_ORDER.forEach((c, j) => (values[j] = row[c]));
    const look = own.some((f) => f.severity === "error") ? 1 : own.length > 0 ? 2 : 0;
    ws.row(i + 2, values, looks[look]);
  });
  const scoreCol = columnLetter(colOf("score"));
  if (records.length > 0) ws.validate(`${scoreCol}2:${scoreCol}${records.length + 1}`, SCORE_RULE);
  tableSheetBasics(ws, headers.length, records.length + 1);
}

const TEXT: CellStyle = { numFmt: "@" };
