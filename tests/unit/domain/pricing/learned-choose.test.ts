import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  chooseEstimate,
  type Estimate,
  estimateWithLearned,
  LEARNED_MIN_RUNS,
  type LearnedSample,
} from '../../../../src/domain/index.ts';
import { configKey } from '../../../../src/domain/pricing/learned.ts';
import { model } from './helpers.ts';

const NOW = '2026-05-01T12:00:00.000Z';
const est = (tier: Estimate['tier'], usdMicros: number | null, upTo = false): Estimate => ({
  usdMicros,
  tier,
  upTo,
  explanation: tier,
  priceRef: 'test',
});
const LEARNED = est('learned', 1_200_000);
const runs = (key: string, micros: number[]): LearnedSample[] =>
  micros.map((usdMicros, i) => ({
    usdMicros,
    at: `2026-04-${String(10 + i).padStart(2, '0')}T09:00:00Z`,
    configKey: key,
  }));

describe('chooseEstimate (the cascade)', () => {
  test.each([
    ['exact formula wins', est('estimated', 30_000), LEARNED, 'estimated'],
    ['"up to" loses to learned', est('estimated', 2_800_000, true), LEARNED, 'learned'],
    ['fal unit price loses to learned', est('from', 30_000), LEARNED, 'learned'],
    ['no price loses to learned', est('none', null), LEARNED, 'learned'],
    ['without learned the exact layer stays', est('from', 30_000), null, 'from'],
  ])('%s', (_name, exact, learned, tier) => {
    expect(chooseEstimate(exact, learned).tier).toBe(tier);
  });
});

describe('estimateWithLearned', () => {
  const veoFast = model('fal-ai/veo3.1/fast');
  const flux = model('fal-ai/flux-1/dev');

  test('an "up to" becomes Learned after 3 metered runs of the same configuration', () => {
    const key = configKey(veoFast, {});
    expect(estimateWithLearned(veoFast, {}).upTo).toBe(true);
    const two = { samples: runs(key, [1_200_000, 1_600_000]), now: NOW };
    expect(estimateWithLearned(veoFast, {}, {}, two).tier).toBe('estimated');
    const three = { samples: runs(key, [1_200_000, 1_600_000, 1_200_000]), now: NOW };
    expect(estimateWithLearned(veoFast, {}, {}, three)).toMatchObject({
      tier: 'learned',
      usdMicros: 1_200_000,
      upTo: false,
    });
  });

  test('an exact FLUX.1 [dev] estimate stays exact however many runs there are', () => {
    const samples = runs(configKey(flux, {}), [40_000, 40_000, 40_000, 40_000]);
    expect(estimateWithLearned(flux, {}, {}, { samples, now: NOW })).toMatchObject({
      tier: 'estimated',
      usdMicros: 25_000,
    });
  });

  test('another size, stale runs or an unreadable now fall back to the next layer', () => {
    const key = configKey(veoFast, {});
    const samples = runs(key, [1, 2, 3]);
    expect(estimateWithLearned(veoFast, { duration: '4s' }, {}, { samples, now: NOW }).tier).toBe(
      'estimated',
    );
    expect(estimateWithLearned(veoFast, {}, {}, { samples, now: '2026-09-01T00:00:00Z' }).upTo).toBe(true);
    expect(estimateWithLearned(veoFast, {}, {}, { samples, now: 'soon' }).upTo).toBe(true);
  });
});

const tierArb = fc.constantFrom<Estimate['tier']>('estimated', 'from', 'learned', 'none');
const exactArb = fc
  .record({ tier: tierArb, micros: fc.option(fc.nat(), { nil: null }), upTo: fc.boolean() })
  .map(({ tier, micros, upTo }) => est(tier, tier === 'none' ? null : (micros ?? 0), upTo));

describe('properties', () => {
  test('never replaces an exact (estimated, not "up to") estimate', () => {
    fc.assert(
      fc.property(exactArb, fc.nat(), (exact, micros) => {
        const chosen = chooseEstimate(exact, est('learned', micros));
        if (exact.tier === 'estimated' && !exact.upTo) expect(chosen).toBe(exact);
        else expect(chosen.tier).toBe('learned');
      }),
    );
  });

  test(`never picks learned with fewer than ${LEARNED_MIN_RUNS} samples of the configuration`, () => {
    const veoFast = model('fal-ai/veo3.1/fast');
    const key = configKey(veoFast, {});
    const sample = fc.record({
      usdMicros: fc.nat({ max: 10_000_000 }),
      at: fc
        .date({ min: new Date('2026-01-01'), max: new Date('2026-06-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      configKey: fc.constantFrom(key, `${key}|other`, 'fal-ai/flux-1/dev|image_size=1024x768|num_images=1'),
    });
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 12 }), (samples) => {
        const chosen = estimateWithLearned(veoFast, {}, {}, { samples, now: NOW });
        const matching = samples.filter((s) => s.configKey === key).length;
        if (matching < LEARNED_MIN_RUNS) expect(chosen.tier).not.toBe('learned');
      }),
    );
  });
});
