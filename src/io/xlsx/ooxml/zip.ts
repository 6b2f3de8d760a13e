/**
 * The .xlsx package: every part deflated once by fflate, entries stamped with a fixed time so the same parts always
 * give the same bytes.
 */
import { zipSync, type Zippable } from "fflate";
import { concatBytes } from "./bytes";

/** Zip entry time; a local-time Date so the DOS date fields are the same in every time zone. */
const ZIP_MTIME = new Date(2000, 0, 1, 0, 0, 0);

export type Part = readonly [name: string, chunks: readonly Uint8Array[]];

export function zipParts(
  parts: readonly Part[],
  level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9
): Uint8Array {
  const files: Zippable = {};
  for (const [name, chunks] of parts)
    files[name] = [concatBytes(chunks), { mtime: ZIP_MTIME, level }];
  return zipSync(files);
}
