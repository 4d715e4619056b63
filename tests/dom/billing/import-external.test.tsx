import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { generationsLedger } from '../../../stories/fixtures/billing-ledgers.ts';
import { externalImportLogic } from '../../../stories/fixtures/billing-fakes.ts';
import { savedLedgerState } from '../../../stories/fixtures/billing-states.ts';
import { renderBilling, settled, visibleRows } from './render-billing.tsx';

const CSV = [
  'Date;Service;Cost;Description;Project',
  '03.11.2026;Midjourney;30,00;Standard plan;Hero Film',
  '04.11.2026;Runway;12,50;Credits;Hero Film',
  '2026-11-05;Runway;abc;Broken;Hero Film',
  '03.11.2026;Midjourney;30,00;standard  PLAN;hero film',
].join('\r\n');

const fileInput = () => document.querySelector('input[type="file"]') as HTMLInputElement;

describe('Import external costs', () => {
  test('a chosen CSV is previewed (costs, total, duplicates, errors by line); Import records it and Billing shows it', async () => {
    const user = userEvent.setup();
    await renderBilling({ persistence: { state: savedLedgerState(generationsLedger(2)) } });
    await user.upload(fileInput(), new File([CSV], 'midjourney.csv', { type: 'text/csv' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import external costs' });
    const preview = await within(dialog).findByRole('status', { name: 'Import preview' });
    expect(preview.textContent).toBe('2 costs to import from midjourney.csv, in all $42.50');
    expect(within(dialog).getByText(/1 already imported or repeated, left out \(lines 5\)/)).toBeTruthy();
    const errors = within(dialog).getByRole('list', { name: 'Rows with errors' });
    expect(errors.textContent).toContain('Line 4: "abc" is not an amount');
    await user.click(within(dialog).getByRole('button', { name: 'Import 2 costs' }));
    expect(await within(dialog).findByRole('status', { name: 'Import done' })).toHaveProperty(
      'textContent',
      'Imported 2 costs: they are in Billing now.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await settled();
    expect(
      visibleRows().filter(
        (row) => row.textContent?.includes('EXTERNAL') || /external/i.test(row.textContent ?? ''),
      ),
    ).toHaveLength(2);
  });

  test('Cancel records nothing; the same file again after an import is all duplicates', async () => {
    const user = userEvent.setup();
    await renderBilling({ persistence: { state: savedLedgerState(generationsLedger(2)) } });
    await user.upload(fileInput(), new File([CSV], 'a.csv'));
    let dialog = await screen.findByRole('dialog', { name: 'Import external costs' });
    await within(dialog).findByRole('status', { name: 'Import preview' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await settled();
    expect(visibleRows()).toHaveLength(2);
    await user.upload(fileInput(), new File([CSV], 'a.csv'));
    dialog = await screen.findByRole('dialog', { name: 'Import external costs' });
    await user.click(await within(dialog).findByRole('button', { name: 'Import 2 costs' }));
    await within(dialog).findByRole('status', { name: 'Import done' });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await user.upload(fileInput(), new File([CSV], 'a.csv'));
    dialog = await screen.findByRole('dialog', { name: 'Import external costs' });
    const again = await within(dialog).findByRole('status', { name: 'Import preview' });
    expect(again.textContent).toContain('0 costs to import');
    expect(
      (within(dialog).getByRole('button', { name: 'Import 0 costs' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  test('a file over 10 MB is refused unread; a preview the backend cannot give says why, with Try again', async () => {
    const user = userEvent.setup();
    await renderBilling({
      persistence: { state: savedLedgerState(generationsLedger(2)) },
      externalImport: { logic: externalImportLogic({ failPreview: 'The backend is away.' }) },
    });
    const huge = new File(['x'], 'huge.csv');
    Object.defineProperty(huge, 'size', { value: 11 * 1024 * 1024 });
    await user.upload(fileInput(), huge);
    let alert = await screen.findByRole('alert', { name: 'Nothing was imported' });
    expect(alert.textContent).toContain('huge.csv is 11.5 MB; at most 10 MB');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.upload(fileInput(), new File([CSV], 'a.csv'));
    alert = await screen.findByRole('alert', { name: 'Nothing was imported' });
    expect(alert.textContent).toContain('The backend is away.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
