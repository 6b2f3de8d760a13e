/**
 * MAT, the materials check of a prefecture package: its 附件3 推荐汇总表 against the enterprises' 申报表 (附件1) sent
 * with it. Every row has its 申报表, every 申报表 is in the list, and a row and its 申报表 agree on the enterprise
 * (credit code, else normalised name), the case name (sameCaseName), the direction and the category.
 *
 * Pure core, run when a package is assembled (src/io/package.ts), because it needs the list and the forms together;
 * its findings travel with the submission. The rows come back enriched with their form's facts (record.form, with the
 * form's own source), and with the form's credit code, 申报日期 and 网络安全级别 where the list has none, so the rules
 * (checkAll) see what the form says.
 */
import { enterpriseIdentities, sameCaseName } from "../duplicates";
import { finding, type Finding } from "../findings";
import { CASE_FIELD_LABELS, type CaseField, type CaseRecord } from "../model";
import { normalizeEnterpriseName } from "../normalize";
import { checkUscc } from "../uscc";

export interface MaterialsResult {
  /** The list's rows in the clerk's order, each enriched with its matching form where the enterprise agrees. */
  records: CaseRecord[];
  findings: Finding[];
  /** For each form (by index), the row it was matched to (0-based index into records), or null. */
  matchedRow: Array<number | null>;
}

export interface MaterialsContext {
  /** The list's file, for the finding on a package without any 申报表. */
  listFile: string;
  /** The package as the clerk names it ("长沙市报送材料.zip"), for messages. */
  packageName: string;
}

function formName(f: CaseRecord): string {
  return f.source.file.replace(/^.*[/\\]/, "");
}

/** The 申报表's part to point at: the form (or its n-th form in a document holding several). */
function formWhere(f: CaseRecord, column: string) {
  return { file: f.source.file, sheet: f.source.sheet, row: null, column };
}

/**
 * Match the forms to the rows in three passes, each one-to-one: the same enterprise and the same (or near-same) case
 * name; then the same enterprise alone, where only one row and one form have it; then the same case name alone, where
 * only one row and one form have it (the enterprise then differs, an error). A second form of a row already matched
 * (a corrected copy sent beside the first) is not "not in the list": it is said to be a duplicate, and the later
 * file name wins, as it does between a prefecture's workbooks.
 */
function matchForms(
  rows: readonly CaseRecord[],
  forms: readonly CaseRecord[]
): { formOf: Array<number | null>; duplicates: Array<[number, number]>; ids: readonly string[] } {
  const ids = enterpriseIdentities([...rows, ...forms]);
  const rowId = (i: number) => ids[i];
  const formId = (j: number) => ids[rows.length + j];
  const formOf: Array<number | null> = rows.map(() => null);
  const rowOf: Array<number | null> = forms.map(() => null);
  const duplicates: Array<[number, number]> = [];
  // forms in file-name order, the later name last, so that it replaces an earlier copy
  const order = forms
    .map((_, j) => j)
    .sort((a, b) => (forms[a].source.file < forms[b].source.file ? -1 : 1));

  // pass 1: enterprise and case name
  for (const j of order) {
    const id = formId(j);
    if (id === "") continue;
    const i = rows.findIndex(
      (r, k) => rowId(k) === id && sameCaseName(r.caseName, forms[j].caseName)
    );
    if (i < 0) continue;
    const prev = formOf[i];
    if (prev !== null) {
      duplicates.push([prev, j]);
      rowOf[prev] = null;
    }
    formOf[i] = j;
    rowOf[j] = i;
  }
  const dupForms = new Set(duplicates.map(([earlier]) => earlier));
  const unique = (
    key: (i: number) => string,
    fkey: (j: number) => string,
    ok: (i: number, j: number) => boolean
  ) => {
    const freeRows = rows.map((_, i) => i).filter((i) => formOf[i] === null);
    const freeForms = order.filter((j) => rowOf[j] === null && !dupForms.has(j));
    for (const j of freeForms) {
      const k = fkey(j);
      if (k === "") continue;
      const rs = freeRows.filter((i) => formOf[i] === null && key(i) === k && ok(i, j));
      const fs = freeForms.filter((x) => rowOf[x] === null && fkey(x) === k);
      if (rs.length === 1 && fs.length === 1) {
        formOf[rs[0]] = j;
        rowOf[j] = rs[0];
      }
    }
  };
  // pass 2: the enterprise alone (the case name then differs)
  unique(rowId, formId, () => true);
  // pass 3: the case name alone (the enterprise then differs)
  for (const j of order) {
    if (rowOf[j] !== null || dupForms.has(j)) continue;
    const rs = rows
      .map((_, i) => i)
      .filter((i) => formOf[i] === null && sameCaseName(rows[i].caseName, forms[j].caseName));
    const fs = order.filter(
      (x) =>
        rowOf[x] === null &&
        !dupForms.has(x) &&
        rs.length === 1 &&
        sameCaseName(rows[rs[0]].caseName, forms[x].caseName)
    );
    if (rs.length === 1 && fs.length === 1) {
      formOf[rs[0]] = j;
      rowOf[j] = rs[0];
    }
  }
  return { formOf, duplicates, ids };
}

/** The list row, enriched with what its form says where the list says nothing. */
function enrich(row: CaseRecord, form: CaseRecord): CaseRecord {
  const out: CaseRecord = {
    ...row,
    form: form.form ? { ...form.form, source: { ...form.source } } : null,
  };
  if (out.uscc === "" && form.uscc !== "") out.uscc = form.uscc;
  if (out.date === null && form.date !== null) out.date = form.date;
  if (row.columns.level === undefined && form.levelRaw !== "") {
    out.level = form.level;
    out.levelRaw = form.levelRaw;
    // the level is the form's: R7 on it names the form's field
    out.columns = { ...row.columns, level: CASE_FIELD_LABELS.level };
  }
  return out;
}

/** The check of one prefecture's list against its forms. */
export function checkMaterials(
  rows: readonly CaseRecord[],
  forms: readonly CaseRecord[],
  ctx: MaterialsContext
): MaterialsResult {
  const findings: Finding[] = [];
  const atRow = (r: CaseRecord, field: CaseField | null) => ({
    ...r.source,
    column: field ? (r.columns[field] ?? CASE_FIELD_LABELS[field]) : null,
  });
  const add = (
    where: Parameters<typeof finding>[1],
    message: string,
    severity: "error" | "warning",
    r: CaseRecord
  ) =>
    findings.push(
      finding("MAT", where, message, {
        severity,
        enterprise: r.enterprise || null,
        prefecture: r.prefecture,
      })
    );

  if (forms.length === 0) {
    if (rows.length > 0) {
      findings.push(
        finding(
          "MAT",
          { file: ctx.listFile, sheet: rows[0].source.sheet },
          `报送材料“${ctx.packageName}”中没有企业申报表（附件1 .docx）：推荐汇总表的 ${rows.length} 个案例都无法与申报表核对，请补齐各企业的申报表`,
          { severity: "warning", prefecture: rows[0].prefecture }
        )
      );
    }
    return { records: [...rows], findings, matchedRow: [] };
  }

  const { formOf, duplicates, ids } = matchForms(rows, forms);
  const records = rows.map((r) => r);
  const matchedRow: Array<number | null> = forms.map(() => null);

  rows.forEach((r, i) => {
    const j = formOf[i];
    const rowText = `推荐汇总表第 ${r.source.row ?? i + 1} 行`;
    if (j === null) {
      add(
        atRow(r, "caseName"),
        `${rowText}的案例“${r.caseName}”（${r.enterprise || "企业名称为空"}）在报送材料中没有对应的申报表（附件1）：请补充该企业的申报表 .docx，或核对申报表中的单位名称和案例名称`,
        "warning",
        r
      );
      return;
    }
    matchedRow[j] = i;
    const f = forms[j];
    const fname = formName(f);
    const sameEnterprise = ids[i] !== "" && ids[i] === ids[rows.length + j];
    if (!sameEnterprise) {
      add(
        atRow(r, "enterprise"),
        `${rowText}的企业名称“${r.enterprise}”与申报表“${fname}”的单位名称“${f.enterprise || "（空）"}”不是同一家企业${f.uscc && r.uscc && f.uscc !== r.uscc ? `（信用代码 ${r.uscc} / ${f.uscc}）` : ""}：请核对推荐汇总表或申报表`,
        "error",
        r
      );
    } else if (normalizeEnterpriseName(r.enterprise) !== normalizeEnterpriseName(f.enterprise)) {
      add(
        atRow(r, "enterprise"),
        `${rowText}的企业名称“${r.enterprise}”与申报表“${fname}”的单位名称“${f.enterprise}”写法不同（统一社会信用代码相同）：请统一为营业执照上的全称`,
        "warning",
        r
      );
    }
    const rc = checkUscc(r.uscc);
    const fc = checkUscc(f.uscc);
    if (sameEnterprise && r.uscc !== "" && f.uscc !== "" && rc.normalized !== fc.normalized) {
      add(
        atRow(r, "uscc"),
        `${rowText}的统一社会信用代码 ${r.uscc} 与申报表“${fname}”的 ${f.uscc} 不一致：请核对`,
        "error",
        r
      );
    }
    if (!sameCaseName(r.caseName, f.caseName)) {
      add(
        atRow(r, "caseName"),
        `${rowText}的案例名称“${r.caseName}”与申报表“${fname}”封面的案例名称“${f.caseName || "（空）"}”不一致：请核对后统一`,
        "error",
        r
      );
    }
    const ticked = f.form?.directionsTicked ?? (f.direction ? [f.direction] : []);
    if (r.direction && ticked.length > 0 && !ticked.includes(r.direction)) {
      add(
        atRow(r, r.columns.direction ? "direction" : "summary"),
        `${rowText}的申报方向为“${r.direction}”，申报表“${fname}”勾选的是“${ticked.join("、")}”：请核对后统一`,
        "error",
        r
      );
    }
    if (r.category && f.category && r.category !== f.category) {
      add(
        atRow(r, "category"),
        `${rowText}的企业类别为“${r.category}”，申报表“${fname}”勾选的是“${f.category}”：请核对后统一`,
        "error",
        r
      );
    }
    // the form's facts join the row where both name the enterprise alike (else the form's checks would compare the
    // cover with another name than the form's own)
    if (
      sameEnterprise &&
      normalizeEnterpriseName(r.enterprise) === normalizeEnterpriseName(f.enterprise)
    )
      records[i] = enrich(r, f);
  });

  const duplicateOf = new Map(duplicates.map(([earlier, later]) => [earlier, later]));
  forms.forEach((f, j) => {
    if (matchedRow[j] !== null) return;
    const later = duplicateOf.get(j);
    if (later !== undefined) {
      add(
        formWhere(f, "案例名称"),
        `申报表“${formName(f)}”与“${formName(forms[later])}”是同一案例（${f.enterprise}，“${f.caseName}”）的两份申报表：已按“${formName(forms[later])}”核对，请删除旧的一份`,
        "warning",
        f
      );
      return;
    }
    add(
      formWhere(f, "案例名称"),
      `申报表“${formName(f)}”（${f.enterprise || "单位名称为空"}，案例“${f.caseName || "（空）"}”）不在推荐汇总表中：如要推荐，请把它列入推荐汇总表；否则请从报送材料中移除`,
      "warning",
      f
    );
  });
  return { records, findings, matchedRow };
}
