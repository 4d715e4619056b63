import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen } from 'storybook/test';
import { ResetDialog } from '../../src/ui/components/ResetDialog/ResetDialog.tsx';

const meta = {
  title: 'Components/ResetDialog',
  component: ResetDialog,
  args: { state: 'typing', text: 'DEL', onTextChange: fn(), onConfirm: fn(), onClose: fn() },
} satisfies Meta<typeof ResetDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Typing: Story = {
  play: async ({ args, userEvent }) => {
    await expect(await screen.findByRole('button', { name: 'Delete cost history' })).toBeDisabled();
    await userEvent.type(screen.getByRole('textbox', { name: 'Type DELETE to confirm' }), 'E');
    await expect(args.onTextChange).toHaveBeenLastCalledWith('DELE');
  },
};

export const Armed: Story = {
  args: { state: 'armed', text: 'DELETE' },
  play: async ({ args, userEvent }) => {
    const button = await screen.findByRole('button', { name: 'Delete cost history' });
    await expect(button).toBeEnabled();
    await userEvent.click(button);
    await expect(args.onConfirm).toHaveBeenCalledTimes(1);
  },
};

export const Resetting: Story = { args: { state: 'resetting', text: 'DELETE' } };

export const Done: Story = {
  args: {
    state: 'done',
    text: 'DELETE',
    backupPath: '/home/editor/.local/share/modelbridge/backups/ledger-2026-03-01T10-00-00Z.jsonl',
  },
};

export const Failed: Story = {
  args: {
    state: 'failed',
    text: 'DELETE',
    error: 'The backup could not be written: the disk is full. Free some space, then try again.',
  },
};
