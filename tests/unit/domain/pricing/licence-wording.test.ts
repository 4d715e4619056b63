import { describe, expect, test } from 'vitest';
import { licenceFromFalWording } from '../../../../src/domain/pricing/licence-wording.ts';

describe('licenceFromFalWording', () => {
  test.each([
    ['commercial', 'commercial'],
    ['research', 'research'],
    ['private', 'private'],
    ['Commercial use', 'commercial'],
    ['  COMMERCIAL  ', 'commercial'],
    ['commercial_use', 'commercial'],
    ['Research only', 'research'],
    ['non-commercial', 'research'],
    ['Non Commercial', 'research'],
    ['noncommercial', 'research'],
    ['Private', 'private'],
  ] as const)('fal wording %j is %s', (wording, licence) => {
    expect(licenceFromFalWording(wording)).toBe(licence);
  });

  test.each([
    ['an unknown word', 'open'],
    ['a licence name fal does not use', 'apache-2.0'],
    ['a sentence that only mentions commercial', 'commercial use requires a licence'],
    ['an empty string', ''],
    ['only spaces', '   '],
    ['null', null],
    ['undefined', undefined],
    ['a number', 1],
    ['an object', { license_type: 'commercial' }],
  ])('%s is unknown', (_name, wording) => {
    expect(licenceFromFalWording(wording)).toBe('unknown');
  });
});
