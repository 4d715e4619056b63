import { beforeEach, describe, expect, test } from 'vitest';
import { foldLedger } from '../../../../src/domain/ledger/fold.ts';
import { breakdown, totals } from '../../../../src/domain/ledger/selectors.ts';
import { fx, poolDefined, resetBuilders, submitted, tags } from '../../../fixtures/ledger-builders.ts';

beforeEach(resetBuilders);

const gen = (
  genId: string,
  project: string,
  usdMicros: number,
  at = '2025-11-10T10:00:00.000Z',
  client = '',
) =>
  submitted({
    genId,
    at,
    tags: tags(client, project),
    estimate: { usdMicros, tier: 'estimated', priceRef: '' },
  });

const shares = (state: ReturnType<typeof foldLedger>) =>
  Object.fromEntries(breakdown(state, 'project').map((r) => [r.key, r.usdMicros]));

describe('pool shares in the ledger', () => {
  test('an empty scope shares among projects with generations in the period (untagged excluded)', () => {
    const state = foldLedger([
      gen('a', 'Alpha', 0),
      gen('b', 'beta', 0),
      gen('u', '', 0),
      gen('late', 'Gamma', 0, '2025-12-02T10:00:00.000Z'),
      poolDefined({ amountMicros: 10_000_000 }),
    ]);
    expect(shares(state)).toEqual({ Alpha: 5_000_000, beta: 5_000_000, '': 0, Gamma: 0 });
  });

  test('usage share follows each project’s internal cost in the period', () => {
    const state = foldLedger([
      gen('a', 'Alpha', 1_000_000),
      gen('b', 'Beta', 3_000_000),
      gen('outside', 'Alpha', 50_000_000, '2025-10-31T23:00:00.000Z'),
      poolDefined({ amountMicros: 1_000_000, rule: { kind: 'usage' } }),
    ]);
    expect(totals(state).poolUsdMicros).toBe(1_000_000);
    const only = (project: string) => totals(state, { project }).poolUsdMicros;
    expect([only('alpha'), only('beta')]).toEqual([250_000, 750_000]);
  });

  test('weights match project names case-insensitively; the scope lists the projects', () => {
    const state = foldLedger([
      poolDefined({
        amountMicros: 900,
        rule: { kind: 'weights', weights: { 'hero film': 2, SOCIAL: 1 } },
        scope: { projects: ['Hero Film', 'Social', 'Other'] },
      }),
    ]);
    expect(shares(state)).toEqual({ 'Hero Film': 600, Social: 300, Other: 0 });
  });

  test('a pool in EUR is converted with its own rates snapshot', () => {
    const state = foldLedger([
      poolDefined({
        amountMicros: 9_000_000,
        currency: 'EUR',
        fx: fx({ rates: { USD: 1, EUR: 0.9, SEK: 10 } }),
      }),
    ]);
    expect(totals(state).poolUsdMicros).toBe(10_000_000);
  });

  test('with nobody to share it, the whole pool is one untagged share and still counts', () => {
    const state = foldLedger([poolDefined({ amountMicros: 7_000_000 })]);
    expect(breakdown(state, 'project')).toEqual([
      { key: '', usdMicros: 7_000_000, estimatedUsdMicros: 0, count: 1 },
    ]);
  });

  test('a share carries its project’s client when the project has exactly one', () => {
    const state = foldLedger([
      gen('a', 'Alpha', 1, undefined, 'Acme'),
      gen('b', 'Beta', 1, undefined, 'Acme'),
      gen('c', 'Beta', 1, undefined, 'Globex'),
      poolDefined({ amountMicros: 100 }),
    ]);
    expect(totals(state, { client: 'Acme' }).poolUsdMicros).toBe(50);
    expect(totals(state, { client: '' }).poolUsdMicros).toBe(50);
  });

  test('pool shares are dated at the start of the period', () => {
    const state = foldLedger([gen('a', 'Alpha', 1), poolDefined({ amountMicros: 100 })]);
    expect(breakdown(state, 'day').map((r) => [r.key, r.usdMicros])).toEqual([
      ['2025-11-01', 100],
      ['2025-11-10', 1],
    ]);
  });
});
