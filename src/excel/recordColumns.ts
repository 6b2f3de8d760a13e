/**
 * The record columns shared by 明细 (prefecture) and 全省汇总 (province): header text, width, kind and the cell of a
 * record. readBack.ts finds columns by these header texts, so a sheet whose columns staff have moved still reads.
 */
import type { Finding } from '../core/findings';
import { CASE_FIELD_LABELS, type CaseField, type CaseRecord } from '../core/model';
import { checkUscc } from '../core/uscc';
import { recordKey } from '../taskpane/host';
import type { CellInput, CellKind } from './sheetWriter';

export const COL = {
  prefecture: '所属市州',
  order: '推荐顺序',
  caseName: '案例名称',
  enterprise: '企业名称',
  uscc: '统一社会信用代码',
  category: '企业类别',
  direction: '申报方向',
  level: '网络安全级别',
  summary: '简述',
  summaryCell: '案例申报方向和简述',
  contact: '联系人',
  phone: '联系方式',
  sourceFile: '来源文件',
  sourceSheet: '来源工作表',
  sourceRow: '来源行',
  problems: '问题',
  score: '评审得分',
  usccCheck: '信用代码检查',
  enterpriseId: '企业标识',
  sourceColumns: '来源列',
  key: '记录键',
} as const;
export type ColumnId = keyof typeof COL;

export interface RecordColumn {
  id: ColumnId;
  width: number;
  kind: CellKind;
  hidden?: boolean;
}

/** Which of our columns shows each CaseField (for selecting the cell a finding points at). */
export const FIELD_COLUMN: Partial<Record<CaseField, ColumnId>> = {
  order: 'order',
  caseName: 'caseName',
  enterprise: 'enterprise',
  uscc: 'uscc',
  category: 'category',
  direction: 'direction',
  level: 'level',
  summary: 'summary',
  contact: 'contact',
  phone: 'phone',
  score: 'score',
};

/** The findings that belong to a record: same file and, for sheet rows, same sheet and row (a Word form is one record). */
export function findingsOf(r: CaseRecord, findings: readonly Finding[]): Finding[] {
  return findings.filter(
    (f) => f.file === r.source.file && (r.source.row === null ? true : f.sheet === r.source.sheet && f.row === r.source.row),
  );
}

export function problemsText(fs: readonly Finding[]): string {
  return fs.map((f) => `【${f.code}】${f.message}`).join('；');
}

/** The value MULTIDIRECTION / CROSSREGION group rows by: a valid credit code, else the enterprise name. */
export function enterpriseId(r: CaseRecord): string {
  if (r.uscc) {
    const c = checkUscc(r.uscc);
    if (c.valid && c.normalized.length === 18) return c.normalized;
  }
  return r.enterprise;
}

const FIELD_ORDER = Object.keys(CASE_FIELD_LABELS) as CaseField[];

/** "caseName:B;enterprise:C" — the record's source columns, kept in a hidden column so findings can point back. */
export function encodeColumns(columns: Partial<Record<CaseField, string>>): string {
  return FIELD_ORDER.filter((f) => columns[f]).map((f) => `${f}:${columns[f]}`).join(';');
}

export function decodeColumns(text: string): Partial<Record<CaseField, string>> {
  const out: Partial<Record<CaseField, string>> = {};
  for (const part of text.split(';')) {
    const m = /^([a-zA-Z]+):([A-Z]{1,3})$/.exec(part.trim());
    if (m && (FIELD_ORDER as string[]).includes(m[1])) out[m[1] as CaseField] = m[2];
  }
  return out;
}

/** The plain (non-formula) cell of a record in a column; formula columns are written by their sheet. */
export function recordCell(id: ColumnId, r: CaseRecord, findings: readonly Finding[], score: number | null): CellInput {
  switch (id) {
    case 'prefecture':
      return r.prefecture ?? '未识别';
    case 'order':
      return r.order;
    case 'caseName':
      return r.caseName;
    case 'enterprise':
      return r.enterprise;
    case 'uscc':
      return r.uscc;
    case 'category':
      return r.category ?? r.categoryRaw;
    case 'direction':
      return r.direction ?? r.directionRaw;
    case 'level':
      return r.level ?? r.levelRaw;
    case 'summary':
      return r.summary;
    case 'summaryCell':
      return r.summaryCell;
    case 'contact':
      return r.contact;
    case 'phone':
      return r.phone;
    case 'sourceFile':
      return r.source.file;
    case 'sourceSheet':
      return r.source.sheet ?? '';
    case 'sourceRow':
      return r.source.row;
    case 'problems':
      return problemsText(findingsOf(r, findings));
    case 'score':
      return score;
    case 'enterpriseId':
      return enterpriseId(r);
    case 'sourceColumns':
      return encodeColumns(r.columns);
    case 'key':
      return recordKey(r);
    case 'usccCheck':
      return null;
  }
}
