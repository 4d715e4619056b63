import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createLicenceLookup,
  LICENCE_CACHE_TTL_MS,
  LICENCE_RETRY_MS,
} from '../../../src/server/licence-lookup.ts';
import { type FalStack, startSandboxStack } from '../../fixtures/fal/fal-stack.ts';

let fal: FalStack;
beforeAll(async () => {
  fal = await startSandboxStack({ speed: 100 });
});
afterAll(() => fal.close());

/** A lookup over the Sandbox fal's model API whose fetch can be cut off, with a clock the test moves. */
function lookupWithClock() {
  const clock = { now: 0, down: false, calls: 0 };
  const fetchImpl: typeof fetch = (input, init) => {
    clock.calls += 1;
    return clock.down ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
  };
  const ctx = {
    isSandbox: () => true,
    sandboxBaseUrl: () => fal.sandboxUrl,
    settings: { falKey: () => null },
    fetch: fetchImpl,
    falApiBaseUrl: undefined,
  };
  const lookup = createLicenceLookup(ctx, ['fal-ai/flux-1/dev'], () => clock.now);
  return { clock, lookup };
}

describe('createLicenceLookup', () => {
  test('one read per day; concurrent callers share it', async () => {
    const { clock, lookup } = lookupWithClock();
    const [first] = await Promise.all([lookup.liveLicences(), lookup.liveLicences()]);
    expect(first.get('fal-ai/flux-1/dev')).toBe('commercial');
    expect(clock.calls).toBe(1);
    clock.now = LICENCE_CACHE_TTL_MS - 1;
    await lookup.liveLicences();
    expect(clock.calls).toBe(1);
    clock.now = LICENCE_CACHE_TTL_MS;
    await lookup.liveLicences();
    expect(clock.calls).toBe(2);
  });

  test('fal unheard: no licences (the seed stands), asked again after the retry pause', async () => {
    const { clock, lookup } = lookupWithClock();
    clock.down = true;
    expect((await lookup.liveLicences()).size).toBe(0);
    clock.down = false;
    clock.now = LICENCE_RETRY_MS - 1;
    expect((await lookup.liveLicences()).size).toBe(0);
    clock.now = LICENCE_RETRY_MS;
    expect((await lookup.liveLicences()).get('fal-ai/flux-1/dev')).toBe('commercial');
  });
});
