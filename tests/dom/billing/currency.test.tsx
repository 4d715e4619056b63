import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { generationsLedger } from '../../../stories/fixtures/billing-ledgers.ts';
import { billingState, savedLedgerState } from '../../../stories/fixtures/billing-states.ts';
import { TEST_FX } from '../components/render.tsx';
import { renderBilling, runningTotal, visibleRows } from './render-billing.tsx';

describe('Billing currency', () => {
  test('switching to SEK shows every amount in kr with one decimal', async () => {
    const user = userEvent.setup();
    await renderBilling({ persistence: { state: savedLedgerState(generationsLedger(4)) }, fx: TEST_FX });
    expect(runningTotal()).toMatch(/\$\d/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'SEK');
    // 4 rows: FLUX $0.025, Kling $1.401, Veo $3.202, Recraft $0.040 (all settled) = $4.668, each at the
    // SEK rate stored with it (9.4, recorded with the default rates), not today's 10: 43.879 → 43.9 kr.
    expect(runningTotal()).toContain('43.9 kr');
    expect(runningTotal()).not.toContain('$');
    const amounts = visibleRows().flatMap((row) => row.textContent?.match(/\d[\d,]*\.\d+ kr/g) ?? []);
    expect(amounts.length).toBeGreaterThanOrEqual(8);
    for (const amount of amounts) expect(amount).toMatch(/^\d[\d,]*\.\d kr$/);
    expect(within(screen.getByRole('group', { name: 'Combined' })).getByText('43.9 kr')).toBeTruthy();
  });

  test('EUR uses the rates stored with each cost and the € sign; a SEK story state starts in kr', async () => {
    const user = userEvent.setup();
    await renderBilling({
      persistence: { state: savedLedgerState(generationsLedger(4)) },
      billing: { state: billingState({ currency: 'SEK' }) },
      fx: TEST_FX,
    });
    expect(runningTotal()).toContain('43.9 kr');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'EUR');
    // $4.668 × 0.86 (stored) = €4.01448 → €4.01; today's 0.9 would give €4.20, and must not be used.
    expect(runningTotal()).toContain('€4.01');
    expect(runningTotal()).not.toContain('€4.20');
    expect(visibleRows()[0]?.textContent).toContain('€');
  });
});
