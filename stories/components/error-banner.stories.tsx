import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { ErrorBanner } from '../../src/ui/components/ErrorBanner/ErrorBanner.tsx';

const meta = {
  title: 'Components/ErrorBanner',
  component: ErrorBanner,
  args: {
    tone: 'input',
    title: 'Duration too long',
    children: 'This model accepts 5 or 10 seconds. Pick one of those and generate again.',
  },
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ErrorBanner>;
export default meta;
type Story = StoryObj<typeof meta>;

export const FixInput: Story = { args: { onDismiss: fn() } };

export const AuthSticky: Story = {
  args: {
    tone: 'action',
    title: 'Your fal.ai key was rejected',
    children: 'It may be mistyped, expired or revoked. Open Settings, remove it and paste a fresh key.',
    sticky: true,
    onDismiss: fn(),
    actionLabel: 'Open Settings',
    onAction: fn(),
  },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Dismiss' }));
    await expect(args.onDismiss).toHaveBeenCalledTimes(1);
  },
};

export const BalanceSticky: Story = {
  args: {
    tone: 'action',
    title: 'Your fal.ai balance is empty',
    children: 'New generations are blocked until you add funds on fal.ai.',
    sticky: true,
    onDismiss: fn(),
  },
};

export const Retrying: Story = {
  args: {
    tone: 'retrying',
    title: 'fal.ai did not answer',
    children: 'Retrying in 2 s (attempt 2 of 3). Nothing was charged yet.',
  },
};
