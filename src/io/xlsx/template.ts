/**
 * Blank templates for the prefecture clerks: 附件3 推荐汇总表 with dropdowns and three extra columns the official
 * table lacks (申报方向, 网络安全级别, 统一社会信用代码), and the 附件2 成效突出地区申报表 as label / value pairs — both
 * from the shared descriptions (src/sheets), so the workbook reader reads them back.
 */
import { EMPTY_META } from "../../core/model";
import { CATEGORIES, DIRECTIONS, LEVELS } from "../../core/vocabulary";
import { ANNEX3_COLUMNS } from "../../sheets/annex3";
import type { ColumnLayout } from "../../sheets/layout";
import { ANNEX2_SHEET, writeAnnex2Sheet } from "./writer/annex2Sheet";
import { ANNEX3_SHEET, layoutAnnex3 } from "./writer/annex3Sheet";
import { newWorkbook } from "./writer/workbook";

export const TEMPLATE_ROWS = 30;

/** The template's columns after the official seven, and the rules on the official ones it adds. */
const TEMPLATE_EXTRA: readonly ColumnLayout[] = [
  {
    header: "申报方向",
    width: 26,
    look: "text",
    rule: {
      kind: "list",
      items: DIRECTIONS.map((d) => d.name),
      title: "申报方向",
      prompt: "每家企业只能申报 1 个方向。",
    },
  },
  {
    header: "网络安全级别",
    width: 12,
    look: "text",
    rule: {
      kind: "list",
      items: LEVELS,
      title: "网络安全级别",
      prompt: "分类分级方向填三级/二级/一级，车联网方向填五级至一级；其他方向留空。",
    },
  },
  {
    header: "统一社会信用代码",
    width: 22,
    look: "text",
    rule: {
      kind: "length",
      exact: true,
      length: 18,
      title: "统一社会信用代码",
      prompt: "18位统一社会信用代码，按文本填写。",
      error: "统一社会信用代码应为18位，请核对。",
    },
  },
];

export async function writeTemplate(kind: "annex2" | "annex3"): Promise<Uint8Array> {
  const wb = newWorkbook();
  if (kind === "annex2") writeAnnex2Sheet(wb.addSheet(ANNEX2_SHEET), null);
  else {
    const blank = Array.from({ length: TEMPLATE_ROWS }, () => Array<string | null>(9).fill(null));
    layoutAnnex3(wb.addSheet(ANNEX3_SHEET), blank, EMPTY_META, TEMPLATE_EXTRA, TEMPLATE_RULES);
  }
  return wb.toBytes();
}

/** Rules on the official columns of the template's blank rows: 企业类别 from the list, 简述 within 100 字. */
const TEMPLATE_RULES: Readonly<Record<number, ColumnLayout["rule"]>> = {
  [ANNEX3_COLUMNS.findIndex((c) => c.header === "企业类别")]: {
    kind: "list",
    items: CATEGORIES,
    title: "企业类别",
    prompt: "请选择企业类别（八类之一）。",
  },
  [ANNEX3_COLUMNS.findIndex((c) => c.header.startsWith("案例申报方向和简述"))]: {
    kind: "length",
    exact: false,
    length: 100,
    title: "案例申报方向和简述",
    prompt: "写成“申报方向：简述”，全部不超过100字。",
    error: "案例申报方向和简述应在100字以内，请精简。",
  },
};
