import { act, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { catalog } from '../../../src/domain/index.ts';
import { emptyScenario, FLUX_DEV } from '../../../stories/fixtures/generate-scenarios.ts';
import { dollarPerSecond } from '../../fixtures/machines/generation.ts';
import { costText, renderPanel, typePrompt } from './render-generate.tsx';

// $1.00 per second of `duration`: the duration typed is the price in dollars.
const DOLLAR = dollarPerSecond('text-to-video');

function dollarScenario() {
  return emptyScenario({
    models: [DOLLAR, ...catalog],
    defaultModel: DOLLAR,
    script: { submit: { ok: { queuePosition: 2 } } },
  });
}

async function setDuration(user: UserEvent, seconds: string) {
  const input = screen.getByRole('textbox', { name: 'Duration' });
  await user.clear(input);
  await user.type(input, seconds);
}

const dialog = () => screen.queryByRole('dialog', { name: 'Confirm generation cost' });

describe('Generate: the cost confirmation dialog', () => {
  test.each([
    ['5', 'Estimated $5.00', false],
    ['5.01', 'Estimated $5.01', true],
  ])('duration %s s (%s) asks: %s', async (seconds, label, asks) => {
    const user = userEvent.setup();
    const scenario = dollarScenario();
    renderPanel(scenario);
    await setDuration(user, seconds);
    expect(costText()).toContain(label);
    await typePrompt(user);
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    if (asks) {
      const open = await screen.findByRole('dialog', { name: 'Confirm generation cost' });
      expect(open.textContent).toContain('Test $1 per second');
      expect(open.textContent).toContain(label);
      expect(scenario.fakes.fal.calls.submit).toBe(0);
    } else {
      expect(dialog()).toBeNull();
      await waitFor(() => expect(scenario.fakes.fal.calls.submit).toBe(1));
    }
  });

  test('Cancel records nothing and returns to the form; Escape cancels too', async () => {
    const user = userEvent.setup();
    const scenario = dollarScenario();
    renderPanel(scenario);
    await setDuration(user, '6');
    await typePrompt(user);
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await screen.findByRole('dialog', { name: 'Confirm generation cost' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(dialog()).toBeNull());
    expect(screen.getByRole('button', { name: 'Generate' }).hasAttribute('disabled')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await screen.findByRole('dialog', { name: 'Confirm generation cost' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog()).toBeNull());
    expect(scenario.fakes.fal.calls.submit).toBe(0);
    expect(scenario.fakes.ledger.events).toEqual([]);
  });

  test('Continue sends once and records one generation.submitted', async () => {
    const user = userEvent.setup();
    const scenario = dollarScenario();
    renderPanel(scenario);
    await setDuration(user, '6');
    await typePrompt(user);
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await screen.findByRole('dialog', { name: 'Confirm generation cost' });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() =>
      expect(scenario.fakes.ledger.events.map((e) => e.type)).toEqual([
        'generation.requested',
        'generation.submitted',
      ]),
    );
    expect(scenario.fakes.fal.calls.submit).toBe(1);
    expect(dialog()).toBeNull();
  });

  test('rapid clicks on Generate submit once', async () => {
    const scenario = emptyScenario({ defaultModel: FLUX_DEV, script: { submit: 'hold' } });
    renderPanel(scenario);
    await typePrompt(userEvent.setup());
    const button = await screen.findByRole('button', { name: 'Generate' });
    // Three clicks before React renders again: only the first is accepted by the machine.
    act(() => {
      button.click();
      button.click();
      button.click();
    });
    await waitFor(() => expect(scenario.fakes.fal.calls.submit).toBe(1));
    expect(screen.getByRole('button', { name: 'Generate' }).hasAttribute('disabled')).toBe(true);
    await userEvent.setup().dblClick(screen.getByRole('button', { name: 'Generate' }));
    expect(scenario.fakes.fal.calls.submit).toBe(1);
  });
});
