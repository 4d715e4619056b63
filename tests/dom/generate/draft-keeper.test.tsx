import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, test } from 'vitest';
import type { ActiveGenerationsActorRef } from '../../../src/machines/generation/active-generations.machine.ts';
import { falFailure } from '../../../stories/fixtures/generate-fakes.ts';
import { emptyScenario, FLUX_DEV } from '../../../stories/fixtures/generate-scenarios.ts';
import { Panel, renderPanel } from './render-generate.tsx';
import { usePanelActor } from '../../../src/ui/actors/panel-context.ts';

/** Hands the test the Active generations actor the views use. */
function Probe({ onRef }: { onRef: (ref: ActiveGenerationsActorRef) => void }) {
  onRef(usePanelActor('activeGenerations'));
  return null;
}

function renderWithProbe(scenario: ReturnType<typeof emptyScenario>) {
  let actor: ActiveGenerationsActorRef | null = null;
  renderPanel(
    scenario,
    <StrictMode>
      <Panel />
      <Probe onRef={(ref) => (actor = ref)} />
    </StrictMode>,
  );
  const entries = () => (actor as ActiveGenerationsActorRef | null)?.getSnapshot().context.entries ?? [];
  return { entries };
}

describe('Generate: the form is the newest draft', { timeout: 20_000 }, () => {
  test('one draft on mount, even under StrictMode', async () => {
    const { entries } = renderWithProbe(emptyScenario({ defaultModel: FLUX_DEV }));
    await screen.findByRole('combobox', { name: 'Model' });
    expect(entries().map((e) => [e.kind, e.id])).toEqual([['single', 'gen-1']]);
  });

  test('Dual Mode on and off swaps the draft for a pair and back, keeping the fields', async () => {
    const user = userEvent.setup();
    const { entries } = renderWithProbe(emptyScenario({ defaultModel: FLUX_DEV }));
    await user.type(await screen.findByRole('textbox', { name: 'Prompt' }), 'a fox');
    await user.click(screen.getByRole('switch', { name: 'Dual Mode' }));
    await waitFor(() => expect(entries().map((e) => e.kind)).toEqual(['dual']));
    expect((screen.getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement).value).toBe('a fox');
    await user.click(screen.getByRole('switch', { name: 'Dual Mode' }));
    await waitFor(() => expect(entries().map((e) => e.kind)).toEqual(['single']));
    expect((screen.getByRole('combobox', { name: 'Model' }) as HTMLInputElement).value).toBe('FLUX.1 [dev]');
    expect((screen.getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement).value).toBe('a fox');
  });

  test('once a run ends, a new draft with the same fields frees the form', async () => {
    const user = userEvent.setup();
    const scenario = emptyScenario({
      defaultModel: FLUX_DEV,
      script: {
        submit: { ok: { queuePosition: 1 } },
        status: { fail: falFailure('VALIDATION', 'no', 'fal.ai refused the inputs.') },
      },
    });
    const { entries } = renderWithProbe(scenario);
    await user.type(await screen.findByRole('textbox', { name: 'Prompt' }), 'a fox');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(entries()).toHaveLength(2));
    expect(screen.getByRole('button', { name: 'Generate' }).hasAttribute('disabled')).toBe(false);
    expect((screen.getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement).value).toBe('a fox');
    expect(entries()[0]?.ref.getSnapshot().value).toBe('failed');
  });
});
