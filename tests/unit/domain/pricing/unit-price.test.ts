import { describe, expect, test } from 'vitest';
import { actualFromUnits, unitPriceUsdMicros } from '../../../../src/domain/pricing/unit-price.ts';
import { model } from './helpers.ts';

describe('unitPriceUsdMicros', () => {
  test.each([
    ['fal-ai/veo3.1', { resolution: '1080p', generate_audio: true }, 400_000],
    ['fal-ai/veo3.1', {}, 400_000],
    ['fal-ai/veo3.1', { resolution: '4k', generate_audio: false }, 400_000],
    ['fal-ai/kling-video/v3/pro/text-to-video', { generate_audio: true, voice_ids: ['v'] }, 196_000],
    ['fal-ai/kling-video/v3/standard/text-to-video', { generate_audio: false }, 84_000],
    ['fal-ai/kling-video/o3/4k/text-to-video', {}, 420_000],
    ['fal-ai/minimax/hailuo-02/standard/image-to-video', { resolution: '512P' }, 17_000],
    ['fal-ai/flux-1/dev', {}, 25_000],
    ['fal-ai/ideogram/v3', { rendering_speed: 'TURBO' }, 30_000],
    ['fal-ai/nano-banana-2/edit', { resolution: '1K', enable_web_search: false }, 80_000],
    ['fal-ai/elevenlabs/tts/multilingual-v2', {}, 100_000],
    ['fal-ai/seedvr/upscale/video', {}, 1_000],
    ['fal-ai/minimax/hailuo-2.3/pro/image-to-video', {}, 490_000],
    // Pika bills one unit per 5 s clip: the clip price is the unit price.
    ['fal-ai/pika/v2.2/text-to-video', {}, 200_000],
    ['fal-ai/pika/v2.2/text-to-video', { resolution: '1080p' }, 450_000],
  ])('%s %j → %d micro-USD per unit', (id, params, micros) => {
    expect(unitPriceUsdMicros(model(id), params)).toBe(micros);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['fal-ai/flux-2-pro', {}, 'tiered megapixels have two rates'],
    ['fal-ai/kling-video/v2.5-turbo/pro/image-to-video', { duration: '10' }, 'base price plus seconds'],
    ['fal-ai/pika/v2.2/text-to-video', { duration: '10' }, 'only 5 s clips are priced'],
    ['fal-ai/veo3/fast', {}, 'audio default undocumented'],
    ['fal-ai/veo3.1/fast', { generate_audio: true }, 'resolution default undocumented'],
    ['fal-ai/wan-25-preview/image-to-video', {}, 'resolution default undocumented'],
    ['fal-ai/bytedance/seedance/v1/pro/image-to-video', { resolution: '1080p' }, 'billed in tokens'],
    ['fal-ai/nano-banana-2/edit', { resolution: '4K', enable_web_search: false }, 'resolution multiplier'],
    ['fal-ai/nano-banana-2/edit', { resolution: '1K' }, 'web search may apply'],
    ['fal-ai/veo3.1', { resolution: '8k' }, 'unpriced resolution'],
  ])('%s %j → null (%s)', (id, params) => {
    expect(unitPriceUsdMicros(model(id), params)).toBeNull();
  });

  test('a model outside the catalog uses fal unit price, or null', () => {
    expect(unitPriceUsdMicros(undefined, {}, { unitPrice: 0.007, unit: 'second' })).toBe(7_000);
    expect(unitPriceUsdMicros(undefined, {})).toBeNull();
  });
});

describe('actualFromUnits', () => {
  test('fractional units are priced and rounded once', () => {
    // fal reported 5.008 s for a 5 s Veo clip at $0.40/s
    expect(actualFromUnits(5.008, 400_000)).toBe(2_003_200);
    // modelbridge-docs §9: 38.8 units × $0.007 = $0.2716
    expect(actualFromUnits(38.8, 7_000)).toBe(271_600);
    expect(actualFromUnits(0.0000004, 1_000_000)).toBe(0);
    expect(actualFromUnits(0, 400_000)).toBe(0);
  });

  test('bad inputs are refused with a clear message', () => {
    expect(() => actualFromUnits(-1, 1_000)).toThrow(/Billable units must be a finite number ≥ 0, got -1/);
    expect(() => actualFromUnits(Number.NaN, 1_000)).toThrow(RangeError);
    expect(() => actualFromUnits(1, 0.5)).toThrow(/Unit price must be whole micro-USD/);
  });
});
