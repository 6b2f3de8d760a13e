/**
 * Every Excel JavaScript API member the code in src/excel uses, with its requirement set, found by the TypeScript
 * checker (the Xl* types are Pick<>s of @types/office-js, so a member resolves to its Office.js declaration; a member
 * redeclared in xl.ts is looked up on the Excel type XlMirrors names) and read from the "[Api set: ExcelApi 1.x]"
 * comments of node_modules/@types/office-js/index.d.ts. The test fails when a member needs more than the manifest's
 * ExcelApi minimum and its use is not inside an `if (…isSetSupported("ExcelApi", "1.x")…)` branch, and when the
 * manifest asks more than the code needs. The inventory is written to test-results/excel-api-usage.txt.
 */
import { mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
const EXCEL_DIR = path.join(ROOT, "src", "excel");
// node_modules may be a link: compare real paths
const OFFICE_DTS = realpathSync(
  path.join(ROOT, "node_modules", "@types", "office-js", "index.d.ts")
);
const XL = path.join(EXCEL_DIR, "xl.ts");
/** A file that exists only in this test, to show the check catches what it must. */
const FIXTURE = path.join(EXCEL_DIR, "__apiUsageFixture__.ts");
const FIXTURE_TEXT = `
export function unguarded(r: Excel.Range): void {
  r.getSpillingToRangeOrNullObject();
}
export function guarded(r: Excel.Range): void {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.12")) r.getSpillingToRangeOrNullObject();
}
export function guardedTooLow(r: Excel.Range): void {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
    r.getSpillingToRangeOrNullObject();
  }
}
`;

interface Use {
  member: string;
  /** "1.8", or null for members without an ExcelApi requirement set (the request context, Excel.run). */
  set: string | null;
  file: string;
  line: number;
  /** The ExcelApi version an enclosing isSetSupported check guarantees, if any. */
  guard: string | null;
}

function version(v: string): number[] {
  return v.split(".").map(Number);
}
function above(a: string, b: string): boolean {
  const [x, y] = [version(a), version(b)];
  return x[0] > y[0] || (x[0] === y[0] && x[1] > y[1]);
}

function program(): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(String(d.messageText)) }
  )!;
  const files = readdirSync(EXCEL_DIR)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(EXCEL_DIR, f));
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) =>
    path.resolve(name) === FIXTURE
      ? ts.createSourceFile(name, FIXTURE_TEXT, lang)
      : getSourceFile(name, lang, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === FIXTURE || fileExists(name);
  return ts.createProgram([...files, FIXTURE], config.options, host);
}

/** "Excel.Range.values" for a declaration inside namespace Excel, interface/class Range. */
function qualifiedName(decl: ts.Declaration): string {
  const parts: string[] = [];
  for (let n: ts.Node | undefined = decl; n; n = n.parent) {
    if (
      (ts.isModuleDeclaration(n) ||
        ts.isInterfaceDeclaration(n) ||
        ts.isClassDeclaration(n) ||
        ts.isFunctionDeclaration(n) ||
        ts.isPropertySignature(n) ||
        ts.isPropertyDeclaration(n) ||
        ts.isMethodSignature(n) ||
        ts.isMethodDeclaration(n) ||
        ts.isGetAccessorDeclaration(n) ||
        ts.isSetAccessorDeclaration(n)) &&
      n.name
    )
      parts.unshift(n.name.getText());
  }
  return parts.join(".");
}

function apiSet(decls: readonly ts.Declaration[]): string | null {
  const sets = decls.flatMap((d) => {
    const text = d.getSourceFile().getFullText().slice(d.getFullStart(), d.getStart());
    const m = /\[Api set: ExcelApi (\d+\.\d+)\]/.exec(text);
    return m ? [m[1]] : [];
  });
  return sets.length === 0 ? null : sets.reduce((a, b) => (above(a, b) ? b : a));
}

/** The ExcelApi version the nearest enclosing isSetSupported("ExcelApi", "1.x") check (then-branch or &&) guarantees. */
function guardOf(node: ts.Node): string | null {
  const check = (cond: ts.Node): string | null => {
    const m = /isSetSupported\(\s*["']ExcelApi["']\s*,\s*["'](\d+\.\d+)["']\s*\)/.exec(
      cond.getText()
    );
    return m ? m[1] : null;
  };
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isIfStatement(p) && p.thenStatement === n) {
      const g = check(p.expression);
      if (g) return g;
    }
    if (ts.isConditionalExpression(p) && p.whenTrue === n) {
      const g = check(p.condition);
      if (g) return g;
    }
    if (
      ts.isBinaryExpression(p) &&
      p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      p.right === n
    ) {
      const g = check(p.left);
      if (g) return g;
    }
  }
  return null;
}

function collect(prog: ts.Program): Use[] {
  const checker = prog.getTypeChecker();
  const xl = prog.getSourceFile(XL)!;
  const mirrors = new Map<string, ts.Type>();
  const mirrorDecl = xl.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "XlMirrors"
  )!;
  for (const m of mirrorDecl.members)
    if (ts.isPropertySignature(m) && m.type)
      mirrors.set(m.name.getText(), checker.getTypeFromTypeNode(m.type));

  /** The Office.js declarations a member symbol stands for, or null when it is our own. */
  const officeDecls = (symbol: ts.Symbol | undefined): readonly ts.Declaration[] | null => {
    const decls = symbol?.declarations ?? [];
    if (decls.length === 0) return null;
    const file = path.resolve(decls[0].getSourceFile().fileName);
    if (file.endsWith("index.d.ts") && realpathSync(file) === OFFICE_DTS) return decls;
    if (file !== XL) return null;
    const owner = decls[0].parent;
    if (!ts.isInterfaceDeclaration(owner)) return null;
    const real = mirrors.get(owner.name.text);
    if (!real)
      throw new Error(`xl.ts: ${owner.name.text} 不在 XlMirrors 中，无法查到它的 Office.js 成员`);
    const prop = checker.getPropertyOfType(real, symbol!.name);
    if (!prop?.declarations)
      throw new Error(`xl.ts: ${owner.name.text}.${symbol!.name} 不是 Office.js 成员`);
    return prop.declarations;
  };

  const uses: Use[] = [];
  for (const sf of prog.getSourceFiles()) {
    const file = path.resolve(sf.fileName);
    if (path.dirname(file) !== EXCEL_DIR || file === XL) continue;
    const add = (node: ts.Node, symbol: ts.Symbol | undefined) => {
      const decls = officeDecls(symbol);
      if (!decls) return;
      const member = qualifiedName(decls[0]);
      // the Excel API and its request machinery; Office.* (the common API) has requirement sets of its own
      if (!/^(Excel|OfficeExtension)\./.test(member)) return;
      uses.push({
        member,
        set: apiSet(decls),
        file: path.relative(ROOT, file),
        line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        guard: guardOf(node),
      });
    };
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) add(node, checker.getSymbolAtLocation(node.name));
      if (ts.isObjectLiteralExpression(node)) {
        const contextual = checker.getContextualType(node);
        const type = contextual && checker.getNonNullableType(contextual);
        if (type)
          for (const p of node.properties)
            if (p.name) add(p, checker.getPropertyOfType(type, p.name.getText()));
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

function manifestExcelApi(): string {
  const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="(\d+\.\d+)"\s*\/>/.exec(xml);
  if (!m) throw new Error("manifest.xml 没有声明 ExcelApi 的最低版本");
  return m[1];
}

let uses: Use[];
beforeAll(() => {
  uses = collect(program());
  const inventory = [...new Map(uses.map((u) => [u.member, u])).values()]
    .filter((u) => !u.file.includes("__apiUsageFixture__"))
    .sort((a, b) => a.member.localeCompare(b.member))
    .map((u) => `${u.member}\tExcelApi ${u.set ?? "—"}\t${u.file}:${u.line}`);
  mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
  writeFileSync(
    path.join(ROOT, "test-results", "excel-api-usage.txt"),
    inventory.join("\n") + "\n"
  );
}, 60_000);

const real = () => uses.filter((u) => !u.file.includes("__apiUsageFixture__"));

test("finds the members src/excel uses, each with its requirement set", () => {
  const sets = new Map(real().map((u) => [u.member, u.set]));
  expect(Object.fromEntries([...sets].filter(([m]) => KNOWN[m] !== undefined))).toEqual(KNOWN);
  // every member used has a requirement set, except the request machinery the d.ts gives none (it is in every set)
  const without = [...sets].filter(([, s]) => s === null).map(([m]) => m);
  expect(without.sort()).toEqual(
    [
      "Excel.run",
      "Excel.RequestContext.workbook",
      "OfficeExtension.ClientRequestContext.sync",
      "OfficeExtension.ClientObject.isNullObject",
      "Excel.Range.load",
      "Excel.RangeAreas.load",
      "Excel.Worksheet.load",
      "Excel.TableCollection.load",
      "Excel.TableCollection.items",
    ].sort()
  );
  expect(sets.size).toBeGreaterThan(40);
});

const KNOWN: Record<string, string> = {
  "Excel.createWorkbook": "1.8",
  "Excel.DataValidation.rule": "1.8",
  "Excel.DataValidationRule.list": "1.8",
  "Excel.ListDataValidation.inCellDropDown": "1.8",
  "Excel.ListDataValidation.source": "1.8",
  "Excel.WorksheetCollection.getItemOrNullObject": "1.4",
  "Excel.Worksheet.getUsedRangeOrNullObject": "1.4",
  "Excel.Worksheet.getRangeByIndexes": "1.7",
  "Excel.WorksheetFreezePanes.freezeRows": "1.7",
  "Excel.Range.values": "1.1",
  "Excel.RangeFormat.autofitRows": "1.2",
  "Excel.TableCollection.add": "1.1",
  "Excel.ChartCollection.add": "1.1",
  // edit in place: a clerk's own cells move with their row in R1C1, old footers are unmerged, trailing rows cleared
  "Excel.Range.formulasR1C1": "1.2",
  "Excel.Range.unmerge": "1.2",
  "Excel.Range.clear": "1.1",
  "Excel.RangeFill.clear": "1.1",
  "Excel.DataValidation.prompt": "1.8",
  "Excel.DataValidation.errorAlert": "1.8",
  "Excel.DataValidationRule.wholeNumber": "1.8",
  "Excel.DataValidationRule.decimal": "1.8",
  // resuming from the workbook: values with their number formats, merged areas behind isSetSupported("ExcelApi", "1.13")
  "Excel.Range.numberFormat": "1.1",
  "Excel.Range.getMergedAreasOrNullObject": "1.13",
  "Excel.RangeAreas.address": "1.9",
  // print setup of a new sheet, behind isSetSupported("ExcelApi", "1.9")
  "Excel.Worksheet.pageLayout": "1.9",
  "Excel.PageLayout.orientation": "1.9",
  "Excel.PageLayout.setPrintTitleRows": "1.9",
  "Excel.HeaderFooter.centerFooter": "1.9",
};

test("nothing above the manifest's ExcelApi minimum is used without an isSetSupported guard", () => {
  const min = manifestExcelApi();
  const unguarded = real().filter(
    (u) => u.set !== null && above(u.set, min) && (u.guard === null || above(u.set, u.guard))
  );
  expect(unguarded.map((u) => `${u.member}（ExcelApi ${u.set}）${u.file}:${u.line}`)).toEqual([]);
});

test("the manifest asks no more than the code needs", () => {
  const needed = real()
    .filter((u) => u.guard === null && u.set !== null)
    .map((u) => u.set!)
    .reduce((a, b) => (above(b, a) ? b : a), "1.1");
  expect(manifestExcelApi()).toBe(needed);
});

test("the check itself: an unguarded or under-guarded ExcelApi 1.12 member is caught, a guarded one is not", () => {
  const fixture = uses.filter((u) => u.file.includes("__apiUsageFixture__"));
  expect(fixture.map((u) => [u.member, u.set, u.guard])).toEqual([
    ["Excel.Range.getSpillingToRangeOrNullObject", "1.12", null],
    ["Excel.Range.getSpillingToRangeOrNullObject", "1.12", "1.12"],
    ["Excel.Range.getSpillingToRangeOrNullObject", "1.12", "1.9"],
  ]);
  const min = manifestExcelApi();
  const caught = fixture.filter(
    (u) => u.set !== null && above(u.set, min) && (u.guard === null || above(u.set, u.guard))
  );
  expect(caught.map((u) => u.guard)).toEqual([null, "1.9"]);
});
