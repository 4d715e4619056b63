import dayjs from 'dayjs';
import type { CatalogModel } from './catalog-schema.ts';
import type { Estimate } from './estimate.ts';
import type { PricingFormula } from './formula-schema.ts';
import { findParam, hasVoiceControl, parseDurationSeconds, resolveParam } from './params.ts';
import type { MediaInfo } from './quote.ts';
import { imageSizeOf } from './sizes.ts';

/** Learned estimates need at least this many metered runs of the same configuration (modelbridge-docs §2). */
export const LEARNED_MIN_RUNS = 3;
/** Metered runs older than this many days no longer count towards a learned estimate. */
export const LEARNED_WINDOW_DAYS = 60;

/** One metered actual cost of a past run: integer micro-USD, ISO time, and its configKey. */
export interface LearnedSample {
  usdMicros: number;
  at: string;
  configKey: string;
}

/** Inputs that usually drive a fal price; used for models the catalog does not price. */
const COMMON_PRICE_INPUTS = [
  'aspect_ratio',
  'duration',
  'generate_audio',
  'image_size',
  'num_images',
  'resolution',
];

/** The fal input names whose values change the price under a formula. */
function priceInputs(f: PricingFormula): string[] {
  switch (f.type) {
    case 'per_image':
      return [
        f.count_param,
        f.rates_by_param?.param,
        f.multipliers_by_param?.param,
        ...(f.addons_per_request ?? []).map((a) => a.param),
      ].filter((n): n is string => typeof n === 'string');
    case 'per_megapixel_ceiling':
    case 'per_megapixel_tiered':
      return ['image_size', ...(f.count_param ? [f.count_param] : [])];
    case 'per_second':
    case 'base_plus_per_second':
      return ['duration'];
    case 'per_second_audio':
      return ['duration', f.audio_param];
    case 'per_second_resolution':
      return ['duration', f.resolution_param, ...(f.token_pricing ? ['aspect_ratio'] : [])];
    case 'per_second_audio_resolution':
      return ['duration', f.resolution_param, f.audio_param];
    case 'per_video_resolution':
      return [f.resolution_param, 'duration'];
    case 'per_1k_characters':
      return [];
    case 'unit_price':
      return ['upscale_factor', 'upscale_mode', 'target_resolution'];
  }
}

/** A stable text form of one input value: seconds for durations, W×H for sizes, "?" when unknown. */
function canonical(name: string, value: unknown): string {
  if (value === undefined || value === null) return '?';
  if (name === 'duration') return String(parseDurationSeconds(value) ?? JSON.stringify(value));
  if (name === 'image_size') {
    const size = imageSizeOf(value);
    if (size) return `${size.width}x${size.height}`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Extra price facts that are not a single input: custom voices (Kling v3) and text length (TTS). */
function derivedParts(model: CatalogModel, params: Record<string, unknown>): string[] {
  const f = model.formula;
  if (f.type === 'per_second_audio' && f.rate_voice_control !== undefined) {
    return [`voice_control=${hasVoiceControl(params)}`];
  }
  if (f.type === 'per_1k_characters') {
    const text = params[f.text_param];
    return [`chars=${typeof text === 'string' ? [...text].length : '?'}`];
  }
  return [];
}

/**
 * The key under which runs count as "the exact same configuration": endpoint id plus the price-relevant
 * inputs after defaults, sorted by name (e.g. "fal-ai/veo3.1|duration=5|generate_audio=true|resolution=1080p").
 * An endpoint id string (a model outside the catalog) keys on the common price inputs that are given.
 * Upscalers add the source size (`media=WxH[xframes]`) when it is known, since it sets their price.
 */
export function configKey(
  model: CatalogModel | string,
  params: Record<string, unknown>,
  media?: MediaInfo,
): string {
  const source = media
    ? `|media=${media.width}x${media.height}${media.frames ? `x${media.frames}` : ''}`
    : '';
  return `${baseKey(model, params)}${source}`;
}

function baseKey(model: CatalogModel | string, params: Record<string, unknown>): string {
  if (typeof model === 'string') {
    const parts = COMMON_PRICE_INPUTS.filter((n) => params[n] !== undefined && params[n] !== null);
    return [model, ...parts.map((n) => `${n}=${canonical(n, params[n])}`)].join('|');
  }
  const names = [...new Set(priceInputs(model.formula))].filter(
    (n) => params[n] !== undefined || findParam(model, n) !== undefined,
  );
  const parts = names.map((n) => {
    const resolved = resolveParam(model, params, n, formulaDefault(model.formula, n));
    return `${n}=${canonical(n, resolved.known ? resolved.value : null)}`;
  });
  return [model.endpoint_id, ...[...parts, ...derivedParts(model, params)].sort()].join('|');
}

/** The default a formula itself names for an input (resolution or audio), if any. */
function formulaDefault(f: PricingFormula, name: string): unknown {
  if ('resolution_param' in f && f.resolution_param === name) return f.default_resolution;
  if ('audio_param' in f && f.audio_param === name) return f.audio_default;
  return undefined;
}

/** Median of sorted whole numbers, rounded half up for an even count (one rounding). */
function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/**
 * A learned estimate: the median of at least LEARNED_MIN_RUNS metered actuals with exactly this
 * configKey from the last LEARNED_WINDOW_DAYS days before `now`; null when there are too few.
 */
export function learnedEstimate(samples: readonly LearnedSample[], key: string, now: Date): Estimate | null {
  const end = dayjs(now);
  const start = end.subtract(LEARNED_WINDOW_DAYS, 'day');
  const runs = samples.filter((s) => {
    const at = dayjs(s.at);
    const inWindow = at.isValid() && !at.isBefore(start) && !at.isAfter(end);
    return s.configKey === key && inWindow && Number.isSafeInteger(s.usdMicros) && s.usdMicros >= 0;
  });
  if (runs.length < LEARNED_MIN_RUNS) return null;
  const latest = runs.reduce((a, b) => (dayjs(b.at).isAfter(dayjs(a.at)) ? b : a));
  return {
    usdMicros: median(runs.map((r) => r.usdMicros).sort((a, b) => a - b)),
    tier: 'learned',
    upTo: false,
    explanation: `≈ median of ${runs.length} runs`,
    priceRef: `your metered runs (latest ${dayjs(latest.at).toISOString().slice(0, 10)})`,
  };
}
