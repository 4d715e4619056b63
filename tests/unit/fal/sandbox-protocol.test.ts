import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_SANDBOX_REQUESTS, SandboxStore } from '../../../src/server/sandbox/store.ts';
import { type FalStack, pollUntil, startSandboxStack } from '../../fixtures/fal/fal-stack.ts';

// The sandbox on its own, over plain HTTP: the wire details @fal-ai/client relies on.
let stack: FalStack;
let queue: string;

beforeAll(async () => {
  stack = await startSandboxStack({ speed: 50 });
  queue = `${stack.sandboxUrl}/queue`;
});
afterAll(() => stack.close());

async function submit(endpointId: string, input: Record<string, unknown>) {
  const response = await fetch(`${queue}/${endpointId}`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: { 'content-type': 'application/json' },
  });
  return { response, body: (await response.json()) as Record<string, unknown> };
}

describe('Sandbox fal queue protocol', { timeout: 15_000 }, () => {
  test('submit on the full id answers IN_QUEUE with owner/app URLs on the public base and x-fal-request-id', async () => {
    const { response, body } = await submit('fal-ai/kling-video/v2.5-turbo/pro/image-to-video', {
      prompt: 'p',
    });
    expect(response.status).toBe(200);
    const id = String(body.request_id);
    expect(response.headers.get('x-fal-request-id')).toBe(id);
    expect(body).toMatchObject({
      status: 'IN_QUEUE',
      response_url: `${queue}/fal-ai/kling-video/requests/${id}`,
      status_url: `${queue}/fal-ai/kling-video/requests/${id}/status`,
      cancel_url: `${queue}/fal-ai/kling-video/requests/${id}/cancel`,
    });
    expect(body.queue_position).toEqual(expect.any(Number));
    // The sub-path is not part of the request address (fal-api.md: "the fake must answer without it").
    const wrong = await fetch(
      `${queue}/fal-ai/kling-video/v2.5-turbo/pro/image-to-video/requests/${id}/status?logs=0`,
    );
    expect(wrong.status).toBe(404);
  });

  test('202 until done, 200 when COMPLETED; logs only with logs=1; result before completion is refused', async () => {
    const { body } = await submit('fal-ai/veo3.1', { prompt: 'p', duration: '4s' });
    const base = `${queue}/fal-ai/veo3.1/requests/${body.request_id}`;
    const early = await fetch(`${base}/status?logs=0`);
    expect(early.status).toBe(202);
    expect(((await early.json()) as { logs: unknown }).logs).toBeNull();
    expect((await fetch(base)).status).toBe(400);
    const running = await pollUntil(async () => {
      const s = (await (await fetch(`${base}/status?logs=1`)).json()) as {
        status: string;
        logs: Array<{ message: string; source: string }>;
      };
      return s.status === 'IN_PROGRESS' && s.logs.length > 0 ? s : undefined;
    }, 10_000);
    expect(running.logs[0]).toMatchObject({ source: 'USER', message: expect.any(String) });
    const done = await pollUntil(async () => {
      const r = await fetch(`${base}/status?logs=0`);
      return r.status === 200 ? ((await r.json()) as Record<string, unknown>) : undefined;
    }, 10_000);
    expect(done).toMatchObject({ status: 'COMPLETED', metrics: { inference_time: expect.any(Number) } });
    expect(done.error).toBeUndefined();
    const result = await fetch(base);
    expect(result.status).toBe(200);
    expect(result.headers.get('x-fal-billable-units')).toBe('4.008');
  });

  test('the status stream sends server-sent events ending with COMPLETED', async () => {
    const { body } = await submit('fal-ai/flux/schnell', { prompt: 'p' });
    const response = await fetch(`${queue}/fal-ai/flux/requests/${body.request_id}/status/stream?logs=0`);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = (await response.text())
      .split('\n\n')
      .filter((chunk) => chunk.startsWith('data: '))
      .map((chunk) => (JSON.parse(chunk.slice(6)) as { status: string }).status);
    expect(events.at(-1)).toBe('COMPLETED');
    expect(events.length).toBeGreaterThan(1);
  });

  test('bad input is a 422 pydantic body; an unknown request is 404 / NOT_FOUND', async () => {
    const bad = await fetch(`${queue}/fal-ai/flux/dev`, { method: 'POST', body: '[1,2]' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { detail: Array<{ loc: string[] }> }).detail[0]?.loc).toEqual(['body']);
    expect((await fetch(`${queue}/fal-ai/flux/requests/nope/status`)).status).toBe(404);
    const cancel = await fetch(`${queue}/fal-ai/flux/requests/nope/cancel`, { method: 'PUT' });
    expect(await cancel.json()).toEqual({ status: 'NOT_FOUND' });
  });

  test('[fail:balance] uses fal’s locked-account wording', async () => {
    const { response, body } = await submit('fal-ai/flux/dev', { prompt: '[fail:balance]' });
    expect(response.status).toBe(403);
    expect(String(body.detail)).toMatch(/^User is locked\. Reason: Exhausted balance/);
  });
});

describe('Sandbox state', () => {
  test('keeps at most MAX_SANDBOX_REQUESTS requests, dropping the oldest', () => {
    const store = new SandboxStore(1000, 1);
    const first = store.create('fal-ai/flux/dev', { prompt: 'a' });
    for (let i = 0; i < MAX_SANDBOX_REQUESTS; i++) store.create('fal-ai/flux/dev', { prompt: String(i) });
    expect(store.all()).toHaveLength(MAX_SANDBOX_REQUESTS);
    expect(store.get('fal-ai/flux', first.id)).toBeUndefined();
  });

  test('timings scale with speed and repeat for the same seed', () => {
    const slow = new SandboxStore(1, 42).create('fal-ai/veo3.1', { prompt: 'a' });
    const fast = new SandboxStore(100, 42).create('fal-ai/veo3.1', { prompt: 'a' });
    expect(slow.runMs).toBeGreaterThan(40_000);
    expect(fast.runMs).toBeCloseTo(slow.runMs / 100, 6);
    expect(new SandboxStore(100, 42).create('fal-ai/veo3.1', { prompt: 'a' }).queueMs).toBe(fast.queueMs);
  });
});
