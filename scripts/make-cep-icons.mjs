// Writes the panel icons of the Premiere extension (src/cep/icons/*.png): a small bridge glyph, light
// on Premiere's dark skins and dark on its light skins. Run `node scripts/make-cep-icons.mjs` to redraw.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 23; // CEP panel icons are 23 x 23 pixels

/** Coverage (0..1) of the glyph at a pixel: two pillars, a deck and an arch between them. */
function coverage(x, y) {
  const cx = x + 0.5;
  const cy = y + 0.5;
  const pillar = (cx >= 3 && cx <= 6) || (cx >= 17 && cx <= 20);
  if (pillar && cy >= 6 && cy <= 20) return 1;
  if (cy >= 13 && cy <= 15 && cx >= 1 && cx <= 22) return 1;
  const r = Math.hypot(cx - 11.5, cy - 14);
  if (cy <= 14 && cx > 6 && cx < 17 && r >= 6.5 && r <= 8.5) return 1;
  return 0;
}

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k += 1) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png([r, g, b]) {
  const rows = [];
  for (let y = 0; y < SIZE; y += 1) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
    for (let x = 0; x < SIZE; x += 1) row.set([r, g, b, Math.round(255 * coverage(x, y))], 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../src/cep/icons/', import.meta.url);
mkdirSync(dir, { recursive: true });
const icons = {
  'icon-dark.png': [0xc8, 0xc8, 0xc8], // dark skins: light grey glyph
  'icon-dark-rollover.png': [0xff, 0xff, 0xff],
  'icon-light.png': [0x4a, 0x4a, 0x4a], // light skins: dark grey glyph
  'icon-light-rollover.png': [0x1a, 0x1a, 0x1a],
};
for (const [name, rgb] of Object.entries(icons)) writeFileSync(new URL(name, dir), png(rgb));
