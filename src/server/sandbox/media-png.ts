import { deflateSync } from 'node:zlib';
import { ascii, be, concatBytes, crc32 } from './media-bytes.ts';

/** An 8-bit RGB colour. */
export type Rgb = readonly [number, number, number];

/**
 * Encodes a small valid PNG (8-bit RGB, no interlace): a vertical gradient from `top` to `bottom`, so
 * the sandbox's images are visibly distinct. Width and height in pixels, each 1..4096.
 */
export function makePng(width: number, height: number, top: Rgb, bottom: Rgb): Uint8Array<ArrayBuffer> {
  if (!validSide(width) || !validSide(height))
    throw new RangeError('PNG sides must be integers from 1 to 4096');
  const rows = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const t = height === 1 ? 0 : y / (height - 1);
    const pixel = top.map((c, i) => Math.round(c + ((bottom[i] ?? c) - c) * t));
    const start = y * (1 + width * 3);
    rows[start] = 0; // filter type None
    for (let x = 0; x < width; x++) rows.set(pixel, start + 1 + x * 3);
  }
  const header = concatBytes([be([width, 4], [height, 4]), Uint8Array.of(8, 2, 0, 0, 0)]);
  return concatBytes([
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', header),
    chunk('IDAT', new Uint8Array(deflateSync(rows))),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function chunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const typed = concatBytes([ascii(type), data]);
  return concatBytes([be([data.length, 4]), typed, be([crc32(typed), 4])]);
}

function validSide(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 4096;
}
