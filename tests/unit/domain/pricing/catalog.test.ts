import { describe, expect, test } from 'vitest';
import rawCatalog from '../../../../src/domain/pricing/catalog.json' with { type: 'json' };
import {
  catalog,
  findModel,
  licenceOf,
  modelsByCategory,
  parseCatalog,
} from '../../../../src/domain/pricing/catalog.ts';
import { estimateCost } from '../../../../src/domain/pricing/estimate-cost.ts';
import { defaultParams } from '../../../../src/domain/pricing/params.ts';

/** A deep copy of the raw catalog, to break on purpose. */
function rawCopy(): Record<string, unknown>[] {
  return structuredClone(rawCatalog) as Record<string, unknown>[];
}

function entry(raw: Record<string, unknown>[], endpointId: string): Record<string, unknown> {
  const found = raw.find((e) => e.endpoint_id === endpointId);
  if (!found) throw new Error(`no ${endpointId}`);
  return found;
}

describe('catalog.json', () => {
  test('parses: 30 endpoints, all 11 formula types', () => {
    expect(catalog).toHaveLength(30);
    expect(new Set(catalog.map((m) => m.formula.type)).size).toBe(11);
  });

  test('a wrong type names the endpoint id and the field', () => {
    const raw = rawCopy();
    const formula = entry(raw, 'fal-ai/minimax/hailuo-02/standard/image-to-video').formula as {
      rates_per_second: Record<string, unknown>;
    };
    formula.rates_per_second['768P'] = '0.045';
    expect(() => parseCatalog(raw)).toThrow(
      /"fal-ai\/minimax\/hailuo-02\/standard\/image-to-video" \(entry \d+\) field formula\.rates_per_second\.768P/,
    );
  });

  test('a misspelt formula field is refused, not priced at zero', () => {
    const raw = rawCopy();
    const target = entry(raw, 'fal-ai/mmaudio-v2');
    target.formula = { type: 'per_second', rate_per_secnd: 0.001 };
    expect(() => parseCatalog(raw)).toThrow(/"fal-ai\/mmaudio-v2".*formula/);
  });

  test('an unknown formula type is refused', () => {
    const raw = rawCopy();
    entry(raw, 'fal-ai/flux-pro/kontext').formula = { type: 'per_token', rate: 1 };
    expect(() => parseCatalog(raw)).toThrow(/"fal-ai\/flux-pro\/kontext".*field formula\.type/);
  });

  test('a default resolution that has no rate is refused', () => {
    const raw = rawCopy();
    (entry(raw, 'fal-ai/veo3.1').formula as { default_resolution: string }).default_resolution = '8k';
    expect(() => parseCatalog(raw)).toThrow(
      /"fal-ai\/veo3\.1".*formula\.default_resolution: "8k" is not one/,
    );
  });

  test('every problem is listed at once, with a hint where to fix it', () => {
    const raw = rawCopy();
    delete entry(raw, 'fal-ai/veo3.1').source;
    entry(raw, 'fal-ai/flux-2-pro').verified_on = '19 March 2026';
    const error = (() => {
      try {
        parseCatalog(raw);
      } catch (e) {
        return e as Error;
      }
      throw new Error('parseCatalog accepted a broken catalog');
    })();
    expect(error.message).toMatch(/invalid \(2 problems\)/);
    expect(error.message).toMatch(/"fal-ai\/veo3\.1".*field source/);
    expect(error.message).toMatch(/"fal-ai\/flux-2-pro".*field verified_on/);
    expect(error.message).toContain('src/domain/pricing/catalog.json');
  });

  test('a duplicate endpoint id or alias is refused', () => {
    const raw = rawCopy();
    entry(raw, 'fal-ai/flux/schnell').aliases = ['fal-ai/flux/dev'];
    expect(() => parseCatalog(raw)).toThrow(/"fal-ai\/flux\/dev" is used by both/);
  });

  test('something other than an array is refused', () => {
    expect(() => parseCatalog({ models: [] })).toThrow(/expected a JSON array/);
  });
});

describe('lookups', () => {
  test('findModel by endpoint id or alias', () => {
    expect(findModel('fal-ai/flux/dev')?.endpoint_id).toBe('fal-ai/flux-1/dev');
    expect(findModel(' fal-ai/veo3.1 ')?.display_name).toBe('Veo 3.1');
    expect(findModel('fal-ai/not-a-model')).toBeUndefined();
  });

  test('modelsByCategory has every category and every model once', () => {
    const groups = modelsByCategory();
    expect(Object.keys(groups)).toHaveLength(7);
    expect(Object.values(groups).flat()).toHaveLength(catalog.length);
    expect(groups['text-to-speech'].map((m) => m.endpoint_id)).toContain('fal-ai/minimax/speech-02-turbo');
  });

  test('licenceOf keeps commercial and treats anything unstated as unknown', () => {
    expect(licenceOf(findModel('fal-ai/flux-1/dev'))).toBe('commercial');
    expect(licenceOf(findModel('fal-ai/veo3.1'))).toBe('unknown');
    expect(licenceOf(undefined)).toBe('unknown');
  });
});

describe('every catalog entry', () => {
  test.each(catalog.map((m) => [m.endpoint_id, m] as const))('%s estimates with its defaults', (_id, m) => {
    const e = estimateCost(m, defaultParams(m));
    if (e.tier === 'none') {
      expect(e.usdMicros).toBeNull();
    } else {
      expect(Number.isSafeInteger(e.usdMicros)).toBe(true);
      expect(e.usdMicros).toBeGreaterThan(0);
    }
    expect(e.explanation.length).toBeGreaterThan(0);
    expect(e.priceRef).toContain(m.source);
    expect(e.upTo).toBe(e.explanation.startsWith('up to'));
  });

  test('only the text-to-speech models (no text yet) have no price with their defaults', () => {
    const unpriced = catalog.filter((m) => estimateCost(m, defaultParams(m)).tier === 'none');
    expect(unpriced.map((m) => m.category)).toEqual(['text-to-speech', 'text-to-speech', 'text-to-speech']);
  });

  test.each(
    catalog.flatMap((m) => {
      const f = m.formula;
      const keyed =
        'resolution_param' in f
          ? f.resolution_param
          : f.type === 'per_image'
            ? f.rates_by_param?.param
            : undefined;
      return keyed ? [[m.endpoint_id, keyed] as const] : [];
    }),
  )('%s never prices an unknown %s', (id, param) => {
    const e = estimateCost(findModel(id), {
      ...defaultParams(findModel(id)!),
      [param]: 'no-such-value',
      text: 'hi',
    });
    expect(e).toMatchObject({ usdMicros: null, tier: 'none' });
  });
});
