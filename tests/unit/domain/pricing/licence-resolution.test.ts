import { describe, expect, test } from 'vitest';
import { findModel } from '../../../../src/domain/pricing/catalog.ts';
import { resolveLicence } from '../../../../src/domain/pricing/licence-resolution.ts';

const commercialSeed = { license: 'commercial', license_source: 'https://fal.ai/models/x' } as const;
const unknownSeed = { license: 'unknown' } as const;

describe('resolveLicence', () => {
  test('a licence fal names now wins over the seed', () => {
    expect(resolveLicence(commercialSeed, 'research')).toEqual({
      licence: 'research',
      origin: 'fal',
      sourceUrl: null,
    });
    expect(resolveLicence(unknownSeed, 'commercial').licence).toBe('commercial');
  });

  test('without a live answer the seed stands, with the page that states it', () => {
    expect(resolveLicence(commercialSeed, undefined)).toEqual({
      licence: 'commercial',
      origin: 'catalog',
      sourceUrl: 'https://fal.ai/models/x',
    });
  });

  test('an unknown live answer does not erase a licence a fal page stated', () => {
    expect(resolveLicence(commercialSeed, 'unknown').licence).toBe('commercial');
  });

  test('a model outside the catalog with no live answer is unknown', () => {
    expect(resolveLicence(undefined, undefined)).toEqual({
      licence: 'unknown',
      origin: 'catalog',
      sourceUrl: null,
    });
  });

  test('a catalog model resolves to its seed', () => {
    expect(resolveLicence(findModel('fal-ai/flux/dev'), undefined).licence).toBe('commercial');
  });
});
