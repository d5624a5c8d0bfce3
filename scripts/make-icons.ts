/**
 * Draws the app package's icons: npm run icons -> appPackage/color.png and appPackage/outline.png.
 *
 * A bar chart with a rising line, the product in one picture: on the accent colour (192x192), and
 * in white on transparent (32x32) for the outline icon Teams shows in its app bar. Drawn by
 * supersampling simple shapes and written as 8-bit RGBA PNGs with node:zlib, so no image library
 * is needed. Councils may replace the files with their own, as long as they keep the sizes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { projectRoot } from '../src/db/paths';
import { ICON_FILES, ICON_SIZES, iconProblems } from '../src/app-package/icons';

type Rgba = readonly [number, number, number, number];
/** A shape in a 0..1 square: does it cover the point? */
type Shape = (x: number, y: number) => boolean;

const ACCENT: Rgba = [0x4f, 0x52, 0xb2, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const SUPERSAMPLE = 4;

const rect = (x0: number, y0: number, x1: number, y1: number): Shape => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const segment = (ax: number, ay: number, bx: number, by: number, width: number): Shape => (x, y) => {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= width / 2;
};
const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((shape) => shape(x, y));

/** Three rising bars and a trend line above them. */
function symbol(inset: number): Shape {
  const scale = (v: number) => inset + v * (1 - 2 * inset);
  const bar = (left: number, top: number) => rect(scale(left), scale(top), scale(left + 0.2), scale(1));
  return union(
    bar(0.04, 0.62),
    bar(0.4, 0.42),
    bar(0.76, 0.2),
    segment(scale(0.06), scale(0.4), scale(0.48), scale(0.2), 0.07 * (1 - 2 * inset)),
    segment(scale(0.48), scale(0.2), scale(0.94), scale(0.0), 0.07 * (1 - 2 * inset)),
  );
}

function draw(size: number, background: Rgba | null, foreground: Rgba, shape: Shape): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          if (shape((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size)) covered++;
        }
      }
      const share = covered / (SUPERSAMPLE * SUPERSAMPLE);
      const at = (py * size + px) * 4;
      if (background) {
        for (let c = 0; c < 3; c++) pixels[at + c] = Math.round(background[c]! * (1 - share) + foreground[c]! * share);
        pixels[at + 3] = 255;
      } else {
        // White with the coverage as opacity: edges stay smooth and every pixel stays white.
        pixels.set([foreground[0], foreground[1], foreground[2], Math.round(255 * share)], at);
      }
    }
  }
  return pixels;
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function main(): void {
  const dir = path.join(projectRoot(), 'appPackage');
  const color = encodePng(ICON_SIZES.color, ICON_SIZES.color, draw(ICON_SIZES.color, ACCENT, WHITE, symbol(0.22)));
  const outline = encodePng(ICON_SIZES.outline, ICON_SIZES.outline, draw(ICON_SIZES.outline, null, WHITE, symbol(0.06)));
  const problems = iconProblems({ color, outline });
  if (problems.length > 0) throw new Error(`The drawn icons are not right: ${problems.join('; ')}`);
  writeFileSync(path.join(dir, ICON_FILES.color), color);
  writeFileSync(path.join(dir, ICON_FILES.outline), outline);
  console.log(`Wrote ${ICON_FILES.color} (${ICON_SIZES.color}x${ICON_SIZES.color}) and ${ICON_FILES.outline} (${ICON_SIZES.outline}x${ICON_SIZES.outline}) to ${dir}`);
}

if (require.main === module) main();
