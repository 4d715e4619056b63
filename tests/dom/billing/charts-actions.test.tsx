import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { generationsLedger } from '../../../stories/fixtures/billing-ledgers.ts';
import { savedLedgerState } from '../../../stories/fixtures/billing-states.ts';
import { renderBilling } from './render-billing.tsx';

describe('Billing charts and actions', async () => {
  test('three charts are present, each a figure named by its caption (recharts draws nothing in jsdom)', async () => {
    await renderBilling({ persistence: { state: savedLedgerState(generationsLedger(14)) } });
    const names = screen.getAllByRole('figure').map((f) => f.getAttribute('aria-labelledby'));
    expect(names).toHaveLength(3);
    for (const name of ['Cost over time', 'Cost by model', 'Cost by deliverable']) {
      expect(screen.getByRole('figure', { name })).toBeTruthy();
    }
  });

  test('report actions are disabled buttons that say why; Reset cost history is enabled', async () => {
    await renderBilling({ persistence: { state: savedLedgerState(generationsLedger(4)) } });
    for (const name of ['Export CSV', 'Import external costs', 'Pool costs', 'HTML report']) {
      const button = screen.getByRole('button', { name }) as HTMLButtonElement;
      expect(button.disabled).toBe(true);
      const described = document.getElementById(button.getAttribute('aria-describedby') ?? '');
      expect(described?.textContent).toBe('Coming with reports');
    }
    expect((screen.getByRole('button', { name: 'Reset cost history' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });
});
