/**
 * Blank templates for the prefecture clerks: 附件3 推荐汇总表 with dropdowns, and the 附件2 成效突出地区 indicator sheet
 * as label/value pairs (label in column A, value in B) so the workbook reader reads it back.
 */
import { INDICATOR_DEFS, INDICATOR_HEADER_LABELS } from "../../core/indicatorDefs";
import { INDICATOR_HEADER_KEYS, type IndicatorHeaderKey } from "../../core/model";
import { CATEGORIES, DIRECTIONS, LEVELS } from "../../core/vocabulary";
import { ANNEX3_SHEET, layoutAnnex3 } from "./writer/annex3Sheet";
import type { SheetWriter } from "./ooxml/sheet";
import type { CellStyle } from "./ooxml/styles";
import { inlineList, type DataValidation } from "./ooxml/validation";
import {
  BODY,
  FILL_INPUT,
  FONT_BODY,
  FONT_HEADER,
  FONT_TITLE,
  landscapeA4,
  setWidths,
} from "./writer/styles";
import { newWorkbook } from "./writer/workbook";

export const TEMPLATE_ROWS = 30;
export const ANNEX2_SHEET = "成效突出地区申报表";
export const ANNEX2_TITLE = "护航新型工业化网络安全成效突出地区申报表";
export const REGION_DIRECTIONS = [
  "总体成效突出地区",
  "安全管理成效突出地区",
  "服务赋能成效突出地区",
] as const;
/** Hints that go beside an indicator: the form asks for a name list with these. */
const NEEDS_LIST = new Set([
  "tier3",
  "tier2",
  "tier1",
  "vehicleFiled",
  "monitorIndustrial",
  "monitorVehicle",
  "insurancePlans",
  "platformAssessed",
]);

export async function writeTemplate(kind: "annex2" | "annex3"): Promise<Uint8Array> {
  const wb = newWorkbook();
  if (kind === "annex3") writeAnnex3Template(wb.addSheet(ANNEX3_SHEET));
  else writeAnnex2Template(wb.addSheet(ANNEX2_SHEET));
  return wb.toBytes();
}

function list(values: readonly string[], title: string, prompt: string): DataValidation {
  return {
    type: "list",
    formula1: inlineList(values),
    prompt: { title, text: prompt },
    error: {
      style: "stop",
      title: "请从下拉列表中选择",
      text: `请从下拉列表中选择：${values.join("、")}`,
    },
  };
}

function writeAnnex3Template(ws: SheetWriter): void {
  const extra = [
    { header: "申报方向", width: 26 },
    { header: "网络安全级别", width: 12 },
    { header: "统一社会信用代码", width: 22 },
  ];
  const blank = Array.from({ length: TEMPLATE_ROWS }, () => Array<string | null>(9).fill(null));
  // 联系方式 (G) and 统一社会信用代码 (J) are text cells, so every digit is kept
  const { first, last } = layoutAnnex3(
    ws,
    blank,
    { recommender: "", date: "", contact: "", phone: "" },
    extra,
    [7, 10]
  );
  const range = (col: string): string => `${col}${first}:${col}${last}`;
  ws.validate(range("D"), list(CATEGORIES, "企业类别", "请选择企业类别（八类之一）。"));
  ws.validate(range("E"), {
    type: "textLength",
    operator: "lessThanOrEqual",
    formula1: "100",
    prompt: { title: "案例申报方向和简述", text: "写成“申报方向：简述”，全部不超过100字。" },
    error: {
      style: "warning",
      title: "超过100字",
      text: "案例申报方向和简述应在100字以内，请精简。",
    },
  });
  ws.validate(
    range("H"),
    list(
      DIRECTIONS.map((d) => d.name),
      "申报方向",
      "每家企业只能申报 1 个方向。"
    )
  );
  ws.validate(
    range("I"),
    list(
      LEVELS,
      "网络安全级别",
      "分类分级方向填三级/二级/一级，车联网方向填五级至一级；其他方向留空。"
    )
  );
  ws.validate(range("J"), {
    type: "textLength",
    operator: "equal",
    formula1: "18",
    prompt: { title: "统一社会信用代码", text: "18位统一社会信用代码，按文本填写。" },
    error: { style: "warning", title: "位数不对", text: "统一社会信用代码应为18位，请核对。" },
  });
}

const TITLE: CellStyle = {
  font: FONT_TITLE,
  alignment: { horizontal: "center", vertical: "center", wrapText: true },
};
const NOTE: CellStyle = { font: { ...FONT_BODY, size: 10, italic: true } };
const SECTION: CellStyle = { font: FONT_HEADER };

function writeAnnex2Template(ws: SheetWriter): void {
  setWidths(ws, [50, 16, 8, 30]);
  ws.merge("A1:D1");
  ws.row(1, [ANNEX2_TITLE], ws.style(TITLE), { height: 40 });
  ws.merge("A2:D2");
  ws.row(
    2,
    ["填表说明：在B列填写；数量填写不小于0的整数，百分数填写0至100之间的数；未统计的请留空。"],
    ws.style(NOTE)
  );

  const body = ws.style(BODY);
  let r = 3;
  const heading = (text: string): void => {
    r += 1;
    ws.merge(`A${r}:D${r}`);
    ws.row(r, [text], ws.style(SECTION));
    r += 1;
  };
  const pair = (
    label: string,
    validation: DataValidation | null,
    unit = "",
    note = "",
    numFmt?: string
  ): void => {
    ws.row(
      r,
      [label, null, unit || null, note || null],
      [body, ws.style({ ...BODY, fill: FILL_INPUT, numFmt }), body, body]
    );
    if (validation) ws.validate(`B${r}`, validation);
    r += 1;
  };

  heading("基本情况");
  const yesNo = list(["是", "否"], "请选择", "请选择“是”或“否”。");
  for (const key of INDICATOR_HEADER_KEYS)
    pair(INDICATOR_HEADER_LABELS[key], headerValidation(key, yesNo));

  for (const section of ["安全管理成效", "服务赋能成效"] as const) {
    heading(section === "安全管理成效" ? "一、安全管理成效" : "二、服务赋能成效");
    for (const def of INDICATOR_DEFS.filter((d) => d.section === section)) {
      const percent = def.kind === "percent";
      pair(
        def.label,
        percent ? percentRule() : countRule(def.unit),
        def.unit,
        NEEDS_LIST.has(def.key) ? "请附名单" : "",
        percent ? "0.0" : "0"
      );
    }
  }
  landscapeA4(ws);
  ws.pageSetup({ orientation: "portrait" });
}

function headerValidation(key: IndicatorHeaderKey, yesNo: DataValidation): DataValidation | null {
  if (key === "classifiedManagement" || key === "keyEnterpriseList") return yesNo;
  if (key === "regionDirection") return list(REGION_DIRECTIONS, "申报方向", "请选择一个申报方向。");
  return null;
}

function countRule(unit: string): DataValidation {
  return {
    type: "whole",
    operator: "greaterThanOrEqual",
    formula1: "0",
    prompt: { title: "填写整数", text: `填写不小于0的整数（单位：${unit}）。` },
    error: { style: "stop", title: "数量有误", text: "请填写不小于0的整数。" },
  };
}

function percentRule(): DataValidation {
  return {
    type: "decimal",
    operator: "between",
    formula1: "0",
    formula2: "100",
    prompt: { title: "填写百分数", text: "填写0至100之间的数，如 85 表示 85%。" },
    error: { style: "stop", title: "百分数有误", text: "请填写0至100之间的数。" },
  };
}
