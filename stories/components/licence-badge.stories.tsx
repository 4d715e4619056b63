import type { Meta, StoryObj } from '@storybook/react-vite';
import { LicenceBadge } from '../../src/ui/components/LicenceBadge/LicenceBadge.tsx';

const meta = {
  title: 'Components/LicenceBadge',
  component: LicenceBadge,
  args: { licence: 'commercial' },
} satisfies Meta<typeof LicenceBadge>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Commercial: Story = {};
export const Research: Story = { args: { licence: 'research' } };
export const Private: Story = { args: { licence: 'private' } };
export const Unknown: Story = { args: { licence: 'unknown' } };
