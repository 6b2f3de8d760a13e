/**
 * Read back a province workbook written by writeProvinceWorkbook after staff have filled the 评审得分 column of 明细
 * (numbers, numbers typed as text, blanks). Columns are found by their header text, so moved columns still read.
 * Never throws: an unreadable file or a missing sheet is a FILE finding, an unreadable score a warning.
 */
import { errorMessage } from "../../core/errors";
import { columnLetter, finding, type Finding } from "../../core/findings";
import type { CaseRecord } from "../../core/model";
import { cleanText, parseLooseNumber, toHalfWidth } from "../../core/text";
import { parseCategory, parseDirection, parseLevel, parsePrefecture } from "../../core/vocabulary";
import { DEFAULT_LIMITS } from "../limits";
import { numberText, toIsoDate, type CellData } from "./cells";
import type { SheetGrid } from "./reader/grid";
import { openWorkbook } from "./reader/openWorkbook";
import {
  DETAIL_COLUMNS,
  DETAIL_ORDER,
  DETAIL_SHEET,
  decodeSourceColumns,
  type DetailColumn,
} from "./writer/detailColumns";

type Result = { records: CaseRecord[]; findings: Finding[] };
const REQUIRED: DetailColumn[] = ["caseName", "enterprise", "score"];

export async function readProvinceWorkbook(
  data: Uint8Array | ArrayBuffer,
  file: string
): Promise<Result> {
  try {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const opened = openWorkbook(
      bytes,
      {
        maxUncompressedBytes: DEFAULT_LIMITS.maxUncompressedBytes,
        maxEntryBytes: DEFAULT_LIMITS.maxEntryBytes,
        maxRowsPerSheet: DEFAULT_LIMITS.maxRowsPerSheet,
        maxCellsPerSheet: DEFAULT_LIMITS.maxCellsPerSheet,
        maxMillis: DEFAULT_LIMITS.maxMillis,
        deadline: Date.now() + DEFAULT_LIMITS.maxMillis,
      },
      // only 明细 is read; the other sheets are left unparsed
      { sheetFilter: (name) => cleanText(name) === DETAIL_SHEET }
    );
    if (!opened.ok) {
      return fileProblem(
        file,
        `无法读取该文件（${opened.message}）。请确认它是本工具导出的全省汇总工作簿（.xlsx），没有加密或损坏；如是 .xls / .et 格式，请另存为 .xlsx 后再导入。`
      );
    }
    const ws = opened.workbook.grids[0];
    if (!ws) {
      return fileProblem(
        file,
        `文件中没有“${DETAIL_SHEET}”工作表，不是本工具导出的全省汇总工作簿。请导入由“生成全省汇总”导出并填写了评审得分的文件。`
      );
    }
    return readDetail(ws, file);
  } catch (e) {
    return fileProblem(file, `读取时出错（${errorMessage(e)}），该文件未导入。`);
  }
}

function fileProblem(file: string, message: string): Result {
  return { records: [], findings: [finding("FILE", { file }, message)] };
}

function normHeader(s: string): string {
  return toHalfWidth(s).replace(/\s/g, "");
}

function readDetail(ws: SheetGrid, file: string): Result {
  const findings: Finding[] = [];
  const col: Partial<Record<DetailColumn, number>> = {};
  const wanted = new Map(DETAIL_ORDER.map((c) => [normHeader(DETAIL_COLUMNS[c]), c] as const));
  for (let c = 1; c <= ws.colCount; c++) {
    const key = wanted.get(normHeader(cellText(ws.cell(1, c))));
    if (key && col[key] === undefined) col[key] = c;
  }
  const missing = REQUIRED.filter((c) => col[c] === undefined);
  if (missing.length > 0) {
    const names = missing.map((c) => `“${DETAIL_COLUMNS[c]}”`).join("、");
    return fileProblem(
      file,
      `工作表“${DETAIL_SHEET}”第 1 行缺少 ${names} 列，无法读取评审得分。请不要修改表头。`
    );
  }

  const records: CaseRecord[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const text = (c: DetailColumn): string =>
      col[c] === undefined ? "" : cellText(ws.cell(r, col[c]!));
    if (text("caseName") === "" && text("enterprise") === "" && text("summaryCell") === "")
      continue;
    const at = { file, sheet: DETAIL_SHEET, row: r };
    const prefecture = parsePrefecture(text("prefecture"));
    const enterprise = text("enterprise");

    const orderNo = parseLooseNumber(text("order"));
    let order = records.length + 1;
    if (orderNo !== null && Number.isInteger(orderNo) && orderNo > 0) order = orderNo;
    else {
      findings.push(
        finding(
          "REQ",
          { ...at, column: letterOf(col.order) },
          `推荐顺序“${text("order")}”不是正整数，已按第 ${order} 位处理。`,
          {
            severity: "warning",
            enterprise: enterprise || null,
            prefecture,
          }
        )
      );
    }

    const score = readScore(col.score === undefined ? null : plainValue(ws.cell(r, col.score)));
    if (score === "bad") {
      findings.push(
        finding(
          "REQ",
          { ...at, column: letterOf(col.score) },
          `评审得分“${text("score")}”不是数字，已按未评分处理。请填写数字（如 88.5）后重新导入。`,
          {
            severity: "warning",
            enterprise: enterprise || null,
            prefecture,
          }
        )
      );
    }

    const sourceFile = text("sourceFile");
    const sourceRow = parseLooseNumber(text("sourceRow"));
    const date = text("date");
    records.push({
      prefecture,
      order,
      caseName: text("caseName"),
      enterprise,
      uscc: toHalfWidth(text("uscc")).replace(/\s/g, "").toUpperCase(),
      category: parseCategory(text("category")),
      categoryRaw: text("category"),
      direction: parseDirection(text("direction")),
      directionRaw: text("direction"),
      level: parseLevel(text("level")),
      levelRaw: text("level"),
      summary: text("summary"),
      summaryCell: text("summaryCell"),
      contact: text("contact"),
      phone: text("phone"),
      date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
      score: score === "bad" ? null : score,
      // a row staff added by hand has no source: it points at itself
      source: sourceFile
        ? {
            file: sourceFile,
            sheet: text("sourceSheet") || null,
            row: sourceRow !== null && Number.isInteger(sourceRow) ? sourceRow : null,
          }
        : { file, sheet: DETAIL_SHEET, row: r },
      columns: decodeSourceColumns(text("sourceColumns")),
      form: null,
    });
  }
  return { records, findings };
}

function letterOf(c: number | undefined): string | null {
  return c === undefined ? null : columnLetter(c);
}

/** A number, a number typed as text ("88.5", "８８．５", "88.5分"), blank → null; anything else → 'bad'. */
function readScore(v: ReturnType<typeof plainValue>): number | null | "bad" {
  if (v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : "bad";
  if (typeof v === "string") {
    if (cleanText(v) === "") return null;
    const n = parseLooseNumber(v.replace(/分$/, ""));
    return n === null ? "bad" : n;
  }
  return "bad";
}

// ---- plain values out of cells (rich text joined, formulas' cached results, hyperlinks as their text, dates)

type Plain = string | number | Date | null;

/** The value staff see: a date, a number, text; null for an empty cell, an error or a formula never calculated. */
function plainValue(c: CellData): Plain {
  if (c.error !== null || c.missingResult) return null;
  if (c.date) return c.date;
  if (c.num !== null) return c.num;
  return c.text === "" ? null : c.text;
}

/** Text of a cell: numbers without float noise, dates as yyyy-mm-dd, trimmed. */
function cellText(c: CellData): string {
  const p = plainValue(c);
  if (p === null) return "";
  if (p instanceof Date) return Number.isNaN(p.getTime()) ? "" : toIsoDate(p);
  if (typeof p === "number") return numberText(p);
  return p.trim();
}
