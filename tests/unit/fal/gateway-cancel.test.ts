import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFalGateway, FalError, type FalGateway } from '../../../src/fal/index.ts';
import { type FalStack, pollUntil, startSandboxStack } from '../../fixtures/fal/fal-stack.ts';

const VIDEO = 'fal-ai/veo3.1';
let stack: FalStack;
let fal: FalGateway;

beforeAll(async () => {
  stack = await startSandboxStack({ speed: 50 });
  fal = createFalGateway({ proxyUrl: stack.proxyUrl, retry: { baseDelayMs: 5 } });
});
afterAll(() => stack.close());

async function untilStatus(requestId: string, wanted: 'IN_PROGRESS' | 'COMPLETED') {
  return pollUntil(
    async () => {
      const status = await fal.status(VIDEO, requestId);
      return status.status === wanted ? status : undefined;
    },
    10_000,
    5,
  );
}

/** The sandbox's fake billing-events API: what fal would have billed for this request. */
async function billedUnits(requestId: string): Promise<number[]> {
  const response = await fetch(`${stack.sandboxUrl}/api/v1/models/billing-events?request_id=${requestId}`, {
    headers: { authorization: 'Key test:secret' },
  });
  const body = (await response.json()) as { billing_events: Array<{ output_units: number }> };
  return body.billing_events.map((e) => e.output_units);
}

describe('cancel semantics', { timeout: 15_000 }, () => {
  test('a cancel while queued removes the run: completed with an error, result refused, nothing billed', async () => {
    const { requestId } = await fal.submit(VIDEO, { prompt: 'queued then cancelled [slow]' });
    expect(await fal.cancel(VIDEO, requestId)).toBe('OK');
    const status = await untilStatus(requestId, 'COMPLETED');
    expect(status.error).toMatch(/cancelled/);
    const error = await fal.result(VIDEO, requestId).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FalError);
    expect(error).toMatchObject({ kind: 'UNKNOWN', cancelled: true, charged: 'no' });
    expect(await billedUnits(requestId)).toEqual([]);
  });

  test('a cancel while running normally stops the run, unbilled', async () => {
    const { requestId } = await fal.submit(VIDEO, { prompt: 'running then cancelled', duration: '4s' });
    await untilStatus(requestId, 'IN_PROGRESS');
    expect(await fal.cancel(VIDEO, requestId)).toBe('CANCELLATION_REQUESTED');
    await untilStatus(requestId, 'COMPLETED');
    await expect(fal.result(VIDEO, requestId)).rejects.toMatchObject({ cancelled: true, charged: 'no' });
    expect(await billedUnits(requestId)).toEqual([]);
  });

  test('[cancel-billed]: cancel during IN_PROGRESS is accepted, yet the run completes and its result still has units', async () => {
    const { requestId } = await fal.submit(VIDEO, { prompt: 'keeps going [cancel-billed]', duration: '6s' });
    await untilStatus(requestId, 'IN_PROGRESS');
    expect(await fal.cancel(VIDEO, requestId)).toBe('CANCELLATION_REQUESTED');
    const done = await untilStatus(requestId, 'COMPLETED');
    expect(done.error).toBeNull();
    const result = await fal.result(VIDEO, requestId);
    expect(result.billableUnits).toBe(6.008);
    expect(await billedUnits(requestId)).toEqual([6.008]);
  });

  test('cancelling a finished run answers ALREADY_COMPLETED; an unknown id answers NOT_FOUND', async () => {
    const { requestId } = await fal.submit('fal-ai/flux/schnell', { prompt: 'quick' });
    await pollUntil(
      async () =>
        (await fal.status('fal-ai/flux/schnell', requestId)).status === 'COMPLETED' ? true : undefined,
      10_000,
    );
    expect(await fal.cancel('fal-ai/flux/schnell', requestId)).toBe('ALREADY_COMPLETED');
    expect(await fal.cancel('fal-ai/flux/schnell', '00000000-0000-4000-8000-000000000000')).toBe('NOT_FOUND');
  });
});
