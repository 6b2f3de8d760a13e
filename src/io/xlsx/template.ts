/**
 * Blank templates for the prefecture clerks: 附件3 推荐汇总表 with dropdowns, and the 附件2 成效突出地区 indicator sheet
 * as label/value pairs (label in column A, value in B) so the workbook reader reads it back.
 */
import type ExcelJS from 'exceljs';
import { INDICATOR_DEFS, INDICATOR_HEADER_LABELS } from '../../core/indicatorDefs';
import { INDICATOR_HEADER_KEYS, type IndicatorHeaderKey } from '../../core/model';
import { CATEGORIES, DIRECTIONS, LEVELS } from '../../core/vocabulary';
import { ANNEX3_SHEET, layoutAnnex3 } from './writer/annex3Sheet';
import { FILL_INPUT, FONT_BODY, FONT_HEADER, FONT_TITLE, THIN_BORDER, WRAP_TOP, landscapeA4 } from './writer/styles';
import { newWorkbook, workbookBytes } from './writer/workbook';

export const TEMPLATE_ROWS = 30;
export const ANNEX2_SHEET = '成效突出地区申报表';
export const ANNEX2_TITLE = '护航新型工业化网络安全成效突出地区申报表';
export const REGION_DIRECTIONS = ['总体成效突出地区', '安全管理成效突出地区', '服务赋能成效突出地区'] as const;
/** Hints that go beside an indicator: the form asks for a name list with these. */
const NEEDS_LIST = new Set(['tier3', 'tier2', 'tier1', 'vehicleFiled', 'monitorIndustrial', 'monitorVehicle', 'insurancePlans', 'platformAssessed']);

export async function writeTemplate(kind: 'annex2' | 'annex3'): Promise<Uint8Array> {
  const wb = newWorkbook();
  if (kind === 'annex3') writeAnnex3Template(wb.addWorksheet(ANNEX3_SHEET));
  else writeAnnex2Template(wb.addWorksheet(ANNEX2_SHEET));
  return workbookBytes(wb);
}

function list(values: readonly string[], title: string, prompt: string): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showInputMessage: true,
    promptTitle: title,
    prompt,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '请从下拉列表中选择',
    error: `请从下拉列表中选择：${values.join('、')}`,
  };
}

function writeAnnex3Template(ws: ExcelJS.Worksheet): void {
  const extra = [
    { header: '申报方向', width: 26 },
    { header: '网络安全级别', width: 12 },
    { header: '统一社会信用代码', width: 22 },
  ];
  const blank = Array.from({ length: TEMPLATE_ROWS }, () => Array<string | null>(9).fill(null));
  const { first, last } = layoutAnnex3(ws, blank, { recommender: '', date: '', contact: '', phone: '' }, extra);
  const category = list(CATEGORIES, '企业类别', '请选择企业类别（八类之一）。');
  const direction = list(DIRECTIONS.map((d) => d.name), '申报方向', '每家企业只能申报 1 个方向。');
  const level = list(LEVELS, '网络安全级别', '分类分级方向填三级/二级/一级，车联网方向填五级至一级；其他方向留空。');
  for (let r = first; r <= last; r++) {
    ws.getCell(`D${r}`).dataValidation = category;
    ws.getCell(`E${r}`).dataValidation = {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [100],
      allowBlank: true,
      showInputMessage: true,
      promptTitle: '案例申报方向和简述',
      prompt: '写成“申报方向：简述”，全部不超过100字。',
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '超过100字',
      error: '案例申报方向和简述应在100字以内，请精简。',
    };
    ws.getCell(`H${r}`).dataValidation = direction;
    ws.getCell(`I${r}`).dataValidation = level;
    ws.getCell(`J${r}`).dataValidation = {
      type: 'textLength',
      operator: 'equal',
      formulae: [18],
      allowBlank: true,
      showInputMessage: true,
      promptTitle: '统一社会信用代码',
      prompt: '18位统一社会信用代码，按文本填写。',
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '位数不对',
      error: '统一社会信用代码应为18位，请核对。',
    };
    for (const col of ['G', 'J']) ws.getCell(`${col}${r}`).numFmt = '@';
  }
}

function writeAnnex2Template(ws: ExcelJS.Worksheet): void {
  [50, 16, 8, 30].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.mergeCells('A1:D1');
  const title = ws.getCell('A1');
  title.value = ANNEX2_TITLE;
  title.font = FONT_TITLE;
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 40;
  ws.mergeCells('A2:D2');
  ws.getCell('A2').value = '填表说明：在B列填写；数量填写不小于0的整数，百分数填写0至100之间的数；未统计的请留空。';
  ws.getCell('A2').font = { ...FONT_BODY, size: 10, italic: true };

  let r = 3;
  const heading = (text: string): void => {
    r += 1;
    ws.mergeCells(`A${r}:D${r}`);
    const cell = ws.getCell(`A${r}`);
    cell.value = text;
    cell.font = FONT_HEADER;
    r += 1;
  };
  const pair = (label: string, validation: ExcelJS.DataValidation | null, unit = '', note = ''): ExcelJS.Cell => {
    const row = ws.getRow(r);
    row.getCell(1).value = label;
    row.getCell(3).value = unit || null;
    row.getCell(4).value = note || null;
    for (let c = 1; c <= 4; c++) {
      row.getCell(c).font = FONT_BODY;
      row.getCell(c).border = THIN_BORDER;
      row.getCell(c).alignment = WRAP_TOP;
    }
    const value = row.getCell(2);
    value.fill = FILL_INPUT;
    if (validation) value.dataValidation = validation;
    r += 1;
    return value;
  };

  heading('基本情况');
  const yesNo = list(['是', '否'], '请选择', '请选择“是”或“否”。');
  for (const key of INDICATOR_HEADER_KEYS) pair(INDICATOR_HEADER_LABELS[key], headerValidation(key, yesNo));

  for (const section of ['安全管理成效', '服务赋能成效'] as const) {
    heading(section === '安全管理成效' ? '一、安全管理成效' : '二、服务赋能成效');
    for (const def of INDICATOR_DEFS.filter((d) => d.section === section)) {
      const cell = pair(def.label, def.kind === 'percent' ? percentRule() : countRule(def.unit), def.unit, NEEDS_LIST.has(def.key) ? '请附名单' : '');
      cell.numFmt = def.kind === 'percent' ? '0.0' : '0';
    }
  }
  landscapeA4(ws);
  ws.pageSetup.orientation = 'portrait';
}

function headerValidation(key: IndicatorHeaderKey, yesNo: ExcelJS.DataValidation): ExcelJS.DataValidation | null {
  if (key === 'classifiedManagement' || key === 'keyEnterpriseList') return yesNo;
  if (key === 'regionDirection') return list(REGION_DIRECTIONS, '申报方向', '请选择一个申报方向。');
  return null;
}

function countRule(unit: string): ExcelJS.DataValidation {
  return {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    formulae: [0],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: '填写整数',
    prompt: `填写不小于0的整数（单位：${unit}）。`,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '数量有误',
    error: '请填写不小于0的整数。',
  };
}

function percentRule(): ExcelJS.DataValidation {
  return {
    type: 'decimal',
    operator: 'between',
    formulae: [0, 100],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: '填写百分数',
    prompt: '填写0至100之间的数，如 85 表示 85%。',
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '百分数有误',
    error: '请填写0至100之间的数。',
  };
}
