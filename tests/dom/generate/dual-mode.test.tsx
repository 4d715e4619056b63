import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { catalog } from '../../../src/domain/index.ts';
import { emptyScenario, FLUX_DEV } from '../../../stories/fixtures/generate-scenarios.ts';
import { dollarPerSecond } from '../../fixtures/machines/generation.ts';
import { costText, renderPanel, typePrompt } from './render-generate.tsx';

async function pick(user: UserEvent, combobox: string, option: RegExp) {
  await user.click(screen.getByRole('combobox', { name: combobox }));
  await user.click(await screen.findByRole('option', { name: option }));
}

async function dualOn(user: UserEvent) {
  await user.click(await screen.findByRole('switch', { name: 'Dual Mode' }));
  await screen.findByRole('combobox', { name: 'Second model' });
}

describe('Generate: Dual Mode', { timeout: 20_000 }, () => {
  test('the second picker offers the same category only, the primary model disabled', async () => {
    const user = userEvent.setup();
    renderPanel(emptyScenario({ defaultModel: FLUX_DEV }));
    await dualOn(user);
    await user.click(screen.getByRole('combobox', { name: 'Second model' }));
    const listbox = await screen.findByRole('listbox');
    const groups = within(listbox).getAllByRole('group');
    expect(groups).toHaveLength(1);
    expect(
      within(listbox)
        .getByRole('option', { name: /FLUX\.1 \[dev\]/ })
        .getAttribute('data-combobox-disabled'),
    ).toBe('true');
    expect(within(listbox).queryByRole('option', { name: /Veo/ })).toBeNull();
  });

  test('the combined estimate follows both models; switching off keeps the primary', async () => {
    const user = userEvent.setup();
    renderPanel(emptyScenario({ defaultModel: FLUX_DEV }));
    await dualOn(user);
    expect(costText('Combined estimate')).toContain('No price');
    await pick(user, 'Second model', /FLUX\.1 \[schnell\]/);
    expect(costText('Combined estimate')).toContain('Estimated $0.03');
    expect(costText('Combined estimate')).toContain('2 models');
    await user.click(screen.getByRole('switch', { name: 'Dual Mode' }));
    await waitFor(() => expect(screen.queryByRole('combobox', { name: 'Second model' })).toBeNull());
    expect((screen.getByRole('combobox', { name: 'Model' }) as HTMLInputElement).value).toBe('FLUX.1 [dev]');
  });

  test('the same model twice is a clear error, and nothing is sent', async () => {
    const user = userEvent.setup();
    const scenario = emptyScenario({ defaultModel: FLUX_DEV });
    renderPanel(scenario);
    await dualOn(user);
    await pick(user, 'Second model', /FLUX\.1 \[schnell\]/);
    await pick(user, 'Model', /FLUX\.1 \[schnell\]/);
    await typePrompt(user);
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('two different models');
    expect(alert.getAttribute('data-tone')).toBe('input');
    expect(scenario.fakes.fal.calls.submit).toBe(0);
  });

  test('two kinds of media is a clear error', async () => {
    const user = userEvent.setup();
    renderPanel(emptyScenario({ defaultModel: FLUX_DEV }));
    await dualOn(user);
    await pick(user, 'Second model', /FLUX\.1 \[schnell\]/);
    await pick(user, 'Model', /^Veo 3\.1\b(?! Fast| Image)/);
    await typePrompt(user);
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect((await screen.findByRole('alert')).textContent).toContain('same kind of media');
  });

  test.each([
    ['4', false],
    ['4.01', true],
  ])('combined $4.00 + $%s asks: %s (dual threshold $8.00)', async (second, asks) => {
    const user = userEvent.setup();
    const a = dollarPerSecond('text-to-video', 'test/dollar-a');
    const b = { ...dollarPerSecond('text-to-video', 'test/dollar-b'), display_name: 'Test $1 B' };
    const scenario = emptyScenario({
      models: [a, b, ...catalog],
      defaultModel: a,
      script: { submit: 'hold' },
    });
    renderPanel(scenario);
    await user.clear(screen.getByRole('textbox', { name: 'Duration' }));
    await user.type(screen.getByRole('textbox', { name: 'Duration' }), '4');
    await dualOn(user);
    await pick(user, 'Second model', /Test \$1 B/);
    await user.clear(screen.getByRole('textbox', { name: 'Second model duration' }));
    await user.type(screen.getByRole('textbox', { name: 'Second model duration' }), second);
    await typePrompt(user);
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    if (asks) {
      const dialog = await screen.findByRole('dialog', { name: 'Confirm generation cost' });
      expect(dialog.textContent).toContain('Combined');
      expect(dialog.textContent).toContain('$8.01');
    } else {
      await waitFor(() => expect(scenario.fakes.fal.calls.submit).toBe(2));
      expect(screen.queryByRole('dialog')).toBeNull();
    }
  });
});
