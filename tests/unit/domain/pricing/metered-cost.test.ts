import { describe, expect, test } from 'vitest';
import { meteredCost } from '../../../../src/domain/pricing/metered-cost.ts';
import { defaultParams } from '../../../../src/domain/pricing/params.ts';
import { model } from './helpers.ts';

/** meteredCost with the model's form defaults under `params`, as a run sends them. */
function costOf(id: string, units: number, params: Record<string, unknown> = {}) {
  const m = model(id);
  return meteredCost(m, { ...defaultParams(m), ...params }, units);
}

describe('meteredCost: the four formulas that had no units ↔ price mapping', () => {
  test.each<[string, string, number, Record<string, unknown>, number | null, number]>([
    // fal-pricing.md worked check: Kling 2.5 Turbo Pro "10" = 0.35 + 5 × 0.07 = $0.70.
    [
      'Kling 2.5 Turbo Pro T2V 10 s',
      'fal-ai/kling-video/v2.5-turbo/pro/text-to-video',
      10,
      {},
      70_000,
      700_000,
    ],
    [
      'Kling 2.5 Turbo Pro T2V 5 s',
      'fal-ai/kling-video/v2.5-turbo/pro/text-to-video',
      5,
      {},
      70_000,
      350_000,
    ],
    [
      'Kling 2.5 Turbo Pro I2V 10 s',
      'fal-ai/kling-video/v2.5-turbo/pro/image-to-video',
      10,
      {},
      70_000,
      700_000,
    ],
    [
      'Kling 2.5 Turbo Std I2V 10 s',
      'fal-ai/kling-video/v2.5-turbo/standard/image-to-video',
      10,
      {},
      42_000,
      420_000,
    ],
    // Veo 3 Fast: 5 s with audio = $0.75 (fal's example); the form sends audio on, fal meters 5.008 s.
    ['Veo 3 Fast 5.008 s, audio', 'fal-ai/veo3/fast', 5.008, { duration: '4s' }, 150_000, 751_200],
    ['Veo 3 Fast 8 s, no audio', 'fal-ai/veo3/fast', 8, { generate_audio: false }, 100_000, 800_000],
    // FLUX.2 pro 1920×1080 = 2 MP: 0.03 + 1 × 0.015 = $0.045 (fal-pricing.md worked check).
    ['FLUX.2 pro 2 MP', 'fal-ai/flux-2-pro', 2, {}, null, 45_000],
    ['FLUX.2 pro 1 MP', 'fal-ai/flux-2-pro', 1, {}, null, 30_000],
    ['FLUX.2 pro 4 MP', 'fal-ai/flux-2-pro', 4, {}, null, 75_000],
    ['Pika 2.2 720p (default)', 'fal-ai/pika/v2.2/text-to-video', 1, {}, 200_000, 200_000],
    ['Pika 2.2 1080p', 'fal-ai/pika/v2.2/text-to-video', 1, { resolution: '1080p' }, 450_000, 450_000],
  ])('%s', (_name, id, units, params, unit, actual) => {
    expect(costOf(id, units, params)).toEqual({ unitPriceUsdMicros: unit, actualUsdMicros: actual });
  });

  test('a base price is a minimum: fewer seconds than it covers still cost the base', () => {
    expect(costOf('fal-ai/kling-video/v2.5-turbo/pro/text-to-video', 3)).toEqual({
      unitPriceUsdMicros: null,
      actualUsdMicros: 350_000,
    });
  });

  test('a Pika clip longer than the priced 5 s has no known amount', () => {
    expect(costOf('fal-ai/pika/v2.2/text-to-video', 1, { duration: '10' })).toEqual({
      unitPriceUsdMicros: null,
      actualUsdMicros: null,
    });
  });
});

describe('meteredCost: one rate per unit', () => {
  test('units × the rate these inputs chose, rounded once', () => {
    expect(costOf('fal-ai/veo3.1', 5.008, { resolution: '1080p' })).toEqual({
      unitPriceUsdMicros: 400_000,
      actualUsdMicros: 2_003_200,
    });
  });

  test('inputs that leave the rate open give the count with no amount', () => {
    // Veo 3.1 Fast: no documented default resolution, and 4k has another rate.
    expect(costOf('fal-ai/veo3.1/fast', 8.008)).toEqual({ unitPriceUsdMicros: null, actualUsdMicros: null });
    // Seedance is billed in video tokens; whether the header counts seconds or tokens is unconfirmed.
    expect(costOf('fal-ai/bytedance/seedance/v1/pro/image-to-video', 5)).toEqual({
      unitPriceUsdMicros: null,
      actualUsdMicros: null,
    });
  });

  test('a model outside the catalog, or an unpriced formula, uses the fallback unit price', () => {
    expect(meteredCost(undefined, {}, 38.8, 7_000)).toEqual({
      unitPriceUsdMicros: 7_000,
      actualUsdMicros: 271_600,
    });
    expect(meteredCost(undefined, {}, 3)).toEqual({ unitPriceUsdMicros: null, actualUsdMicros: null });
  });

  test('bad units are refused with the billable-units message', () => {
    expect(() => costOf('fal-ai/flux-2-pro', -1)).toThrow(/Billable units must be a finite number ≥ 0/);
    expect(() => costOf('fal-ai/veo3.1', Number.NaN)).toThrow(RangeError);
  });
});
