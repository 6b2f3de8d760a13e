/**
 * Atomic output: write to a temporary file beside the target, then rename it into place, so that a failed run never
 * leaves a half-written workbook (or destroys the previous one).
 */
import { promises as fs } from "node:fs";
import path from "node:path";

/** `bytes`: the file's content, or its pieces in order (a workbook written out without joining them first). */
export async function writeFileAtomic(
  target: string,
  bytes: Uint8Array | readonly Uint8Array[]
): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
