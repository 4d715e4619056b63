import type { FxSnapshot, LedgerEvent } from '../src/domain/ledger/events.ts';

// Schema-valid ledger events for benchmarks and tests, deterministic in their index.
// No Node imports here: browser tests use these too (file writers are in fixture-files.ts).

const fx: FxSnapshot = {
  base: 'USD',
  rates: { USD: 1, EUR: 0.92, SEK: 10.45 },
  asOf: '2025-03-01',
  source: 'default',
};
const start = Date.parse('2025-03-01T09:00:00.000Z');
const kinds = ['submitted', 'completed', 'settled', 'retagged'] as const;

/** The ISO time of event `i` (one second apart). */
function at(i: number): string {
  return new Date(start + i * 1000).toISOString();
}

/** Event number `i`: generations cycle submitted → completed → settled → retagged; ids are `${prefix}${i}`. */
export function makeEvent(i: number, options: { prefix?: string; epoch?: number } = {}): LedgerEvent {
  const envelope = {
    id: `${options.prefix ?? 'evt-'}${i}`,
    at: at(i),
    epoch: options.epoch ?? 0,
    v: 1 as const,
  };
  const genId = `gen-${Math.floor(i / kinds.length)}`;
  const kind = kinds[i % kinds.length];
  const tags = { client: `Client ${i % 7}`, project: `Project ${i % 23}`, deliverable: `Cut ${i % 5}` };
  if (kind === 'completed')
    return { ...envelope, type: 'generation.completed', genId, durationMs: 4200 + (i % 900) };
  if (kind === 'retagged') return { ...envelope, type: 'generation.retagged', genId, tags };
  if (kind === 'settled') {
    return {
      ...envelope,
      type: 'generation.settled',
      genId,
      billableUnits: 1 + (i % 4),
      billAs: 'images',
      unitPriceUsdMicros: 25_000,
      actualUsdMicros: 25_000 * (1 + (i % 4)),
      basis: 'metered',
    };
  }
  return {
    ...envelope,
    type: 'generation.submitted',
    genId,
    requestId: `req-${i}-5f1c2a`,
    endpointId: 'fal-ai/flux/dev',
    modelName: 'FLUX.1 [dev]',
    category: 'text-to-image',
    params: { image_size: 'landscape_16_9', num_images: 1 + (i % 4), seed: i, enable_safety_checker: true },
    prompt: `A slow dolly shot across a rain-soaked neon street at night, take ${i}, cinematic lighting`,
    estimate: { usdMicros: 25_000 * (1 + (i % 4)), tier: 'estimated', priceRef: 'fal-ai/flux/dev@2025-03' },
    tags,
    licence: 'commercial',
    fx,
  };
}

/** `count` events numbered from `from`. */
export function makeEvents(
  count: number,
  options: { from?: number; prefix?: string; epoch?: number } = {},
): LedgerEvent[] {
  const from = options.from ?? 0;
  return Array.from({ length: count }, (_, k) => makeEvent(from + k, options));
}
