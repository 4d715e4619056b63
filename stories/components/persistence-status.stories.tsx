import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { PersistenceStatus } from '../../src/ui/components/PersistenceStatus/PersistenceStatus.tsx';

const meta = {
  title: 'Components/PersistenceStatus',
  component: PersistenceStatus,
  args: { status: 'saved', onRetry: fn() },
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof PersistenceStatus>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Saved: Story = {};
export const Saving: Story = { args: { status: 'saving' } };

export const Offline3Unsaved: Story = {
  args: { status: 'offline', unsaved: 3 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Offline, 3 unsaved (retrying)');
    await expect(canvas.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  },
};

export const ErrorWithRetry: Story = {
  name: 'Error',
  args: { status: 'error', unsaved: 3, reason: 'the data folder is read-only' },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};
