import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, waitFor } from 'storybook/test';
import { DEFAULT_FX } from '../../src/domain/fx.ts';
import { ConfirmCostDialog } from '../../src/ui/components/ConfirmCostDialog/ConfirmCostDialog.tsx';

const veo = {
  name: 'Veo 3.1',
  estimate: {
    usdMicros: 6_000_000,
    tier: 'estimated',
    upTo: false,
    explanation: '8 s × $0.75/s (1080p, audio)',
  },
} as const;
const kling = {
  name: 'Kling 2.5 Turbo Pro',
  estimate: { usdMicros: 3_500_000, tier: 'from', upTo: false, explanation: 'fal.ai unit price, 10 s' },
} as const;
const combinedDual = {
  usdMicros: 9_500_000,
  tier: 'from',
  upTo: false,
  explanation: 'Sum of both models',
} as const;

const meta = {
  title: 'Components/ConfirmCostDialog',
  component: ConfirmCostDialog,
  args: {
    opened: true,
    models: [veo],
    combined: veo.estimate,
    currency: 'USD',
    rates: DEFAULT_FX,
    onCancel: fn(),
    onContinue: fn(),
  },
} satisfies Meta<typeof ConfirmCostDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Single: Story = {
  play: async ({ args, userEvent }) => {
    const dialog = await screen.findByRole('dialog', { name: 'Confirm generation cost' });
    await expect(dialog).toHaveTextContent('Veo 3.1');
    await expect(dialog).toHaveTextContent('Estimated $6.00');
    // Focus starts on Cancel (data-autofocus), so Escape is handled by the dialog.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
    await expect(args.onContinue).not.toHaveBeenCalled();
  },
};

export const Dual: Story = {
  args: { models: [veo, kling], combined: combinedDual },
  play: async ({ args, userEvent }) => {
    const dialog = await screen.findByRole('dialog', { name: 'Confirm generation cost' });
    await expect(dialog).toHaveTextContent('Combined');
    await expect(dialog).toHaveTextContent('From $9.50');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await expect(args.onContinue).toHaveBeenCalledTimes(1);
  },
};

export const Unpriced: Story = {
  args: {
    models: [
      { name: 'Community LoRA', estimate: { usdMicros: null, tier: 'none', upTo: false, explanation: '' } },
    ],
    combined: { usdMicros: null, tier: 'none', upTo: false, explanation: '' },
  },
};

export const DualSEK: Story = { args: { models: [veo, kling], combined: combinedDual, currency: 'SEK' } };

/** The Premiere dock at its narrowest: the dialog is laid out inside a 320 px frame. */
export const Narrow320: Story = {
  args: { models: [veo, kling], combined: combinedDual, withinPortal: false },
  decorators: [
    (Story) => (
      // A transform makes this frame the containing block of the modal's fixed layers.
      <div
        style={{
          width: 320,
          height: 480,
          transform: 'translateZ(0)',
          overflow: 'hidden',
          outline: '1px dashed gray',
        }}
      >
        <Story />
      </div>
    ),
  ],
  play: async ({ canvas }) => {
    const dialog = await canvas.findByRole('dialog', { name: 'Confirm generation cost' });
    await expect(dialog.getBoundingClientRect().width).toBeLessThanOrEqual(320);
    await expect(canvas.getByRole('button', { name: 'Continue' })).toBeVisible();
  },
};
