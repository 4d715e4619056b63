import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { ActiveGenerations } from '../../../src/ui/views/active/ActiveGenerations.tsx';
import { emptyScenario } from '../../../stories/fixtures/generate-scenarios.ts';
import {
  backgroundScenario,
  dualPairScenario,
  generatingScenario,
  queuedScenario,
} from '../../../stories/fixtures/generate-states.ts';
import { activeRows, renderPanel, rowOf } from '../generate/render-generate.tsx';

const LONG_PROMPT = 'a red fox running through fresh snow at dawn';

describe('Active generations: rows', { timeout: 20_000 }, () => {
  test('hidden when there is nothing to show (a draft is not a row)', async () => {
    renderPanel(emptyScenario());
    await screen.findByRole('combobox', { name: 'Model' });
    expect(screen.queryByRole('region', { name: 'Active generations' })).toBeNull();
    expect(activeRows()).toEqual([]);
  });

  test('queued: grey dot, "Queued #3", an elapsed timer; expand shows the five steps and inputs', async () => {
    const user = userEvent.setup();
    renderPanel(await queuedScenario(), <ActiveGenerations />);
    const row = await waitFor(() => rowOf('FLUX.1 [dev]'));
    expect(within(row).getByRole('img', { name: 'Queued #3' }).getAttribute('data-status')).toBe('queued');
    expect(row.querySelector('[data-step-label]')?.textContent).toBe('Queued #3');
    expect(within(row).getByRole('timer').textContent).toMatch(/^\d+:\d\d$/);
    const expand = within(row).getByRole('button', { name: 'Details' });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    await user.click(expand);
    expect(expand.getAttribute('aria-expanded')).toBe('true');
    const tracker = await within(row).findByRole('list', { name: 'Generation progress' });
    const steps = within(tracker).getAllByRole('listitem');
    expect(steps.map((s) => s.getAttribute('data-state'))).toEqual([
      'done',
      'waiting',
      'pending',
      'pending',
      'pending',
    ]);
    expect(steps[1]?.textContent).toContain('Queued #3');
    const details = within(row).getByRole('region', { name: 'Generation details' });
    expect(details.textContent).toContain(LONG_PROMPT);
    expect(details.textContent).toContain('fal-ai/flux-1/dev');
  });

  test('the prompt is cut at 80 characters', async () => {
    const user = userEvent.setup();
    const scenario = await queuedScenario();
    renderPanel(scenario, <ActiveGenerations />);
    await user.click(
      within(await waitFor(() => rowOf('FLUX.1 [dev]'))).getByRole('button', { name: 'Details' }),
    );
    const italic = screen.getByTitle(LONG_PROMPT);
    expect(Array.from(italic.textContent ?? '').length).toBeLessThanOrEqual(82);
  });

  test('generating: orange dot, Cancel offered; the form waits (Generate disabled)', async () => {
    renderPanel(await generatingScenario());
    const row = await waitFor(() => rowOf('Veo 3.1'));
    expect(within(row).getByRole('img', { name: 'Generating' }).getAttribute('data-status')).toBe('running');
    expect(within(row).getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Generate' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('status', { name: 'Run status' }).textContent).toContain('Generating');
  });

  test('background: the row says so and the form is free again (a new draft)', async () => {
    renderPanel(await backgroundScenario());
    const row = await waitFor(() => rowOf('FLUX.1 [dev]'));
    expect(within(row).getByRole('note').textContent).toContain('Moved to background');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Generate' }).hasAttribute('disabled')).toBe(false),
    );
    expect((screen.getByRole('combobox', { name: 'Model' }) as HTMLInputElement).value).toBe('FLUX.1 [dev]');
  });

  test('a Dual Mode pair shows as two rows', async () => {
    renderPanel(await dualPairScenario(), <ActiveGenerations />);
    await waitFor(() => expect(activeRows()).toHaveLength(2));
    expect(within(rowOf('FLUX.1 [dev]')).getByText('Dual 1')).toBeTruthy();
    expect(within(rowOf('FLUX.1 [schnell]')).getByText('Dual 2')).toBeTruthy();
  });
});
