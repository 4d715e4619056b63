import { describe, expect, test } from 'vitest';
import { estimateCost } from '../../../../src/domain/pricing/estimate-cost.ts';
import { model } from './helpers.ts';

// Every worked check of reference/fal-pricing.md ("Worked checks"), in integer micro-USD.
describe('worked checks of fal-pricing.md', () => {
  test.each([
    [
      'Veo 3.1 5 s 1080p audio',
      'fal-ai/veo3.1',
      { duration: '5s', resolution: '1080p', generate_audio: true },
      2_000_000,
    ],
    [
      'Veo 3.1 Fast, same settings',
      'fal-ai/veo3.1/fast',
      { duration: '5s', resolution: '1080p', generate_audio: true },
      750_000,
    ],
    [
      'Kling v3 Pro "5" audio + voice control',
      'fal-ai/kling-video/v3/pro/text-to-video',
      { duration: '5', generate_audio: true, voice_ids: ['voice-1'] },
      980_000,
    ],
    [
      'Kling 2.5 Turbo Pro "10"',
      'fal-ai/kling-video/v2.5-turbo/pro/text-to-video',
      { duration: '10' },
      700_000,
    ],
    [
      'Hailuo 02 Standard "6" 768P',
      'fal-ai/minimax/hailuo-02/standard/image-to-video',
      { duration: '6', resolution: '768P' },
      270_000,
    ],
    [
      'Seedance 1.0 Pro 1080p "5"',
      'fal-ai/bytedance/seedance/v1/pro/image-to-video',
      { duration: '5', resolution: '1080p' },
      610_000,
    ],
    ['FLUX.1 dev 1024×768', 'fal-ai/flux-1/dev', { image_size: { width: 1024, height: 768 } }, 25_000],
    ['FLUX.2 pro 1920×1080', 'fal-ai/flux-2-pro', { image_size: { width: 1920, height: 1080 } }, 45_000],
    [
      'Nano Banana 2 edit, 2 images at 4K',
      'fal-ai/nano-banana-2/edit',
      { num_images: 2, resolution: '4K', enable_web_search: false },
      320_000,
    ],
  ])('%s', (_name, endpointId, params, micros) => {
    const estimate = estimateCost(model(endpointId), params);
    expect(estimate).toMatchObject({ usdMicros: micros, tier: 'estimated', upTo: false });
  });

  test('SeedVR 1920×1080 × 121 frames: 250.9056 video MP × $0.001 = 250,906 micro-USD ($0.25)', () => {
    const estimate = estimateCost(
      model('fal-ai/seedvr/upscale/video'),
      { upscale_mode: 'factor', upscale_factor: 2 },
      { media: { width: 960, height: 540, frames: 121 } },
    );
    expect(estimate).toMatchObject({ usdMicros: 250_906, tier: 'estimated', upTo: false });
    expect(Math.round(estimate.usdMicros! / 10_000) / 100).toBe(0.25);
  });

  test('the Veo 3.1 explanation is the formula with its numbers', () => {
    const estimate = estimateCost(model('fal-ai/veo3.1'), {
      duration: '5s',
      resolution: '1080p',
      generate_audio: true,
    });
    expect(estimate.explanation).toBe('5 s × $0.40/s (1080p, audio)');
    expect(estimate.priceRef).toBe('https://fal.ai/models/fal-ai/veo3.1/llms.txt (undated)');
  });

  test('Kling 2.5 Turbo Pro explanation and a dated priceRef', () => {
    const estimate = estimateCost(model('fal-ai/kling-video/v2.5-turbo/pro/text-to-video'), {
      duration: '10',
    });
    expect(estimate.explanation).toBe('$0.35 for 5 s + 5 s × $0.07/s');
    expect(estimate.priceRef).toMatch(/ \(verified 2026-06-08\)$/);
  });
});
