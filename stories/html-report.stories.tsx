import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { BillingView } from '../src/ui/views/billing/BillingView.tsx';
import { htmlReportLogic, STORY_REPORTS_DIR } from './fixtures/billing-fakes.ts';
import { externalAndPoolLedger } from './fixtures/billing-ledgers.ts';
import { savedLedgerState } from './fixtures/billing-states.ts';
import { type ActorsParameter, withActors } from './fixtures/with-actors.tsx';

/**
 * The HTML report dialog of the Billing view on real actors (issue 13): the filters (Billing's as the
 * first choice), the report being made, where it was saved, and a refusal with Try again.
 */
const meta = {
  title: 'Views/Billing/HTML report',
  component: BillingView,
  decorators: [withActors],
} satisfies Meta<typeof BillingView>;
export default meta;
type Story = StoryObj<typeof meta>;
type Ctx = Parameters<NonNullable<Story['play']>>[0];

const ledger =
  (logic = htmlReportLogic()): ActorsParameter =>
  () => ({
    persistence: { state: savedLedgerState(externalAndPoolLedger()) },
    htmlReport: { logic },
  });

async function openReport({ canvas, canvasElement, userEvent }: Ctx) {
  await userEvent.click(await canvas.findByRole('button', { name: 'HTML report' }));
  return within(canvasElement.ownerDocument.body).findByRole('dialog', { name: 'HTML report' });
}

/** The filters, all "All", in the display currency. */
export const Filters: Story = {
  parameters: { actors: ledger() },
  play: async (ctx) => {
    const dialog = await openReport(ctx);
    const form = within(dialog).getByRole('form', { name: 'Report filters' });
    await expect(within(form).getByRole('combobox', { name: 'Currency' })).toHaveValue('USD');
    await waitFor(() => expect(within(form).getByRole('button', { name: 'Create report' })).toBeVisible());
  },
};

/** A range that ends before it starts: said at the field, Create disabled. */
export const ReversedRange: Story = {
  parameters: { actors: ledger() },
  play: async (ctx) => {
    const dialog = await openReport(ctx);
    const form = within(dialog).getByRole('form', { name: 'Report filters' });
    await ctx.userEvent.type(within(form).getByLabelText('From'), '2026-12-01');
    await ctx.userEvent.type(within(form).getByLabelText('To'), '2026-11-01');
    await expect(within(form).getByText('The range ends before it starts.')).toBeInTheDocument();
    await expect(within(form).getByRole('button', { name: 'Create report' })).toBeDisabled();
  },
};

/** Making the report: the backend renders it. */
export const Making: Story = {
  parameters: { actors: ledger(htmlReportLogic({ hold: true })) },
  play: async (ctx) => {
    const dialog = await openReport(ctx);
    await ctx.userEvent.click(within(dialog).getByRole('button', { name: 'Create report' }));
    await expect(
      await within(dialog).findByRole('status', { name: 'Making the report' }),
    ).toBeInTheDocument();
  },
};

/** Saved: where the file went, and that it opens offline. */
export const Saved: Story = {
  parameters: { actors: ledger() },
  play: async (ctx) => {
    const dialog = await openReport(ctx);
    await ctx.userEvent.click(within(dialog).getByRole('button', { name: 'Create report' }));
    const saved = await within(dialog).findByRole('status', { name: 'Report saved' });
    await expect(saved).toHaveTextContent(`${STORY_REPORTS_DIR}/report-`);
    await expect(saved).toHaveTextContent('opens in any browser, offline');
  },
};

/** Refused: the reason once, Try again and Change filters. */
export const Failed: Story = {
  parameters: { actors: ledger(htmlReportLogic({ fail: 'The disk is full: free some space.' })) },
  play: async (ctx) => {
    const dialog = await openReport(ctx);
    await ctx.userEvent.click(within(dialog).getByRole('button', { name: 'Create report' }));
    await expect(
      await within(dialog).findByRole('alert', { name: 'The report was not made' }),
    ).toHaveTextContent('The disk is full');
    await expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  },
};
