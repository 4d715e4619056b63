import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ActiveGenerations } from '../src/ui/views/active/ActiveGenerations.tsx';
import { inDock400, inNarrowDock, scenarioLoader, withGenerate } from './fixtures/generate-decorator.tsx';
import {
  backgroundScenario,
  cancelledScenario,
  doneScenario,
  dualPairScenario,
  failedChargedScenario,
  failedNotChargedScenario,
  generatingScenario,
  queuedScenario,
} from './fixtures/generate-states.ts';

/**
 * Active generations, one story per state a run reaches: each scenario ran the real machines over
 * fakes and the panel restores its persisted snapshot (fal keeps answering the same, so it stays).
 */
const meta = {
  title: 'Views/Active generations',
  component: ActiveGenerations,
  decorators: [withGenerate],
} satisfies Meta<typeof ActiveGenerations>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The row of `model`, once the panel shows it. */
async function row(canvas: { findByRole: (role: string, o: object) => Promise<HTMLElement> }, model: string) {
  return canvas.findByRole('listitem', { name: new RegExp(`^${model.replace(/[[\]().]/g, '\\$&')}:`) });
}

/** Third in fal's queue: grey dot, "Queued #3". */
export const Queued3: Story = {
  name: 'Queued #3',
  loaders: [scenarioLoader(queuedScenario)],
  play: async ({ canvas }) => {
    const r = await row(canvas, 'FLUX.1 [dev]');
    await expect(within(r).getByRole('img', { name: 'Queued #3' })).toBeVisible();
  },
};

/** fal is generating: orange dot, ticking timer, Cancel. */
export const Generating: Story = {
  loaders: [scenarioLoader(generatingScenario)],
  play: async ({ canvas, userEvent }) => {
    const r = await row(canvas, 'Veo 3.1');
    await expect(within(r).getByRole('button', { name: 'Cancel' })).toBeVisible();
    await userEvent.click(within(r).getByRole('button', { name: 'Details' }));
    await expect(await within(r).findByRole('list', { name: 'Generation progress' })).toBeVisible();
  },
};

/** Past its foreground window: running in the background, the form is free again. */
export const Background: Story = {
  loaders: [scenarioLoader(backgroundScenario)],
  play: async ({ canvas }) => {
    const r = await row(canvas, 'FLUX.1 [dev]');
    await expect(within(r).getByRole('note')).toHaveTextContent('Moved to background');
  },
};

/** fal finished and charged; the download failed. Retry fetches the same result at no cost. */
export const FailedCharged: Story = {
  loaders: [scenarioLoader(failedChargedScenario)],
  play: async ({ canvas }) => {
    const r = await row(canvas, 'FLUX.1 [dev]');
    await expect(within(r).getByRole('alert')).toHaveTextContent('Charged by fal.ai');
    await expect(r).toHaveTextContent('it costs nothing');
  },
};

/** fal refused the request (empty balance): not charged; a sticky amber banner; Retry may charge. */
export const FailedNotCharged: Story = {
  loaders: [scenarioLoader(failedNotChargedScenario)],
  play: async ({ canvas }) => {
    const r = await row(canvas, 'FLUX.1 [dev]');
    await expect(within(r).getByRole('alert')).toHaveTextContent('Not charged');
    await expect(r).toHaveTextContent('A new request may be charged again.');
  },
};

/** Cancelled while generating: fal may still bill it, settlement checks. */
export const CancelledStillBilled: Story = {
  loaders: [scenarioLoader(cancelledScenario)],
  play: async ({ canvas }) => {
    const r = await row(canvas, 'Veo 3.1');
    await expect(within(r).getByRole('note')).toHaveTextContent('may still bill');
  },
};

/** Finished and imported, with its success notice (the machine drops it after 7 s). */
export const Done: Story = {
  loaders: [scenarioLoader(doneScenario)],
  play: async ({ canvas }) => {
    const r = await row(canvas, 'FLUX.1 [dev]');
    await expect(within(r).getByRole('img', { name: 'Imported' })).toBeVisible();
  },
};

/** A Dual Mode pair: two rows, one per model. */
export const DualPair: Story = {
  loaders: [scenarioLoader(dualPairScenario)],
  play: async ({ canvas }) => {
    await waitFor(async () =>
      expect(await canvas.findAllByRole('listitem', { name: /Generating$/ })).toHaveLength(2),
    );
  },
};

/** A failed row in the narrowest dock. */
export const Narrow320: Story = {
  loaders: [scenarioLoader(failedNotChargedScenario)],
  decorators: [inNarrowDock],
  play: async ({ canvas }) => {
    const dock = await canvas.findByTestId('dock');
    await row(canvas, 'FLUX.1 [dev]');
    await expect(dock.scrollWidth).toBeLessThanOrEqual(320);
  },
};

/**
 * Collapsed to one line: title, the count in its pill, the status and the cost in flight. The pill and
 * the text never overlap and the line does not wrap (the "32 done" of a bare count beside "2 done").
 */
async function collapsedOnOneLine({
  canvas,
  userEvent,
}: {
  canvas: ReturnType<typeof within>;
  userEvent: { click: (e: Element) => Promise<void> };
}) {
  const dock = await canvas.findByTestId('dock');
  await waitFor(async () =>
    expect(await canvas.findAllByRole('listitem', { name: /Generating$/ })).toHaveLength(2),
  );
  await userEvent.click(canvas.getByRole('button', { name: 'Hide active generations' }));
  const panel = canvas.getByRole('region', { name: 'Active generations' });
  const count = within(panel).getByLabelText('2 generations');
  const status = panel.querySelector('[data-summary]')?.parentElement as HTMLElement;
  await expect(status).toHaveTextContent('2 running · $0.03 in flight');
  const a = count.getBoundingClientRect();
  const b = status.getBoundingClientRect();
  await expect(a.right).toBeLessThanOrEqual(b.left);
  const header = canvas.getByRole('button', { name: 'Show active generations' }).parentElement as HTMLElement;
  await expect(header.getBoundingClientRect().height).toBeLessThan(32);
  await expect(dock.scrollWidth).toBeLessThanOrEqual(dock.clientWidth + 2);
}

/** A Dual Mode pair collapsed to one line in the narrowest dock. */
export const Collapsed320: Story = {
  loaders: [scenarioLoader(dualPairScenario)],
  decorators: [inNarrowDock],
  play: collapsedOnOneLine,
};

/** The same at 400 px. */
export const Collapsed400: Story = {
  loaders: [scenarioLoader(dualPairScenario)],
  decorators: [inDock400],
  play: collapsedOnOneLine,
};
