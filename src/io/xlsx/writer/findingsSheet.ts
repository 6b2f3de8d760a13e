/** The 问题清单 sheet: every finding with its location, in the order given. */
import { FINDING_TITLES, type Finding } from "../../../core/findings";
import type { CellValue, SheetWriter } from "../ooxml/sheet";
import { BODY, FILL_ERROR, FILL_WARNING, HEADER, setWidths, tableSheetBasics } from "./styles";
import { textOrEmpty } from "./text";

export const FINDINGS_SHEET = "问题清单";
const HEADERS = [
  "序号",
  "级别",
  "代码",
  "问题类型",
  "市州",
  "文件",
  "工作表",
  "行",
  "列",
  "企业",
  "说明",
];
const WIDTHS = [6, 7, 7, 26, 12, 26, 14, 6, 10, 28, 60];

export const SEVERITY_LABELS = { error: "错误", warning: "提醒" } as const;

export function writeFindingsSheet(ws: SheetWriter, findings: readonly Finding[]): void {
  setWidths(ws, WIDTHS);
  ws.row(1, HEADERS, Array<number>(HEADERS.length).fill(ws.style(HEADER)));
  const body = ws.style(BODY);
  // the 级别 cell (column B) is coloured by severity
  const looks = {
    error: HEADERS.map((_, j) => (j === 1 ? ws.style({ ...BODY, fill: FILL_ERROR }) : body)),
    warning: HEADERS.map((_, j) => (j === 1 ? ws.style({ ...BODY, fill: FILL_WARNING }) : body)),
  };
  const values: CellValue[] = new Array<CellValue>(HEADERS.length);
  findings.forEach((f, i) => {
    values[0] = i + 1;
    values[1] = SEVERITY_LABELS[f.severity];
    values[2] = f.code;
    values[3] = FINDING_TITLES[f.code];
    values[4] = textOrEmpty(f.prefecture ?? null);
    values[5] = textOrEmpty(f.file);
    values[6] = textOrEmpty(f.sheet);
    values[7] = f.row;
    values[8] = textOrEmpty(f.column);
    values[9] = textOrEmpty(f.enterprise);
    values[10] = textOrEmpty(f.message);
    ws.row(i + 2, values, looks[f.severity]);
  });
  tableSheetBasics(ws, HEADERS.length, findings.length + 1);
}
