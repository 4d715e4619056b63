import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { formatMoney, totals, foldLedger } from '../../../src/domain/index.ts';
import {
  externalAndPoolLedger,
  failuresLedger,
  generationsLedger,
} from '../../../stories/fixtures/billing-ledgers.ts';
import { billingState, savedLedgerState } from '../../../stories/fixtures/billing-states.ts';
import { requested } from '../../fixtures/ledger-builders.ts';
import { renderBilling, runningTotal, visibleRows } from './render-billing.tsx';

function kpi(label: string): string {
  return within(screen.getByRole('group', { name: label })).getAllByText(/\$|€|kr/)[0]?.textContent ?? '';
}

describe('Billing totals', async () => {
  test('14 rows: the running total is the sum of actuals and estimates, with the estimated part', async () => {
    const events = generationsLedger(14);
    const t = totals(foldLedger(events));
    await renderBilling({ persistence: { state: savedLedgerState(events) } });
    // Rows 4 (FLUX, $0.025) and 9 (Kling, $1.40) are estimates (every 5th), row 10 has no price.
    expect(t.estimatedUsdMicros).toBe(25_000 + 1_400_000);
    expect(t.unpricedCount).toBe(1);
    expect(runningTotal()).toContain(formatMoney(t.combinedUsdMicros, 'USD'));
    expect(runningTotal()).toContain('incl. $1.43 estimated');
    expect(runningTotal()).toContain('1 without price');
    expect(runningTotal()).toContain('14 generations');
    expect(kpi('Internal')).toBe(formatMoney(t.internalUsdMicros, 'USD'));
    expect(kpi('External')).toBe('$0.00');
    expect(kpi('Pool')).toBe('$0.00');
    expect(kpi('Combined')).toBe(formatMoney(t.combinedUsdMicros, 'USD'));
  });

  test('external and pool costs count in their own KPIs and in Combined', async () => {
    const events = externalAndPoolLedger();
    await renderBilling({
      persistence: { state: savedLedgerState(events) },
      billing: { state: billingState({ visibleCount: 14 }) },
    });
    expect(kpi('Internal')).toBe('$3.23');
    // $10.00 of Midjourney + €22.00 at 0.86 EUR per USD = $25.58.
    expect(kpi('External')).toBe('$35.58');
    expect(kpi('Pool')).toBe('$30.00');
    expect(kpi('Combined')).toBe('$68.81');
    const kinds = visibleRows().map((row) => row.dataset.kind);
    expect(kinds).toContain('external');
    expect(kinds).toContain('pool');
  });

  test('a filter narrows the totals to that project', async () => {
    const events = generationsLedger(14);
    const state = foldLedger(events);
    const expected = totals(state, { project: 'BTS Reel' });
    await renderBilling({
      persistence: { state: savedLedgerState(events) },
      billing: { state: billingState({ filter: { client: null, project: 'BTS Reel' } }) },
    });
    expect(runningTotal()).toContain(formatMoney(expected.combinedUsdMicros, 'USD'));
    expect(runningTotal()).toContain('4 generations');
  });

  test('failed and cancelled runs: a free failure counts 0, a cancelled-but-billed run its actual', async () => {
    await renderBilling({
      persistence: { state: savedLedgerState(failuresLedger()) },
      billing: { state: billingState({ visibleCount: 14 }) },
    });
    const markers = visibleRows().flatMap((row) =>
      [...row.querySelectorAll('[data-marker]')].map((m) => m.getAttribute('data-marker')),
    );
    expect(markers).toEqual(
      expect.arrayContaining([
        'Failed · charged',
        'Failed · not charged',
        'Failed · may be charged',
        'Cancelled · billed',
        'Cancelled · may be billed',
        'Unsettled',
        'Running',
      ]),
    );
    expect(screen.getByText('Actual $1.60')).toBeTruthy();
  });

  test('a run recorded before its submit but never confirmed by fal counts its estimate, marked', async () => {
    const intent = requested({ genId: 'g-lost', prompt: 'a fox' });
    await renderBilling({ persistence: { state: savedLedgerState([intent]) } });
    const [row] = visibleRows();
    expect(row?.querySelector('[data-marker="Not confirmed"]')).toBeTruthy();
    expect(runningTotal()).toContain('$0.03');
  });

  test('an empty ledger shows the empty state and no list, no charts', async () => {
    await renderBilling({ persistence: { state: savedLedgerState([]) } });
    expect(screen.getByRole('status').textContent).toContain('No costs recorded yet');
    expect(visibleRows()).toHaveLength(0);
    expect(screen.queryByRole('figure')).toBeNull();
    expect(runningTotal()).toContain('$0.00');
  });
});
