import type { Meta, StoryObj } from '@storybook/react-vite';
import { DEFAULT_FX } from '../../src/domain/fx.ts';
import { ActualBadge } from '../../src/ui/components/ActualBadge/ActualBadge.tsx';

const meta = {
  title: 'Components/ActualBadge',
  component: ActualBadge,
  args: { actualUsdMicros: 1_960_000, currency: 'USD', rates: DEFAULT_FX },
} satisfies Meta<typeof ActualBadge>;
export default meta;
type Story = StoryObj<typeof meta>;

export const USD: Story = {};
export const SEK: Story = { args: { currency: 'SEK' } };
export const LessThanACent: Story = { args: { actualUsdMicros: 3_000 } };
