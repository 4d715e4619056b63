import { expect, test } from 'vitest';
import { main } from '../../src/cli.ts';

test('unknown command is refused with exit code 2', async () => {
  expect(await main(['nope'])).toBe(2);
});
