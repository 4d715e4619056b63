import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkFalKey, FalError, fetchFalLicence, fetchFalPricing } from '../../../src/fal/index.ts';
import { type FalStack, startSandboxStack } from '../../fixtures/fal/fal-stack.ts';

// fal's Platform API, served by the Sandbox fal's fakes under /api/v1.
let stack: FalStack;
let api: string;
let closedApi: string;

beforeAll(async () => {
  stack = await startSandboxStack({ speed: 100 });
  api = `${stack.sandboxUrl}/api/v1`;
  const closed = await startSandboxStack({ speed: 100 });
  await closed.close();
  closedApi = `${closed.sandboxUrl}/api/v1`;
});
afterAll(() => stack.close());

describe('fal Platform API reads', () => {
  test('pricing: the list price of a catalog model, null for an unpriced one', async () => {
    expect(await fetchFalPricing('fal-ai/flux-1/dev', 'id:secret', fetch, api)).toEqual({
      unitPrice: 0.025,
      unit: 'megapixel',
      currency: 'USD',
    });
    expect(await fetchFalPricing('acme/unpriced-model', 'id:secret', fetch, api)).toBeNull();
  });

  test('pricing with a refused key or no connection throws a classified, uncharged FalError', async () => {
    await expect(fetchFalPricing('fal-ai/flux-1/dev', 'bad:secret', fetch, api)).rejects.toMatchObject({
      kind: 'AUTH_INVALID',
      charged: 'no',
    });
    const offline = await fetchFalPricing('fal-ai/flux-1/dev', 'id:secret', fetch, closedApi).catch(
      (e: unknown) => e,
    );
    expect(offline).toBeInstanceOf(FalError);
    expect(offline).toMatchObject({ kind: 'NETWORK', charged: 'no' });
  });

  test('licence: commercial only when fal says so; missing or unreachable is unknown', async () => {
    expect(await fetchFalLicence('fal-ai/flux-1/dev', null, fetch, api)).toBe('commercial');
    expect(await fetchFalLicence('fal-ai/veo3.1', 'id:secret', fetch, api)).toBe('unknown');
    expect(await fetchFalLicence('fal-ai/flux-1/dev', null, fetch, closedApi)).toBe('unknown');
  });

  test('key check: valid, invalid (refused or malformed) and unreachable', async () => {
    expect(await checkFalKey('id:secret', fetch, api)).toBe('valid');
    expect(await checkFalKey('bad:secret', fetch, api)).toBe('invalid');
    expect(await checkFalKey('id: secret', fetch, api)).toBe('invalid');
    expect(await checkFalKey('id:secret', fetch, closedApi)).toBe('unreachable');
  });
});
