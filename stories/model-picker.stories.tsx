import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, waitFor, within } from 'storybook/test';
import { type CatalogModel, catalog, findModel, relicensedModel } from '../src/domain/index.ts';
import { ModelPicker } from '../src/ui/views/generate/ModelPicker.tsx';

/** A Premiere dock `parameters.dock` px wide (default 400) around the picker. */
const inDock: Decorator = (Story, context) => (
  <div style={{ width: (context.parameters.dock as number | undefined) ?? 400 }} data-testid="dock">
    <Story />
  </div>
);

const HAILUO = findModel('fal-ai/minimax/hailuo-02/standard/image-to-video') ?? null;
/** FLUX.1 [dev] as catalog.json seeds it: commercial, stated on its fal page. */
const FLUX_DEV = findModel('fal-ai/flux-1/dev') as CatalogModel;
const FLUX_PAGE = 'https://fal.ai/models/fal-ai/flux-1/dev/playground';
/** FLUX.1 [dev] once the backend read fal's model API, which names it commercial. */
const FLUX_DEV_LIVE = relicensedModel(FLUX_DEV, [
  { endpointId: FLUX_DEV.endpoint_id, licence: 'commercial', origin: 'fal', sourceUrl: null },
]);

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

/**
 * The chosen model's badge at 320 px says where its licence came from: hovering shows it in a tooltip
 * that stays inside the dock (a long page URL wraps), and it is the badge's accessible description.
 */
async function expectLicenceSource(
  canvas: ReturnType<typeof within>,
  user: { hover(el: Element): Promise<void> },
  name: string,
  description: string,
) {
  const badge = canvas.getByRole('img', { name, description });
  await expect(isWhole(badge)).toBe(true);
  await user.hover(badge);
  const tooltip = await screen.findByRole('tooltip');
  await expect(tooltip).toHaveTextContent(description);
  await waitFor(() => expect(tooltip.getBoundingClientRect().width).toBeLessThanOrEqual(320));
  await expect(canvas.getByTestId('dock').scrollWidth).toBeLessThanOrEqual(320);
}

/** 320 px, a licence fal's model API named (read by the backend after the panel started). */
export const LicenceFromFal320: Story = {
  parameters: { dock: 320 },
  args: { value: FLUX_DEV_LIVE },
  play: async ({ canvas, userEvent }) => {
    await expectLicenceSource(canvas, userEvent, 'Licence: Commercial', "Licence from fal's model API");
  },
};

/** 320 px, the pricing catalog's licence with the page that states it (fal not heard, or it named none). */
export const LicenceFromCatalog320: Story = {
  parameters: { dock: 320 },
  args: { value: FLUX_DEV },
  play: async ({ canvas, userEvent }) => {
    await expectLicenceSource(
      canvas,
      userEvent,
      'Licence: Commercial',
      `Licence from the pricing catalog (source: ${FLUX_PAGE})`,
    );
  },
};

/** 320 px, a model nobody names a licence for: Unknown, never shown as safe. */
export const LicenceUnknown320: Story = {
  parameters: { dock: 320 },
  args: { value: HAILUO },
  play: async ({ canvas, userEvent }) => {
    await expectLicenceSource(
      canvas,
      userEvent,
      'Licence: Unknown',
      "Licence unknown: neither fal's model API nor the pricing catalog names one",
    );
  },
};
