/**
 * The production functions.js on its own. The manifest names it (Functions.Script.Url), and a custom-functions
 * runtime without a page has no DOM and loads nothing else: the file must hold everything it needs and register every
 * function functions.json describes, with only the CustomFunctions global. (In the shared runtime taskpane.html loads
 * it beside taskpane.js; the other e2e tests cover that.)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { buildProduction } from "./harness";

describe("the production functions.js", () => {
  let dist: string;
  beforeAll(async () => {
    dist = await buildProduction();
  }, 600_000);

  it("registers every function of functions.json by itself, without a DOM", () => {
    const metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    };
    const associated: string[] = [];
    const context = vm.createContext({
      CustomFunctions: { associate: (id: string) => void associated.push(id) },
    });
    vm.runInContext(readFileSync(path.join(dist, "functions.js"), "utf8"), context);
    expect(associated.sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(associated.length).toBeGreaterThan(0);
  });
});
