import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen } from 'storybook/test';
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

/** The short form for narrow rows: "?" with the full name as tooltip and accessible name. */
export const UnknownCompact: Story = {
  args: { licence: 'unknown', compact: true },
  play: async ({ canvas, userEvent }) => {
    const badge = canvas.getByRole('img', { name: 'Licence: Unknown' });
    await expect(badge).toHaveTextContent('?');
    await userEvent.hover(badge);
    await expect(await screen.findByRole('tooltip')).toHaveTextContent('Licence: Unknown');
  },
};

/** Commercial in the short form ("Com"). */
export const CommercialCompact: Story = { args: { licence: 'commercial', compact: true } };

/** Where the licence was read, in the tooltip and the accessible description: fal's model API. */
export const CommercialFromFal: Story = { args: { source: { origin: 'fal', sourceUrl: null } } };

/** The pricing catalog's licence, with the page that states it. */
export const CommercialFromCatalog: Story = {
  args: {
    source: { origin: 'catalog', sourceUrl: 'https://fal.ai/models/fal-ai/flux-1/dev/playground' },
  },
};

/** Nobody names a licence: the tooltip says so. */
export const UnknownWithSource: Story = {
  args: { licence: 'unknown', source: { origin: 'catalog', sourceUrl: null } },
};
