/**
 * Opening an .xlsx package safely. The central directory is read first (declared sizes, entry count), then every
 * part is inflated ONCE under a hard cap (never more than it declares). The parts the reader needs (workbook,
 * relationships, shared strings, styles, worksheets) are kept; everything else (images, drawings…) is checked and
 * dropped. The rows and cells of a worksheet are counted by its parser (../ooxml/readSheet.ts), which stops at the
 * limit (./openWorkbook.ts names the sheet's real size).
 */
import {
  inflateEntry as inflateCapped,
  listZip,
  partKey,
  ZipError,
  type ZipEntry,
} from "../../zip";
import { formatBytes, formatMillis } from "../../limits";
import { readWorkbookInfo } from "../ooxml/readPackage";
import { PartError, partText } from "../ooxml/xmlScan";

export interface GuardLimits {
  maxUncompressedBytes: number;
  maxEntryBytes: number;
  maxRowsPerSheet: number;
  maxCellsPerSheet: number;
  /** Absolute time (Date.now()) after which reading stops. */
  deadline: number;
  maxMillis: number;
}

/** Why a package was refused: the Chinese message, and the sheet it concerns when there is one. */
export interface GuardRefusal {
  message: string;
  sheet?: string;
}

class Refused extends Error {
  constructor(readonly refusal: GuardRefusal) {
    super(refusal.message);
  }
}

/** Sheet part → sheet name, from xl/workbook.xml and its relationships (best effort: empty when unreadable). */
function sheetNames(
  wbBytes: Uint8Array | undefined,
  relBytes: Uint8Array | undefined
): Map<string, string> {
  const out = new Map<string, string>();
  if (!wbBytes) return out;
  try {
    const info = readWorkbookInfo(partText(wbBytes), relBytes ? partText(relBytes) : null);
    for (const s of info.sheets)
      if (!out.has(s.part.toLowerCase())) out.set(s.part.toLowerCase(), s.name);
  } catch (e) {
    // the reader reports a workbook part it cannot read; here the sheets just keep their part names
    if (!(e instanceof PartError)) throw e;
  }
  return out;
}

function checkTime(limits: GuardLimits): void {
  if (Date.now() > limits.deadline) {
    throw new Refused({
      message: `读取时间超过上限 ${formatMillis(limits.maxMillis)}，已停止读取：文件过大或结构异常，请删除无关内容后重新保存`,
    });
  }
}

/**
 * Inflate one entry, never past its declared size; hand each chunk to `sink` (or keep it whole when sink is null).
 * Throws Refused for an encrypted part, a lying header or the time limit; ZipError for a broken stream.
 */
function inflateEntry(
  data: Uint8Array,
  entry: ZipEntry,
  limits: GuardLimits,
  sink: ((c: Uint8Array) => void) | null
): Uint8Array {
  if (entry.flags & 1)
    throw new Refused({
      message: `文件已加密（压缩包内“${entry.name}”有密码），无法读取：请取消密码后另存为 .xlsx`,
    });
  return inflateCapped(data, entry, {
    ...(sink ? { onChunk: sink } : {}),
    onStep: () => checkTime(limits),
    overflow: (e) =>
      new Refused({
        message: `压缩包内“${e.name}”实际解压后超过其声明的 ${formatBytes(e.size)}，疑似“压缩炸弹”或文件已损坏，未读取：请让报送单位重新另存为 .xlsx`,
      }),
  });
}

/** The inflated parts kept for the reader, by lower-cased name without a leading '/'. */
export type PackageParts = Map<string, Uint8Array>;

export type OpenedPackage =
  { refusal: GuardRefusal; parts?: undefined } | { refusal?: undefined; parts: PackageParts };

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
/** Parts worth keeping (besides the sheets the workbook names): XML directly under xl/, worksheets, relationships. */
const KEPT =
  /^(\[content_types\]\.xml|xl\/[^/]+\.xml|xl\/worksheets\/[^/]+\.xml|xl\/_rels\/workbook\.xml\.rels)$/;

/**
 * Check and inflate a package: every part once, under its caps. Gives the parts the reader needs, or why the
 * package was refused (in Chinese, naming the limit).
 */
export function openPackage(data: Uint8Array, limits: GuardLimits): OpenedPackage {
  try {
    const entries = listZip(data, {
      maxEntryBytes: Infinity,
      maxTotalBytes: limits.maxUncompressedBytes,
      maxRatio: Infinity,
    });
    const byName = new Map<string, ZipEntry>();
    for (const e of entries) byName.set(partKey(e.name), e);
    for (const e of entries) {
      if (e.size > limits.maxEntryBytes) {
        return {
          refusal: {
            message: `压缩包内“${e.name}”解压后为 ${formatBytes(e.size)}，超过单个部件 ${formatBytes(limits.maxEntryBytes)} 的上限，未读取：疑似“压缩炸弹”，或工作表过大，请删除多余内容后重新保存`,
          },
        };
      }
    }
    const parts: PackageParts = new Map();
    // the workbook and its relationships first: they name the sheets, kept wherever their parts are
    for (const key of [WORKBOOK, WORKBOOK_RELS]) {
      const e = byName.get(key);
      if (e) parts.set(key, inflateEntry(data, e, limits, null));
    }
    const names = sheetNames(parts.get(WORKBOOK), parts.get(WORKBOOK_RELS));
    for (const e of entries) {
      const key = partKey(e.name);
      if (key === WORKBOOK || key === WORKBOOK_RELS) continue;
      const keep = KEPT.test(key) || names.has(key);
      const bytes = inflateEntry(data, e, limits, keep ? null : () => undefined);
      if (keep) parts.set(key, bytes);
    }
    return { parts };
  } catch (e) {
    if (e instanceof Refused) return { refusal: e.refusal };
    if (e instanceof ZipError) {
      if (e.kind === "bomb")
        return {
          refusal: { message: `文件结构异常，未读取：${e.message}。请让报送单位重新另存为 .xlsx` },
        };
      if (e.kind === "encrypted")
        return { refusal: { message: `文件已加密，无法读取：请取消密码后另存为 .xlsx` } };
      if (e.kind === "ambiguous")
        return {
          refusal: {
            message: `文件结构异常，未读取：${e.message}。请让报送单位用 Excel/WPS 重新另存为 .xlsx 后再发送`,
          },
        };
      if (e.kind === "unsupported") {
        return {
          refusal: {
            message: `文件使用了不支持的压缩格式（${e.message.replace(/，不是常见的 Word 文档$/, "")}），无法读取：请用 Excel/WPS 打开后另存为 .xlsx`,
          },
        };
      }
      return {
        refusal: {
          message: `文件已损坏（${e.message}），无法读取：请重新获取或用 Excel/WPS 重新保存该文件`,
        },
      };
    }
    throw e;
  }
}
