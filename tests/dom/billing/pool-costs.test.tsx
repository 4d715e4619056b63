import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { externalAndPoolLedger, generationsLedger } from '../../../stories/fixtures/billing-ledgers.ts';
import { poolEditorLogic } from '../../../stories/fixtures/billing-fakes.ts';
import { savedLedgerState } from '../../../stories/fixtures/billing-states.ts';
import { renderBilling, settled, visibleRows } from './render-billing.tsx';

const openPools = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(screen.getByRole('button', { name: 'Pool costs' }));
  const dialog = await screen.findByRole('dialog', { name: 'Pool costs' });
  await waitFor(() => expect(within(dialog).queryByRole('status', { name: 'Reading the pools' })).toBeNull());
  return dialog;
};

const sharesOf = (dialog: HTMLElement, pool: string) =>
  within(within(dialog).getByRole('table', { name: `Shares of ${pool}` }))
    .getAllByRole('row')
    .map((row) => row.textContent);

describe('Pool costs', () => {
  test(
    'a pool is defined with a checked form; its shares add up to it and show in Billing',
    { timeout: 45_000 },
    async () => {
      const user = userEvent.setup();
      await renderBilling({ persistence: { state: savedLedgerState(externalAndPoolLedger()) } });
      const rowsBefore = visibleRows().length;
      let dialog = await openPools(user);
      expect(within(dialog).getByRole('listitem', { name: 'Team seats' })).toBeTruthy();
      await user.click(within(dialog).getByRole('button', { name: 'Add pool' }));
      const form = within(dialog).getByRole('form', { name: 'New pool' });
      await user.type(within(form).getByRole('textbox', { name: 'Amount' }), '1,5x');
      await user.click(within(form).getByRole('button', { name: 'Add pool' }));
      expect(within(form).getByText(/Name the pool/)).toBeTruthy();
      expect(within(form).getByText(/"1,5x" is not an amount/)).toBeTruthy();

      await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Runway plan');
      const amount = within(form).getByRole('textbox', { name: 'Amount' });
      await user.clear(amount);
      await user.type(amount, '100,01');
      await user.click(within(form).getByRole('radio', { name: /By weights/ }));
      await user.click(within(form).getByRole('combobox', { name: 'Projects that share it' }));
      await user.click(await screen.findByRole('option', { name: 'Hero Film' }));
      await user.click(await screen.findByRole('option', { name: 'Social Cut' }));
      await user.type(within(form).getByRole('textbox', { name: 'Weight of Hero Film' }), '3');
      await user.type(within(form).getByRole('textbox', { name: 'Weight of Social Cut' }), '1');
      await user.click(within(form).getByRole('button', { name: 'Add pool' }));

      dialog = await screen.findByRole('dialog', { name: 'Pool costs' });
      await within(dialog).findByRole('listitem', { name: 'Runway plan' });
      // 100.01 × 3/4 = 75.0075 and × 1/4 = 25.0025: the half cent goes by largest remainder, exactly.
      expect(sharesOf(dialog, 'Runway plan')).toEqual(['Hero Film$75.01', 'Social Cut$25.00']);
      await user.click(within(dialog).getByRole('button', { name: 'Close' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      await settled();
      expect(visibleRows().length).toBe(Math.min(4, rowsBefore + 2));
      const poolRows = visibleRows().filter((row) => row.textContent?.includes('Runway plan'));
      expect(poolRows.map((row) => row.textContent)).toEqual([
        'Runway planPoolany date · pool share$75.01Acme · Hero Film',
        'Runway planPoolany date · pool share$25.00Globex · Social Cut',
      ]);
    },
  );

  test('a pool is changed (even → by usage) and removed after confirmation; Keep it removes nothing', async () => {
    const user = userEvent.setup();
    await renderBilling({ persistence: { state: savedLedgerState(externalAndPoolLedger()) } });
    let dialog = await openPools(user);
    expect(sharesOf(dialog, 'Team seats')).toEqual(['Hero Film$15.00', 'Social Cut$15.00']);
    await user.click(within(dialog).getByRole('button', { name: 'Change Team seats' }));
    const form = within(dialog).getByRole('form', { name: 'Change Team seats' });
    expect((within(form).getByRole('textbox', { name: 'Amount' }) as HTMLInputElement).value).toBe('30');
    await user.click(within(form).getByRole('radio', { name: /By usage/ }));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    dialog = await screen.findByRole('dialog', { name: 'Pool costs' });
    await within(dialog).findByText(/By usage in the period/);
    const usage = sharesOf(dialog, 'Team seats');
    // Hero Film spent $0.025 and Social Cut $3.20 in the period: nearly all goes to Social Cut.
    expect(usage).toEqual(['Hero Film$0.23', 'Social Cut$29.77']);

    await user.click(within(dialog).getByRole('button', { name: 'Remove Team seats' }));
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(within(dialog).getByRole('listitem', { name: 'Team seats' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Remove Team seats' }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove pool' }));
    expect(await within(dialog).findByText(/No pools yet/)).toBeTruthy();
  });

  test('a recording that fails keeps the form as typed and offers Try again; a list that cannot be read says why', async () => {
    const user = userEvent.setup();
    await renderBilling({
      persistence: { state: savedLedgerState(generationsLedger(2)) },
      poolEditor: { logic: poolEditorLogic({ failRecord: 'The disk is full.' }) },
    });
    const dialog = await openPools(user);
    await user.click(within(dialog).getByRole('button', { name: 'Add pool' }));
    const form = within(dialog).getByRole('form', { name: 'New pool' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Seats');
    await user.type(within(form).getByRole('textbox', { name: 'Amount' }), '20');
    await user.click(within(form).getByRole('button', { name: 'Add pool' }));
    const alert = await within(dialog).findByRole('alert', { name: 'The pool was not saved' });
    expect(alert.textContent).toContain('The disk is full.');
    expect((within(form).getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('Seats');
    expect(within(form).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  test('the pools that cannot be read are said so, with Try again', async () => {
    const user = userEvent.setup();
    await renderBilling({
      persistence: { state: savedLedgerState(generationsLedger(1)) },
      poolEditor: { logic: poolEditorLogic({ failLoad: 'The backend is away.' }) },
    });
    await user.click(screen.getByRole('button', { name: 'Pool costs' }));
    const alert = await screen.findByRole('alert', { name: 'The pools could not be read' });
    expect(alert.textContent).toContain('The backend is away.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
