import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { ActiveGenerations } from '../../../src/ui/views/active/ActiveGenerations.tsx';
import {
  doneScenario,
  failedChargedScenario,
  failedNotChargedScenario,
} from '../../../stories/fixtures/generate-states.ts';
import { falStatus } from '../../../stories/fixtures/generate-fakes.ts';
import { FLUX_DEV, reachScenario, rowIn, VEO_31 } from '../../../stories/fixtures/generate-scenarios.ts';
import { activeRows, renderPanel, rowOf } from '../generate/render-generate.tsx';

const panel = () => screen.queryByRole('region', { name: 'Active generations' });

describe('Active generations: Cancel, Retry, Dismiss', { timeout: 20_000 }, () => {
  test('Cancel: Cancelling… until fal answers, then Cancelled, still possibly billed', async () => {
    const user = userEvent.setup();
    const scenario = await reachScenario(
      async (d) => {
        const id = d.addDraft(VEO_31);
        d.sendTo(id, { type: 'GENERATE' });
        await d.until(rowIn(id, 'generating'));
      },
      {
        script: {
          submit: { ok: { queuePosition: 1 } },
          status: { ok: falStatus('IN_PROGRESS') },
          cancel: 'hold',
        },
      },
    );
    renderPanel(scenario, <ActiveGenerations />);
    await user.click(within(await waitFor(() => rowOf('Veo 3.1'))).getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(rowOf('Veo 3.1').querySelector('[data-step-label]')?.textContent).toBe('Cancelling…'),
    );
    act(() => scenario.fakes.fal.held.cancel[0]?.resolve('OK'));
    await waitFor(() =>
      expect(rowOf('Veo 3.1').querySelector('[data-step-label]')?.textContent).toBe('Cancelled'),
    );
    expect(within(rowOf('Veo 3.1')).getByRole('note').textContent).toContain('may still bill');
    expect(scenario.fakes.ledger.events.map((e) => e.type)).toEqual([
      'generation.requested',
      'generation.submitted',
      'generation.cancelled',
    ]);
  });

  test('Retry after a refusal warns it may be charged again and sends a new request', async () => {
    const user = userEvent.setup();
    const scenario = await failedNotChargedScenario();
    renderPanel(scenario, <ActiveGenerations />);
    const row = await waitFor(() => rowOf('FLUX.1 [dev]'));
    const alert = within(row).getByRole('alert');
    expect(alert.getAttribute('data-tone')).toBe('action');
    expect(alert.getAttribute('data-sticky')).toBe('true');
    expect(alert.textContent).toContain('Not charged');
    const retry = within(row).getByRole('button', { name: 'Retry' });
    expect(retry.getAttribute('aria-describedby')).toBeTruthy();
    expect(row.textContent).toContain('A new request may be charged again.');
    expect(scenario.fakes.fal.calls.submit).toBe(1);
    await user.click(retry);
    await waitFor(() => expect(scenario.fakes.fal.calls.submit).toBe(2));
  });

  test('Retry of a failed download costs nothing: the same request is fetched again', async () => {
    const user = userEvent.setup();
    const scenario = await failedChargedScenario();
    renderPanel(scenario, <ActiveGenerations />);
    const row = await waitFor(() => rowOf('FLUX.1 [dev]'));
    expect(within(row).getByRole('alert').textContent).toContain('Charged by fal.ai');
    expect(row.textContent).toContain('it costs nothing');
    const results = scenario.fakes.fal.calls.result;
    await user.click(within(row).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(scenario.fakes.fal.calls.result).toBe(results + 1));
    expect(scenario.fakes.fal.calls.submit).toBe(1);
  });

  test('Dismiss removes a finished row; the panel hides when empty', async () => {
    const user = userEvent.setup();
    renderPanel(await doneScenario(), <ActiveGenerations />);
    const row = await waitFor(() => rowOf('FLUX.1 [dev]'));
    expect(row.querySelector('[data-step-label]')?.textContent).toBe('Imported');
    expect(within(row).queryByRole('button', { name: 'Cancel' })).toBeNull();
    await user.click(within(row).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(panel()).toBeNull());
    expect(activeRows()).toEqual([]);
  });

  test('a failed row is dismissed from its banner', async () => {
    const user = userEvent.setup();
    renderPanel(await failedNotChargedScenario(), <ActiveGenerations />);
    const row = await waitFor(() => rowOf('FLUX.1 [dev]'));
    await user.click(within(within(row).getByRole('alert')).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(panel()).toBeNull());
  });

  test('a running row cannot be dismissed', async () => {
    const scenario = await reachScenario(
      async (d) => {
        const id = d.addDraft(FLUX_DEV);
        d.sendTo(id, { type: 'GENERATE' });
        await d.until(rowIn(id, 'queued'));
      },
      { script: { submit: { ok: { queuePosition: 2 } }, status: 'hold' } },
    );
    renderPanel(scenario, <ActiveGenerations />);
    const row = await waitFor(() => rowOf('FLUX.1 [dev]'));
    expect(within(row).queryByRole('button', { name: 'Dismiss' })).toBeNull();
    expect(within(row).getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });
});
