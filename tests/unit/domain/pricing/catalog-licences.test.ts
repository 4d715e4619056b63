import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import rawCatalog from '../../../../src/domain/pricing/catalog.json' with { type: 'json' };
import { findModel, licenceOf, parseCatalog } from '../../../../src/domain/pricing/catalog.ts';
import { catalogModelSchema } from '../../../../src/domain/pricing/catalog-schema.ts';

/** One endpoint of the research file, as far as licences go. */
interface ReferenceEntry {
  endpoint_id: string;
  license: string;
  source: string;
}

// A copy of ../shared/reference/fal-pricing.json is kept in the repo so CI needs nothing outside it;
// when the shared file is present (a developer's checkout) the copy must still equal it.
const VENDORED = fileURLToPath(new URL('../../../fixtures/reference/fal-pricing.json', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../../../shared/reference/fal-pricing.json', import.meta.url));

function readReference(path: string): ReferenceEntry[] {
  return JSON.parse(readFileSync(path, 'utf8')) as ReferenceEntry[];
}

const reference = readReference(VENDORED);
const named = reference.filter((entry) => entry.license !== 'unknown');

describe('catalog licences from fal-pricing.json', () => {
  test('the research file names at least one licence (else the next test proves nothing)', () => {
    expect(named.length).toBeGreaterThan(0);
  });

  test.each(named.map((e) => [e.endpoint_id, e] as const))(
    '%s has the licence and source the research file names',
    (endpointId, entry) => {
      const model = findModel(endpointId);
      expect(licenceOf(model)).toBe(entry.license);
      expect(model?.license_source).toBe(entry.source);
    },
  );

  test('no catalog model claims a licence the research file does not name', () => {
    for (const entry of reference.filter((e) => e.license === 'unknown')) {
      expect(licenceOf(findModel(entry.endpoint_id)), entry.endpoint_id).toBe('unknown');
    }
  });

  test.skipIf(!existsSync(SHARED))('the vendored copy equals ../shared/reference/fal-pricing.json', () => {
    expect(reference).toEqual(readReference(SHARED));
  });

  test('a named licence without a source is refused', () => {
    const raw = structuredClone(rawCatalog) as Record<string, unknown>[];
    const commercial = raw.find((e) => e.license === 'commercial');
    if (!commercial) throw new Error('the catalog has no commercial model');
    delete commercial.license_source;
    expect(() => parseCatalog(raw)).toThrow(/field license_source: a "commercial" licence needs the URL/);
  });

  test('a model saved before license_source existed (a persisted draft) still reads', () => {
    const saved = structuredClone(findModel('fal-ai/flux-1/dev')) as Record<string, unknown>;
    delete saved.license_source;
    expect(catalogModelSchema.safeParse(saved).success).toBe(true);
  });
});
