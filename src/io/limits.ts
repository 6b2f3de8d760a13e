/**
 * Limits on what one input file may cost to read. Files come by email from 14 offices and hundreds of enterprises; a
 * bad or hostile one (a zip bomb, a sheet of 200,000 rows, a part that never ends) must be refused quickly with a
 * Chinese FILE finding that names the limit, and must never stall the other files. The readers take their own limit
 * objects (readWorkbook's ReadLimits, readApplicationDocx's DocxLimits); both are derived from these settings.
 */

export interface InputLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest sum of the declared uncompressed sizes of all parts of a package. */
  maxUncompressedBytes: number;
  /** Largest uncompressed size of one part (a worksheet, document.xml). */
  maxEntryBytes: number;
  /** Largest number of rows holding anything in one worksheet. */
  maxRowsPerSheet: number;
  /** Largest number of cells written in one worksheet. */
  maxCellsPerSheet: number;
  /** Largest number of worksheets in a workbook. */
  maxSheets: number;
  /** Longest time spent reading one file, in milliseconds. */
  maxMillis: number;
}

/**
 * Sane defaults: a real prefecture workbook is well under 1 MB with tens of rows and a handful of sheets; a Word
 * 申报表 with photos a few MB. These leave two orders of magnitude of headroom and still stop a bomb in well under a
 * second, before anything large is inflated.
 */
export const DEFAULT_LIMITS: Readonly<InputLimits> = Object.freeze({
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
  maxRowsPerSheet: 100_000,
  maxCellsPerSheet: 2_000_000,
  maxSheets: 100,
  maxMillis: 60_000,
});

/** DEFAULT_LIMITS with some settings replaced (undefined values are ignored). */
export function withLimits(overrides: Partial<InputLimits> = {}): InputLimits {
  const out: InputLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(overrides) as (keyof InputLimits)[]) {
    const v = overrides[key];
    if (typeof v === "number" && v > 0) out[key] = v;
  }
  return out;
}

/** Bytes in the unit a clerk reads: "12 MB", "300 KB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} 字节`;
}

/** Milliseconds as seconds for messages: "60 秒". */
export function formatMillis(ms: number): string {
  return `${Math.round(ms / 100) / 10} 秒`;
}
