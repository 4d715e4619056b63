import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { BillingView } from '../src/ui/views/billing/BillingView.tsx';
import { poolEditorLogic } from './fixtures/billing-fakes.ts';
import { externalAndPoolLedger, generationsLedger } from './fixtures/billing-ledgers.ts';
import { savedLedgerState } from './fixtures/billing-states.ts';
import { type ActorsParameter, withActors } from './fixtures/with-actors.tsx';

/**
 * The pools dialog of the Billing view on real actors (issue 13): the list with each pool's shares,
 * the form (new, with problems, saving, refused), the removal to confirm, and a list that cannot be
 * read. Each story opens the dialog from the Pool costs button and clicks to its state.
 */
const meta = {
  title: 'Views/Billing/Pool costs',
  component: BillingView,
  decorators: [withActors],
} satisfies Meta<typeof BillingView>;
export default meta;
type Story = StoryObj<typeof meta>;

type Play = NonNullable<Story['play']>;
type Ctx = Parameters<Play>[0];

const withPool: ActorsParameter = () => ({
  persistence: { state: savedLedgerState(externalAndPoolLedger()) },
});

/** Opens the dialog (a portal outside the canvas) and waits for the list. */
async function openPools({ canvas, canvasElement, userEvent }: Ctx) {
  await userEvent.click(await canvas.findByRole('button', { name: 'Pool costs' }));
  const dialog = await within(canvasElement.ownerDocument.body).findByRole('dialog', { name: 'Pool costs' });
  await waitFor(() => expect(within(dialog).queryByRole('status', { name: 'Reading the pools' })).toBeNull());
  return dialog;
}

const at = (width: number): NonNullable<Story['decorators']> => [
  (Story) => (
    <div style={{ width }}>
      <Story />
    </div>
  ),
];

/** The list: Team seats, $30 over November, split evenly between the two projects with usage. */
export const PoolList: Story = {
  parameters: { actors: withPool },
  play: async (ctx) => {
    const dialog = await openPools(ctx);
    const shares = within(dialog).getByRole('table', { name: 'Shares of Team seats' });
    await expect(shares).toHaveTextContent('Hero Film$15.00');
    await expect(shares).toHaveTextContent('Social Cut$15.00');
  },
};

/** No pools yet: what a pool is, and Add pool. */
export const NoPools: Story = {
  parameters: { actors: () => ({ persistence: { state: savedLedgerState(generationsLedger(2)) } }) },
  play: async (ctx) => {
    const dialog = await openPools(ctx);
    // The modal is still fading in (Mantine's transition): wait until it is drawn.
    await waitFor(() => expect(within(dialog).getByText(/No pools yet/)).toBeVisible());
  },
};

/** The form after Save with nothing typed: the problems per field, nothing recorded. */
export const FormWithProblems: Story = {
  parameters: { actors: withPool },
  play: async (ctx) => {
    const dialog = await openPools(ctx);
    await ctx.userEvent.click(within(dialog).getByRole('button', { name: 'Add pool' }));
    const form = within(dialog).getByRole('form', { name: 'New pool' });
    await ctx.userEvent.click(within(form).getByRole('button', { name: 'Add pool' }));
    await expect(await within(form).findByText(/Name the pool/)).toBeInTheDocument();
    await expect(within(form).getByText(/is not an amount/)).toBeInTheDocument();
  },
};

async function fillAndSave(ctx: Ctx) {
  const dialog = await openPools(ctx);
  await ctx.userEvent.click(within(dialog).getByRole('button', { name: 'Add pool' }));
  const form = within(dialog).getByRole('form', { name: 'New pool' });
  await ctx.userEvent.type(within(form).getByRole('textbox', { name: 'Name' }), 'Runway plan');
  await ctx.userEvent.type(within(form).getByRole('textbox', { name: 'Amount' }), '95');
  await ctx.userEvent.click(within(form).getByRole('button', { name: 'Add pool' }));
  return { dialog, form };
}

/** Saving: the change is on its way to disk; the form waits. */
export const Saving: Story = {
  parameters: {
    actors: () => ({ ...withPool(), poolEditor: { logic: poolEditorLogic({ hold: true }) } }),
  },
  play: async (ctx) => {
    const { form } = await fillAndSave(ctx);
    await waitFor(() =>
      expect(within(form).getByRole('button', { name: 'Add pool' })).toHaveAttribute('data-loading', 'true'),
    );
  },
};

/** The disk refused the change: the reason once, the form as typed, Try again. */
export const SaveFailed: Story = {
  parameters: {
    actors: () => ({
      ...withPool(),
      poolEditor: { logic: poolEditorLogic({ failRecord: 'The disk is full: free some space.' }) },
    }),
  },
  play: async (ctx) => {
    const { form } = await fillAndSave(ctx);
    await expect(
      await within(form).findByRole('alert', { name: 'The pool was not saved' }),
    ).toHaveTextContent('The disk is full');
    await expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveValue('Runway plan');
  },
};

/** Saved: the list read again shows the new pool with its shares. */
export const Saved: Story = {
  parameters: { actors: withPool },
  play: async (ctx) => {
    const { dialog } = await fillAndSave(ctx);
    const shares = await within(dialog).findByRole('table', { name: 'Shares of Runway plan' });
    await expect(shares).toHaveTextContent('Hero Film$47.50');
  },
};

/** A removal waits for confirmation. */
export const ConfirmRemoval: Story = {
  parameters: { actors: withPool },
  play: async (ctx) => {
    const dialog = await openPools(ctx);
    await ctx.userEvent.click(within(dialog).getByRole('button', { name: 'Remove Team seats' }));
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Remove pool' })).toBeVisible());
    await expect(within(dialog).getByText(/Its shares leave every project/)).toBeInTheDocument();
  },
};

/** The pools could not be read: why, and Try again. */
export const LoadFailed: Story = {
  parameters: {
    actors: () => ({
      ...withPool(),
      poolEditor: { logic: poolEditorLogic({ failLoad: 'The backend is away.' }) },
    }),
  },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Pool costs' }));
    const body = within(canvasElement.ownerDocument.body);
    await expect(await body.findByRole('alert', { name: 'The pools could not be read' })).toHaveTextContent(
      'The backend is away.',
    );
  },
};

/** The form at 320 px and 400 px: nothing sticks out sideways. */
function formAt(width: number): Story {
  return {
    parameters: { actors: withPool },
    decorators: at(width),
    play: async (ctx) => {
      const dialog = await openPools(ctx);
      await ctx.userEvent.click(within(dialog).getByRole('button', { name: 'Change Team seats' }));
      const form = within(dialog).getByRole('form', { name: 'Change Team seats' });
      await expect(form.scrollWidth).toBeLessThanOrEqual(form.clientWidth + 1);
    },
  };
}
export const Form320 = formAt(320);
export const Form400 = formAt(400);
