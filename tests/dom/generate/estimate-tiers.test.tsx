import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { emptyScenario, model } from '../../../stories/fixtures/generate-scenarios.ts';
import { costText, renderPanel } from './render-generate.tsx';

describe('Generate: the live cost badge', () => {
  test('a catalog model with every input known is Estimated, in USD', async () => {
    renderPanel(emptyScenario());
    const picker = await screen.findByRole('combobox', { name: 'Model' });
    expect((picker as HTMLInputElement).value).toBe('FLUX.1 [dev]');
    expect(costText()).toContain('Estimated $0.03');
    expect(screen.getByText('Estimated $0.03').closest('[data-tier]')?.getAttribute('data-tier')).toBe(
      'estimated',
    );
  });

  test.each([
    ['fal-ai/veo3.1/fast', 'Estimated up to $2.80', 'estimated'],
    ['fal-ai/clarity-upscaler', 'From $0.03', 'from'],
    ['fal-ai/elevenlabs/tts/multilingual-v2', 'No price', 'none'],
  ])('%s shows "%s"', async (id, label, tier) => {
    renderPanel(emptyScenario({ defaultModel: model(id) }));
    await waitFor(() => expect(costText()).toContain(label));
    const badge = screen.getByText(label).closest('[data-tier]');
    expect(badge?.getAttribute('data-tier')).toBe(tier);
    // Never "$0" for an unknown or minimum price.
    expect(badge?.textContent).not.toMatch(/\$0(\.00)?$/);
  });

  test('every change updates the badge: duration, then the prompt of a TTS model', async () => {
    const user = userEvent.setup();
    renderPanel(emptyScenario({ defaultModel: model('fal-ai/kling-video/o3/4k/text-to-video') }));
    await waitFor(() => expect(costText()).toContain('Estimated $2.10'));
    await user.click(screen.getByRole('combobox', { name: 'Duration' }));
    await user.click(await screen.findByRole('option', { name: '15 s' }));
    expect(costText()).toContain('Estimated $6.30');

    await user.click(screen.getByRole('combobox', { name: 'Model' }));
    await user.click(await screen.findByRole('option', { name: /ElevenLabs TTS/ }));
    expect(costText()).toContain('No price');
    await user.click(screen.getByRole('textbox', { name: 'Prompt' }));
    await user.paste('x'.repeat(2000));
    expect(costText()).toContain('Estimated $0.20');
  });

  test('the display currency comes from the billing actor (SEK, one decimal)', async () => {
    renderPanel(emptyScenario({ defaultModel: model('fal-ai/veo3.1') }), undefined, {
      billing: { input: { currency: 'SEK' } },
    });
    await waitFor(() => expect(costText()).toMatch(/Estimated [\d.,\s]+kr/));
  });
});
