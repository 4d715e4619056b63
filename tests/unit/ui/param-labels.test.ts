import { expect, test } from 'vitest';
import { choiceLabel } from '../../../src/ui/views/generate/param-labels.ts';

test.each([
  ['image_size', 'landscape_4_3', 'Landscape 4:3'],
  ['image_size', 'square_hd', 'Square HD'],
  ['image_size', 'portrait_16_9', 'Portrait 16:9'],
  ['duration', '5', '5 s'],
  ['duration', '8s', '8s'],
  ['aspect_ratio', '16:9', '16:9'],
  ['resolution', '1080p', '1080p'],
])('%s choice %s reads as %s', (name, value, label) => {
  expect(choiceLabel({ name, type: 'string', default: null } as never, value)).toBe(label);
});
