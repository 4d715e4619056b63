import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { SimulatedClock } from 'xstate';
import { ActiveGenerations } from '../../../src/ui/views/active/ActiveGenerations.tsx';
import { falFailure, falImageResult, falStatus } from '../../../stories/fixtures/generate-fakes.ts';
import { FLUX_DEV, reachScenario, rowIn } from '../../../stories/fixtures/generate-scenarios.ts';
import { renderPanel, rowOf } from '../generate/render-generate.tsx';

/** A run held in fal's queue: the test decides how it ends after the views are on screen. */
function heldRun() {
  return reachScenario(
    async (d) => {
      const id = d.addDraft(FLUX_DEV);
      d.sendTo(id, { type: 'GENERATE' });
      await d.until(rowIn(id, 'queued'));
    },
    { script: { submit: { ok: { queuePosition: 1 } }, status: 'hold' } },
  );
}

describe('Active generations: notifications', { timeout: 20_000 }, () => {
  test('success: a notice that the machine drops after 7 s; the row stays', async () => {
    const scenario = await heldRun();
    const clock = new SimulatedClock();
    renderPanel(scenario, <ActiveGenerations />, undefined, { clock });
    await waitFor(() => rowOf('FLUX.1 [dev]'));
    const { fal } = scenario.fakes;
    fal.script.result = { ok: falImageResult(1) };
    await waitFor(() => expect(fal.held.status.length).toBeGreaterThan(0));
    act(() => fal.held.status.at(-1)?.resolve(falStatus('COMPLETED')));
    const title = await screen.findByText('FLUX.1 [dev] finished');
    expect(title.closest('[role="status"]')).not.toBeNull();
    act(() => clock.increment(6_999));
    expect(screen.queryByText('FLUX.1 [dev] finished')).not.toBeNull();
    act(() => clock.increment(1));
    await waitFor(() => expect(screen.queryByText('FLUX.1 [dev] finished')).toBeNull());
    expect(rowOf('FLUX.1 [dev]').querySelector('[data-step-label]')?.textContent).toBe('Imported');
  });

  test('failure: the notice stays until dismissed', async () => {
    const scenario = await heldRun();
    const clock = new SimulatedClock();
    renderPanel(scenario, <ActiveGenerations />, undefined, { clock });
    await waitFor(() => rowOf('FLUX.1 [dev]'));
    const { fal } = scenario.fakes;
    await waitFor(() => expect(fal.held.status.length).toBeGreaterThan(0));
    act(() =>
      fal.held.status.at(-1)?.reject(falFailure('VALIDATION', 'no', 'fal.ai refused the image size.')),
    );
    const title = await screen.findByText('FLUX.1 [dev] failed');
    expect(title.closest('[role="alert"]')).not.toBeNull();
    act(() => clock.increment(60_000));
    expect(screen.getByText('FLUX.1 [dev] failed')).toBeTruthy();
    act(() => screen.getByRole('button', { name: 'Dismiss notification' }).click());
    await waitFor(() => expect(screen.queryByText('FLUX.1 [dev] failed')).toBeNull());
    expect(rowOf('FLUX.1 [dev]')).toBeTruthy();
  });
});
