import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, waitFor, within } from 'storybook/test';
import { catalog, findModel } from '../src/domain/index.ts';
import { ModelPicker } from '../src/ui/views/generate/ModelPicker.tsx';

/** A Premiere dock `parameters.dock` px wide (default 400) around the picker. */
const inDock: Decorator = (Story, context) => (
  <div style={{ width: (context.parameters.dock as number | undefined) ?? 400 }} data-testid="dock">
    <Story />
  </div>
);

const HAILUO = findModel('fal-ai/minimax/hailuo-02/standard/image-to-video') ?? null;

/**
 * The model picker with its licence badges at the dock widths Premiere allows. The dropdown is opened in
 * `play`; the longest name in the catalog (an unknown licence) is the one chosen.
 */
const meta = {
  title: 'Views/Generate/ModelPicker',
  component: ModelPicker,
  decorators: [inDock],
  args: { label: 'Model', value: HAILUO, models: catalog, onChange: fn() },
} satisfies Meta<typeof ModelPicker>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Every licence badge in the open dropdown. */
async function openOptionBadges(
  canvas: ReturnType<typeof within>,
  user: { click(el: Element): Promise<void> },
) {
  await user.click(canvas.getByRole('combobox', { name: 'Model' }));
  const listbox = await screen.findByRole('listbox');
  await waitFor(() => expect(listbox.querySelectorAll('[data-licence]').length).toBe(catalog.length));
  return [...listbox.querySelectorAll<HTMLElement>('[data-licence]')];
}

/** A badge shows its whole text: nothing is clipped or ellipsised. */
function isWhole(badge: HTMLElement): boolean {
  const label = badge.querySelector<HTMLElement>('.mantine-Badge-label') ?? badge;
  return label.scrollWidth <= label.clientWidth + 1 && badge.getBoundingClientRect().width > 0;
}

/** 320 px: the options' badges take the short form, each an image named "Licence: …"; none is cut. */
export const Narrow320: Story = {
  parameters: { dock: 320 },
  play: async ({ canvas, userEvent }) => {
    const chosen = canvas.getByText('Unknown').closest<HTMLElement>('[data-licence]');
    await expect(chosen && isWhole(chosen)).toBe(true);
    const badges = await openOptionBadges(canvas, userEvent);
    await expect(badges.every((b) => b.hasAttribute('data-compact'))).toBe(true);
    await expect(badges.every(isWhole)).toBe(true);
    const option = screen.getByRole('option', { name: /MiniMax Hailuo 02 \[Standard\]/ });
    await expect(within(option).getByRole('img', { name: 'Licence: Unknown' })).toHaveTextContent('?');
    await userEvent.hover(within(option).getByRole('img', { name: 'Licence: Unknown' }));
    await expect(await screen.findByRole('tooltip')).toHaveTextContent('Licence: Unknown');
    await expect(canvas.getByTestId('dock').scrollWidth).toBeLessThanOrEqual(320);
  },
};

/** 400 px: the full names ("Commercial", "Unknown") fit beside the model names, none cut. */
export const Dock400: Story = {
  parameters: { dock: 400 },
  play: async ({ canvas, userEvent }) => {
    const badges = await openOptionBadges(canvas, userEvent);
    await expect(badges.some((b) => b.hasAttribute('data-compact'))).toBe(false);
    await expect(badges.every(isWhole)).toBe(true);
    const option = screen.getByRole('option', { name: /FLUX\.1 \[dev\]/ });
    await expect(option).toHaveTextContent('Licence: Commercial');
    await expect(canvas.getByTestId('dock').scrollWidth).toBeLessThanOrEqual(400);
  },
};
