import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFalGateway, FalError, type FalGateway } from '../../../src/fal/index.ts';
import { type FalStack, pollUntil, startSandboxStack } from '../../fixtures/fal/fal-stack.ts';

const MAX_RETRIES = 2;
let stack: FalStack;
let fal: FalGateway;

beforeAll(async () => {
  stack = await startSandboxStack({ speed: 200 });
  // Short, bounded backoff keeps the retry tests fast; the policy shape is the production one.
  fal = createFalGateway({
    proxyUrl: stack.proxyUrl,
    retry: { maxRetries: MAX_RETRIES, baseDelayMs: 5, maxDelayMs: 20 },
  });
});
afterAll(() => stack.close());

async function caught(work: Promise<unknown>): Promise<FalError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FalError);
  return error as FalError;
}

async function untilCompleted(endpointId: string, requestId: string) {
  return pollUntil(async () => {
    const status = await fal.status(endpointId, requestId);
    return status.status === 'COMPLETED' ? status : undefined;
  }, 10_000);
}

function hitsOn(pathPart: string, method: string): number {
  return stack.sandboxHits.filter((h) => h.method === method && h.path.includes(pathPart)).length;
}

/** User-facing copy rules (modelbridge-docs.md §13): no JSON, no status codes, what/why/what to do. */
function expectHumaneMessage(error: FalError): void {
  expect(error.message).not.toMatch(/[{}[\]]|\b(401|403|422|429|500|503|504)\b|HTTP/);
  expect(error.message.split('. ').length).toBeGreaterThanOrEqual(3);
}

describe('failures through the gateway, proxy and sandbox', { timeout: 15_000 }, () => {
  test('a 422 at the worker completes with an error, and result() fails at once without retrying', async () => {
    const { requestId } = await fal.submit('fal-ai/flux/dev', { prompt: 'bad duration [fail:422]' });
    const status = await untilCompleted('fal-ai/flux/dev', requestId);
    expect(status.error).toBe('Input validation failed');
    const error = await caught(fal.result('fal-ai/flux/dev', requestId));
    expect(error).toMatchObject({ kind: 'VALIDATION', charged: 'maybe', retryable: false, requestId });
    expect(error.message).toContain("Duration: Input should be '5' or '10'");
    expectHumaneMessage(error);
    expect(hitsOn(`/requests/${requestId}`, 'GET') - hitsOn(`/requests/${requestId}/status`, 'GET')).toBe(1);
  });

  test('a 500 on the result is retried a bounded number of times, then reported as a SERVER error (not charged)', async () => {
    const { requestId } = await fal.submit('fal-ai/flux/dev', { prompt: 'crash [fail:500]' });
    await untilCompleted('fal-ai/flux/dev', requestId);
    const error = await caught(fal.result('fal-ai/flux/dev', requestId));
    expect(error).toMatchObject({ kind: 'SERVER', charged: 'no', retryable: true });
    expectHumaneMessage(error);
    const resultHits =
      hitsOn(`/requests/${requestId}`, 'GET') - hitsOn(`/requests/${requestId}/status`, 'GET');
    expect(resultHits).toBe(1 + MAX_RETRIES);
  });

  test('a 503 on submit is retried boundedly, then SERVER; nothing was queued so nothing is charged', async () => {
    const before = hitsOn('/queue/fal-ai/flux/schnell', 'POST');
    const error = await caught(fal.submit('fal-ai/flux/schnell', { prompt: 'busy [fail:503]' }));
    expect(error).toMatchObject({ kind: 'SERVER', charged: 'no', requestId: null });
    expect(hitsOn('/queue/fal-ai/flux/schnell', 'POST') - before).toBe(1 + MAX_RETRIES);
  });

  test.each([
    ['[fail:balance]', 'BALANCE_EMPTY', 1],
    ['[fail:auth]', 'AUTH_INVALID', 1],
    ['[fail:429]', 'RATE_LIMIT', 1 + MAX_RETRIES],
  ] as const)('%s at submit → %s, not charged, %i attempt(s)', async (keyword, kind, attempts) => {
    const endpointId = `fal-ai/submit-${kind.toLowerCase()}`;
    const error = await caught(fal.submit(endpointId, { prompt: `x ${keyword}` }));
    expect(error).toMatchObject({ kind, charged: 'no' });
    expectHumaneMessage(error);
    expect(hitsOn(`/queue/${endpointId}`, 'POST')).toBe(attempts);
  });

  test.each([
    ['[fail:policy]', 'CONTENT_POLICY', 'flagged as violence'],
    ['[fail:timeout]', 'TIMEOUT', 'took too long'],
  ] as const)('%s at the worker → %s', async (keyword, kind, phrase) => {
    const { requestId } = await fal.submit('fal-ai/flux/dev', { prompt: `x ${keyword}` });
    await untilCompleted('fal-ai/flux/dev', requestId);
    const error = await caught(fal.result('fal-ai/flux/dev', requestId));
    expect(error).toMatchObject({ kind, charged: 'maybe' });
    expect(error.message).toContain(phrase);
    expectHumaneMessage(error);
  });

  test('the backend not answering is a NETWORK error after bounded retries; the submit never left, so no charge', async () => {
    const closed = await startSandboxStack({ speed: 1 });
    await closed.close();
    const offline = createFalGateway({ proxyUrl: closed.proxyUrl, retry: { maxRetries: 1, baseDelayMs: 1 } });
    const error = await caught(offline.submit('fal-ai/flux/dev', { prompt: 'x' }));
    expect(error).toMatchObject({ kind: 'NETWORK', charged: 'no', retryable: true });
    expectHumaneMessage(error);
  });
});
