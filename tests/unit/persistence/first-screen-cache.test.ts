import localforage from 'localforage';
import { describe, expect, test } from 'vitest';
import type { RowsResponse, SummaryResponse } from '../../../src/contract/index.ts';
import { createFirstScreenCache } from '../../../src/persistence/first-screen-cache.ts';
import { CacheUnavailableError } from '../../../src/persistence/index.ts';

// IndexedDB comes from fake-indexeddb, preloaded by tests/setup/unit.ts. Each test uses its own store name.
let counter = 0;
const freshName = () => `modelBridge-first-${++counter}-${Date.now()}`;

const screen = (combined: number) => ({
  summary: {
    currency: 'SEK',
    totals: { combinedUsdMicros: combined },
    breakdowns: {},
    tags: { clients: ['Acme'], projects: ['Hero Film'], deliverables: [] },
    version: '0:12',
  } as unknown as SummaryResponse,
  rows: { rows: [], nextCursor: 'abc', matching: 12, version: '0:12' } as RowsResponse,
});

describe('first-screen cache', () => {
  test('keeps one first screen per currency, through a new instance', async () => {
    const name = freshName();
    await createFirstScreenCache(name).save('SEK', screen(5_100_000));
    await createFirstScreenCache(name).save('USD', screen(480_000));
    const again = createFirstScreenCache(name);
    expect(await again.load('SEK')).toEqual(screen(5_100_000));
    expect(await again.load('USD')).toEqual(screen(480_000));
    expect(await again.load('EUR')).toBeNull();
  });

  test('what it cannot read is no first screen, not an error (it is only a placeholder)', async () => {
    const name = freshName();
    const raw = localforage.createInstance({ name, storeName: 'firstScreen' });
    await raw.setItem('USD', { v: 99, screen: screen(1) });
    await raw.setItem('EUR', { v: 1, screen: { summary: null } });
    const cache = createFirstScreenCache(name);
    expect(await cache.load('USD')).toBeNull();
    expect(await cache.load('EUR')).toBeNull();
  });

  test('clear forgets every currency (a reset must not draw old totals again)', async () => {
    const name = freshName();
    const cache = createFirstScreenCache(name);
    await cache.save('USD', screen(1));
    await cache.save('EUR', screen(2));
    await cache.clear();
    expect(await cache.load('USD')).toBeNull();
    expect(await cache.load('EUR')).toBeNull();
  });

  test('a browser without storage fails with the cache’s typed error', async () => {
    const cache = createFirstScreenCache(freshName(), { driver: 'no-such-driver' });
    await expect(cache.load('USD')).rejects.toBeInstanceOf(CacheUnavailableError);
  });
});
