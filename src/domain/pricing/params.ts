import type { CatalogModel, CatalogParam } from './catalog-schema.ts';
import type { PixelSize } from './sizes.ts';

/** fal's image megapixel: 1024 × 1024 px (fal bills FLUX.2 1920×1080 as 2 MP, which only holds with this). */
export const MP_PIXELS_IMAGE = 1_048_576;
/** SeedVR's video megapixel: 1,000,000 px (its official 1920×1080×121 frames = $0.25 only holds with this). */
export const MP_PIXELS_VIDEO = 1_000_000;

/**
 * fal inputs that select Kling v3 custom voices. fal-pricing.md only says the voice-control rate applies
 * when "custom voice control is used while generating audio"; Kling's API calls the list `voice_list` and
 * fal's Kling schemas `voice_ids`, so a non-empty array under either name turns it on.
 */
export const VOICE_CONTROL_PARAMS: readonly string[] = ['voice_ids', 'voice_list'];

/**
 * Reads a fal duration in seconds: "8s" (Veo), "5" (Kling, Hailuo, Seedance) or a number (MMAudio).
 * Returns null for anything else, including zero and negative values.
 */
export function parseDurationSeconds(value: unknown): number | null {
  let seconds: number;
  if (typeof value === 'number') seconds = value;
  else if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*s?\s*$/i.test(value))
    seconds = Number.parseFloat(value);
  else return null;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

/** The catalog entry of one fal input of a model, if the catalog lists it. */
export function findParam(model: CatalogModel, name: string): CatalogParam | undefined {
  return model.params.find((param) => param.name === name);
}

/** The longest duration a model's duration input allows (largest enum value or `max`), in seconds. */
export function maxDurationSeconds(model: CatalogModel): number | null {
  const param = findParam(model, 'duration');
  if (!param) return null;
  const candidates = (param.enum ?? []).map(parseDurationSeconds).filter((s): s is number => s !== null);
  if (param.max !== undefined) candidates.push(param.max);
  return candidates.length > 0 ? Math.max(...candidates) : null;
}

/** The audio toggle that sets a model's per-second rate while fal documents no default for it, or null. */
function undocumentedAudioToggle(model: CatalogModel): string | null {
  const f = model.formula;
  if (f.type !== 'per_second_audio' && f.type !== 'per_second_audio_resolution') return null;
  if (f.audio_default !== null) return null;
  const documented = findParam(model, f.audio_param)?.default;
  return documented === undefined || documented === null ? f.audio_param : null;
}

/**
 * The inputs a new form starts with: fal's documented defaults (other undocumented inputs are left out),
 * plus audio on for an audio toggle that sets the rate but has no documented default. Left unsent, fal
 * would pick the rate itself and no actual could be priced from its units; sent, it is the rate the
 * estimate assumes (fal-pricing.md: "assume audio on (higher rate) when unknown") and the switch shows it.
 */
export function defaultParams(model: CatalogModel): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const param of model.params) {
    if (param.default !== undefined && param.default !== null) defaults[param.name] = param.default;
  }
  const toggle = undocumentedAudioToggle(model);
  if (toggle !== null) defaults[toggle] = true;
  return defaults;
}

/** A price-relevant input after defaults: known (given or defaulted) or unknown (no documented default). */
export type ResolvedParam = { known: true; value: unknown; source: 'input' | 'default' } | { known: false };

/**
 * Resolves one input: the given value, else the formula's own default, else the catalog default. Unknown
 * means fal documents no default, so callers estimate at the highest rate and say "up to".
 */
export function resolveParam(
  model: CatalogModel,
  params: Record<string, unknown>,
  name: string,
  formulaDefault?: unknown,
): ResolvedParam {
  const given = params[name];
  if (given !== undefined && given !== null) return { known: true, value: given, source: 'input' };
  if (formulaDefault !== undefined && formulaDefault !== null) {
    return { known: true, value: formulaDefault, source: 'default' };
  }
  const catalogDefault = findParam(model, name)?.default;
  if (catalogDefault !== undefined && catalogDefault !== null) {
    return { known: true, value: catalogDefault, source: 'default' };
  }
  return { known: false };
}

/** Reads a boolean toggle sent as a boolean or as "true"/"false"; null when it is neither. */
export function asToggle(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return null;
}

/** True when the inputs select custom voices (see VOICE_CONTROL_PARAMS). */
export function hasVoiceControl(params: Record<string, unknown>): boolean {
  return VOICE_CONTROL_PARAMS.some((name) => {
    const value = params[name];
    return Array.isArray(value) && value.length > 0;
  });
}

/** Megapixels of a size as a fraction (w × h / mpPixels), e.g. 250.9056 video MP. */
export function megapixels(size: PixelSize, mpPixels: number): number {
  return (size.width * size.height) / mpPixels;
}

/** Megapixels rounded up to a whole number (fal bills started megapixels); at least 1. */
export function megapixelsCeil(size: PixelSize, mpPixels: number): number {
  return Math.max(1, Math.ceil(megapixels(size, mpPixels)));
}
