import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import {
  ConfirmCostDialog,
  type ConfirmCostModel,
} from '../../../src/ui/components/ConfirmCostDialog/ConfirmCostDialog.tsx';
import { renderUi, TEST_FX } from './render.tsx';

const veo = {
  name: 'Veo 3.1',
  estimate: { usdMicros: 6_000_000, tier: 'estimated' as const, upTo: false, explanation: '8 s × $0.75/s' },
};
const kling = {
  name: 'Kling 2.5 Pro',
  estimate: { usdMicros: 3_500_000, tier: 'from' as const, upTo: false, explanation: 'fal unit price' },
};
const combined = { usdMicros: 9_500_000, tier: 'from' as const, upTo: false, explanation: 'sum of both' };

function setup(models: ConfirmCostModel[] = [veo], overrides = {}) {
  const onCancel = vi.fn();
  const onContinue = vi.fn();
  renderUi(
    <ConfirmCostDialog
      opened
      models={models}
      combined={models.length > 1 ? combined : veo.estimate}
      currency="USD"
      rates={TEST_FX}
      onCancel={onCancel}
      onContinue={onContinue}
      {...overrides}
    />,
  );
  return { onCancel, onContinue, dialog: screen.getByRole('dialog', { name: 'Confirm generation cost' }) };
}

describe('ConfirmCostDialog', () => {
  test('a dialog named "Confirm generation cost" shows the model and its estimate', () => {
    const { dialog } = setup();
    expect(within(dialog).getByText('Veo 3.1')).toBeTruthy();
    expect(within(dialog).getByText('Estimated $6.00')).toBeTruthy();
    expect(within(dialog).queryByText('Combined')).toBeNull();
  });

  test('Escape cancels', async () => {
    const user = userEvent.setup();
    const { onCancel, onContinue } = setup();
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onContinue).not.toHaveBeenCalled();
  });

  test('Cancel and Continue call their callbacks', async () => {
    const user = userEvent.setup();
    const { onCancel, onContinue, dialog } = setup();
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    expect(onContinue).toHaveBeenCalledTimes(1);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  test('focus starts on Cancel, so Enter never spends money by accident', async () => {
    const { dialog, onContinue } = setup();
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    await userEvent.setup().keyboard('{Enter}');
    expect(onContinue).not.toHaveBeenCalled();
  });

  test('dual mode lists each model and the combined estimate in the display currency', () => {
    const { dialog } = setup([veo, kling], { currency: 'SEK' });
    const lines = within(within(dialog).getByRole('list', { name: 'Estimated cost' })).getAllByRole(
      'listitem',
    );
    expect(lines.map((li) => li.textContent)).toEqual([
      'Veo 3.1Estimated 60.0 kr8 s × $0.75/s',
      'Kling 2.5 ProFrom 35.0 krfal unit price',
      'CombinedFrom 95.0 krsum of both',
    ]);
  });

  test('an unpriced model says so and never shows $0', () => {
    const lora = {
      name: 'Community LoRA',
      estimate: { upTo: false, explanation: 'No published price', usdMicros: null, tier: 'none' as const },
    };
    const { dialog } = setup([lora]);
    expect(within(dialog).getByText('No price')).toBeTruthy();
    expect(dialog.textContent).toContain('No price is known for this model');
    expect(within(dialog).queryByText(/\$\s*0/)).toBeNull();
  });

  test('closed renders no dialog', () => {
    renderUi(
      <ConfirmCostDialog
        opened={false}
        models={[veo]}
        combined={veo.estimate}
        currency="USD"
        rates={TEST_FX}
        onCancel={() => {}}
        onContinue={() => {}}
      />,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
