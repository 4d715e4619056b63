import { beforeEach, describe, expect, test } from 'vitest';
import { costItems } from '../../../../src/domain/ledger/cost-items.ts';
import { costFilterSchema } from '../../../../src/domain/ledger/filters.ts';
import { foldLedger } from '../../../../src/domain/ledger/fold.ts';
import { knownTags, listRows } from '../../../../src/domain/ledger/rows.ts';
import { breakdown, totals } from '../../../../src/domain/ledger/selectors.ts';
import {
  completed,
  externalRow,
  failed,
  imported,
  poolDefined,
  resetBuilders,
  settled,
  submitted,
  tags,
} from '../../../fixtures/ledger-builders.ts';

beforeEach(resetBuilders);

const price = (usdMicros: number | null) => ({
  usdMicros,
  tier: usdMicros === null ? ('none' as const) : ('estimated' as const),
  priceRef: 'catalog',
});

/** Four generations (settled, estimated, unpriced, failed free), two imports ($10 in EUR and SEK), a $30 pool. */
function agencyLedger() {
  return foldLedger([
    imported(
      [
        externalRow({
          key: 'mj',
          date: '2025-11-01',
          amountMicros: 8_600_000,
          currency: 'EUR',
          tags: tags('Acme', 'Hero Film'),
        }),
        externalRow({
          key: 'el',
          date: '2025-11-02',
          amountMicros: 94_000_000,
          currency: 'SEK',
          category: 'ElevenLabs',
        }),
      ],
      { at: '2025-11-02T12:00:00.000Z' },
    ),
    submitted({ genId: 'g1', tags: tags('Acme', 'Hero Film', 'Social Cut') }),
    submitted({
      genId: 'g2',
      modelName: 'Veo 3.1',
      estimate: price(2_000_000),
      tags: tags('acme', 'hero film', 'Poster'),
    }),
    completed('g1'),
    settled('g1', 30_000),
    submitted({ genId: 'g4', estimate: price(100_000), tags: tags() }),
    failed('g4', { charged: 'no' }),
    submitted({
      genId: 'g3',
      at: '2025-11-05T10:00:00.000Z',
      modelName: 'Kling v3',
      estimate: price(null),
      tags: tags('Globex', 'Launch'),
    }),
    poolDefined({ poolId: 'pool-1', at: '2025-11-05T11:00:00.000Z', amountMicros: 30_000_000 }),
  ]);
}

describe('totals', () => {
  test('splits internal, external and pool, with the estimated part and unpriced count', () => {
    expect(totals(agencyLedger())).toEqual({
      internalUsdMicros: 2_030_000,
      externalUsdMicros: 20_000_000,
      poolUsdMicros: 30_000_000,
      combinedUsdMicros: 52_030_000,
      estimatedUsdMicros: 2_000_000,
      unpricedCount: 1,
      generationCount: 4,
    });
  });

  test('filters by client case-insensitively, pool shares included through their project', () => {
    expect(totals(agencyLedger(), { client: ' ACME ' })).toMatchObject({
      internalUsdMicros: 2_030_000,
      externalUsdMicros: 10_000_000,
      poolUsdMicros: 15_000_000,
      generationCount: 2,
    });
  });

  test('an empty tag filter means untagged only', () => {
    expect(totals(agencyLedger(), { project: '' })).toMatchObject({
      combinedUsdMicros: 10_000_000,
      generationCount: 1,
    });
  });

  test('date ranges are inclusive calendar days', () => {
    const state = agencyLedger();
    expect(totals(state, { from: '2025-11-03', to: '2025-11-03' })).toMatchObject({
      combinedUsdMicros: 2_030_000,
      generationCount: 3,
    });
    expect(totals(state, { from: '2025-11-02' }).externalUsdMicros).toBe(10_000_000);
    expect(totals(state, { to: '2025-11-01' }).combinedUsdMicros).toBe(40_000_000);
  });

  test('an empty ledger totals zero', () => {
    expect(totals(foldLedger([]))).toMatchObject({
      combinedUsdMicros: 0,
      generationCount: 0,
      unpricedCount: 0,
    });
  });
});

describe('breakdown', () => {
  test('by project groups spellings together under the first one seen, largest first', () => {
    expect(breakdown(agencyLedger(), 'project')).toEqual([
      { key: 'Hero Film', usdMicros: 27_030_000, estimatedUsdMicros: 2_000_000, count: 4 },
      { key: 'Launch', usdMicros: 15_000_000, estimatedUsdMicros: 0, count: 2 },
      { key: '', usdMicros: 10_000_000, estimatedUsdMicros: 0, count: 2 },
    ]);
  });

  test('by model names external and pool costs by their category and pool', () => {
    expect(breakdown(agencyLedger(), 'model').map((r) => [r.key, r.usdMicros, r.count])).toEqual([
      ['Pool · Team seats', 30_000_000, 2],
      ['External · ElevenLabs', 10_000_000, 1],
      ['External · Midjourney', 10_000_000, 1],
      ['Veo 3.1', 2_000_000, 1],
      ['FLUX.1 [dev]', 30_000, 2],
      ['Kling v3', 0, 1],
    ]);
  });

  test('by day, oldest first', () => {
    expect(breakdown(agencyLedger(), 'day').map((r) => [r.key, r.usdMicros])).toEqual([
      ['2025-11-01', 40_000_000],
      ['2025-11-02', 10_000_000],
      ['2025-11-03', 2_030_000],
      ['2025-11-05', 0],
    ]);
  });

  test('by client and deliverable, with a filter', () => {
    expect(breakdown(agencyLedger(), 'client').map((r) => [r.key, r.usdMicros])).toEqual([
      ['Acme', 27_030_000],
      ['Globex', 15_000_000],
      ['', 10_000_000],
    ]);
    expect(breakdown(agencyLedger(), 'deliverable', { project: 'Hero Film' })).toEqual([
      { key: '', usdMicros: 25_000_000, estimatedUsdMicros: 0, count: 2 },
      { key: 'Poster', usdMicros: 2_000_000, estimatedUsdMicros: 2_000_000, count: 1 },
      { key: 'Social Cut', usdMicros: 30_000, estimatedUsdMicros: 0, count: 1 },
    ]);
  });
});

describe('listRows and knownTags', () => {
  test('lists every cost newest first with its source record', () => {
    const rows = listRows(agencyLedger());
    expect(rows.map((r) => r.item.id)).toEqual([
      'gen:g3',
      'gen:g4',
      'gen:g2',
      'gen:g1',
      'ext:el',
      'ext:mj',
      'pool:pool-1:Hero Film',
      'pool:pool-1:Launch',
    ]);
    const first = rows[0]!;
    expect(first.kind === 'internal' && first.generation.modelName).toBe('Kling v3');
    const ext = rows[4]!;
    expect(ext.kind === 'external' && ext.external.currency).toBe('SEK');
  });

  test('filters the list like the totals', () => {
    expect(listRows(agencyLedger(), { project: 'launch' }).map((r) => r.item.id)).toEqual([
      'gen:g3',
      'pool:pool-1:Launch',
    ]);
  });

  test('knownTags lists each tag once, first spelling, alphabetically', () => {
    expect(knownTags(agencyLedger())).toEqual({
      clients: ['Acme', 'Globex'],
      projects: ['Hero Film', 'Launch'],
      deliverables: ['Poster', 'Social Cut'],
      // 'acme'/'hero film' pair under the first spellings; the pool's scope has no client.
      projectsByClient: { acme: ['Hero Film'], globex: ['Launch'] },
    });
  });

  test('cost items are memoised per state', () => {
    const state = agencyLedger();
    expect(costItems(state)).toBe(costItems(state));
  });
});

test('costFilterSchema accepts days and refuses other date shapes', () => {
  expect(costFilterSchema.parse({ client: 'Acme', from: '2025-11-01' })).toEqual({
    client: 'Acme',
    from: '2025-11-01',
  });
  expect(costFilterSchema.safeParse({ from: '01/11/2025' }).success).toBe(false);
});
