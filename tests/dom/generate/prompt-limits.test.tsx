import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { MAX_PROMPT_CHARS } from '../../../src/domain/index.ts';
import { emptyScenario, FLUX_DEV } from '../../../stories/fixtures/generate-scenarios.ts';
import { renderPanel } from './render-generate.tsx';

/**
 * What may go out (issue 10): an empty or white-space prompt never submits, and the prompt is counted
 * against the ledger's limit as you type, so nothing is sent that the ledger could not record.
 */

const generate = () => screen.getByRole('button', { name: 'Generate' });
const prompt = () => screen.getByRole('textbox', { name: 'Prompt' });

describe('Generate: what may be sent', { timeout: 20_000 }, () => {
  test('an empty or white-space prompt disables Generate and says why; text enables it', async () => {
    const user = userEvent.setup();
    const scenario = emptyScenario({ defaultModel: FLUX_DEV });
    renderPanel(scenario);
    await screen.findByRole('textbox', { name: 'Prompt' });
    expect(generate().hasAttribute('disabled')).toBe(true);
    const reason = document.getElementById(generate().getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toMatch(/Write a prompt first/);
    await user.type(prompt(), '   ');
    expect(generate().hasAttribute('disabled')).toBe(true);
    await user.click(generate());
    expect(scenario.fakes.fal.calls.submit).toBe(0);
    await user.type(prompt(), 'a fox');
    await waitFor(() => expect(generate().hasAttribute('disabled')).toBe(false));
    expect(generate().getAttribute('aria-describedby')).toBeNull();
  });

  test('the prompt counts against the limit as you type; past it Generate is disabled and nothing is sent', async () => {
    const scenario = emptyScenario({ defaultModel: FLUX_DEV });
    renderPanel(scenario);
    await screen.findByRole('textbox', { name: 'Prompt' });
    fireEvent.change(prompt(), { target: { value: 'a fox' } });
    await waitFor(() => expect(document.body.textContent).toContain('5 / 20,000 characters'));
    fireEvent.change(prompt(), { target: { value: 'x'.repeat(MAX_PROMPT_CHARS + 5) } });
    await waitFor(() =>
      expect(document.body.textContent).toContain('20,005 / 20,000 characters: 5 too many'),
    );
    expect(prompt().getAttribute('aria-invalid')).toBe('true');
    expect(generate().hasAttribute('disabled')).toBe(true);
    const reason = document.getElementById(generate().getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toMatch(/prompt is too long/);
    fireEvent.click(generate());
    expect(scenario.fakes.fal.calls.submit).toBe(0);
    fireEvent.change(prompt(), { target: { value: 'x'.repeat(MAX_PROMPT_CHARS) } });
    await waitFor(() => expect(generate().hasAttribute('disabled')).toBe(false));
  });
});
