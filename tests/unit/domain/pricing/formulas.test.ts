import { describe, expect, test } from 'vitest';
import { estimateCost } from '../../../../src/domain/pricing/estimate-cost.ts';
import { model } from './helpers.ts';

describe('per_image', () => {
  test('rate picked by rendering_speed × num_images', () => {
    const e = estimateCost(model('fal-ai/ideogram/v3'), { rendering_speed: 'QUALITY', num_images: 3 });
    expect(e).toMatchObject({ usdMicros: 270_000, tier: 'estimated', upTo: false });
    expect(e.explanation).toBe('3 images × $0.09 (QUALITY)');
  });

  test('resolution multiplier and a web-search add-on charged once per request', () => {
    const e = estimateCost(model('fal-ai/nano-banana-2/edit'), {
      num_images: 4,
      resolution: '0.5K',
      enable_web_search: true,
    });
    // 4 × $0.08 × 0.75 + $0.015
    expect(e).toMatchObject({ usdMicros: 255_000, upTo: false });
    expect(e.explanation).toContain('+ $0.015 (web search is used)');
    expect(e.explanation).toContain('excl. $0.002 if high thinking is used');
  });

  test('an undocumented add-on default is charged and marked "up to"', () => {
    const e = estimateCost(model('fal-ai/nano-banana-2/edit'), { num_images: 1, resolution: '1K' });
    expect(e).toMatchObject({ usdMicros: 95_000, upTo: true });
    expect(e.explanation).toMatch(/^up to .*enable_web_search not set/);
  });

  test('an unpriced enum value gives no price, never a number', () => {
    const e = estimateCost(model('fal-ai/ideogram/v3'), { rendering_speed: 'ULTRA' });
    expect(e).toMatchObject({ usdMicros: null, tier: 'none' });
    expect(e.explanation).toContain('rendering_speed "ULTRA" is not priced');
  });

  test('a count that is not a whole number gives no price', () => {
    expect(estimateCost(model('fal-ai/flux-pro/kontext'), { num_images: 1.5 }).usdMicros).toBeNull();
  });
});

describe('per_megapixel_ceiling and per_megapixel_tiered', () => {
  test('presets are whole megapixels rounded up, times num_images', () => {
    const e = estimateCost(model('fal-ai/flux/schnell'), { image_size: 'landscape_16_9', num_images: 4 });
    expect(e).toMatchObject({ usdMicros: 12_000, upTo: false });
  });

  test('2048×2048 is 4 MP on FLUX.1 dev', () => {
    const e = estimateCost(model('fal-ai/flux-1/dev'), { image_size: { width: 2048, height: 2048 } });
    expect(e.usdMicros).toBe(100_000);
  });

  test('one pixel over a megapixel bills the next one', () => {
    const e = estimateCost(model('fal-ai/flux-1/dev'), { image_size: { width: 1025, height: 1024 } });
    expect(e.usdMicros).toBe(50_000);
  });

  test('tiered: first MP then each further MP', () => {
    const e = estimateCost(model('fal-ai/flux-2-pro'), { image_size: { width: 2048, height: 2048 } });
    expect(e).toMatchObject({ usdMicros: 75_000, explanation: '$0.03 + 3 MP × $0.015 (2048×2048, 4 MP)' });
  });

  test('an unknown preset gives no price', () => {
    expect(estimateCost(model('fal-ai/flux-2-pro'), { image_size: 'huge' }).tier).toBe('none');
  });
});

describe('per-second formulas', () => {
  test('per_second with a float duration (MMAudio)', () => {
    expect(estimateCost(model('fal-ai/mmaudio-v2'), { duration: 2.5 }).usdMicros).toBe(2_500);
  });

  test('per_second with a string duration (Kling O3 4K, audio does not matter)', () => {
    const m = model('fal-ai/kling-video/o3/4k/text-to-video');
    expect(estimateCost(m, { duration: '10', generate_audio: true }).usdMicros).toBe(4_200_000);
  });

  test('per_second_audio without audio, and custom voices need audio on', () => {
    const m = model('fal-ai/kling-video/v3/standard/text-to-video');
    expect(estimateCost(m, { duration: '5', generate_audio: false }).usdMicros).toBe(420_000);
    expect(estimateCost(m, { duration: '5', generate_audio: false, voice_ids: ['a'] }).usdMicros).toBe(
      420_000,
    );
    expect(estimateCost(m, { duration: '5', generate_audio: true, voice_ids: ['a'] }).usdMicros).toBe(
      770_000,
    );
  });

  test('per_second_audio with an undocumented audio default is "up to" the audio rate', () => {
    const e = estimateCost(model('fal-ai/veo3/fast'), { duration: '5s' });
    expect(e).toMatchObject({ usdMicros: 750_000, upTo: true, tier: 'estimated' });
    expect(e.explanation).toMatch(/^up to 5 s × \$0\.15\/s/);
  });

  test('per_second_audio rejects a toggle that is not a boolean', () => {
    const e = estimateCost(model('fal-ai/veo3/fast'), { duration: '5s', generate_audio: 'yes' });
    expect(e).toMatchObject({ usdMicros: null, tier: 'none' });
  });

  test('per_second_resolution picks the resolution rate (Wan 2.5)', () => {
    const m = model('fal-ai/wan-25-preview/image-to-video');
    expect(estimateCost(m, { duration: '5', resolution: '720p' })).toMatchObject({
      usdMicros: 500_000,
      upTo: false,
    });
    expect(estimateCost(m, { duration: '5', resolution: '4k' }).tier).toBe('none');
  });

  test('Seedance at other aspect ratios uses video tokens (h × w × fps × d / 1024 at $2.50/1M)', () => {
    const m = model('fal-ai/bytedance/seedance/v1/pro/image-to-video');
    // 1504 × 640 × 24 / 1024 = 22,560 tokens/s × 5 s × $2.50 per 1M tokens
    const e = estimateCost(m, { duration: '5', resolution: '720p', aspect_ratio: '21:9' });
    expect(e.usdMicros).toBe(282_000);
    expect(e.explanation).toContain('22,560 tokens/s');
    expect(estimateCost(m, { duration: '5', resolution: '720p', aspect_ratio: '9:16' }).usdMicros).toBe(
      270_000,
    );
  });

  test('per_second_audio_resolution: 4k without audio', () => {
    const m = model('fal-ai/veo3.1');
    const e = estimateCost(m, { duration: '8s', resolution: '4k', generate_audio: false });
    expect(e).toMatchObject({ usdMicros: 3_200_000, explanation: '8 s × $0.40/s (4k, no audio)' });
  });

  test('per_second_audio_resolution with no documented resolution is up to the 4k rate', () => {
    const e = estimateCost(model('fal-ai/veo3.1/fast'), { duration: '4s', generate_audio: false });
    expect(e).toMatchObject({ usdMicros: 1_200_000, upTo: true });
    expect(e.explanation).toContain('resolution not set');
  });

  test('base_plus_per_second: base covers the first seconds', () => {
    const m = model('fal-ai/kling-video/v2.5-turbo/standard/image-to-video');
    expect(estimateCost(m, { duration: '5' }).usdMicros).toBe(210_000);
    expect(estimateCost(m, { duration: '10' }).usdMicros).toBe(420_000);
  });

  test('a duration that is not a number of seconds gives no price', () => {
    expect(estimateCost(model('fal-ai/veo3.1'), { duration: 'long' }).usdMicros).toBeNull();
  });
});

describe('per_video_resolution', () => {
  test('a flat price per clip by resolution', () => {
    const e = estimateCost(model('fal-ai/pika/v2.2/text-to-video'), { resolution: '1080p' });
    expect(e).toMatchObject({
      usdMicros: 450_000,
      tier: 'estimated',
      explanation: '$0.45 per 5 s clip (1080p)',
    });
  });

  test('a clip longer than the priced one is only a minimum (tier from)', () => {
    const e = estimateCost(model('fal-ai/pika/v2.2/text-to-video'), { resolution: '720p', duration: '10' });
    expect(e).toMatchObject({ usdMicros: 200_000, tier: 'from', upTo: false });
  });
});

describe('per_1k_characters', () => {
  test('characters / 1000 × rate, rounded once', () => {
    const e = estimateCost(model('fal-ai/minimax/speech-02-turbo'), { text: 'a'.repeat(1234) });
    expect(e).toMatchObject({ usdMicros: 74_040, explanation: '1,234 chars × $0.06/1k chars' });
  });

  test('counts code points, so an emoji is one character', () => {
    expect(estimateCost(model('fal-ai/minimax/speech-2.8-hd'), { prompt: '😀😀' }).usdMicros).toBe(200);
  });

  test('no text yet gives no price', () => {
    const e = estimateCost(model('fal-ai/elevenlabs/tts/multilingual-v2'), {});
    expect(e).toMatchObject({ usdMicros: null, tier: 'none' });
    expect(e.explanation).toContain('$0.10 per 1k characters');
  });
});

describe('unit_price', () => {
  test('one video per request', () => {
    expect(estimateCost(model('fal-ai/minimax/hailuo-2.3/pro/image-to-video'), {}).usdMicros).toBe(490_000);
  });

  test('output megapixels of an upscale need the source size', () => {
    const m = model('fal-ai/clarity-upscaler');
    const e = estimateCost(m, { upscale_factor: 2 }, { media: { width: 1000, height: 1000 } });
    expect(e).toMatchObject({ usdMicros: 120_000, tier: 'estimated' });
    const unknown = estimateCost(m, { upscale_factor: 2 });
    expect(unknown).toMatchObject({ usdMicros: 30_000, tier: 'from', upTo: false });
    expect(unknown.explanation).toBe('from $0.03 per megapixel (source size unknown)');
  });

  test('SeedVR target mode scales the source to the target height', () => {
    const m = model('fal-ai/seedvr/upscale/video');
    const params = { upscale_mode: 'target', target_resolution: '1080p' };
    const e = estimateCost(m, params, { media: { width: 1280, height: 720, frames: 121 } });
    expect(e.usdMicros).toBe(250_906);
  });
});

describe('tiers outside the catalog', () => {
  test('fal unit price gives a "from" minimum', () => {
    const e = estimateCost(
      undefined,
      { duration: '5' },
      { falUnitPrice: { unitPrice: 0.07, unit: 'second' } },
    );
    expect(e).toEqual({
      usdMicros: 70_000,
      tier: 'from',
      upTo: false,
      explanation: 'from $0.07 per second',
      priceRef: 'fal pricing API',
    });
  });

  test('nothing known gives "No price" with a null amount', () => {
    const e = estimateCost(null, {});
    expect(e).toMatchObject({ usdMicros: null, tier: 'none', upTo: false, explanation: 'No price' });
  });

  test('a nonsense fal unit price is not shown as a number', () => {
    const e = estimateCost(undefined, {}, { falUnitPrice: { unitPrice: Number.NaN, unit: 'image' } });
    expect(e.usdMicros).toBeNull();
  });
});
