import { ascii, be, concatBytes } from './media-bytes.ts';
import { encodeFlatH264, type Ycbcr } from './media-h264.ts';

const TIMESCALE = 1000; // ms
const IDENTITY_MATRIX = be(...[0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000].map((v) => [v, 4] as const));

function box(type: string, ...payload: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const body = concatBytes(payload);
  return concatBytes([be([body.length + 8, 4]), ascii(type), body]);
}

function fullBox(
  type: string,
  version: number,
  flags: number,
  ...payload: Uint8Array[]
): Uint8Array<ArrayBuffer> {
  return box(type, be([version, 1]), be([flags >>> 16, 1], [flags & 0xffff, 2]), ...payload);
}

/**
 * A small valid MP4 (H.264 constrained baseline, one frame per second, flat colours) of the given
 * size and duration. Sides are even pixels (2..1024); `seconds` is kept exactly in the track timing
 * (e.g. 5.008 s), with at most 30 frames so the file stays a few tens of KB.
 */
export function makeMp4(
  width: number,
  height: number,
  seconds: number,
  colours: readonly Ycbcr[],
): Uint8Array<ArrayBuffer> {
  const durationMs = Math.max(1, Math.round((Number.isFinite(seconds) ? seconds : 1) * TIMESCALE));
  const frameCount = Math.min(30, Math.max(1, Math.round(durationMs / TIMESCALE)));
  const stream = encodeFlatH264(width, height, frameCount, colours);
  const samples = stream.frames.map((frame) => concatBytes([be([frame.length, 4]), frame]));
  const ftyp = box('ftyp', ascii('isom'), be([512, 4]), ascii('isomiso2avc1mp41'));
  const build = (offset: number) => moov(width, height, durationMs, stream, samples, offset);
  const moovLength = build(0).length;
  const mdat = box('mdat', ...samples);
  return concatBytes([ftyp, build(ftyp.length + moovLength + 8), mdat]);
}

function moov(
  width: number,
  height: number,
  durationMs: number,
  stream: ReturnType<typeof encodeFlatH264>,
  samples: Uint8Array[],
  chunkOffset: number,
): Uint8Array<ArrayBuffer> {
  const mvhd = fullBox(
    'mvhd',
    0,
    0,
    be([0, 4], [0, 4], [TIMESCALE, 4], [durationMs, 4], [0x10000, 4], [0x100, 2]),
    new Uint8Array(10),
    IDENTITY_MATRIX,
    new Uint8Array(24),
    be([2, 4]),
  );
  const tkhd = fullBox(
    'tkhd',
    0,
    3,
    be([0, 4], [0, 4], [1, 4], [0, 4], [durationMs, 4]),
    new Uint8Array(8),
    be([0, 2], [0, 2], [0, 2], [0, 2]),
    IDENTITY_MATRIX,
    be([width * 0x10000, 4], [height * 0x10000, 4]),
  );
  const mdhd = fullBox(
    'mdhd',
    0,
    0,
    be([0, 4], [0, 4], [TIMESCALE, 4], [durationMs, 4], [0x55c4, 2], [0, 2]),
  );
  const hdlr = fullBox('hdlr', 0, 0, be([0, 4]), ascii('vide'), new Uint8Array(12), ascii('VideoHandler\0'));
  const dinf = box('dinf', fullBox('dref', 0, 0, be([1, 4]), fullBox('url ', 0, 1)));
  const minf = box(
    'minf',
    fullBox('vmhd', 0, 1, new Uint8Array(8)),
    dinf,
    stbl(width, height, durationMs, stream, samples, chunkOffset),
  );
  return box('moov', mvhd, box('trak', tkhd, box('mdia', mdhd, hdlr, minf)));
}

function stbl(
  width: number,
  height: number,
  durationMs: number,
  stream: ReturnType<typeof encodeFlatH264>,
  samples: Uint8Array[],
  chunkOffset: number,
): Uint8Array<ArrayBuffer> {
  const n = samples.length;
  const base = Math.floor(durationMs / n);
  const timing =
    n === 1
      ? [[1, durationMs]]
      : [
          [n - 1, base],
          [1, durationMs - base * (n - 1)],
        ];
  const avcC = box(
    'avcC',
    Uint8Array.of(1, stream.sps[1] ?? 66, stream.sps[2] ?? 0, stream.sps[3] ?? 30, 0xff, 0xe1),
    be([stream.sps.length, 2]),
    stream.sps,
    Uint8Array.of(1),
    be([stream.pps.length, 2]),
    stream.pps,
  );
  const compressor = new Uint8Array(32);
  const avc1 = box(
    'avc1',
    new Uint8Array(6),
    be([1, 2], [0, 2], [0, 2]),
    new Uint8Array(12),
    be([width, 2], [height, 2]),
    be([0x480000, 4], [0x480000, 4], [0, 4], [1, 2]),
    compressor,
    be([0x18, 2], [0xffff, 2]),
    avcC,
  );
  return box(
    'stbl',
    fullBox('stsd', 0, 0, be([1, 4]), avc1),
    fullBox(
      'stts',
      0,
      0,
      be([timing.length, 4]),
      ...timing.map(([count, delta]) => be([count ?? 1, 4], [delta ?? 0, 4])),
    ),
    fullBox('stss', 0, 0, be([n, 4]), ...samples.map((_, i) => be([i + 1, 4]))),
    fullBox('stsc', 0, 0, be([1, 4], [1, 4], [n, 4], [1, 4])),
    fullBox('stsz', 0, 0, be([0, 4], [n, 4]), ...samples.map((s) => be([s.length, 4]))),
    fullBox('stco', 0, 0, be([1, 4], [chunkOffset, 4])),
  );
}
