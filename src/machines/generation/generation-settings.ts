import { z } from 'zod';
import {
  type Currency,
  currencySchema,
  DEFAULT_FX,
  DEFAULT_THRESHOLDS,
  type FxSnapshot,
  fxSnapshotSchema,
  type ThresholdSettings,
  thresholdSettingsSchema,
} from '../../domain/index.ts';

/**
 * The settings a generation runs with: confirmation thresholds (micro-USD), the display currency and
 * rates (the dialog shows the amount in it; the decision never uses it), the foreground window per
 * media kind and the polling cap. Plain JSON, validated with zod when it comes from storage.
 */

/** Foreground windows in milliseconds by media kind: after this the run moves to the background. */
export const foregroundWindowsSchema = z.object({
  image: z.number().int().positive(),
  video: z.number().int().positive(),
  audio: z.number().int().positive(),
});

/** Validates GenerationSettings read from storage or the settings API. */
export const generationSettingsSchema = z.object({
  thresholds: thresholdSettingsSchema,
  displayCurrency: currencySchema,
  fx: fxSnapshotSchema,
  foregroundMs: foregroundWindowsSchema,
  /** Polling stops this long after fal accepted the request; settlement watches it afterwards. */
  pollCapMs: z.number().int().positive(),
});

/** Settings of one generation (see the schema): thresholds in micro-USD, windows and cap in ms. */
export interface GenerationSettings {
  thresholds: ThresholdSettings;
  displayCurrency: Currency;
  fx: FxSnapshot;
  foregroundMs: { image: number; video: number; audio: number };
  pollCapMs: number;
}

/** Media kind of a fal category, which picks the foreground window. */
export type MediaKind = keyof GenerationSettings['foregroundMs'];

/**
 * Defaults: thresholds $5.00 / $8.00 with unpriced runs confirmed, USD display, built-in rates, foreground
 * windows image 20 s, video 90 s, audio 30 s (design card; the product does not publish its values), and
 * polling for 30 minutes (modelbridge-docs.md §5).
 */
export const DEFAULT_GENERATION_SETTINGS: GenerationSettings = Object.freeze({
  thresholds: DEFAULT_THRESHOLDS,
  displayCurrency: 'USD',
  fx: DEFAULT_FX,
  foregroundMs: Object.freeze({ image: 20_000, video: 90_000, audio: 30_000 }),
  pollCapMs: 30 * 60_000,
}) as GenerationSettings;

/** The media kind of a category: `…-video` is video, speech and audio are audio, the rest image. */
function mediaKindOf(category: string): MediaKind {
  if (category.endsWith('video')) return 'video';
  if (category.includes('speech') || category.includes('audio')) return 'audio';
  return 'image';
}

/** How long a run of this category stays in the foreground, in milliseconds. */
export function foregroundMsFor(category: string, settings: GenerationSettings): number {
  return settings.foregroundMs[mediaKindOf(category)];
}
