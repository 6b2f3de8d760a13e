/**
 * LibreOffice headless (a fresh profile each time) turns a workbook into a PDF; poppler's pdfinfo / pdftotext /
 * pdftoppm read it back: the page count and size, each page's text, and a page as pixels.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const TOOLS = ["/usr/bin/soffice", "/usr/bin/pdfinfo", "/usr/bin/pdftotext", "/usr/bin/pdftoppm"];

/** null when LibreOffice and poppler-utils are there, else what to install. */
export function pdfToolsMissing(): string | null {
  const missing = TOOLS.filter((t) => !existsSync(t));
  return missing.length === 0
    ? null
    : `跳过：需要 ${missing.join("、")}（apt-get install libreoffice-calc-nogui poppler-utils）`;
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 180_000, maxBuffer: 256 << 20 });
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(" ")} 失败（${r.status}）：${r.stderr || r.error}`);
  return r.stdout;
}

export interface Pdf {
  file: string;
  pages: number;
  /** Page size in points, from pdfinfo ("841.89 x 595.276 pts (A4)"). */
  width: number;
  height: number;
  /** Text of page n (1-based), laid out as printed. */
  text(page: number): string;
  /** Page n rendered at `dpi`: RGB pixels, row by row. */
  pixels(page: number, dpi?: number): Rgb;
}

export interface Rgb {
  width: number;
  height: number;
  data: Uint8Array;
  /** Where the PNG of the same page was written (for a person to look at). */
  png: string;
}

/** Convert with LibreOffice (fresh -env:UserInstallation) and open the PDF. */
export function workbookToPdf(bytes: Uint8Array, name = "book"): Pdf {
  const dir = mkdtempSync(join(tmpdir(), "huhang-pdf-"));
  const xlsx = join(dir, `${name}.xlsx`);
  writeFileSync(xlsx, bytes);
  run("/usr/bin/soffice", [
    `-env:UserInstallation=file://${join(dir, "profile")}`,
    "--headless",
    "--convert-to",
    "pdf",
    "--outdir",
    dir,
    xlsx,
  ]);
  const file = join(dir, `${name}.pdf`);
  if (!existsSync(file)) throw new Error(`LibreOffice 没有写出 ${file}`);
  const info = run("/usr/bin/pdfinfo", [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  if (!pages || !size) throw new Error(`pdfinfo 读不出页数或页面大小：\n${info}`);
  return {
    file,
    pages,
    width: Number(size[1]),
    height: Number(size[2]),
    text: (page) =>
      run("/usr/bin/pdftotext", ["-layout", "-f", `${page}`, "-l", `${page}`, file, "-"]),
    pixels: (page, dpi = 60) => {
      const base = join(dir, `page${page}-${dpi}`);
      // the page as pixels to measure (.ppm) and as a picture to look at (.png)
      const pageArgs = [
        "-r",
        `${dpi}`,
        "-f",
        `${page}`,
        "-l",
        `${page}`,
        "-singlefile",
        file,
        base,
      ];
      run("/usr/bin/pdftoppm", pageArgs);
      run("/usr/bin/pdftoppm", ["-png", ...pageArgs]);
      return { ...readPpm(readFileSync(`${base}.ppm`)), png: `${base}.png` };
    },
  };
}

/** A binary PPM (P6, maxval 255) as pdftoppm writes it. */
function readPpm(buf: Buffer): { width: number; height: number; data: Uint8Array } {
  // header: "P6" whitespace width whitespace height whitespace maxval one-whitespace
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString("latin1"));
  if (!header || header[3] !== "255") throw new Error("不是 pdftoppm 写出的 P6 图像");
  const width = Number(header[1]);
  const height = Number(header[2]);
  const data = new Uint8Array(
    buf.subarray(header[0].length, header[0].length + width * height * 3)
  );
  if (data.length !== width * height * 3) throw new Error("PPM 图像数据不完整");
  return { width, height, data };
}

/** Pixels within `tolerance` of an RRGGBB colour, and the bounding box they cover. */
export function colourArea(
  img: Rgb,
  hex: string,
  tolerance = 24
): { count: number; minX: number; maxX: number; minY: number; maxY: number } {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  let minX = Infinity;
  let maxX = -1;
  let minY = Infinity;
  let maxY = -1;
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 3;
      if (
        Math.abs(img.data[i] - r) <= tolerance &&
        Math.abs(img.data[i + 1] - g) <= tolerance &&
        Math.abs(img.data[i + 2] - b) <= tolerance
      ) {
        count++;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
  return { count, minX, maxX, minY, maxY };
}
