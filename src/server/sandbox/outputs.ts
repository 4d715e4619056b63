import { makeMp4 } from './media-mp4.ts';
import { makePng, type Rgb } from './media-png.ts';
import { makeWav } from './media-wav.ts';
import { hashString, seededRandom } from './random.ts';
import type { SandboxRequest } from './store.ts';

/** One generated output file. */
export interface SandboxFile {
  name: string;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
}

/** Longest side of sandbox media in pixels: real sizes would waste memory for a simulation. */
const MAX_SIDE = 64;

/** Renders the files of a finished request (deterministic from its id, so they can be rebuilt). */
export function renderFiles(req: SandboxRequest): SandboxFile[] {
  const random = seededRandom(hashString(req.id));
  const colour = (): Rgb => [
    40 + Math.floor(random() * 180),
    40 + Math.floor(random() * 180),
    40 + Math.floor(random() * 180),
  ];
  const [width, height] = scaled(req.shape.width, req.shape.height);
  if (req.model.kind === 'video') {
    const colours = [0, 1, 2].map(() => toYcbcr(colour()));
    const bytes = makeMp4(width, height, req.shape.seconds, colours);
    return [{ name: 'output.mp4', contentType: 'video/mp4', bytes, width, height }];
  }
  if (req.model.kind === 'audio') {
    const bytes = makeWav(req.shape.seconds, 220 + Math.floor(random() * 440));
    return [{ name: 'output.wav', contentType: 'audio/wav', bytes, width: 0, height: 0 }];
  }
  return Array.from({ length: req.shape.count }, (_, i) => ({
    name: `image-${i + 1}.png`,
    contentType: 'image/png',
    bytes: makePng(width, height, colour(), colour()),
    width,
    height,
  }));
}

/** The model output JSON, shaped like fal's (images list, video file or audio file). */
export function outputJson(
  req: SandboxRequest,
  files: readonly SandboxFile[],
  fileUrl: (name: string) => string,
): unknown {
  const seed = hashString(`${req.id}:seed`) % 2_147_483_647;
  const asFile = (file: SandboxFile) => ({
    url: fileUrl(file.name),
    content_type: file.contentType,
    file_name: file.name,
    file_size: file.bytes.length,
  });
  if (req.model.kind === 'video' && files[0]) return { video: asFile(files[0]), seed };
  if (req.model.kind === 'audio' && files[0]) return { audio: asFile(files[0]) };
  return {
    images: files.map((file) => ({
      url: fileUrl(file.name),
      width: file.width,
      height: file.height,
      content_type: file.contentType,
    })),
    seed,
    prompt: typeof req.input.prompt === 'string' ? req.input.prompt : '',
    has_nsfw_concepts: files.map(() => false),
    timings: { inference: Math.round(req.runMs) / 1000 },
  };
}

/** Scales a requested size down to at most MAX_SIDE, keeping the aspect ratio, with even sides ≥ 2. */
function scaled(width: number, height: number): readonly [number, number] {
  const w = width > 0 ? width : 16;
  const h = height > 0 ? height : 9;
  const factor = MAX_SIDE / Math.max(w, h);
  const even = (n: number) => Math.max(2, Math.round((n * factor) / 2) * 2);
  return [even(w), even(h)];
}

/** BT.601 studio-range conversion, clamped to 16..235 so no H.264 PCM sample is ever zero. */
function toYcbcr([r, g, b]: Rgb): readonly [number, number, number] {
  const clamp = (v: number) => Math.min(235, Math.max(16, Math.round(v)));
  return [
    clamp(16 + 0.257 * r + 0.504 * g + 0.098 * b),
    clamp(128 - 0.148 * r - 0.291 * g + 0.439 * b),
    clamp(128 + 0.439 * r - 0.368 * g - 0.071 * b),
  ];
}
