import { describe, expect, test } from 'vitest';
import { configKey, type LearnedSample, learnedEstimate } from '../../../../src/domain/pricing/learned.ts';
import { model } from './helpers.ts';

const NOW = new Date('2026-05-01T12:00:00Z');
const KEY = 'fal-ai/veo3.1|duration=5|generate_audio=true|resolution=1080p';

function run(usdMicros: number, at: string, key = KEY): LearnedSample {
  return { usdMicros, at, configKey: key };
}

describe('configKey', () => {
  test('endpoint plus price inputs after defaults, sorted and normalised', () => {
    const veo = model('fal-ai/veo3.1');
    expect(configKey(veo, { duration: '5s', resolution: '1080p', generate_audio: true, prompt: 'x' })).toBe(
      KEY,
    );
    expect(configKey(veo, { prompt: 'other' })).toBe(
      'fal-ai/veo3.1|duration=8|generate_audio=true|resolution=720p',
    );
  });

  test('explicit defaults and omitted defaults give the same key', () => {
    const flux = model('fal-ai/flux-1/dev');
    const key = configKey(flux, {});
    expect(key).toBe('fal-ai/flux-1/dev|image_size=1024x768|num_images=1');
    expect(configKey(flux, { image_size: { width: 1024, height: 768 }, num_images: 1, seed: 3 })).toBe(key);
  });

  test('custom voices and undocumented defaults are part of the key', () => {
    const kling = model('fal-ai/kling-video/v3/standard/text-to-video');
    expect(configKey(kling, { duration: '5' })).toBe(
      'fal-ai/kling-video/v3/standard/text-to-video|duration=5|generate_audio=?|voice_control=false',
    );
    expect(configKey(kling, { duration: '5', generate_audio: true, voice_ids: ['v'] })).toContain(
      'voice_control=true',
    );
  });

  test('text to speech keys on text length', () => {
    expect(configKey(model('fal-ai/minimax/speech-02-turbo'), { text: 'hello' })).toBe(
      'fal-ai/minimax/speech-02-turbo|chars=5',
    );
  });

  test('upscalers add the source size', () => {
    const seedvr = model('fal-ai/seedvr/upscale/video');
    expect(configKey(seedvr, {}, { width: 960, height: 540, frames: 121 })).toBe(
      'fal-ai/seedvr/upscale/video|upscale_factor=2|upscale_mode=factor|media=960x540x121',
    );
  });

  test('a model outside the catalog keys on the common price inputs given', () => {
    expect(configKey('fal-ai/new-model', { resolution: '720p', prompt: 'x', duration: '6s' })).toBe(
      'fal-ai/new-model|duration=6|resolution=720p',
    );
  });
});

describe('learnedEstimate', () => {
  test('median of at least 3 runs of the same configuration', () => {
    const samples = [
      run(2_003_200, '2026-04-30T10:00:00Z'),
      run(1_990_000, '2026-04-20T10:00:00Z'),
      run(2_100_000, '2026-04-10T10:00:00Z'),
      run(9_999_999, '2026-04-10T10:00:00Z', 'fal-ai/veo3.1|other'),
    ];
    expect(learnedEstimate(samples, KEY, NOW)).toEqual({
      usdMicros: 2_003_200,
      tier: 'learned',
      upTo: false,
      explanation: '≈ median of 3 runs',
      priceRef: 'your metered runs (latest 2026-04-30)',
    });
  });

  test('an even count averages the middle two, rounded once', () => {
    const samples = [1, 2, 4, 10].map((m, i) => run(m, `2026-04-2${i}T00:00:00Z`));
    expect(learnedEstimate(samples, KEY, NOW)?.usdMicros).toBe(3);
    const halfway = [1, 2, 3, 10].map((m, i) => run(m, `2026-04-2${i}T00:00:00Z`));
    expect(learnedEstimate(halfway, KEY, NOW)?.usdMicros).toBe(3); // (2 + 3) / 2 = 2.5 → 3
  });

  test('fewer than 3 runs, or runs older than 60 days, give nothing', () => {
    const two = [run(1, '2026-04-30T00:00:00Z'), run(2, '2026-04-29T00:00:00Z')];
    expect(learnedEstimate(two, KEY, NOW)).toBeNull();
    const stale = [...two, run(3, '2026-03-01T00:00:00Z')];
    expect(learnedEstimate(stale, KEY, NOW)).toBeNull();
    const edge = [...two, run(3, '2026-03-02T12:00:00Z')]; // exactly 60 days before NOW
    expect(learnedEstimate(edge, KEY, NOW)?.usdMicros).toBe(2);
  });

  test('future, undated and malformed samples are ignored', () => {
    const samples = [
      run(1, '2026-04-30T00:00:00Z'),
      run(2, '2026-04-29T00:00:00Z'),
      run(3, '2026-06-01T00:00:00Z'),
      run(4, 'not a date'),
      run(-5, '2026-04-28T00:00:00Z'),
      run(1.5, '2026-04-28T00:00:00Z'),
    ];
    expect(learnedEstimate(samples, KEY, NOW)).toBeNull();
  });
});
