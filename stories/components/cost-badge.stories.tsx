import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { DEFAULT_FX } from '../../src/domain/fx.ts';
import { CostBadge } from '../../src/ui/components/CostBadge/CostBadge.tsx';

const meta = {
  title: 'Components/CostBadge',
  component: CostBadge,
  args: {
    currency: 'USD',
    rates: DEFAULT_FX,
    estimate: {
      usdMicros: 2_000_000,
      tier: 'estimated',
      upTo: false,
      explanation: '5 s × $0.40/s (1080p, audio)',
    },
  },
} satisfies Meta<typeof CostBadge>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Estimated: Story = {
  play: async ({ canvas }) => {
    const badge = canvas.getByText('Estimated $2.00');
    await expect(badge.closest('[data-tier]')).toHaveAttribute('data-tier', 'estimated');
    await expect(badge.closest('[data-tier]')).toHaveAccessibleDescription('5 s × $0.40/s (1080p, audio)');
  },
};

export const From: Story = {
  args: {
    estimate: {
      usdMicros: 400_000,
      tier: 'from',
      upTo: false,
      explanation: 'fal.ai unit price: $0.40 per video',
    },
  },
};

export const Learned: Story = {
  args: {
    estimate: {
      usdMicros: 1_104_000,
      tier: 'learned',
      upTo: false,
      explanation: 'Median of your last 7 runs',
    },
  },
};

export const NoPrice: Story = {
  args: {
    estimate: {
      usdMicros: null,
      tier: 'none',
      upTo: false,
      explanation: 'fal.ai lists no price for this model',
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('No price')).toBeVisible();
    await expect(canvas.queryByText(/\$\s*0/)).not.toBeInTheDocument();
  },
};

export const UpTo: Story = {
  args: {
    estimate: {
      usdMicros: 2_400_000,
      tier: 'estimated',
      upTo: true,
      explanation: 'Resolution has no documented default: priced at 4K, the highest rate',
    },
  },
};

export const WithActual: Story = { args: { actualUsdMicros: 1_960_000 } };

export const SEK: Story = {
  args: { currency: 'SEK', actualUsdMicros: 1_960_000 },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/^Estimated [\d,]+\.\d kr$/)).toBeVisible();
  },
};

export const EUR: Story = { args: { currency: 'EUR' } };
