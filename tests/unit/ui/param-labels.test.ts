import { describe, expect, test } from 'vitest';
import { catalog } from '../../../src/domain/pricing/catalog.ts';
import {
  choiceLabel,
  numberLabel,
  paramLabel,
  paramValueText,
} from '../../../src/ui/views/generate/param-labels.ts';

const param = (name: string, unit?: string) =>
  ({ name, type: 'string', default: null, ...(unit ? { unit } : {}) }) as never;

test.each([
  ['image_size', undefined, 'landscape_4_3', 'Landscape 4:3'],
  ['image_size', undefined, 'square_hd', 'Square HD'],
  ['image_size', undefined, 'portrait_16_9', 'Portrait 16:9'],
  // The unit is the catalog's: seconds for a bare-number duration; a value with its unit stays.
  ['duration', 's', '5', '5 s'],
  ['duration', 's', '8s', '8s'],
  ['duration', undefined, '5', '5'],
  ['aspect_ratio', undefined, '16:9', '16:9'],
  ['resolution', undefined, '1080p', '1080p'],
])('%s (unit %s) choice %s reads as %s', (name, unit, value, label) => {
  expect(choiceLabel(param(name, unit), value)).toBe(label);
});

describe('labels and units from the catalog', () => {
  test('every catalog duration and upscale factor says its unit', () => {
    const params = catalog.flatMap((m) => m.params);
    const durations = params.filter((p) => p.name === 'duration');
    expect(durations.length).toBeGreaterThan(10);
    expect(durations.every((p) => p.unit === 's')).toBe(true);
    expect(params.filter((p) => p.name === 'upscale_factor').every((p) => p.unit === '×')).toBe(true);
  });

  test('a typed-in number names its unit; a catalog label wins over the panel word', () => {
    expect(numberLabel({ name: 'duration', unit: 's' })).toBe('Duration (s)');
    expect(numberLabel({ name: 'num_images' })).toBe('Number of images');
    expect(paramLabel({ name: 'duration', label: 'Clip length' })).toBe('Clip length');
    expect(paramLabel('aspect_ratio')).toBe('Aspect ratio');
  });

  test.each([
    [param('duration', 's'), 10, '10 s'],
    [param('duration', 's'), '8s', '8s'],
    [param('generate_audio'), true, 'On'],
    [param('generate_audio'), false, 'Off'],
    [param('image_size'), 'landscape_16_9', 'Landscape 16:9'],
    [param('image_size'), { width: 1024, height: 768 }, '{"width":1024,"height":768}'],
    [undefined, 12, '12'],
  ] as const)('%j = %j reads as %s', (p, value, text) => {
    expect(paramValueText(p as never, value)).toBe(text);
  });
});
