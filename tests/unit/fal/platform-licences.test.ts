import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FalError, fetchFalLicences } from '../../../src/fal/index.ts';
import { type FalStack, startSandboxStack } from '../../fixtures/fal/fal-stack.ts';

// The Sandbox fal's model API, told to word some licences the way fal's pages do.
let stack: FalStack;
let api: string;

beforeAll(async () => {
  stack = await startSandboxStack({
    speed: 100,
    licenceWording: { 'fal-ai/veo3.1': 'Research only', 'fal-ai/flux-1/dev': 'apache-2.0' },
  });
  api = `${stack.sandboxUrl}/api/v1`;
});
afterAll(() => stack.close());

describe('fetchFalLicences', () => {
  test('names only the licences fal states in words we recognise', async () => {
    const ids = ['fal-ai/veo3.1', 'fal-ai/flux-1/dev', 'fal-ai/clarity-upscaler', 'fal-ai/mmaudio-v2'];
    const licences = await fetchFalLicences(ids, null, fetch, api);
    expect(Object.fromEntries(licences)).toEqual({
      'fal-ai/veo3.1': 'research',
      'fal-ai/clarity-upscaler': 'commercial',
    });
  });

  test('asks 50 ids per call', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `acme/model-${i}`);
    const before = stack.sandboxHits.length;
    expect((await fetchFalLicences(ids, null, fetch, api)).size).toBe(0);
    const calls = stack.sandboxHits.slice(before).filter((hit) => hit.path === '/api/v1/models');
    expect(calls).toHaveLength(3);
  });

  test('an unreachable fal throws a FalError, unlike "fal names none"', async () => {
    const closed = await startSandboxStack({ speed: 100 });
    await closed.close();
    const error = await fetchFalLicences(['fal-ai/veo3.1'], null, fetch, `${closed.sandboxUrl}/api/v1`).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FalError);
  });
});
