import fc from 'fast-check';
import { beforeEach, describe, expect, test } from 'vitest';
import { foldLedger } from '../../../../src/domain/ledger/fold.ts';
import { generationCost } from '../../../../src/domain/ledger/generation-cost.ts';
import { arbLedgerEvents } from '../../../fixtures/ledger-arbitraries.ts';
import {
  cancelled,
  completed,
  externalRow,
  failed,
  imported,
  poolChanged,
  poolDefined,
  poolRemoved,
  requested,
  reset,
  resetBuilders,
  retagged,
  settled,
  submitted,
  tags,
  unsettled,
} from '../../../fixtures/ledger-builders.ts';

beforeEach(resetBuilders);

describe('write-ahead: a run recorded before its fal submit', () => {
  test('an intent alone is a row at its estimate, not confirmed, with no request id', () => {
    const row = foldLedger([requested({ genId: 'g1' })]).generations.g1!;
    expect(row).toMatchObject({ status: 'requested', requestId: null });
    expect(generationCost(row)).toEqual({ usdMicros: 25_000, estimated: true, unpriced: false });
  });

  test("fal's acceptance completes the intent's row: request id, acceptance time, running", () => {
    const intent = requested({ genId: 'g1', prompt: 'as typed' });
    const accepted = submitted({ genId: 'g1', requestId: 'req-9', prompt: 'as typed' });
    const row = foldLedger([intent, accepted]).generations.g1!;
    expect(row).toMatchObject({ status: 'running', requestId: 'req-9', submittedAt: accepted.at });
    expect(row.prompt).toBe('as typed');
  });

  test('a refusal before acceptance is recorded against the intent and costs nothing', () => {
    const row = foldLedger([requested({ genId: 'g1' }), failed('g1', { charged: 'no' })]).generations.g1!;
    expect(row.status).toBe('failed');
    expect(generationCost(row)).toEqual({ usdMicros: 0, estimated: false, unpriced: false });
  });

  test('an outcome folded before the acceptance (clock skew) is kept when the acceptance arrives', () => {
    const intent = requested({ genId: 'g1' });
    const done = completed('g1');
    const accepted = submitted({ genId: 'g1', requestId: 'req-9' });
    const row = foldLedger([intent, done, accepted]).generations.g1!;
    expect(row).toMatchObject({ status: 'completed', requestId: 'req-9' });
  });
});

describe('generations', () => {
  test('a submitted generation is running at its estimate; completion records time and duration', () => {
    const s = submitted({ genId: 'g1' });
    const running = foldLedger([s]).generations.g1!;
    expect(running).toMatchObject({ status: 'running', finishedAt: null, durationMs: null, actual: null });
    expect(generationCost(running)).toEqual({ usdMicros: 25_000, estimated: true, unpriced: false });

    const done = completed('g1', { durationMs: 9_500 });
    const row = foldLedger([s, done]).generations.g1!;
    expect(row).toMatchObject({
      status: 'completed',
      finishedAt: done.at,
      durationMs: 9_500,
      submittedAt: s.at,
    });
    expect(row).toMatchObject({ requestId: s.requestId, endpointId: 'fal-ai/flux/dev', prompt: s.prompt });
  });

  test('settling replaces the estimate with the actual cost', () => {
    const events = [
      submitted({ genId: 'g1' }),
      completed('g1'),
      settled('g1', 271_600, { billAs: 'fal-ai/x' }),
    ];
    const row = foldLedger(events).generations.g1!;
    expect(row.actual).toMatchObject({
      usdMicros: 271_600,
      billableUnits: 1,
      billAs: 'fal-ai/x',
      basis: 'metered',
    });
    expect(generationCost(row)).toEqual({ usdMicros: 271_600, estimated: false, unpriced: false });
  });

  test('units without a rate keep the estimate', () => {
    const row = foldLedger([submitted({ genId: 'g1' }), settled('g1', null)]).generations.g1!;
    expect(row.actual?.usdMicros).toBeNull();
    expect(generationCost(row)).toEqual({ usdMicros: 25_000, estimated: true, unpriced: false });
  });

  test.each([
    ['no', { usdMicros: 0, estimated: false, unpriced: false }],
    ['maybe', { usdMicros: 25_000, estimated: true, unpriced: false }],
    ['yes', { usdMicros: 25_000, estimated: true, unpriced: false }],
  ] as const)('a failure charged %s costs %j', (charged, cost) => {
    const row = foldLedger([submitted({ genId: 'g1' }), failed('g1', { charged })]).generations.g1!;
    expect(row.status).toBe('failed');
    expect(row.failure).toEqual({
      errorKind: 'SERVER',
      charged,
      message: 'fal.ai answered 503: service unavailable',
    });
    expect(generationCost(row)).toEqual(cost);
  });

  test('no price and no actual counts as unpriced, 0', () => {
    const s = submitted({ genId: 'g1', estimate: { usdMicros: null, tier: 'none', priceRef: '' } });
    expect(generationCost(foldLedger([s]).generations.g1!)).toEqual({
      usdMicros: 0,
      estimated: false,
      unpriced: true,
    });
  });

  test('a cancelled run keeps its estimate until settled, and may still complete', () => {
    const events = [submitted({ genId: 'g1' }), cancelled('g1'), completed('g1'), settled('g1', 30_000)];
    const rows = [2, 3, 4].map((n) => foldLedger(events.slice(0, n)).generations.g1!);
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'completed', 'completed']);
    expect(rows.map((r) => generationCost(r).usdMicros)).toEqual([25_000, 25_000, 30_000]);
  });

  test('unsettled flags the row until a later settlement clears it', () => {
    const base = [submitted({ genId: 'g1' }), completed('g1'), unsettled('g1', { reason: 'gave up' })];
    expect(foldLedger(base).generations.g1).toMatchObject({ unsettled: true, unsettledReason: 'gave up' });
    const later = foldLedger([...base, settled('g1', 1)]).generations.g1;
    expect(later).toMatchObject({ unsettled: false, unsettledReason: null });
  });

  test('retagging replaces the tags, normalised', () => {
    const events = [submitted({ genId: 'g1' }), retagged('g1', tags('  Globex ', 'Launch   Film', ''))];
    expect(foldLedger(events).generations.g1!.tags).toEqual(tags('Globex', 'Launch Film', ''));
  });

  test('follow-ups for an unknown genId are ignored, and a repeated submit keeps the first', () => {
    const events = [
      completed('ghost'),
      settled('ghost', 5),
      retagged('ghost', tags('x')),
      submitted({ genId: 'g1', modelName: 'first' }),
      submitted({ genId: 'g1', modelName: 'second' }),
    ];
    const state = foldLedger(events);
    expect(Object.keys(state.generations)).toEqual(['g1']);
    expect(state.generations.g1!.modelName).toBe('first');
  });
});

describe('externals and pools', () => {
  test('re-importing rows with known keys adds nothing', () => {
    const rows = [externalRow({ key: 'a' }), externalRow({ key: 'b' })];
    const state = foldLedger([
      imported(rows),
      imported([...rows, externalRow({ key: 'c' })], { batchId: 'b2' }),
    ]);
    expect(state.externals.map((r) => [r.key, r.batchId])).toEqual([
      ['a', 'batch-0003'],
      ['b', 'batch-0003'],
      ['c', 'b2'],
    ]);
  });

  test('pools are defined, changed (keeping when they were defined) and removed', () => {
    const defined = poolDefined({ poolId: 'p1', amountMicros: 1_000 });
    const changed = poolChanged('p1', { amountMicros: 2_000 });
    const state = foldLedger([defined, changed]);
    expect(state.pools.p1).toMatchObject({
      amountMicros: 2_000,
      definedAt: defined.at,
      changedAt: changed.at,
    });
    expect(foldLedger([defined, changed, poolRemoved('p1')]).pools).toEqual({});
    expect(foldLedger([poolChanged('p9')]).pools).toEqual({});
  });
});

describe('reset epochs', () => {
  test('a reset clears everything before it; later events count', () => {
    const before = [submitted({ genId: 'old' }), imported([externalRow()]), poolDefined()];
    const after = [submitted({ genId: 'new', epoch: 1 })];
    const state = foldLedger([...before, reset(1), ...after]);
    expect(state.epoch).toBe(1);
    expect(Object.keys(state.generations)).toEqual(['new']);
    expect(state.externals).toEqual([]);
    expect(state.pools).toEqual({});
  });

  test('a stale event of the old epoch arriving after the reset is ignored', () => {
    const state = foldLedger([
      reset(1),
      submitted({ genId: 'stale', epoch: 0 }),
      submitted({ genId: 'ok', epoch: 1 }),
    ]);
    expect(Object.keys(state.generations)).toEqual(['ok']);
  });

  test('lastEventId is the id of the last event folded', () => {
    const events = [submitted(), completed('x')];
    expect(foldLedger(events).lastEventId).toBe(events[1]!.id);
    expect(foldLedger([]).lastEventId).toBeNull();
  });
});

describe('properties', () => {
  test('the state is plain JSON', () => {
    fc.assert(
      fc.property(arbLedgerEvents(), (events) => {
        const state = foldLedger(events);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      }),
      { numRuns: 200 },
    );
  });

  test('folding onto a cached state equals folding everything at once, and leaves the cache unchanged', () => {
    fc.assert(
      fc.property(arbLedgerEvents(), fc.nat(), (events, at) => {
        const cut = events.length === 0 ? 0 : at % (events.length + 1);
        const cached = foldLedger(events.slice(0, cut));
        const copy = JSON.parse(JSON.stringify(cached));
        expect(foldLedger(events.slice(cut), cached)).toEqual(foldLedger(events));
        expect(cached).toEqual(copy);
      }),
      { numRuns: 300 },
    );
  });
});
