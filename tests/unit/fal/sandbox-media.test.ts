import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { makeMp4 } from '../../../src/server/sandbox/media-mp4.ts';
import { makePng } from '../../../src/server/sandbox/media-png.ts';
import { makeWav, WAV_SAMPLE_RATE } from '../../../src/server/sandbox/media-wav.ts';

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const text = (bytes: Uint8Array, from: number, length: number) =>
  new TextDecoder().decode(bytes.slice(from, from + length));

/** Top-level ISO-BMFF boxes of `bytes[from, to)`: type → [start of payload, end]. */
function boxes(bytes: Uint8Array, from = 0, to = bytes.length): Map<string, [number, number]> {
  const found = new Map<string, [number, number]>();
  for (let at = from; at + 8 <= to;) {
    const size = view(bytes).getUint32(at);
    expect(size).toBeGreaterThanOrEqual(8);
    found.set(text(bytes, at + 4, 4), [at + 8, at + size]);
    at += size;
  }
  return found;
}

describe('Sandbox media files', () => {
  test('PNG: signature, chunk CRCs (checked with zlib), IHDR size and inflatable rows', () => {
    const png = makePng(40, 30, [255, 0, 0], [0, 0, 255]);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const types: string[] = [];
    let idat = new Uint8Array(0);
    for (let at = 8; at < png.length;) {
      const length = view(png).getUint32(at);
      const type = text(png, at + 4, 4);
      expect(view(png).getUint32(at + 8 + length)).toBe(crc32(png.slice(at + 4, at + 8 + length)));
      if (type === 'IHDR')
        expect([view(png).getUint32(at + 8), view(png).getUint32(at + 12)]).toEqual([40, 30]);
      if (type === 'IDAT') idat = png.slice(at + 8, at + 8 + length);
      types.push(type);
      at += 12 + length;
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
    const rows = inflateSync(idat);
    expect(rows.length).toBe(30 * (1 + 40 * 3));
    expect([rows[1], rows[2], rows[3]]).toEqual([255, 0, 0]); // first pixel: the top colour
  });

  test('WAV: RIFF/WAVE PCM header matching its data', () => {
    const wav = makeWav(0.5);
    expect(text(wav, 0, 4) + text(wav, 8, 8)).toBe('RIFFWAVEfmt ');
    const v = view(wav);
    expect([v.getUint16(20, true), v.getUint16(22, true), v.getUint32(24, true)]).toEqual([
      1,
      1,
      WAV_SAMPLE_RATE,
    ]);
    expect(v.getUint32(40, true)).toBe(wav.length - 44);
    expect(v.getUint32(4, true)).toBe(wav.length - 8);
  });

  test('MP4: ftyp, moov, mdat; exact duration; one H.264 IDR sample per second inside mdat', () => {
    const mp4 = makeMp4(64, 36, 5.008, [[81, 90, 240]]);
    const top = boxes(mp4);
    expect([...top.keys()]).toEqual(['ftyp', 'moov', 'mdat']);
    const [moovStart, moovEnd] = top.get('moov') ?? [0, 0];
    const mvhd = boxes(mp4, moovStart, moovEnd).get('mvhd') ?? [0, 0];
    expect([view(mp4).getUint32(mvhd[0] + 12), view(mp4).getUint32(mvhd[0] + 16)]).toEqual([1000, 5008]);
    const moov = mp4.slice(moovStart, moovEnd);
    const find = (type: string) => {
      const at = text(moov, 0, moov.length).indexOf(type);
      expect(at).toBeGreaterThan(0);
      return moovStart + at + 4;
    };
    const avcC = find('avcC');
    expect([mp4[avcC], mp4[avcC + 1]]).toEqual([1, 66]); // version 1, baseline profile
    const stsz = find('stsz');
    const count = view(mp4).getUint32(stsz + 8);
    expect(count).toBe(5);
    const firstSize = view(mp4).getUint32(stsz + 12);
    const chunkOffset = view(mp4).getUint32(find('stco') + 8);
    const [mdatStart, mdatEnd] = top.get('mdat') ?? [0, 0];
    expect(chunkOffset).toBe(mdatStart);
    expect(view(mp4).getUint32(chunkOffset) + 4).toBe(firstSize);
    expect(mp4[chunkOffset + 4]).toBe(0x65); // NAL: nal_ref_idc 3, type 5 (IDR slice)
    expect(mdatEnd).toBe(mp4.length);
  });
});
