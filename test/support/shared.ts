/**
 * The workplace's shared folder beside the repository (../shared): the notice, the manifest schemas and the OOXML
 * checker. Tests that need it fail when it is missing rather than skip: a check that silently does not run proves
 * nothing.
 */
import { existsSync } from "fs";
import * as path from "path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const SHARED_DIR = path.resolve(REPO_ROOT, "..", "shared");

/** A path inside ../shared; throws with what is missing, so the test that asked fails with a reason. */
export function sharedPath(...parts: string[]): string {
  const p = path.join(SHARED_DIR, ...parts);
  if (!existsSync(p)) {
    throw new Error(
      `${p} is missing: the tests need the workplace's shared folder beside the repository (../shared)`
    );
  }
  return p;
}
