import { beforeEach, describe, expect, test } from 'vitest';
import { foldLedger, learnedSamples } from '../../../../src/domain/index.ts';
import type { LedgerEvent } from '../../../../src/domain/ledger/events.ts';
import { configKey } from '../../../../src/domain/pricing/learned.ts';
import { completed, failed, resetBuilders, settled, submitted } from '../../../fixtures/ledger-builders.ts';
import { model } from './helpers.ts';

const FLUX_KEY = 'fal-ai/flux-1/dev|image_size=1024x768|num_images=1';

/** A FLUX dev run (alias endpoint id, as older rows have it) that completed and settled at `usd`. */
function run(usdMicros: number | null, overrides: Parameters<typeof settled>[2] = {}): LedgerEvent[] {
  const sub = submitted();
  return [sub, completed(sub.genId), settled(sub.genId, usdMicros, overrides)];
}

beforeEach(resetBuilders);

describe('learnedSamples', () => {
  test('one sample per metered settled run, keyed by the catalog model (alias resolved), dated by settle time', () => {
    const events = [...run(25_000), ...run(30_000)];
    const samples = learnedSamples(foldLedger(events));
    expect(samples).toEqual([
      { usdMicros: 25_000, at: events[2]?.at, configKey: FLUX_KEY },
      { usdMicros: 30_000, at: events[5]?.at, configKey: FLUX_KEY },
    ]);
    // The same key the form computes from FLUX.1 [dev] with its defaults.
    expect(configKey(model('fal-ai/flux-1/dev'), {})).toBe(FLUX_KEY);
  });

  test('calculated or billing-event actuals, unknown amounts and unsettled runs give no sample', () => {
    const running = submitted();
    const charged = submitted();
    const events = [
      ...run(25_000, { basis: 'calculated' }),
      ...run(25_000, { basis: 'billing-event' }),
      ...run(null),
      running,
      charged,
      failed(charged.genId, { charged: 'yes' }),
      settled(charged.genId, 40_000),
    ];
    expect(learnedSamples(foldLedger(events))).toEqual([
      { usdMicros: 40_000, at: events.at(-1)?.at, configKey: FLUX_KEY },
    ]);
  });

  test('a custom size kept as JSON text keys like the object the form holds', () => {
    const size = { width: 1920, height: 1080 };
    const sub = submitted({ params: { image_size: JSON.stringify(size), num_images: 2 } });
    const samples = learnedSamples(foldLedger([sub, settled(sub.genId, 150_000)]));
    expect(samples[0]?.configKey).toBe(
      configKey(model('fal-ai/flux-1/dev'), { image_size: size, num_images: 2 }),
    );
    expect(samples[0]?.configKey).toBe('fal-ai/flux-1/dev|image_size=1920x1080|num_images=2');
  });

  test('a model outside the catalog keys on its endpoint id string', () => {
    const sub = submitted({ endpointId: 'fal-ai/brand-new', params: { resolution: '720p', seed: 4 } });
    const samples = learnedSamples(foldLedger([sub, settled(sub.genId, 70_000)]));
    expect(samples.map((s) => s.configKey)).toEqual(['fal-ai/brand-new|resolution=720p']);
  });
});
