import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { StatusDot } from '../../src/ui/components/StatusDot/StatusDot.tsx';

const meta = {
  title: 'Components/StatusDot',
  component: StatusDot,
  args: { status: 'running' },
} satisfies Meta<typeof StatusDot>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Running: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img', { name: 'Running' })).toBeVisible();
  },
};
export const Queued: Story = { args: { status: 'queued' } };
export const Done: Story = { args: { status: 'done' } };
export const Failed: Story = { args: { status: 'failed', label: 'Failed, not charged' } };
