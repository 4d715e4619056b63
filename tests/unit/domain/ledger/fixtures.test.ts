import fc from 'fast-check';
import { expect, test } from 'vitest';
import { type LedgerEvent, ledgerEventSchema } from '../../../../src/domain/ledger/events.ts';
import { arbLedgerEvents, arbStores } from '../../../fixtures/ledger-arbitraries.ts';
import {
  cancelled,
  completed,
  externalRow,
  failed,
  generation,
  imported,
  poolChanged,
  poolDefined,
  poolRemoved,
  reset,
  resetBuilders,
  retagged,
  settled,
  submitted,
  tags,
  unsettled,
} from '../../../fixtures/ledger-builders.ts';

test('every builder produces a schema-valid event', () => {
  resetBuilders();
  const events: LedgerEvent[] = [
    submitted(),
    submitted({
      estimate: { usdMicros: null, tier: 'none', priceRef: '' },
      dual: { groupId: 'd1', slot: 'secondary' },
    }),
    completed('gen-0001'),
    failed('gen-0001', { charged: 'maybe', errorKind: 'DOWNLOAD' }),
    cancelled('gen-0001'),
    settled('gen-0001', 271_600),
    settled('gen-0001', null),
    unsettled('gen-0001'),
    retagged('gen-0001', tags('Acme', 'Hero Film', 'Cut A')),
    imported([externalRow(), externalRow({ currency: 'SEK', amountMicros: -1_500_000 })]),
    poolDefined(),
    poolDefined({ rule: { kind: 'weights', weights: { A: 2 } }, scope: { projects: ['A', 'B'] } }),
    poolChanged('pool-1', { amountMicros: 40_000_000 }),
    poolRemoved('pool-1'),
    reset(1),
    ...generation({ genId: 'g9' }, 12_000),
  ];
  for (const event of events) expect(ledgerEventSchema.parse(event)).toEqual(event);
});

test('builders give increasing ids and times, restarted by resetBuilders', () => {
  resetBuilders();
  const [a, b] = [submitted(), completed('x')];
  expect([a.id, b.id]).toEqual(['evt-0001', 'evt-0002']);
  expect(a.at < b.at).toBe(true);
  resetBuilders();
  expect(submitted().id).toBe('evt-0001');
});

test('arbitrary ledgers contain only schema-valid events with unique ids', () => {
  fc.assert(
    fc.property(arbLedgerEvents(), (events) => {
      for (const event of events) expect(ledgerEventSchema.safeParse(event).success).toBe(true);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    }),
    { numRuns: 200 },
  );
});

test('arbitrary stores are subsets of one history', () => {
  fc.assert(
    fc.property(arbStores(), (stores) => {
      for (const store of stores)
        for (const event of store) expect(ledgerEventSchema.safeParse(event).success).toBe(true);
    }),
    { numRuns: 50 },
  );
});
