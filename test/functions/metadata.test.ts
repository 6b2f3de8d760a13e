/**
 * Contract: functions.json as custom-functions-metadata generates it from src/functions/functions.ts (the same
 * generator custom-functions-metadata-plugin runs in the webpack build). Workbooks in the field hold formulas that
 * name these ids and rely on these argument shapes: this test fails if an id, a parameter, an optional flag or a
 * dimensionality changes.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface ParamMeta {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: ParamMeta[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

const SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");

/** The pinned contract, written by hand: id → [parameters as name:dimensionality(?optional)], result dimensionality. */
const CONTRACT: Record<string, { params: string[]; result: "matrix" | "scalar" }> = {
  TIERCOUNT: { params: ["levels:matrix", "tier:scalar?"], result: "matrix" },
  RATIO: { params: ["numerators:matrix", "denominators:matrix"], result: "scalar" },
  COVERAGE: { params: ["covered:matrix", "percents:matrix"], result: "scalar" },
  MULTIDIRECTION: { params: ["enterprises:matrix", "directions:matrix"], result: "matrix" },
  CROSSREGION: { params: ["enterprises:matrix", "prefectures:matrix"], result: "matrix" },
  USCC: { params: ["code:scalar"], result: "scalar" },
};

let functions: FunctionMeta[];
let associate: { functionName: string; id: string }[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE, false);
  expect(result.errors).toEqual([]);
  functions = (JSON.parse(result.metadataJson) as { functions: FunctionMeta[] }).functions;
  associate = result.associate;
}, 60000);

test("exactly the pinned ids, each named as its id", () => {
  expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(CONTRACT).sort());
  for (const f of functions) expect(f.name).toBe(f.id);
});

test.each(Object.entries(CONTRACT))(
  "%s: parameters, optional flags, dimensionality and result",
  (id, want) => {
    const f = functions.find((x) => x.id === id)!;
    const params = f.parameters.map(
      (p) => `${p.name}:${p.dimensionality ?? "scalar"}${p.optional ? "?" : ""}`
    );
    expect(params).toEqual(want.params);
    expect(f.result.dimensionality ?? "scalar").toBe(want.result);
    // values of any kind arrive (numbers, text, booleans): no parameter is narrowed to one type
    for (const p of f.parameters) {
      expect(p.type).toBe("any");
      expect(p.repeating).toBeUndefined();
    }
    // plain synchronous functions: no streaming, volatile or cancelable options
    expect(f.options).toBeUndefined();
  }
);

test("every function and parameter has a Chinese description", () => {
  const chinese = /[\u4e00-\u9fff]/;
  for (const f of functions) {
    expect(f.description).toMatch(chinese);
    expect(f.description).not.toContain("\n"); // one line in Excel's formula tooltip
    for (const p of f.parameters) expect(p.description).toMatch(chinese);
  }
});

test("the build registers each id with its wrapper (associate calls appended by the plugin)", () => {
  expect(associate.map((a) => a.id).sort()).toEqual(Object.keys(CONTRACT).sort());
  for (const a of associate) expect(a.functionName).toMatch(/Fn$/);
});
