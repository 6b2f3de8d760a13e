/**
 * The CLI's codec (node's zlib, src/cli/nodeCodec.ts) against the default one (fflate): the same parts in every
 * package we write, a package valid for Excel, and every input guard of the readers the same — a lying header, a
 * damaged stream, a part over its limit — with the same Chinese messages.
 */
import zlib from "node:zlib";
import { inflateSync, strFromU8, unzipSync } from "fflate";
import { blocksOffloaded, NODE_CODEC } from "../../src/cli/nodeCodec";
import { codec, crc32, crc32Combine, FFLATE_CODEC, setCodec, type Codec } from "../../src/io/codec";
import { readApplicationDocx } from "../../src/io/docx/readApplication";
import { deflaterSink } from "../../src/io/xlsx/ooxml/bytes";
import { WorkbookWriter } from "../../src/io/xlsx/ooxml/workbook";
import { writeProvinceWorkbook } from "../../src/io/xlsx/writeProvince";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";
import { checkXlsx } from "../support/ooxmlCheck";
import { bad } from "../hardening/corpus.helpers";
import { annex3SheetXml, lieAboutSize, xlsxPackage } from "../hardening/xlsxPackage";
import { sampleMerge } from "../io/xlsx/inspect/sampleMerge";

const OPTS = {
  recommender: "湖南省工业和信息化厅",
  date: "2024年12月20日",
  contact: "刘明",
  phone: "0731-88954321",
  generatedAt: "2024-12-20T09:30:00+08:00",
};

function withCodec<T>(c: Codec, f: () => T): T {
  const before = codec();
  setCodec(c);
  try {
    return f();
  } finally {
    setCodec(before);
  }
}

async function withCodecAsync<T>(c: Codec, f: () => Promise<T>): Promise<T> {
  const before = codec();
  setCodec(c);
  try {
    return await f();
  } finally {
    setCodec(before);
  }
}

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe("CRC-32", () => {
  it("is zip's CRC, and combines as zlib's crc32_combine", () => {
    const a = bytesOf("护航新型工业化网络安全典型案例推荐汇总表".repeat(50));
    const b = bytesOf('<row r="2"><c r="A2"><v>1</v></c></row>'.repeat(70));
    expect(crc32(a)).toBe(zlib.crc32(a));
    expect(crc32(b, crc32(a))).toBe(zlib.crc32(Buffer.concat([a, b])));
    expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(zlib.crc32(Buffer.concat([a, b])));
    expect(crc32Combine(crc32(a), 0, 0)).toBe(crc32(a));
    expect(crc32Combine(0, crc32(b), b.length)).toBe(crc32(b));
  });

  it("combines over every length a block may have: one byte to several megabytes, powers of two and between", () => {
    let seed = 7;
    const random = (n: number) =>
      Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    const a = random(1000);
    for (const n of [
      1,
      2,
      3,
      7,
      8,
      9,
      255,
      256,
      1023,
      65_536,
      1 << 20,
      (1 << 20) + 13,
      3_000_001,
    ]) {
      const b = random(n);
      expect([n, crc32Combine(zlib.crc32(a), zlib.crc32(b), n)]).toEqual([
        n,
        zlib.crc32(Buffer.concat([a, b])),
      ]);
    }
  });
});

describe.each([
  ["fflate", FFLATE_CODEC],
  ["node:zlib", NODE_CODEC],
])("%s deflater", (_name, c) => {
  it("head, body blocks and tail come out as one DEFLATE stream of head‖body‖tail", () => {
    const head = bytesOf('<?xml version="1.0"?><worksheet><sheetData>');
    const blocks = Array.from({ length: 5 }, (_, i) =>
      bytesOf(`<row r="${i}">${"<c><v>湖南长沙</v></c>".repeat(3000 + i)}</row>`)
    );
    const tail = bytesOf("</sheetData></worksheet>");
    const d = c.deflater(4);
    for (const b of blocks) d.push(b);
    const part = d.finish(head, tail);
    const whole = Buffer.concat([head, ...blocks, tail]);
    const stream = Buffer.concat(part.chunks);
    expect(part.method).toBe(8);
    expect(part.size).toBe(whole.length);
    expect(part.crc).toBe(zlib.crc32(whole));
    expect(Buffer.from(zlib.inflateRawSync(stream)).equals(whole)).toBe(true);
    expect(Buffer.from(inflateSync(stream)).equals(whole)).toBe(true);
    // compressed
    expect(stream.length).toBeLessThan(whole.length / 5);
  });

  it("an empty part, and a part with only a head or only a body", () => {
    for (const [head, body, tail] of [
      ["", "", ""],
      ["<a/>", "", ""],
      ["", "<b/>", ""],
      ["", "", "<c/>"],
    ]) {
      const d = c.deflater(4);
      if (body) d.push(bytesOf(body));
      const part = d.finish(bytesOf(head), bytesOf(tail));
      const stream = Buffer.concat(part.chunks);
      expect(strFromU8(zlib.inflateRawSync(stream))).toBe(head + body + tail);
      expect(part.crc).toBe(zlib.crc32(head + body + tail));
      expect(part.size).toBe(head.length + body.length + tail.length);
    }
  });
});

describe("node:zlib deflater with the worker thread", () => {
  it("a part of 48 MB (past the size where blocks go to the worker) is one stream of what was pushed", () => {
    const texts = Array.from({ length: 48 }, (_, i) =>
      bytesOf(`<row r="${i}">`.padEnd(1 << 20, i % 2 ? "湖南长沙<c><v>1</v></c>" : "x"))
    );
    const d = NODE_CODEC.deflater(4);
    const before = blocksOffloaded();
    let shared = 0;
    for (const t of texts) {
      // as the sheet writer does: a block the deflater gives is filled, pushed and never touched again
      const block = d.allocate?.(t.length) ?? null;
      if (block) {
        block.set(t);
        shared++;
      }
      d.push(block ?? t);
    }
    const part = d.finish(bytesOf("<head>"), bytesOf("</tail>"));
    // the first 4 MB are deflated here; from then on the blocks are shared and go to the worker while it has fewer
    // than two in hand (how many in all depends on how fast the two threads run: on a busy machine, fewer), the
    // first two always
    expect(shared).toBeGreaterThanOrEqual(40);
    expect(blocksOffloaded() - before).toBeGreaterThanOrEqual(2);
    const whole = Buffer.concat([bytesOf("<head>"), ...texts, bytesOf("</tail>")]);
    expect(part.size).toBe(whole.length);
    expect(part.crc).toBe(zlib.crc32(whole));
    expect(Buffer.from(zlib.inflateRawSync(Buffer.concat(part.chunks))).equals(whole)).toBe(true);
  });

  it("a 60 MB sheet written through the sheet writer's sink reads back byte for byte (shared blocks are never refilled)", () => {
    const d = NODE_CODEC.deflater(2);
    const sink = deflaterSink(d);
    const rows: string[] = [];
    for (let i = 0; rows.length < 60 * 1024; i++) {
      const row = `<row r="${i}"><c r="A${i}" t="s"><v>${i * 7}</v></c>${"湖南".repeat(i % 300)}</row>`;
      rows.push(row);
      sink.write(row);
    }
    sink.flush();
    const part = d.finish(bytesOf("<sheetData>"), bytesOf("</sheetData>"));
    const text = strFromU8(zlib.inflateRawSync(Buffer.concat(part.chunks)));
    expect(text).toBe("<sheetData>" + rows.join("") + "</sheetData>");
  });
});

describe.each([
  ["fflate", FFLATE_CODEC],
  ["node:zlib", NODE_CODEC],
])("a workbook packaged with %s", (_name, c) => {
  it("is packaged once: its rows were compressed as they were written, a second package says so", () => {
    withCodec(c, () => {
      const wb = new WorkbookWriter({
        creator: "护航汇总",
        created: new Date(Date.UTC(2024, 11, 20)),
      });
      wb.addSheet("明细").row(1, ["案例名称", "企业名称"]);
      const bytes = wb.toBytes();
      expect(Object.keys(unzipSync(bytes))).toContain("xl/worksheets/sheet1.xml");
      expect(() => wb.toBytes()).toThrow("压缩部件已写出，不能再写入");
    });
  });
});

describe("a workbook written with node's zlib", () => {
  it("holds the same parts as with fflate and passes the OOXML check without warnings", async () => {
    const merged = sampleMerge();
    const viaFflate = await withCodecAsync(FFLATE_CODEC, () => writeProvinceWorkbook(merged, OPTS));
    const viaNode = await withCodecAsync(NODE_CODEC, () => writeProvinceWorkbook(merged, OPTS));
    const a = unzipSync(viaFflate);
    const b = unzipSync(viaNode);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a))
      expect([name, Buffer.from(b[name]).equals(a[name])]).toEqual([name, true]);
    const report = checkXlsx({ node: viaNode });
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([]);
    // and it reads back as what it holds
    const back = await withCodecAsync(NODE_CODEC, () => readWorkbook(viaNode, "省级汇总表.xlsx"));
    expect(back.records.map((r) => r.caseName)).toEqual(merged.records.map((r) => r.caseName));
  });
});

describe("the readers' guards with node's zlib", () => {
  const huge = new Uint8Array(200 * 1024 * 1024).fill(0x20);
  const bomb = xlsxPackage(huge);

  async function messages(bytes: Uint8Array): Promise<string[][]> {
    const out: string[][] = [];
    for (const c of [FFLATE_CODEC, NODE_CODEC]) {
      const sub = await withCodecAsync(c, () => readWorkbook(bytes, "hostile.xlsx"));
      expect(sub.ok).toBe(false);
      out.push(sub.findings.map((f) => f.message));
    }
    return out;
  }

  it("a part that inflates past the size it declares", async () => {
    const [fflate, node] = await messages(lieAboutSize(bomb, "xl/worksheets/sheet1.xml", 4096));
    expect(node).toEqual(fflate);
    expect(node[0]).toMatch(
      /^压缩包内“xl\/worksheets\/sheet1\.xml”实际解压后超过其声明的 4 KB，疑似“压缩炸弹”/
    );
  });

  it("a part that inflates to less than it declares, and a damaged stream", async () => {
    const ok = xlsxPackage(annex3SheetXml(50));
    const [f1, n1] = await messages(lieAboutSize(ok, "xl/worksheets/sheet1.xml", 10_000_000));
    expect(n1).toEqual(f1);
    expect(n1[0]).toMatch(/解压后的大小与目录不符/);
    const damaged = ok.slice();
    // the sheet's data: past its local header; flip bytes inside the stream
    const at = Buffer.from(damaged).indexOf(Buffer.from("xl/worksheets/sheet1.xml")) + 40;
    for (let i = 0; i < 64; i++) damaged[at + i] ^= 0xff;
    const [f2, n2] = await messages(damaged);
    expect(n2).toEqual(f2);
    expect(n2[0]).toMatch(/无法解压|已损坏/);
  });

  it("a .docx whose part lies about its size", async () => {
    const lying = lieAboutSize(bad("form_good.docx"), "word/document.xml", 3);
    const read = (c: Codec) =>
      withCodecAsync(c, async () => (await readApplicationDocx(lying, "bomb.docx")).findings);
    const node = await read(NODE_CODEC);
    expect(node).toEqual(await read(FFLATE_CODEC));
    expect(node[0].message).toMatch(
      /^文件结构异常，已拒绝读取：“word\/document\.xml”实际解压后超过其声明的大小 3 字节/
    );
  });

  it("a good workbook reads the same", async () => {
    const ok = xlsxPackage(annex3SheetXml(300));
    const viaFflate = await withCodecAsync(FFLATE_CODEC, () => readWorkbook(ok, "ok.xlsx"));
    const viaNode = await withCodecAsync(NODE_CODEC, () => readWorkbook(ok, "ok.xlsx"));
    expect(viaNode).toEqual(viaFflate);
    expect(viaNode.records).toHaveLength(300);
    expect(withCodec(NODE_CODEC, () => codec().name)).toBe("node:zlib");
  });
});
