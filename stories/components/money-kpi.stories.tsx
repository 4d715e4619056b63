import { SimpleGrid } from '@mantine/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { MoneyKpi } from '../../src/ui/components/MoneyKpi/MoneyKpi.tsx';

const meta = {
  title: 'Components/MoneyKpi',
  component: MoneyKpi,
  args: { label: 'Internal', amountMicros: 12_340_000, currency: 'USD' },
  decorators: [
    (Story) => (
      <div style={{ width: 160 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof MoneyKpi>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Settled: Story = {};

export const WithEstimatedPart: Story = {
  args: { estimatedMicros: 420_000 },
  play: async ({ canvas }) => {
    const kpi = canvas.getByRole('group', { name: 'Internal' });
    await expect(kpi).toHaveTextContent('$12.34');
    await expect(kpi).toHaveTextContent('incl. $0.42 estimated');
  },
};

export const SEK: Story = {
  args: { amountMicros: 116_000_000, estimatedMicros: 3_900_000, currency: 'SEK' },
};

/** The Billing KPI strip at 320 px: internal, external, pool, combined. */
export const Strip320: Story = {
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
  render: (args) => (
    <SimpleGrid cols={2} spacing={6}>
      <MoneyKpi {...args} label="Internal" amountMicros={12_340_000} estimatedMicros={420_000} />
      <MoneyKpi {...args} label="External" amountMicros={30_000_000} />
      <MoneyKpi {...args} label="Pool" amountMicros={5_000_000} />
      <MoneyKpi {...args} label="Combined" amountMicros={47_340_000} estimatedMicros={420_000} />
    </SimpleGrid>
  ),
};
