import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { ElapsedTimer } from '../../src/ui/components/ElapsedTimer/ElapsedTimer.tsx';

const meta = {
  title: 'Components/ElapsedTimer',
  component: ElapsedTimer,
  args: { startedAt: '2026-03-01T10:00:00Z', now: '2026-03-01T10:02:07Z' },
} satisfies Meta<typeof ElapsedTimer>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Fixed: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('timer', { name: 'Elapsed 2 minutes 7 seconds' })).toHaveTextContent(
      '2:07',
    );
  },
};

export const LongRun: Story = { args: { now: '2026-03-01T11:15:09Z' } };

export const Ended: Story = { args: { now: undefined, endedAt: '2026-03-01T10:00:42Z' } };

/** Ticks for real: started when the story was loaded. */
export const Live: Story = { args: { now: undefined, startedAt: new Date().toISOString() } };
