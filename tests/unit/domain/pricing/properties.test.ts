import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { catalog } from '../../../../src/domain/pricing/catalog.ts';
import type { CatalogModel, CatalogParam } from '../../../../src/domain/pricing/catalog-schema.ts';
import { estimateCost } from '../../../../src/domain/pricing/estimate-cost.ts';
import { actualFromUnits } from '../../../../src/domain/pricing/unit-price.ts';
import { model } from './helpers.ts';

/** Values a fal input can plausibly take (valid ones from the catalog, plus some junk). */
function valueArb(param: CatalogParam): fc.Arbitrary<unknown> {
  const junk = fc.constantFrom<unknown>('junk', -1, 0, null, {});
  if (param.enum) return fc.oneof({ arbitrary: fc.constantFrom(...param.enum), weight: 4 }, junk);
  if (param.type === 'boolean') return fc.oneof({ arbitrary: fc.boolean(), weight: 4 }, junk);
  if (param.type === 'integer' || param.type === 'number') {
    const range = { min: param.min ?? 0, max: param.max ?? 100 };
    const valid = param.type === 'integer' ? fc.integer(range) : fc.double({ ...range, noNaN: true });
    return fc.oneof({ arbitrary: valid, weight: 4 }, junk);
  }
  if (param.type === 'string|object') {
    const custom = fc.record({
      width: fc.integer({ min: 1, max: 4096 }),
      height: fc.integer({ min: 1, max: 4096 }),
    });
    return fc.oneof(fc.constantFrom('square_hd', 'landscape_16_9', 'portrait_4_3'), custom, junk);
  }
  return fc.oneof(fc.string({ maxLength: 40 }), junk);
}

/** Random inputs for a model: each catalog input present or absent, plus custom voices sometimes. */
function paramsArb(m: CatalogModel): fc.Arbitrary<Record<string, unknown>> {
  const shape = Object.fromEntries(m.params.map((p) => [p.name, valueArb(p)]));
  return fc
    .record({ ...shape, voice_ids: fc.constantFrom(['v1'], []) }, { requiredKeys: [] })
    .map((p) => ({ ...p }) as Record<string, unknown>);
}

const modelArb = fc.constantFrom(...catalog);
const PER_SECOND = new Set([
  'per_second',
  'per_second_audio',
  'per_second_resolution',
  'per_second_audio_resolution',
  'base_plus_per_second',
]);

describe('estimate properties', () => {
  test('an estimate is a non-negative whole number of micro-USD, or null exactly when there is no price', () => {
    fc.assert(
      fc.property(
        modelArb.chain((m) => fc.tuple(fc.constant(m), paramsArb(m))),
        ([m, params]) => {
          const e = estimateCost(m, params);
          if (e.tier === 'none') {
            expect(e.usdMicros).toBeNull();
            expect(e.upTo).toBe(false);
          } else {
            expect(Number.isSafeInteger(e.usdMicros)).toBe(true);
            expect(e.usdMicros).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  test('per-second formulas never cost less for a longer duration', () => {
    const timed = catalog.filter((m) => PER_SECOND.has(m.formula.type));
    fc.assert(
      fc.property(
        fc.constantFrom(...timed).chain((m) => fc.tuple(fc.constant(m), paramsArb(m))),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        ([m, params], d, extra) => {
          const short = estimateCost(m, { ...params, duration: d });
          const long = estimateCost(m, { ...params, duration: d + extra });
          expect(long.tier).toBe(short.tier);
          if (short.usdMicros !== null) expect(long.usdMicros!).toBeGreaterThanOrEqual(short.usdMicros);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('more images never cost less', () => {
    const counted = catalog.filter((m) => 'count_param' in m.formula && m.formula.count_param);
    fc.assert(
      fc.property(
        fc.constantFrom(...counted).chain((m) => fc.tuple(fc.constant(m), paramsArb(m))),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        ([m, params], n, more) => {
          const name = (m.formula as { count_param: string }).count_param;
          const few = estimateCost(m, { ...params, [name]: n });
          const many = estimateCost(m, { ...params, [name]: n + more });
          if (few.usdMicros !== null) expect(many.usdMicros!).toBeGreaterThanOrEqual(few.usdMicros);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a bigger image never costs less on megapixel formulas', () => {
    const sized = [model('fal-ai/flux-1/dev'), model('fal-ai/flux/schnell'), model('fal-ai/flux-2-pro')];
    const side = fc.integer({ min: 1, max: 4096 });
    fc.assert(
      fc.property(fc.constantFrom(...sized), side, side, side, side, (m, w, h, dw, dh) => {
        const small = estimateCost(m, { image_size: { width: w, height: h } });
        const big = estimateCost(m, { image_size: { width: w + dw, height: h + dh } });
        expect(big.usdMicros!).toBeGreaterThanOrEqual(small.usdMicros!);
      }),
    );
  });

  test('longer text never costs less', () => {
    const tts = model('fal-ai/elevenlabs/tts/multilingual-v2');
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.string({ maxLength: 300 }), (text, more) => {
        expect(estimateCost(tts, { text: text + more }).usdMicros!).toBeGreaterThanOrEqual(
          estimateCost(tts, { text }).usdMicros!,
        );
      }),
    );
  });

  test('actual cost from units is a whole number and grows with the units', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 5_000_000 }),
        (units, extra, price) => {
          const a = actualFromUnits(units, price);
          expect(Number.isSafeInteger(a)).toBe(true);
          expect(actualFromUnits(units + extra, price)).toBeGreaterThanOrEqual(a);
        },
      ),
    );
  });
});
