import localforage from 'localforage';
import { describe, expect, test } from 'vitest';
import { makeEvent, makeEvents } from '../../../bench/fixtures.ts';
import type { LedgerEvent } from '../../../src/domain/ledger/events.ts';
import {
  CacheQuotaError,
  CacheUnavailableError,
  createLedgerCache,
  InvalidLedgerEventError,
} from '../../../src/persistence/index.ts';

// IndexedDB comes from fake-indexeddb, preloaded by tests/setup/unit.ts. Each test uses its own store name.
let counter = 0;
const freshName = () => `modelBridge-test-${++counter}-${Date.now()}`;
const ids = (events: readonly LedgerEvent[]) => events.map((event) => event.id);

describe('ledger cache', () => {
  test('an empty cache loads as null', async () => {
    expect(await createLedgerCache(freshName()).load()).toBeNull();
  });

  test('round trip: state, events and pending come back as saved, also through a new instance', async () => {
    const name = freshName();
    const state = { totals: { internalUsdMicros: 125_000 }, rows: [{ genId: 'gen-0' }] };
    await createLedgerCache(name).save({ state, events: makeEvents(4), pending: [makeEvent(9)] });
    expect(await createLedgerCache(name).load()).toEqual({
      state,
      events: makeEvents(4),
      pending: [makeEvent(9)],
    });
  });

  test('pending events are added without duplicates and removed when acknowledged', async () => {
    const cache = createLedgerCache(freshName());
    await cache.addPending(makeEvents(3));
    await cache.addPending([makeEvent(2), makeEvent(3)]);
    expect(ids((await cache.load())!.pending)).toEqual(['evt-0', 'evt-1', 'evt-2', 'evt-3']);
    await cache.ackPending(['evt-1', 'evt-3', 'unknown']);
    expect(ids((await cache.load())!.pending)).toEqual(['evt-0', 'evt-2']);
  });

  test('concurrent adds and acks on one cache are applied in call order, none lost', async () => {
    const cache = createLedgerCache(freshName());
    await Promise.all([
      ...makeEvents(10).map((event) => cache.addPending([event])),
      cache.ackPending(['evt-4']),
      cache.addPending([makeEvent(10)]),
    ]);
    const pending = ids((await cache.load())!.pending);
    expect(pending).toEqual([...ids(makeEvents(10)).filter((id) => id !== 'evt-4'), 'evt-10']);
  });

  test('two panels in one browser never drop each other’s unsaved events', async () => {
    const name = freshName();
    const [tabA, tabB] = [createLedgerCache(name), createLedgerCache(name)];
    await Promise.all([
      ...makeEvents(5).map((event) => tabA.addPending([event])),
      ...makeEvents(5, { from: 5 }).map((event) => tabB.addPending([event])),
    ]);
    // Tab A saves with nothing of its own pending and acks one of its events: B's five stay.
    await tabA.save({ state: null, events: makeEvents(5), pending: [] });
    await tabA.ackPending(['evt-0']);
    expect(ids((await tabB.load())!.pending)).toEqual(ids(makeEvents(5, { from: 5 })));
  });

  test('something without an event envelope is refused with a clear error', async () => {
    const cache = createLedgerCache(freshName());
    const bad = { ...makeEvent(0), id: '' } as LedgerEvent;
    await expect(cache.addPending([bad])).rejects.toBeInstanceOf(InvalidLedgerEventError);
    expect(await cache.load()).toBeNull();
  });

  // Was "refused": a payload the backend will refuse is still money this panel recorded (issue 10), so it
  // must survive a reload and keep the refusal on screen, not vanish from the cache.
  test('an event whose payload the ledger schema refuses is kept pending across a reload', async () => {
    const name = freshName();
    const bad = { ...makeEvent(0), at: 'yesterday' } as LedgerEvent;
    await createLedgerCache(name).addPending([bad]);
    expect((await createLedgerCache(name).load())?.pending).toEqual([bad]);
  });

  test('clear removes everything', async () => {
    const cache = createLedgerCache(freshName());
    await cache.save({ state: { a: 1 }, events: makeEvents(2), pending: makeEvents(1) });
    await cache.clear();
    expect(await cache.load()).toBeNull();
  });
});

describe('storage failures are surfaced, never swallowed', () => {
  test('no available storage method → CacheUnavailableError saying what still works', async () => {
    const cache = createLedgerCache(freshName(), { driver: 'noSuchDriver' });
    const error = await cache.addPending([makeEvent(0)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CacheUnavailableError);
    expect((error as Error).message).toMatch(
      /^Could not keep unsaved events in the browser cache: no browser storage/,
    );
    expect((error as Error).message).toMatch(/No available storage method found/);
    await expect(cache.load()).rejects.toBeInstanceOf(CacheUnavailableError);
  });

  test('a full quota → CacheQuotaError', async () => {
    // A storage driver whose writes fail the way a browser's do when the origin's quota is used up.
    const quotaError = () =>
      Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await localforage.defineDriver({
      _driver: 'quotaFullDriver',
      _support: true,
      _initStorage: () => Promise.resolve(),
      clear: () => Promise.resolve(),
      getItem: () => Promise.resolve(null),
      iterate: () => Promise.resolve(undefined as never),
      key: () => Promise.resolve(''),
      keys: () => Promise.resolve([]),
      length: () => Promise.resolve(0),
      removeItem: () => Promise.resolve(),
      setItem: quotaError,
    });
    const cache = createLedgerCache(freshName(), { driver: 'quotaFullDriver' });
    const error = await cache
      .save({ state: {}, events: makeEvents(1), pending: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CacheQuotaError);
    expect((error as Error).message).toMatch(
      /storage quota for modelBridge is full \(The quota has been exceeded\.\)/,
    );
    expect(await cache.load()).toBeNull();
  });
});
