import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SummaryQuery } from '../../../src/contract/index.ts';
import { describe, expect, test } from 'vitest';
import { generationsLedger } from '../../../stories/fixtures/billing-ledgers.ts';
import { savedLedgerState } from '../../../stories/fixtures/billing-states.ts';
import { csvExportLogic, STORY_REPORTS_DIR } from '../../../stories/fixtures/billing-fakes.ts';
import { projectChip, renderBilling, settled } from './render-billing.tsx';

describe('Billing charts and actions', async () => {
  test('three charts are present, each a figure named by its caption (recharts draws nothing in jsdom)', async () => {
    await renderBilling({ persistence: { state: savedLedgerState(generationsLedger(14)) } });
    const names = screen.getAllByRole('figure').map((f) => f.getAttribute('aria-labelledby'));
    expect(names).toHaveLength(3);
    for (const name of ['Cost over time', 'Cost by model', 'Cost by deliverable']) {
      expect(screen.getByRole('figure', { name })).toBeTruthy();
    }
  });

  test('every report action is enabled: Export, Import, Pool costs, HTML report and Reset', async () => {
    await renderBilling({ persistence: { state: savedLedgerState(generationsLedger(4)) } });
    expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(false);
    // Without a filter, "Export CSV" is everything already.
    expect(screen.queryByRole('button', { name: 'Export everything' })).toBeNull();
    expect(
      (screen.getByRole('button', { name: 'Import external costs' }) as HTMLButtonElement).disabled,
    ).toBe(false);
    for (const name of ['Pool costs', 'HTML report']) {
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(false);
    }
    // Nothing is left "Coming with reports".
    expect(screen.queryByText('Coming with reports')).toBeNull();
    expect((screen.getByRole('button', { name: 'Reset cost history' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });
});

describe('Export CSV', () => {
  test('saves what Billing shows (the project chosen) and says where and how many rows; Dismiss clears it', async () => {
    const user = userEvent.setup();
    const asked: SummaryQuery[] = [];
    await renderBilling({
      persistence: { state: savedLedgerState(generationsLedger(14)) },
      csvExport: { logic: csvExportLogic({ asked }) },
    });
    await user.click(projectChip('Hero Film'));
    await settled();
    const matching = Number(/of (\d+)/.exec(screen.getByText(/^Showing \d+ of \d+$/).textContent ?? '')?.[1]);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const status = await screen.findByRole('status', { name: 'CSV export' });
    expect(status.textContent).toContain(`Saved ${matching} rows to ${STORY_REPORTS_DIR}/costs-`);
    expect(asked).toEqual([{ project: 'Hero Film', currency: 'USD' }]);
    await user.click(within(status).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status', { name: 'CSV export' })).toBeNull();
    // With a filter set, everything can still be exported, in the currency shown.
    await user.click(screen.getByRole('button', { name: 'Export everything' }));
    expect(await screen.findByRole('status', { name: 'CSV export' })).toHaveProperty(
      'textContent',
      expect.stringContaining('Saved 14 rows'),
    );
    expect(asked.at(-1)).toEqual({ currency: 'USD' });
  });

  test('a refused export says why in one alert, and Try again asks once more', async () => {
    const user = userEvent.setup();
    const asked: SummaryQuery[] = [];
    await renderBilling({
      persistence: { state: savedLedgerState(generationsLedger(4)) },
      csvExport: { logic: csvExportLogic({ fail: 'The disk is full.', asked }) },
    });
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const alert = await screen.findByRole('alert', { name: 'The CSV was not saved' });
    expect(alert.textContent).toContain('The disk is full.');
    expect(screen.getAllByText('The disk is full.')).toHaveLength(1);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('alert', { name: 'The CSV was not saved' })).toBeTruthy();
    expect(asked).toEqual([{ currency: 'USD' }, { currency: 'USD' }]);
  });
});
