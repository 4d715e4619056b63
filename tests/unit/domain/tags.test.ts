import { describe, expect, test } from 'vitest';
import { dedupeTags, normaliseTag, sameTag, suggestTags, tagKey } from '../../../src/domain/tags.ts';

test.each([
  ['  Hero   Film ', 'Hero Film'],
  ['Social\tCut', 'Social Cut'],
  ['', ''],
  ['   ', ''],
])('normaliseTag(%j) → %j', (raw, tag) => {
  expect(normaliseTag(raw)).toBe(tag);
});

test('tagKey and sameTag ignore case and spacing', () => {
  expect(tagKey(' Hero  FILM')).toBe('hero film');
  expect(sameTag('Acme', ' acme ')).toBe(true);
  expect(sameTag('Acme', 'Acme Corp')).toBe(false);
});

test('dedupeTags keeps the first spelling seen and drops empty names', () => {
  expect(dedupeTags(['Hero Film', 'hero  film', '', 'Social', ' HERO FILM', 'social '])).toEqual([
    'Hero Film',
    'Social',
  ]);
});

describe('suggestTags', () => {
  const known = ['Hero Film', 'Social Cut', 'Behind the Scenes', 'hero film', 'Herold', 'Teaser'];

  test('prefix matches first, then substring matches, case-insensitive and deduplicated', () => {
    expect(suggestTags(known, 'her', 10)).toEqual(['Hero Film', 'Herold']);
    expect(suggestTags(known, 'T', 10)).toEqual(['Teaser', 'Social Cut', 'Behind the Scenes']);
  });

  test('an empty query lists the first known tags up to the limit', () => {
    expect(suggestTags(known, '  ', 2)).toEqual(['Hero Film', 'Social Cut']);
  });

  test('respects the limit and finds nothing for unknown text', () => {
    expect(suggestTags(known, 't', 1)).toEqual(['Teaser']);
    expect(suggestTags(known, 'xyz', 5)).toEqual([]);
    expect(suggestTags(known, 'e', 0)).toEqual([]);
  });
});
