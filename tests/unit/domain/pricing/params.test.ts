import { describe, expect, test } from 'vitest';
import {
  defaultParams,
  hasVoiceControl,
  MP_PIXELS_IMAGE,
  MP_PIXELS_VIDEO,
  megapixels,
  megapixelsCeil,
  parseDurationSeconds,
} from '../../../../src/domain/pricing/params.ts';
import { imageSizeOf, nanoBananaSize, seedanceVideoSize } from '../../../../src/domain/pricing/sizes.ts';
import { model } from './helpers.ts';

describe('parseDurationSeconds', () => {
  test.each([
    ['8s', 8],
    ['5', 5],
    [' 10 ', 10],
    ['6 s', 6],
    [2.5, 2.5],
    ['7.5s', 7.5],
  ])('%j → %d s', (input, seconds) => {
    expect(parseDurationSeconds(input)).toBe(seconds);
  });

  test.each([
    ['abc'],
    [''],
    ['s'],
    ['-5'],
    [0],
    [-1],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [null],
    [true],
    ['5m'],
  ])('%j is not a duration', (input) => {
    expect(parseDurationSeconds(input)).toBeNull();
  });
});

describe('sizes', () => {
  test('FLUX presets', () => {
    expect(imageSizeOf('square_hd')).toEqual({ width: 1024, height: 1024 });
    expect(imageSizeOf('square')).toEqual({ width: 512, height: 512 });
    expect(imageSizeOf('landscape_4_3')).toEqual({ width: 1024, height: 768 });
    expect(imageSizeOf('landscape_16_9')).toEqual({ width: 1024, height: 576 });
    expect(imageSizeOf('portrait_4_3')).toEqual({ width: 768, height: 1024 });
    expect(imageSizeOf('portrait_16_9')).toEqual({ width: 576, height: 1024 });
  });

  test('custom {width, height} must be positive whole pixels', () => {
    expect(imageSizeOf({ width: 1920, height: 1080 })).toEqual({ width: 1920, height: 1080 });
    expect(imageSizeOf({ width: 0, height: 1080 })).toBeNull();
    expect(imageSizeOf({ width: 10.5, height: 1080 })).toBeNull();
    expect(imageSizeOf('16:9')).toBeNull();
    expect(imageSizeOf(null)).toBeNull();
  });

  test('Nano Banana sizes scale the 1K table; auto is unknown', () => {
    expect(nanoBananaSize('1K', '1:1')).toEqual({ width: 1024, height: 1024 });
    expect(nanoBananaSize('4K', '16:9')).toEqual({ width: 5504, height: 3072 });
    expect(nanoBananaSize('0.5K', '1:1')).toEqual({ width: 512, height: 512 });
    expect(nanoBananaSize('1K', 'auto')).toBeNull();
  });

  test('Seedance sizes by resolution and aspect ratio', () => {
    expect(seedanceVideoSize('1080p', '1:1')).toEqual({ width: 1440, height: 1440 });
    expect(seedanceVideoSize('480p', '16:9')).toEqual({ width: 864, height: 480 });
    expect(seedanceVideoSize('1080p', 'auto')).toBeNull();
  });
});

describe('megapixels', () => {
  test('image MP is 1024 × 1024 px: 1920×1080 is 2 started MP, not 3', () => {
    expect(MP_PIXELS_IMAGE).toBe(1_048_576);
    expect(megapixelsCeil({ width: 1920, height: 1080 }, MP_PIXELS_IMAGE)).toBe(2);
    expect(megapixelsCeil({ width: 1920, height: 1080 }, 1_000_000)).toBe(3);
  });

  test('SeedVR video MP is 1,000,000 px', () => {
    expect(MP_PIXELS_VIDEO).toBe(1_000_000);
    expect(megapixels({ width: 1920, height: 1080 }, MP_PIXELS_VIDEO) * 121).toBeCloseTo(250.9056, 10);
  });

  test('a tiny image still bills one MP', () => {
    expect(megapixelsCeil({ width: 1, height: 1 }, MP_PIXELS_IMAGE)).toBe(1);
  });
});

describe('defaultParams', () => {
  test('documented defaults only; null and required inputs are left out', () => {
    expect(defaultParams(model('fal-ai/veo3.1/fast'))).toEqual({
      duration: '8s',
      aspect_ratio: '16:9',
      generate_audio: true,
    });
    expect(defaultParams(model('fal-ai/nano-banana-2/edit'))).toEqual({
      num_images: 1,
      resolution: '1K',
      aspect_ratio: 'auto',
    });
    expect(defaultParams(model('fal-ai/minimax/speech-2.8-hd'))).toEqual({});
  });

  test.each([
    'fal-ai/veo3/fast',
    'fal-ai/kling-video/v3/standard/text-to-video',
    'fal-ai/kling-video/v3/pro/image-to-video',
  ])('%s sends audio on: its rate-setting toggle has no documented default', (id) => {
    // Unsent, fal would choose the rate and the run's units could never be priced (no Actual).
    expect(defaultParams(model(id)).generate_audio).toBe(true);
  });

  test('an undocumented resolution stays unsent (the highest rate is only an "up to")', () => {
    expect(defaultParams(model('fal-ai/veo3.1/fast'))).not.toHaveProperty('resolution');
    expect(defaultParams(model('fal-ai/wan-25-preview/image-to-video'))).not.toHaveProperty('resolution');
  });
});

describe('hasVoiceControl', () => {
  test('a non-empty voice_ids or voice_list turns custom voices on', () => {
    expect(hasVoiceControl({ voice_ids: ['a'] })).toBe(true);
    expect(hasVoiceControl({ voice_list: [{ voice_id: 'a' }] })).toBe(true);
    expect(hasVoiceControl({ voice_ids: [] })).toBe(false);
    expect(hasVoiceControl({ voice_ids: 'a' })).toBe(false);
    expect(hasVoiceControl({})).toBe(false);
  });
});
