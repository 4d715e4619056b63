import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { ResetDialog, type ResetDialogProps } from '../../../src/ui/components/ResetDialog/ResetDialog.tsx';
import { renderUi } from './render.tsx';

function setup(props: Partial<ResetDialogProps> = {}) {
  const callbacks = { onTextChange: vi.fn(), onConfirm: vi.fn(), onClose: vi.fn() };
  renderUi(<ResetDialog state="typing" text="" {...callbacks} {...props} />);
  return callbacks;
}

const deleteButton = () => screen.getByRole('button', { name: 'Delete cost history' }) as HTMLButtonElement;

describe('ResetDialog', () => {
  test('typing: the textbox reports each keystroke and Delete stays disabled', async () => {
    const user = userEvent.setup();
    const { onTextChange, onConfirm } = setup({ text: 'DEL' });
    expect(deleteButton().disabled).toBe(true);
    await user.type(screen.getByRole('textbox', { name: 'Type DELETE to confirm' }), 'E');
    expect(onTextChange).toHaveBeenLastCalledWith('DELE');
    fireEvent.click(deleteButton());
    expect(onConfirm).not.toHaveBeenCalled();
  });

  test('armed: Delete is enabled and confirms', async () => {
    const user = userEvent.setup();
    const { onConfirm } = setup({ state: 'armed', text: 'DELETE' });
    expect(deleteButton().disabled).toBe(false);
    await user.click(deleteButton());
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  test('resetting: a status with a spinner, nothing clickable, Escape ignored', async () => {
    const user = userEvent.setup();
    const { onClose } = setup({ state: 'resetting', text: 'DELETE' });
    expect(screen.getByRole('status').textContent).toBe('Backing up and deleting…');
    expect(deleteButton().disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
    await user.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
  });

  test('done: shows the backup path and a Close button', async () => {
    const user = userEvent.setup();
    const { onClose } = setup({ state: 'done', text: 'DELETE', backupPath: '/data/backups/ledger-1.jsonl' });
    expect(screen.getByText('/data/backups/ledger-1.jsonl')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete cost history' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  test('failed: shows the error; Escape closes', async () => {
    const user = userEvent.setup();
    const { onClose } = setup({ state: 'failed', text: 'DELETE', error: 'The disk is full.' });
    expect(screen.getByRole('alert').textContent).toContain('The disk is full.');
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
