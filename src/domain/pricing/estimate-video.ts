import type { CatalogModel } from './catalog-schema.ts';
import { formatCount, formatRate, formatSeconds } from './explain.ts';
import type { FormulaOf } from './formula-schema.ts';
import { hasVoiceControl, parseDurationSeconds, resolveParam } from './params.ts';
import { type Picked, pickAudio, pickDuration, pickKeyed, toMicros } from './pick.ts';
import { type Quote, quote } from './quote.ts';
import { seedanceVideoSize } from './sizes.ts';

/** Formulas priced by the second or by the clip (fal-pricing.md, "Formula types"). */

type Params = Record<string, unknown>;

/** `per_second`: d × rate. */
export function quotePerSecond(model: CatalogModel, f: FormulaOf<'per_second'>, params: Params): Quote {
  const d = pickDuration(model, params);
  if (!d.ok) return d;
  const explanation = `${formatSeconds(d.value)} × ${formatRate(f.rate_per_second)}/s`;
  return quote(d.value * toMicros(f.rate_per_second), [d], explanation);
}

/** The per-second rate and its label for an audio toggle (and Kling v3 custom voices). */
export function audioRate(f: FormulaOf<'per_second_audio'>, audioOn: boolean, params: Params) {
  if (audioOn && f.rate_voice_control !== undefined && hasVoiceControl(params)) {
    return { rate: f.rate_voice_control, label: 'audio + voice control' };
  }
  return audioOn ? { rate: f.rate_audio, label: 'audio' } : { rate: f.rate_no_audio, label: 'no audio' };
}

/** A formula priced per second with an audio toggle. */
type AudioFormula = FormulaOf<'per_second_audio' | 'per_second_audio_resolution'>;

/** The audio toggle of an audio formula, by its own input and default (shared with unitPriceUsdMicros). */
export function pickFormulaAudio(model: CatalogModel, f: AudioFormula, params: Params): Picked<boolean> {
  return pickAudio(model, params, f.audio_param, f.audio_default);
}

/** The opening of both audio quotes: the duration, then the audio toggle. */
function pickDurationAndAudio(model: CatalogModel, f: AudioFormula, params: Params) {
  const d = pickDuration(model, params);
  if (!d.ok) return d;
  const audio = pickFormulaAudio(model, f, params);
  if (!audio.ok) return audio;
  return { ok: true as const, d, audio };
}

/**
 * The per-second rate of a `per_second_audio_resolution` formula for the resolution input, in the
 * audio toggle's column (shared with unitPriceUsdMicros).
 */
export function pickAudioResolutionRate(
  model: CatalogModel,
  f: FormulaOf<'per_second_audio_resolution'>,
  params: Params,
  audioOn: boolean,
): Picked<{ key: string; rate: number }> {
  const column = audioOn ? 'audio' : 'no_audio';
  const table = Object.fromEntries(Object.entries(f.rates).map(([res, rates]) => [res, rates[column]]));
  return pickKeyed(table, model, params, f.resolution_param, f.default_resolution);
}

/** `per_second_audio`: d × (voice control ? voice rate : audio ? audio rate : silent rate). */
export function quotePerSecondAudio(
  model: CatalogModel,
  f: FormulaOf<'per_second_audio'>,
  params: Params,
): Quote {
  const picked = pickDurationAndAudio(model, f, params);
  if (!picked.ok) return picked;
  const { d, audio } = picked;
  const { rate, label } = audioRate(f, audio.value, params);
  const explanation = `${formatSeconds(d.value)} × ${formatRate(rate)}/s (${label})`;
  return quote(d.value * toMicros(rate), [d, audio], explanation);
}

/** Aspect ratios priced by fal's per-second table (Seedance's 16:9 values); others need the token formula. */
const TABLE_ASPECTS = new Set(['16:9', '9:16', 'auto']);

/** Seedance token price when the aspect ratio differs from 16:9 (tokens = h × w × fps × d / 1024). */
function tokenQuote(
  model: CatalogModel,
  f: FormulaOf<'per_second_resolution'>,
  params: Params,
  picks: [Picked<number>, Picked<{ key: string; rate: number }>],
): Quote | null {
  const [d, res] = picks;
  const aspect = resolveParam(model, params, 'aspect_ratio');
  if (!f.token_pricing || !d.ok || !res.ok || !aspect.known || TABLE_ASPECTS.has(String(aspect.value))) {
    return null;
  }
  const size = seedanceVideoSize(res.value.key, String(aspect.value));
  if (size === null) return null;
  const { fps, usd_per_million_tokens: perMillion } = f.token_pricing;
  const tokensPerSecond = (size.height * size.width * fps) / 1024;
  const micros = (tokensPerSecond * d.value * toMicros(perMillion)) / 1_000_000;
  const explanation =
    `${formatSeconds(d.value)} × ${formatCount(tokensPerSecond)} tokens/s × ${formatRate(perMillion)}/1M tokens ` +
    `(${res.value.key}, ${String(aspect.value)}, ${size.width}×${size.height} at ${fps} fps)`;
  return quote(micros, picks, explanation);
}

/** `per_second_resolution`: d × rates_per_second[res]; Seedance at other aspect ratios uses tokens. */
export function quotePerSecondResolution(
  model: CatalogModel,
  f: FormulaOf<'per_second_resolution'>,
  params: Params,
): Quote {
  const d = pickDuration(model, params);
  if (!d.ok) return d;
  const res = pickKeyed(f.rates_per_second, model, params, f.resolution_param, f.default_resolution);
  if (!res.ok) return res;
  const byTokens = tokenQuote(model, f, params, [d, res]);
  if (byTokens) return byTokens;
  const explanation = `${formatSeconds(d.value)} × ${formatRate(res.value.rate)}/s (${res.value.key})`;
  return quote(d.value * toMicros(res.value.rate), [d, res], explanation);
}

/** `per_second_audio_resolution`: d × rates[res][audio ? "audio" : "no_audio"]. */
export function quotePerSecondAudioResolution(
  model: CatalogModel,
  f: FormulaOf<'per_second_audio_resolution'>,
  params: Params,
): Quote {
  const picked = pickDurationAndAudio(model, f, params);
  if (!picked.ok) return picked;
  const { d, audio } = picked;
  const res = pickAudioResolutionRate(model, f, params, audio.value);
  if (!res.ok) return res;
  const label = `${res.value.key}, ${audio.value ? 'audio' : 'no audio'}`;
  const explanation = `${formatSeconds(d.value)} × ${formatRate(res.value.rate)}/s (${label})`;
  return quote(d.value * toMicros(res.value.rate), [d, audio, res], explanation);
}

/** `base_plus_per_second`: base_cost + max(0, d − base_seconds) × additional_per_second. */
export function quoteBasePlusPerSecond(
  model: CatalogModel,
  f: FormulaOf<'base_plus_per_second'>,
  params: Params,
): Quote {
  const d = pickDuration(model, params);
  if (!d.ok) return d;
  const extra = Math.max(0, d.value - f.base_seconds);
  const base = `${formatRate(f.base_cost)} for ${formatSeconds(f.base_seconds)}`;
  const explanation =
    extra > 0 ? `${base} + ${formatSeconds(extra)} × ${formatRate(f.additional_per_second)}/s` : base;
  return quote(toMicros(f.base_cost) + extra * toMicros(f.additional_per_second), [d], explanation);
}

/**
 * `per_video_resolution`: a flat price per `base_seconds` clip by resolution. A longer clip asked for is
 * not priced by the source, so the clip price becomes a minimum (tier `from`).
 */
export function quotePerVideoResolution(
  model: CatalogModel,
  f: FormulaOf<'per_video_resolution'>,
  params: Params,
): Quote {
  const res = pickKeyed(f.rates_per_video, model, params, f.resolution_param, f.default_resolution);
  if (!res.ok) return res;
  const clip = `${formatRate(res.value.rate)} per ${formatSeconds(f.base_seconds)} clip (${res.value.key})`;
  const seconds = parseDurationSeconds(params.duration);
  if (seconds !== null && seconds > f.base_seconds) {
    return quote(toMicros(res.value.rate), [res], `from ${clip}; longer clips are not priced`, 'from');
  }
  return quote(toMicros(res.value.rate), [res], clip);
}
