/** Small big-endian byte helpers shared by the sandbox's PNG, WAV and MP4 writers. */

/** Concatenates byte arrays into one. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Unsigned big-endian integers of the given byte widths, e.g. be([1, 2], [300, 2]). */
export function be(...fields: ReadonlyArray<readonly [value: number, bytes: 1 | 2 | 4]>): Uint8Array {
  const out = new Uint8Array(fields.reduce((sum, [, bytes]) => sum + bytes, 0));
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const [value, bytes] of fields) {
    if (bytes === 1) view.setUint8(offset, value);
    else if (bytes === 2) view.setUint16(offset, value);
    else view.setUint32(offset, value >>> 0);
    offset += bytes;
  }
  return out;
}

/** ASCII text as bytes (box and chunk type codes). */
export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as PNG uses it). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
