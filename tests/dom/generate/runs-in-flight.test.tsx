import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { inFlightText } from '../../../src/ui/views/active/active-row-view.ts';
import { dualPairScenario, generatingScenario } from '../../../stories/fixtures/generate-states.ts';
import { activeRows, renderPanel, rowOf } from './render-generate.tsx';

const generate = () => screen.getByRole('button', { name: 'Generate' });
const inFlight = () => screen.getByRole('status', { name: 'Runs in flight' }).textContent;

describe('Generate: a second run while one is running', { timeout: 20_000 }, () => {
  test('"Start another run" frees the form with the same fields; the first run goes on in the list', async () => {
    const user = userEvent.setup();
    renderPanel(await generatingScenario());
    await waitFor(() => rowOf('Veo 3.1'));
    expect(generate().hasAttribute('disabled')).toBe(true);
    expect(inFlight()).toBe('1 run in flight · $3.20 estimated');

    await user.click(screen.getByRole('button', { name: 'Start another run' }));
    await waitFor(() => expect(generate().hasAttribute('disabled')).toBe(false));
    expect((screen.getByRole('combobox', { name: 'Model' }) as HTMLInputElement).value).toBe('Veo 3.1');
    expect(within(rowOf('Veo 3.1')).getByRole('note').textContent).toContain('Moved to background');
    expect(screen.queryByRole('button', { name: 'Start another run' })).toBeNull();

    // The copy is sent too: two runs of Veo in flight, both in the list, the sum estimated.
    await user.click(generate());
    await waitFor(() => expect(activeRows()).toHaveLength(2));
    await waitFor(() => expect(inFlight()).toBe('2 runs in flight · $6.40 estimated'));
  });

  test('a Dual Mode pair leaves the foreground as one: both slots go on, the form is free', async () => {
    const user = userEvent.setup();
    renderPanel(await dualPairScenario());
    await waitFor(() => expect(activeRows()).toHaveLength(2));
    expect(generate().hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Start another run' }));
    await waitFor(() => expect(generate().hasAttribute('disabled')).toBe(false));
    expect(activeRows()).toHaveLength(2);
    expect(inFlight()).toBe('2 runs in flight · $0.03 estimated');
  });
});

describe("inFlightText's runs wording", () => {
  const usd = (micros: number) => `$${(micros / 1e6).toFixed(2)}`;
  test.each([
    [{ count: 1, usdMicros: 3_200_000, unpriced: 0 }, '1 run in flight · $3.20 estimated'],
    [{ count: 3, usdMicros: 28_000, unpriced: 1 }, '3 runs in flight · $0.03 estimated + 1 unpriced'],
    [{ count: 2, usdMicros: 0, unpriced: 2 }, '2 runs in flight · no price'],
  ] as const)('%j → %s', (figures, text) => {
    expect(inFlightText(figures, usd, 'runs')).toBe(text);
  });
});
