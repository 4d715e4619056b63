import localforage from 'localforage';
import { expect, test } from 'vitest';
import { makeEvent, makeEvents } from '../../bench/fixtures.ts';
import { createLedgerCache } from '../../src/persistence/cache.ts';

// The panel's cache on Chromium's real IndexedDB (the unit tests use fake-indexeddb in node).
const name = `modelBridge-browser-${Date.now()}`;

test('the ledger cache round-trips through real IndexedDB, pending included', async () => {
  const cache = createLedgerCache(name, { driver: localforage.INDEXEDDB });
  const state = { totals: { internalUsdMicros: 250_000 } };
  await cache.save({ state, events: makeEvents(50), pending: [] });
  await cache.addPending([makeEvent(50), makeEvent(51)]);
  await cache.ackPending(['evt-50']);
  const reopened = createLedgerCache(name, { driver: localforage.INDEXEDDB });
  expect(await reopened.load()).toEqual({ state, events: makeEvents(50), pending: [makeEvent(51)] });
  await reopened.clear();
  expect(await reopened.load()).toBeNull();
});
