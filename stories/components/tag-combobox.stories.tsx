import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, within } from 'storybook/test';
import { TagCombobox } from '../../src/ui/components/TagCombobox/TagCombobox.tsx';

const meta = {
  title: 'Components/TagCombobox',
  component: TagCombobox,
  args: {
    label: 'Deliverable',
    value: '',
    options: ['Social Cut', 'The Hero Film BTS', 'Hero Film', 'BTS Reel'],
    onChange: fn(),
  },
  decorators: [
    (Story) => (
      <div style={{ width: 280 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof TagCombobox>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

export const Filled: Story = { args: { label: 'Client', value: 'Acme Studios', options: ['Acme Studios'] } };

export const NoEarlierNames: Story = { args: { label: 'Project', options: [] } };

/** Typing "hero" suggests "Hero Film" first (prefix), then "The Hero Film BTS" (substring). */
export const SuggestsHeroFilm: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.type(canvas.getByRole('combobox', { name: 'Deliverable' }), 'hero');
    const listbox = await screen.findByRole('listbox');
    const options = within(listbox).getAllByRole('option');
    await expect(options.map((o) => o.textContent)).toEqual(['Hero Film', 'The Hero Film BTS']);
    await userEvent.click(within(listbox).getByRole('option', { name: 'Hero Film' }));
    await expect(args.onChange).toHaveBeenLastCalledWith('Hero Film');
  },
};

/** A new name is allowed; what is reported is trimmed. */
export const NewName: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.type(canvas.getByRole('combobox', { name: 'Deliverable' }), ' Launch Teaser ');
    await expect(args.onChange).toHaveBeenLastCalledWith('Launch Teaser');
  },
};
