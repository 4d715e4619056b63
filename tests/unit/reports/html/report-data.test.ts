import { beforeEach, describe, expect, test } from 'vitest';
import { type Currency, formatMoney } from '../../../../src/domain/index.ts';
import { createLedgerView } from '../../../../src/ledger-view/index.ts';
import { reportData, reportHash } from '../../../../src/reports/html/index.ts';
import { generation, resetBuilders, tags } from '../../../fixtures/ledger-builders.ts';
import { reportLedger } from '../../../fixtures/reports/report-ledger.ts';

/**
 * reportData gathers the read model's own answers: its KPIs are view.summary's totals, its rows add
 * up to them, and its hash covers the data, not the time the report was made.
 */

const NOW = new Date('2026-12-07T12:30:05.000Z');
const CURRENCIES: Currency[] = ['USD', 'EUR', 'SEK'];
const sum = (amounts: { amountMicros: number }[]) => amounts.reduce((s, a) => s + a.amountMicros, 0);

beforeEach(() => resetBuilders());

describe('reportData', () => {
  test.each(CURRENCIES)('KPIs are view.summary’s totals, and the rows add up to them (%s)', (currency) => {
    const view = createLedgerView(reportLedger());
    const data = reportData(view, { currency }, NOW);
    const { totals } = view.summary({ currency });
    expect(data.totals).toEqual(totals);
    expect(data.generations).toHaveLength(totals.generationCount);
    expect(sum(data.generations)).toBe(totals.internalUsdMicros);
    expect(sum(data.externals)).toBe(totals.externalUsdMicros);
    expect(sum(data.pools)).toBe(totals.poolUsdMicros);
    expect(totals.poolUsdMicros).not.toBe(0);
    expect(data.byModel).toEqual(view.summary({ currency }).breakdowns.model);
  });

  test('follows the filter, and says which filter it was', () => {
    const view = createLedgerView(reportLedger());
    const query = { currency: 'EUR' as const, project: 'hero film', from: '2025-11-04' };
    const data = reportData(view, query, NOW);
    expect(data.totals).toEqual(view.summary(query).totals);
    expect(data.filters).toEqual({
      client: null,
      project: 'hero film',
      deliverable: null,
      from: '2025-11-04',
      to: null,
    });
    expect(data.generations.map((g) => g.deliverable)).toEqual(['Social Cut']);
    expect(data.externals.map((e) => e.tool)).toEqual(['Runway']);
  });

  test('states each pool’s method, the rates used and the licence of every generation', () => {
    const data = reportData(createLedgerView(reportLedger()), { currency: 'SEK' }, NOW);
    expect(new Set(data.pools.map((p) => p.method))).toEqual(new Set(['usage']));
    expect(data.rates).toEqual([
      { rate: 9.4, asOf: '2025-10-01', source: 'default', costs: expect.any(Number) },
    ]);
    expect(data.rates[0]?.costs).toBe(data.generations.length + data.externals.length + data.pools.length);
    expect(data.compliance.byLicence).toEqual({ commercial: 1, research: 1, private: 1, unknown: 1 });
    expect(data.compliance.models.map((m) => m.licence).sort()).toEqual([
      'commercial',
      'private',
      'research',
      'unknown',
    ]);
  });

  test('draws days up to 92 days of costs and weeks beyond', () => {
    const days = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        generation({ at: new Date(Date.UTC(2025, 0, 1 + i, 10)).toISOString() }, 10_000),
      ).flat();
    const short = reportData(createLedgerView(days(92)), { currency: 'USD' }, NOW);
    expect(short.overTime.unit).toBe('day');
    expect(short.overTime.points).toHaveLength(92);
    const long = reportData(createLedgerView(days(93)), { currency: 'USD' }, NOW);
    expect(long.overTime.unit).toBe('week');
    expect(sum(long.overTime.points.map((p) => ({ amountMicros: p.usdMicros })))).toBe(93 * 10_000);
  });

  test('the hash is the content’s: the same for another generated-at, different for other data', () => {
    const events = reportLedger();
    const view = createLedgerView(events);
    const first = reportData(view, { currency: 'USD' }, NOW);
    const later = reportData(view, { currency: 'USD' }, new Date('2027-01-01T00:00:00.000Z'));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(later.hash).toBe(first.hash);
    expect(later.generatedAt).not.toBe(first.generatedAt);
    const { generatedAt: _g, hash: _h, ...content } = first;
    expect(reportHash(content)).toBe(first.hash);
    expect(reportData(view, { currency: 'EUR' }, NOW).hash).not.toBe(first.hash);
    view.append(generation({ tags: tags('Acme', 'Hero Film', 'Teaser') }, 1));
    expect(reportData(view, { currency: 'USD' }, NOW).hash).not.toBe(first.hash);
  });

  test('an empty ledger gives an empty report with zero totals', () => {
    const data = reportData(createLedgerView([]), { currency: 'SEK' }, NOW);
    expect(data.generations).toEqual([]);
    expect(formatMoney(data.totals.combinedUsdMicros, 'SEK')).toBe('0.0 kr');
  });
});
