/**
 * Just enough PNG to check the app package's icons: the size from the header of any PNG, and the
 * pixels of a plain 8-bit RGBA image (what scripts/make-icons.ts writes), so the outline icon can be
 * checked to be white on transparent as Teams requires.
 */
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngInfo {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 6 is RGBA. */
  readonly colourType: number;
  readonly interlaced: boolean;
}

export class NotAPngError extends Error {}

export function readPngInfo(png: Buffer): PngInfo {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) throw new NotAPngError('not a PNG file (bad signature)');
  if (png.subarray(12, 16).toString('ascii') !== 'IHDR') throw new NotAPngError('not a PNG file (IHDR is not the first chunk)');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24]!, colourType: png[25]!, interlaced: png[28] === 1 };
}

/** RGBA bytes, row by row, of an 8-bit RGBA non-interlaced PNG; null for any other kind. */
export function decodeRgba(png: Buffer): Uint8Array | null {
  const info = readPngInfo(png);
  if (info.bitDepth !== 8 || info.colourType !== 6 || info.interlaced) return null;
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString('ascii');
    if (type === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = info.width * 4;
  const pixels = new Uint8Array(stride * info.height);
  for (let y = 0; y < info.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= 4 ? pixels[(y - 1) * stride + x - 4]! : 0;
      pixels[y * stride + x] = (line[x]! + predictor(filter, left, up, upLeft)) & 0xff;
    }
  }
  return pixels;
}

function predictor(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return Math.floor((left + up) / 2);
    case 4: {
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      throw new NotAPngError(`unknown PNG filter type ${filter}`);
  }
}
