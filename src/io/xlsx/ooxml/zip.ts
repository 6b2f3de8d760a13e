/**
 * The .xlsx package: every part deflated once by the codec (src/io/codec.ts), entries stamped with a fixed time so the
 * same parts always give the same bytes. The container is laid out as fflate's zipSync lays it out (version 2.0,
 * no extra fields, no data descriptors), so with the fflate codec the bytes are those zipSync wrote.
 */
import { codec, concatBytes, type CompressedPart, type DeflateLevel } from "../../codec";

export type Part =
  | readonly [name: string, chunks: readonly Uint8Array[]]
  | readonly [name: string, compressed: CompressedPart];

/** Zip entry DOS time: 2000-01-01 00:00:00. */
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;

const EMPTY = new Uint8Array(0);

/** A part given as raw chunks, compressed now. */
export function compressChunks(chunks: readonly Uint8Array[], level: DeflateLevel): CompressedPart {
  const d = codec().deflater(level);
  for (const c of chunks) d.push(c);
  return d.finish(EMPTY, EMPTY);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

export function zipParts(parts: readonly Part[], level: DeflateLevel): Uint8Array {
  return concatBytes(zipPieces(parts, level));
}

/**
 * The package as the pieces it is made of, in order (each local header, the part's compressed chunks as they are,
 * then the central directory): what zipParts joins, for a caller that writes them out one after another and need not
 * hold the package twice.
 */
export function zipPieces(parts: readonly Part[], level: DeflateLevel): Uint8Array[] {
  const encoder = new TextEncoder();
  const entries = parts.map(([name, content]) => {
    const part = Array.isArray(content)
      ? compressChunks(content as readonly Uint8Array[], level)
      : (content as CompressedPart);
    let length = 0;
    for (const c of part.chunks) length += c.length;
    return { name: encoder.encode(name), utf8: !isAscii(name), part, length };
  });
  const pieces: Uint8Array[] = [];
  const offsets: number[] = [];
  let p = 0;
  let central = 0;
  for (const e of entries) {
    offsets.push(p);
    const head = new Uint8Array(30 + e.name.length);
    header(new DataView(head.buffer), head, 0, e, null);
    pieces.push(head);
    for (const c of e.part.chunks) if (c.length > 0) pieces.push(c);
    p += head.length + e.length;
    central += 46 + e.name.length;
  }
  const tail = new Uint8Array(central + 22);
  const dv = new DataView(tail.buffer);
  let q = 0;
  entries.forEach((e, i) => (q = header(dv, tail, q, e, offsets[i])));
  dv.setUint32(q, 0x06054b50, true);
  dv.setUint16(q + 8, entries.length, true);
  dv.setUint16(q + 10, entries.length, true);
  dv.setUint32(q + 12, q, true);
  dv.setUint32(q + 16, p, true);
  pieces.push(tail);
  return pieces;
}

/** A local header (offset null) or a central directory header; returns the position after it. */
function header(
  dv: DataView,
  out: Uint8Array,
  at: number,
  e: { name: Uint8Array; utf8: boolean; part: CompressedPart; length: number },
  offset: number | null
): number {
  let p = at;
  dv.setUint32(p, offset === null ? 0x04034b50 : 0x02014b50, true);
  p += 4;
  if (offset !== null) {
    dv.setUint16(p, 20, true); // made by: 2.0, MS-DOS
    p += 2;
  }
  dv.setUint16(p, 20, true); // needed: 2.0
  dv.setUint16(p + 2, e.utf8 ? 0x800 : 0, true);
  dv.setUint16(p + 4, e.part.method, true);
  dv.setUint16(p + 6, DOS_TIME, true);
  dv.setUint16(p + 8, DOS_DATE, true);
  dv.setUint32(p + 10, e.part.crc >>> 0, true);
  dv.setUint32(p + 14, e.length, true);
  dv.setUint32(p + 18, e.part.size, true);
  dv.setUint16(p + 22, e.name.length, true);
  dv.setUint16(p + 24, 0, true); // extra
  p += 26;
  if (offset !== null) {
    // comment length, disk, internal and external attributes: 0
    dv.setUint32(p + 10, offset, true);
    p += 14;
  }
  out.set(e.name, p);
  return p + e.name.length;
}
