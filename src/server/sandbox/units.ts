import { imageSizeOf, MP_PIXELS_IMAGE, parseDurationSeconds } from '../../domain/pricing/index.ts';
import type { SandboxModel } from './models.ts';

/** What one sandbox run produces and how fal would meter it. */
export interface RunShape {
  /** Requested output size in pixels (images and video). */
  width: number;
  height: number;
  /** Output duration in seconds (video and audio), including the few ms fal reports with audio. */
  seconds: number;
  /** Number of images (1 for video and audio). */
  count: number;
  /** x-fal-billable-units in the model's unit, rounded to 3 decimals (may be fractional, e.g. 5.008). */
  units: number;
}

const ASPECTS: Readonly<Record<string, readonly [number, number]>> = {
  '21:9': [1344, 576],
  '16:9': [1280, 720],
  '4:3': [1024, 768],
  '1:1': [1024, 1024],
  '3:4': [768, 1024],
  '9:16': [720, 1280],
  '9:21': [576, 1344],
};

/** Computes the run's output and billable units from the model and the submitted input. */
export function runShape(model: SandboxModel, input: Record<string, unknown>): RunShape {
  const [width, height] = sizeOf(model, input);
  if (model.kind === 'video') {
    const requested = parseDurationSeconds(input.duration) ?? defaultDuration(model) ?? 5;
    // fal meters a clip with an audio track a few ms longer than asked (5 s → 5.008 s; fal-api.md §2a).
    const seconds = requested + (audioOn(model, input) ? 0.008 : 0);
    const units =
      model.unit === 'second' ? seconds : model.unit === 'video_megapixel' ? (width * height * 121) / 1e6 : 1;
    return { width, height, seconds, count: 1, units: round3(units) };
  }
  if (model.kind === 'audio') {
    const text =
      typeof input.text === 'string' ? input.text : typeof input.prompt === 'string' ? input.prompt : '';
    const seconds = parseDurationSeconds(input.duration) ?? Math.max(1, Math.min(30, text.length / 15));
    const units = model.unit === '1k_characters' ? text.length / 1000 : model.unit === 'second' ? seconds : 1;
    return { width: 0, height: 0, seconds, count: 1, units: round3(units) };
  }
  const count = Math.min(8, Math.max(1, Math.trunc(Number(input.num_images ?? 1)) || 1));
  const units = model.unit === 'megapixel' ? Math.ceil((width * height) / MP_PIXELS_IMAGE) * count : count;
  return { width, height, seconds: 0, count, units: round3(units) };
}

function sizeOf(model: SandboxModel, input: Record<string, unknown>): readonly [number, number] {
  const preset = imageSizeOf(input.image_size);
  if (preset) return [preset.width, preset.height];
  const aspect = typeof input.aspect_ratio === 'string' ? ASPECTS[input.aspect_ratio] : undefined;
  if (aspect) return aspect;
  return model.kind === 'video' ? [1280, 720] : [1024, 768];
}

function defaultDuration(model: SandboxModel): number | null {
  const param = model.catalogModel?.params.find((p) => p.name === 'duration');
  return parseDurationSeconds(param?.default);
}

function audioOn(model: SandboxModel, input: Record<string, unknown>): boolean {
  if (typeof input.generate_audio === 'boolean') return input.generate_audio;
  const formula = model.catalogModel?.formula as { audio_default?: unknown } | undefined;
  return formula?.audio_default === true;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
