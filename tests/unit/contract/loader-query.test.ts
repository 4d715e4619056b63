import { describe, expect, test } from 'vitest';
import { LOADER_QUERY, loaderPageOf } from '../../../src/contract/index.ts';

const search = (value: string) => `?${new URLSearchParams({ [LOADER_QUERY]: value })}`;

describe("the loader page in the panel's address", () => {
  test.each([
    'file:///Users/ed/Library/Application%20Support/Adobe/CEP/extensions/com.modelbridge.panel/loader/index.html',
    'file:///C:/Users/ed/AppData/Roaming/Adobe/CEP/extensions/com.modelbridge.panel/loader/index.html',
  ])('takes the extension loader %s', (url) => {
    expect(loaderPageOf(search(url))).toBe(url);
  });

  test.each([
    ['another site', 'http://evil.example/loader/index.html'],
    ['a script', 'javascript:alert(1)//loader/index.html'],
    ['another local file', 'file:///etc/passwd'],
    ['a loader with a query', 'file:///ext/loader/index.html?x=1'],
    ['not a URL', 'loader/index.html'],
  ])('refuses %s', (_, url) => {
    expect(loaderPageOf(search(url))).toBeNull();
  });

  test('a plain browser address has none', () => {
    expect(loaderPageOf('')).toBeNull();
    expect(loaderPageOf('?inspect')).toBeNull();
  });
});
