import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { StepTracker } from '../../src/ui/components/StepTracker/StepTracker.tsx';

const startedAt = {
  sent: '2026-03-01T10:00:00Z',
  queued: '2026-03-01T10:00:01Z',
  generating: '2026-03-01T10:00:40Z',
  downloading: '2026-03-01T10:02:05Z',
  importing: '2026-03-01T10:02:09Z',
};

const meta = {
  title: 'Components/StepTracker',
  component: StepTracker,
  args: { current: 'sent', stepStartedAt: { sent: startedAt.sent } },
  decorators: [
    (Story) => (
      <div style={{ width: 280 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof StepTracker>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Sent: Story = {};

export const Queued3: Story = {
  args: { current: 'queued', queuePosition: 3 },
  play: async ({ canvas }) => {
    const current = canvas.getByText('Queued #3').closest('li');
    await expect(current).toHaveAttribute('aria-current', 'step');
    await expect(current).toHaveAttribute('data-state', 'waiting');
  },
};

export const Generating: Story = {
  args: { current: 'generating', stepStartedAt: startedAt },
  play: async ({ canvas }) => {
    const list = canvas.getByRole('list', { name: 'Generation progress' });
    await expect(list.querySelector('[aria-current="step"]')).toHaveTextContent(/Generating/);
  },
};

export const Downloading: Story = { args: { current: 'downloading', stepStartedAt: startedAt } };

export const Importing: Story = { args: { current: 'importing', stepStartedAt: startedAt } };

export const Done: Story = { args: { current: 'done', stepStartedAt: startedAt } };

export const Failed: Story = {
  args: { current: 'generating', failedStep: 'generating', stepStartedAt: startedAt },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Generating').closest('li')).toHaveAttribute('data-state', 'failed');
  },
};
