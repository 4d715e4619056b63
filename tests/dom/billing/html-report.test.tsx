import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import type { SummaryQuery } from '../../../src/contract/index.ts';
import { externalAndPoolLedger } from '../../../stories/fixtures/billing-ledgers.ts';
import { htmlReportLogic, STORY_REPORTS_DIR } from '../../../stories/fixtures/billing-fakes.ts';
import { savedLedgerState } from '../../../stories/fixtures/billing-states.ts';
import { projectChip, renderBilling, settled } from './render-billing.tsx';

describe('HTML report', { timeout: 30_000 }, () => {
  test('opens with Billing’s filter, makes the report of the filters chosen and says where it went', async () => {
    const user = userEvent.setup();
    const asked: SummaryQuery[] = [];
    await renderBilling({
      persistence: { state: savedLedgerState(externalAndPoolLedger()) },
      htmlReport: { logic: htmlReportLogic({ asked }) },
    });
    await user.click(projectChip('Hero Film'));
    await settled();
    await user.click(screen.getByRole('button', { name: 'HTML report' }));
    const dialog = await screen.findByRole('dialog', { name: 'HTML report' });
    const form = within(dialog).getByRole('form', { name: 'Report filters' });
    expect((within(form).getByRole('combobox', { name: 'Project' }) as HTMLInputElement).value).toBe(
      'Hero Film',
    );
    await user.type(within(form).getByLabelText('From'), '2025-11-01');
    await user.click(within(form).getByRole('button', { name: 'Create report' }));
    const saved = await within(dialog).findByRole('status', { name: 'Report saved' });
    expect(saved.textContent).toContain(`${STORY_REPORTS_DIR}/report-`);
    expect(asked).toEqual([{ project: 'Hero Film', from: '2025-11-01', currency: 'USD' }]);
    // Hero Film: one generation, one external cost and its share of the pool.
    expect(saved.textContent).toContain('report of 3 costs');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  test('a range that ends before it starts cannot be made; a refused report says why, with Try again', async () => {
    const user = userEvent.setup();
    await renderBilling({
      persistence: { state: savedLedgerState(externalAndPoolLedger()) },
      htmlReport: { logic: htmlReportLogic({ fail: 'The disk is full.' }) },
    });
    await user.click(screen.getByRole('button', { name: 'HTML report' }));
    const dialog = await screen.findByRole('dialog', { name: 'HTML report' });
    const form = within(dialog).getByRole('form', { name: 'Report filters' });
    await user.type(within(form).getByLabelText('From'), '2025-12-01');
    await user.type(within(form).getByLabelText('To'), '2025-11-01');
    expect(within(form).getByText('The range ends before it starts.')).toBeTruthy();
    const create = within(form).getByRole('button', { name: 'Create report' }) as HTMLButtonElement;
    expect(create.disabled).toBe(true);
    await user.clear(within(form).getByLabelText('To'));
    await user.click(create);
    const alert = await within(dialog).findByRole('alert', { name: 'The report was not made' });
    expect(alert.textContent).toContain('The disk is full.');
    expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Change filters' }));
    expect(within(dialog).getByRole('form', { name: 'Report filters' })).toBeTruthy();
  });
});
