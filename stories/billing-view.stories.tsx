import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { createLedgerView } from '../src/ledger-view/index.ts';
import { BillingView } from '../src/ui/views/billing/BillingView.tsx';
import {
  billingQueryLogic,
  csvExportLogic,
  externalImportLogic,
  STORY_REPORTS_DIR,
} from './fixtures/billing-fakes.ts';
import {
  dualPairLedger,
  externalAndPoolLedger,
  failuresLedger,
  generationsLedger,
  outcomeLedger,
} from './fixtures/billing-ledgers.ts';
import { billingState, savedLedgerState } from './fixtures/billing-states.ts';
import { type ActorsParameter, withActors } from './fixtures/with-actors.tsx';

/**
 * The Billing view on real actors: each state story restores a billing snapshot
 * (`billingMachine.resolveState`) over a persistence snapshot holding a ledger built from the event
 * builders; flow stories start from the billing machine's initial state and click through.
 */
const meta = {
  title: 'Views/Billing',
  component: BillingView,
  decorators: [withActors],
} satisfies Meta<typeof BillingView>;
export default meta;
type Story = StoryObj<typeof meta>;

/** `rows` generations, billing in `billing` (default: collapsed, USD, no filter). */
function ledgerOf(rows: number, billing = billingState()): ActorsParameter {
  return () => ({
    persistence: { state: savedLedgerState(generationsLedger(rows)) },
    billing: { state: billing },
  });
}

const list = (canvas: ReturnType<typeof within>) => canvas.getByRole('list', { name: 'Cost history' });
const rows = (canvas: ReturnType<typeof within>) => within(list(canvas)).getAllByRole('listitem');
/** The drawn tick labels of a chart's money axis (y on the line, x under the horizontal bars). */
function moneyTicks(canvas: ReturnType<typeof within>, figure: string, axis: 'x' | 'y'): string[] {
  const root = canvas.getByRole('figure', { name: figure });
  const selector = `.recharts-${axis}Axis-tick-labels .recharts-cartesian-axis-tick-label`;
  const ticks: Element[] = Array.from((root as HTMLElement).querySelectorAll(selector));
  return ticks.map((t) => t.textContent ?? '');
}

/** Asserts an axis shows at least two ticks and never the same label twice in a row. */
async function expectDistinctTicks(labels: string[]) {
  await expect(labels.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < labels.length; i += 1) await expect(labels[i]).not.toBe(labels[i - 1]);
}

/** The project chip `name`, once the chips are drawn (they follow each answer in a deferred render). */
const chip = async (canvas: ReturnType<typeof within>, name: string) =>
  within(await canvas.findByRole('group', { name: 'Projects', busy: false })).getByRole('button', { name });

export const Empty: Story = {
  parameters: { actors: ledgerOf(0) },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('No costs recorded yet')).toBeVisible();
    await expect(canvas.queryByRole('list', { name: 'Cost history' })).toBeNull();
  },
};

export const FourRows: Story = {
  parameters: { actors: ledgerOf(4) },
  play: async ({ canvas }) => {
    await expect(rows(canvas)).toHaveLength(4);
    await expect(canvas.queryByRole('button', { name: 'View more' })).toBeNull();
  },
};

export const FourteenRows: Story = {
  parameters: { actors: ledgerOf(14) },
  play: async ({ canvas }) => {
    await expect(rows(canvas)).toHaveLength(4);
    await expect(canvas.getByText('Showing 4 of 14')).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Running total' })).toHaveTextContent('1 without price');
    // In a real browser recharts draws: one bar per model (4), one line path for the days.
    const byModel = canvas.getByRole('figure', { name: 'Cost by model' });
    await waitFor(() => expect(byModel.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(4));
    const overTime = canvas.getByRole('figure', { name: 'Cost over time' });
    await waitFor(() => expect(overTime.querySelector('.recharts-line')).not.toBeNull());
    // Money axes: nice steps, every tick drawn, no label repeated (the tooltip keeps exact amounts).
    await waitFor(() => expect(moneyTicks(canvas, 'Cost over time', 'y').length).toBeGreaterThan(1));
    await expectDistinctTicks(moneyTicks(canvas, 'Cost over time', 'y'));
    await expectDistinctTicks(moneyTicks(canvas, 'Cost by model', 'x'));
    await expectDistinctTicks(moneyTicks(canvas, 'Cost by deliverable', 'x'));
  },
};

export const TenThousandRows: Story = {
  parameters: { actors: ledgerOf(10_000) },
  play: async ({ canvas, userEvent }) => {
    await expect(rows(canvas)).toHaveLength(4);
    await expect(canvas.getByText('Showing 4 of 10000')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'View more' }));
    await expect(rows(canvas)).toHaveLength(14);
  },
};

export const SekDisplay: Story = {
  parameters: { actors: ledgerOf(14, billingState({ currency: 'SEK' })) },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('combobox', { name: 'Currency' })).toHaveValue('SEK');
    const total = canvas.getByRole('group', { name: 'Running total' });
    await expect(total.textContent).toMatch(/\d\.\d kr/);
    await expect(total.textContent).not.toContain('$');
  },
};

export const FilteredByProject: Story = {
  parameters: { actors: ledgerOf(14, billingState({ filter: { client: null, project: 'Hero Film' } })) },
  play: async ({ canvas }) => {
    await expect(await chip(canvas, 'Hero Film')).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByText('Showing 4 of 5')).toBeVisible();
    for (const row of rows(canvas)) await expect(row).toHaveTextContent('Hero Film');
  },
};

export const ExternalAndPool: Story = {
  parameters: {
    actors: () => ({
      persistence: { state: savedLedgerState(externalAndPoolLedger()) },
      billing: { state: billingState({ visibleCount: 14 }) },
    }),
  },
  play: async ({ canvas }) => {
    await expect(within(list(canvas)).getAllByText('External')).toHaveLength(2);
    await expect(within(list(canvas)).getAllByText('Pool')).toHaveLength(2);
    await expect(canvas.getByRole('group', { name: 'Pool' })).toHaveTextContent('$30.00');
  },
};

export const DualPair: Story = {
  parameters: { actors: () => ({ persistence: { state: savedLedgerState(dualPairLedger()) } }) },
  play: async ({ canvas }) => {
    await expect(within(list(canvas)).getAllByText('Dual pair')).toHaveLength(2);
  },
};

function outcomeStory(outcome: Parameters<typeof outcomeLedger>[0], marker: string, actual: string): Story {
  return {
    parameters: { actors: () => ({ persistence: { state: savedLedgerState(outcomeLedger(outcome)) } }) },
    play: async ({ canvas }) => {
      const first = rows(canvas)[0]!;
      await expect(within(first).getByText(marker)).toBeVisible();
      if (actual) await expect(within(first).getByText(actual)).toBeVisible();
    },
  };
}

export const FailedCharged = outcomeStory('failed-charged', 'Failed · charged', 'Actual $3.20');
export const FailedNotCharged = outcomeStory('failed-not-charged', 'Failed · not charged', '');
export const CancelledStillBilled = outcomeStory(
  'cancelled-still-billed',
  'Cancelled · billed',
  'Actual $1.60',
);

export const EveryOutcome: Story = {
  parameters: {
    actors: () => ({
      persistence: { state: savedLedgerState(failuresLedger()) },
      billing: { state: billingState({ visibleCount: 14 }) },
    }),
  },
};

export const Narrow320: Story = {
  parameters: { actors: ledgerOf(14) },
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const view = canvasElement.querySelector('section') as HTMLElement;
    await expect(view.getBoundingClientRect().width).toBeLessThanOrEqual(320);
    // Nothing sticks out sideways at 320 px.
    await expect(view.scrollWidth).toBeLessThanOrEqual(view.clientWidth);
  },
};

export const ViewMoreAndHide: Story = {
  parameters: { actors: () => ({ persistence: { state: savedLedgerState(generationsLedger(14)) } }) },
  play: async ({ canvas, userEvent }) => {
    await expect(rows(canvas)).toHaveLength(4);
    await userEvent.click(canvas.getByRole('button', { name: 'View more' }));
    await expect(rows(canvas)).toHaveLength(14);
    await expect(canvas.queryByRole('button', { name: 'View more' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Hide' }));
    await expect(rows(canvas)).toHaveLength(4);
  },
};

export const ProjectChipFilter: Story = {
  parameters: { actors: () => ({ persistence: { state: savedLedgerState(generationsLedger(14)) } }) },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await chip(canvas, 'BTS Reel'));
    await expect(await chip(canvas, 'BTS Reel')).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByText('Showing 4 of 4')).toBeVisible();
    for (const row of rows(canvas)) await expect(row).toHaveTextContent('BTS Reel');
    await userEvent.click(await chip(canvas, 'BTS Reel'));
    await expect(await chip(canvas, 'All')).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByText('Showing 4 of 14')).toBeVisible();
  },
};

export const CurrencySwitchToSek: Story = {
  parameters: { actors: () => ({ persistence: { state: savedLedgerState(generationsLedger(4)) } }) },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('group', { name: 'Running total' })).toHaveTextContent('$');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Currency' }), 'SEK');
    await waitFor(() => expect(canvas.getByRole('group', { name: 'Running total' })).toHaveTextContent('kr'));
    // 4 settled rows: $4.668 at the built-in 9.4 SEK per USD = 43.88 kr → 43.9 kr (one decimal).
    await expect(canvas.getByRole('group', { name: 'Running total' })).toHaveTextContent('43.9 kr');
    for (const row of rows(canvas)) await expect(row.textContent).toMatch(/\d\.\d kr/);
  },
};

/** What the cache kept last time, drawn before the backend answers (held here): marked "Updating…". */
export const CachedFirstScreen: Story = {
  parameters: {
    actors: () => {
      const events = generationsLedger(14);
      const view = createLedgerView(events);
      return {
        persistence: { state: savedLedgerState(events) },
        billingQuery: {
          logic: billingQueryLogic({
            hold: true,
            firstScreen: {
              summary: view.summary({ currency: 'USD' }),
              rows: view.rows({ currency: 'USD', limit: 4 }),
            },
          }),
        },
      };
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Updating…')).toBeVisible();
    await expect(rows(canvas)).toHaveLength(4);
    await expect(canvas.getByText('Showing 4 of 14')).toBeVisible();
    await expect(list(canvas)).toHaveAttribute('aria-busy', 'true');
  },
};

/** The backend is away: the reason is shown, and it is asked again by itself (no button). */
export const BackendAway: Story = {
  parameters: {
    actors: () => ({
      persistence: { state: savedLedgerState(generationsLedger(4)) },
      billingQuery: {
        logic: billingQueryLogic({
          fail: { message: 'The modelBridge backend could not be reached.', retryable: true },
        }),
      },
    }),
  },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByText('Cost history not updated: The modelBridge backend could not be reached.'),
    ).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull();
  },
};

/** The backend refused the query: the reason and a Retry button. */
export const QueryRefused: Story = {
  parameters: {
    actors: () => ({
      persistence: { state: savedLedgerState(generationsLedger(4)) },
      billingQuery: {
        logic: billingQueryLogic({ fail: { message: 'The query was refused.', retryable: false } }),
      },
    }),
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Cost history not updated: The query was refused.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

/** Export CSV while the backend writes the file: the button shows it is busy. */
export const Exporting: Story = {
  parameters: {
    actors: () => ({
      persistence: { state: savedLedgerState(generationsLedger(14)) },
      csvExport: { logic: csvExportLogic({ hold: true }) },
    }),
  },
  play: async ({ canvas, userEvent }) => {
    const button = canvas.getByRole('button', { name: 'Export CSV' });
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute('data-loading', 'true'));
  },
};

/** Export CSV done: where the file went and how many rows it holds. */
export const ExportSaved: Story = {
  parameters: { actors: ledgerOf(14) },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Export CSV' }));
    const status = await canvas.findByRole('status', { name: 'CSV export' });
    await expect(status).toHaveTextContent(`Saved 14 rows to ${STORY_REPORTS_DIR}/costs-`);
  },
};

/** Export CSV refused: the reason once, with Try again. */
export const ExportFailed: Story = {
  parameters: {
    actors: () => ({
      persistence: { state: savedLedgerState(generationsLedger(4)) },
      csvExport: { logic: csvExportLogic({ fail: 'The disk is full: free some space and try again.' }) },
    }),
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Export CSV' }));
    const alert = await canvas.findByRole('alert', { name: 'The CSV was not saved' });
    await expect(alert).toHaveTextContent('The disk is full');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

const IMPORT_CSV = [
  'Date;Service;Cost;Description;Project',
  '03.11.2026;Midjourney;30,00;Standard plan;Hero Film',
  '04.11.2026;Runway;12,50;Credits;Hero Film',
  '2026-11-05;Runway;abc;Broken;Hero Film',
  '03.11.2026;Midjourney;30,00;standard  PLAN;hero film',
].join('\r\n');

async function chooseImportFile(
  canvasElement: HTMLElement,
  userEvent: { upload: (el: HTMLElement, file: File) => Promise<void> },
) {
  const input = canvasElement.ownerDocument.querySelector('input[type="file"]') as HTMLInputElement;
  await userEvent.upload(input, new File([IMPORT_CSV], 'midjourney.csv', { type: 'text/csv' }));
  // The dialog is a portal outside the story's canvas.
  return within(canvasElement.ownerDocument.body).findByRole('dialog', { name: 'Import external costs' });
}

/** A chosen CSV previewed: costs and total, the duplicate left out, the row with an error by line. */
export const ImportPreview: Story = {
  parameters: { actors: ledgerOf(4) },
  play: async ({ canvasElement, userEvent }) => {
    const dialog = await chooseImportFile(canvasElement, userEvent);
    const preview = await within(dialog).findByRole('status', { name: 'Import preview' });
    await expect(preview).toHaveTextContent('2 costs to import from midjourney.csv, in all $42.50');
    await expect(within(dialog).getByRole('list', { name: 'Rows with errors' })).toHaveTextContent('Line 4');
    await expect(within(dialog).getByRole('button', { name: 'Import 2 costs' })).toBeEnabled();
  },
};

/** Imported: recorded as one entry, on disk, and in Billing. */
export const ImportDone: Story = {
  parameters: { actors: ledgerOf(4) },
  play: async ({ canvasElement, userEvent }) => {
    const dialog = await chooseImportFile(canvasElement, userEvent);
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Import 2 costs' }));
    await expect(await within(dialog).findByRole('status', { name: 'Import done' })).toHaveTextContent(
      'Imported 2 costs',
    );
  },
};

/** The backend could not preview: nothing imported, the reason once, Try again. */
export const ImportFailed: Story = {
  parameters: {
    actors: () => ({
      persistence: { state: savedLedgerState(generationsLedger(4)) },
      externalImport: {
        logic: externalImportLogic({ failPreview: 'The backend is away: start it and try again.' }),
      },
    }),
  },
  play: async ({ canvasElement, userEvent }) => {
    const dialog = await chooseImportFile(canvasElement, userEvent);
    await expect(
      await within(dialog).findByRole('alert', { name: 'Nothing was imported' }),
    ).toHaveTextContent('The backend is away');
    // The modal is still fading in (Mantine's transition): wait until it is drawn.
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeVisible());
  },
};
