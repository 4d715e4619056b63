import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { resetLogic } from '../../../stories/fixtures/billing-fakes.ts';
import { generationsLedger } from '../../../stories/fixtures/billing-ledgers.ts';
import {
  STORY_BACKUP_PATH,
  STORY_RESET_FAILURE,
  savedLedgerState,
} from '../../../stories/fixtures/billing-states.ts';
import { renderBilling, visibleRows } from './render-billing.tsx';

const deleteButton = () => screen.getByRole('button', { name: 'Delete cost history' }) as HTMLButtonElement;
const confirmBox = () => screen.getByRole('textbox', { name: 'Type DELETE to confirm' });

describe('Reset cost history', () => {
  test('Delete is enabled only while the text is exactly DELETE', async () => {
    const user = userEvent.setup();
    await renderBilling({ persistence: { state: savedLedgerState(generationsLedger(4)) } });
    await user.click(screen.getByRole('button', { name: 'Reset cost history' }));
    expect(screen.getByRole('dialog', { name: 'Reset cost history' })).toBeTruthy();
    expect(deleteButton().disabled).toBe(true);
    await user.type(confirmBox(), 'DELET');
    expect(deleteButton().disabled).toBe(true);
    await user.type(confirmBox(), 'E');
    expect(deleteButton().disabled).toBe(false);
    await user.type(confirmBox(), 'D');
    expect(deleteButton().disabled).toBe(true);
    await user.clear(confirmBox());
    await user.type(confirmBox(), 'delete');
    expect(deleteButton().disabled).toBe(true);
  });

  test('a reset shows the backup path and empties the list (the ledger adopts the new epoch)', async () => {
    const user = userEvent.setup();
    await renderBilling({
      persistence: { state: savedLedgerState(generationsLedger(4)) },
      reset: { logic: resetLogic('succeed') },
    });
    expect(visibleRows()).toHaveLength(4);
    await user.click(screen.getByRole('button', { name: 'Reset cost history' }));
    await user.type(confirmBox(), 'DELETE');
    await user.click(deleteButton());
    expect(await screen.findByText(STORY_BACKUP_PATH)).toBeTruthy();
    expect(visibleRows()).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('No costs recorded yet')).toBeTruthy();
  });

  test('a failed reset says nothing was deleted and keeps every row', async () => {
    const user = userEvent.setup();
    await renderBilling({
      persistence: { state: savedLedgerState(generationsLedger(4)) },
      reset: { logic: resetLogic('fail') },
    });
    await user.click(screen.getByRole('button', { name: 'Reset cost history' }));
    await user.type(confirmBox(), 'DELETE');
    await user.click(deleteButton());
    expect(await screen.findByText(STORY_RESET_FAILURE)).toBeTruthy();
    expect(screen.getByText('Nothing was deleted')).toBeTruthy();
    expect(visibleRows()).toHaveLength(4);
  });

  test('Cancel closes the modal without deleting', async () => {
    const user = userEvent.setup();
    await renderBilling({ persistence: { state: savedLedgerState(generationsLedger(4)) } });
    await user.click(screen.getByRole('button', { name: 'Reset cost history' }));
    await user.type(confirmBox(), 'DELETE');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(visibleRows()).toHaveLength(4);
  });
});
