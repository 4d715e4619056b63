import { ascii, be, concatBytes } from './media-bytes.ts';
import { encodeFlatH264, type H264Stream, type Ycbcr } from './media-h264.ts';

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

/** Everything the boxes of one movie are built from. */
interface Movie {
  width: number;
  height: number;
  durationMs: number;
  stream: H264Stream;
  /** Length-prefixed samples, one per frame, in decode order. */
  samples: Uint8Array[];
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
  const movie: Movie = { width, height, durationMs, stream, samples };
  const ftyp = box('ftyp', ascii('isom'), be([512, 4]), ascii('isomiso2avc1mp41'));
  // The chunk offset points into mdat, after moov, whose length does not depend on the offset value.
  const moovLength = moov(movie, 0).length;
  return concatBytes([ftyp, moov(movie, ftyp.length + moovLength + 8), box('mdat', ...samples)]);
}

function moov(movie: Movie, chunkOffset: number): Uint8Array<ArrayBuffer> {
  const { width, height, durationMs } = movie;
  const times = be([0, 4], [0, 4]); // creation and modification time: unknown
  const mvhd = fullBox(
    'mvhd',
    0,
    0,
    times,
    be([TIMESCALE, 4], [durationMs, 4], [0x10000, 4], [0x100, 2]),
    new Uint8Array(10),
    IDENTITY_MATRIX,
    new Uint8Array(24),
    be([2, 4]),
  );
  const tkhd = fullBox(
    'tkhd',
    0,
    3,
    times,
    be([1, 4], [0, 4], [durationMs, 4]),
    new Uint8Array(16),
    IDENTITY_MATRIX,
    be([width * 0x10000, 4], [height * 0x10000, 4]),
  );
  const mdhd = fullBox('mdhd', 0, 0, times, be([TIMESCALE, 4], [durationMs, 4], [0x55c4, 2], [0, 2]));
  const hdlr = fullBox('hdlr', 0, 0, be([0, 4]), ascii('vide'), new Uint8Array(12), ascii('VideoHandler\0'));
  const dinf = box('dinf', fullBox('dref', 0, 0, be([1, 4]), fullBox('url ', 0, 1)));
  const minf = box('minf', fullBox('vmhd', 0, 1, new Uint8Array(8)), dinf, stbl(movie, chunkOffset));
  return box('moov', mvhd, box('trak', tkhd, box('mdia', mdhd, hdlr, minf)));
}

/** The avc1 sample entry with its avcC (SPS and PPS). */
function avc1(movie: Movie): Uint8Array<ArrayBuffer> {
  const { sps, pps } = movie.stream;
  const avcC = box(
    'avcC',
    Uint8Array.of(1, sps[1] ?? 66, sps[2] ?? 0, sps[3] ?? 30, 0xff, 0xe1),
    be([sps.length, 2]),
    sps,
    Uint8Array.of(1),
    be([pps.length, 2]),
    pps,
  );
  return box(
    'avc1',
    new Uint8Array(6),
    be([1, 2]),
    new Uint8Array(16),
    be([movie.width, 2], [movie.height, 2]),
    be([0x480000, 4], [0x480000, 4], [0, 4], [1, 2]),
    new Uint8Array(32),
    be([0x18, 2], [0xffff, 2]),
    avcC,
  );
}

function stbl(movie: Movie, chunkOffset: number): Uint8Array<ArrayBuffer> {
  const { samples, durationMs } = movie;
  const n = samples.length;
  const base = Math.floor(durationMs / n);
  // Whole seconds per frame; the last frame carries the remainder (e.g. 1.008 s of a 5.008 s clip).
  const timing: Array<readonly [number, number]> =
    n === 1
      ? [[1, durationMs]]
      : [
          [n - 1, base],
          [1, durationMs - base * (n - 1)],
        ];
  return box(
    'stbl',
    fullBox('stsd', 0, 0, be([1, 4]), avc1(movie)),
    fullBox(
      'stts',
      0,
      0,
      be([timing.length, 4]),
      ...timing.map(([count, delta]) => be([count, 4], [delta, 4])),
    ),
    fullBox('stss', 0, 0, be([n, 4]), ...samples.map((_, i) => be([i + 1, 4]))),
    fullBox('stsc', 0, 0, be([1, 4], [1, 4], [n, 4], [1, 4])),
    fullBox('stsz', 0, 0, be([0, 4], [n, 4]), ...samples.map((sample) => be([sample.length, 4]))),
    fullBox('stco', 0, 0, be([1, 4], [chunkOffset, 4])),
  );
}
