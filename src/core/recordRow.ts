/**
 * The findings of each record: what a row of a record sheet (明细, 全省汇总, src/sheets/records.ts), the order panel
 * and the export plan show against it.
 */
import type { Finding } from "./findings";
import { formParts } from "./application";
import { sourceKey } from "./identity";
import type { CaseRecord } from "./model";

/**
 * The findings of each record, in one pass over the findings (linear, whatever the number of rows): a sheet row owns
 * the findings of its file, sheet and row; a Word form, which has no row, owns the row-less findings of its file — of
 * its own parts (its 申报表 and 封面, see formParts) when the document holds several forms.
 */
export function findingsByRecord(
  records: readonly CaseRecord[],
  findings: readonly Finding[]
): Finding[][] {
  const byPlace = new Map<string, Finding[]>();
  const byFile = new Map<string, Finding[]>();
  const add = (map: Map<string, Finding[]>, key: string, f: Finding) => {
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  };
  for (const f of findings) {
    add(byPlace, sourceKey(f), f);
    if (f.row === null) add(byFile, f.file, f);
  }
  const formsPerFile = new Map<string, number>();
  for (const r of records) {
    if (r.source.row === null)
      formsPerFile.set(r.source.file, (formsPerFile.get(r.source.file) ?? 0) + 1);
  }
  /** A 附件3 row of a prefecture package also owns the findings of the 申报表 it was checked against. */
  const ofForm = (r: CaseRecord): Finding[] => {
    const own = r.form?.source;
    if (!own) return [];
    const { form, cover } = formParts(own.sheet);
    return [null, form, cover].flatMap(
      (sheet) => byPlace.get(sourceKey({ file: own.file, sheet, row: null })) ?? []
    );
  };
  return records.map((r) => {
    const { file, row } = r.source;
    if (row !== null) return [...(byPlace.get(sourceKey(r.source)) ?? []), ...ofForm(r)];
    if (formsPerFile.get(file) === 1) return byFile.get(file) ?? [];
    const { form, cover } = formParts(r.source.sheet);
    return [null, form, cover].flatMap(
      (sheet) => byPlace.get(sourceKey({ file, sheet, row: null })) ?? []
    );
  });
}
