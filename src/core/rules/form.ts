/**
 * What only a Word form (附件1) can show, checked on the record that carries its facts (record.form): the form-only
 * required fields, several ticks where one is allowed, a cover that names another unit than the table, the length of
 * the 申报单位简介. The 附件3 fields themselves are checked by ./record.ts like any other row.
 */
import { formParts } from "../application";
import { finding, type Finding } from "../findings";
import type { CaseRecord, FormFacts } from "../model";
import { namesSeveralEnterprises, normalizeEnterpriseName } from "../normalize";
import type { CampaignSettings } from "../settings";
import { cleanText, countChars } from "../text";
import { parsePrefecture } from "../vocabulary";

export function checkForm(record: CaseRecord, settings: CampaignSettings): Finding[] {
  const form = record.form;
  if (!form) return [];
  // a form whose facts travel on a 附件3 row (a prefecture package) is located at the form itself
  const own = form.source ?? record.source;
  const file = own.file;
  const { form: FORM_SHEET, cover: COVER_SHEET } = formParts(own.sheet);
  const unitName = cleanText(record.enterprise);
  const enterprise = unitName || form.applicant || null;
  const out: Finding[] = [];
  const at = (sheet: string, column: string) => ({ file, sheet, row: null, column });
  const add = (
    code: Finding["code"],
    sheet: string,
    column: string,
    message: string,
    severity?: Finding["severity"]
  ) =>
    out.push(
      finding(code, at(sheet, column), message, {
        enterprise,
        prefecture: record.prefecture,
        ...(severity ? { severity } : {}),
      })
    );
  const req = (sheet: string, column: string, message: string) =>
    add("REQ", sheet, column, message);

  if (form.applicant === "") req(COVER_SHEET, "申报单位", "封面“申报单位”为空：请填写申报企业全称");
  if (form.recommender === "")
    req(COVER_SHEET, "推荐单位", "封面“推荐单位”为空：请填写推荐的市州工信局");
  if (form.dateRaw === "")
    req(COVER_SHEET, "申报日期", "封面“申报日期”为空：请填写申报日期（如 2024年12月5日）");
  else if (record.date === null) {
    req(
      COVER_SHEET,
      "申报日期",
      `封面“申报日期”写作“${form.dateRaw}”，无法识别为日期：请写成 2024年12月5日 或 2024-12-05`
    );
  }
  if (unitName === "") {
    req(
      FORM_SHEET,
      "单位名称",
      form.applicant
        ? `基本情况“单位名称”为空（封面申报单位为“${form.applicant}”）：请在基本情况表中填写单位全称`
        : "基本情况“单位名称”为空：请填写单位全称"
    );
  }
  requiredFields(form, FORM_SHEET, req);

  if (form.directionsTicked.length === 0) {
    req(FORM_SHEET, "申报方向", "“申报方向”未勾选或无法识别：请勾选一个申报方向");
  } else if (form.directionsTicked.length > 1) {
    add(
      "R2",
      FORM_SHEET,
      "申报方向",
      `“申报方向”勾选了 ${form.directionsTicked.length} 项（${form.directionsTicked.join("、")}）：每个申报主体只能申报 1 个方向，请只保留一项`
    );
  }
  if (form.categoriesTicked.length > 1) {
    add(
      "R7",
      FORM_SHEET,
      "企业类别",
      `“企业类别”勾选了 ${form.categoriesTicked.length} 项（${form.categoriesTicked.join("、")}）：请只勾选一个企业类别`
    );
  }
  if (form.levelsTicked.length > 1) {
    add(
      "R7",
      FORM_SHEET,
      "网络安全级别",
      `“网络安全级别”勾选了 ${form.levelsTicked.length} 项（${form.levelsTicked.join("、")}）：请只勾选与申报方向对应的一个级别`
    );
  }

  if (namesSeveralEnterprises(form.applicant)) {
    add(
      "R1",
      COVER_SHEET,
      "申报单位",
      `封面“申报单位”为“${form.applicant}”，含多家单位或联合体：典型案例须由企业单独申报`
    );
  } else if (
    form.applicant !== "" &&
    unitName !== "" &&
    normalizeEnterpriseName(form.applicant) !== normalizeEnterpriseName(unitName)
  ) {
    add(
      "R1",
      COVER_SHEET,
      "申报单位",
      `封面“申报单位”（${form.applicant}）与基本情况“单位名称”（${unitName}）不是同一家单位：典型案例须由一家企业单独申报，请核对`
    );
  }

  const named = parsePrefecture(form.recommender);
  if (named && record.prefecture && named !== record.prefecture) {
    add(
      "MAT",
      COVER_SHEET,
      "推荐单位",
      `申报表封面的推荐单位是“${form.recommender}”（${named}），但本案例列在${record.prefecture}的推荐汇总表中：请核对是否放错市州`,
      "warning"
    );
  }

  const introChars = countChars(form.intro);
  if (introChars > settings.introLimit) {
    add(
      "REQ",
      FORM_SHEET,
      "申报单位简介",
      `“申报单位简介”有 ${introChars} 字，超过 ${settings.introLimit} 字的要求：请精简`,
      "warning"
    );
  }
  return out;
}

function requiredFields(
  form: FormFacts,
  part: string,
  req: (sheet: string, column: string, message: string) => void
): void {
  const required: Array<[boolean, string, string]> = [
    [form.founded !== "", "成立时间", "“成立时间”为空：请填写单位成立日期"],
    [form.address !== "", "单位地址", "“单位地址”为空：请填写单位地址"],
    [form.nature !== "", "单位性质", "“单位性质”未勾选或无法识别：请勾选一项单位性质"],
    [form.email !== "", "电子邮箱", "“电子邮箱”为空：请填写联系邮箱"],
    [form.intro !== "", "申报单位简介", "“申报单位简介”为空：请填写企业基本情况（不超过 1000 字）"],
    [
      form.overviewFilled,
      "二、总体情况",
      "“二、总体情况”没有填写内容（只有模板说明或为空）：请按申报方向填写",
    ],
    [
      form.highlightsFilled,
      "三、成效与亮点",
      "“三、成效与亮点”没有填写内容（只有模板说明或为空）：请填写案例成效与亮点",
    ],
  ];
  for (const [filled, label, message] of required) if (!filled) req(part, label, message);
  if (form.nature === "其他" && form.natureOther === "") {
    req(part, "单位性质", "“单位性质”勾选了“其他”但未注明具体性质：请在“请注明”处填写");
  }
}
