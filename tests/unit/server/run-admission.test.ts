import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_PROMPT_CHARS } from '../../../src/domain/ledger/run-limits.ts';
import { createFalGateway, type FalGateway } from '../../../src/fal/index.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import {
  ApiClient,
  recordIntent,
  removeDirs,
  startTestServer,
  tempDir,
} from '../../fixtures/server/harness.ts';

/**
 * Write-ahead for money through the real backend (issue 10): the proxy lets a run go to fal only when its
 * `generation.requested` is on disk with the same endpoint, prompt and parameters, and only once. fal.ai is
 * played by a recording fetch (the one thing that cannot run here): it answers a submit as fal's queue
 * does and counts what reached it, so "nothing was sent" is measured, not assumed.
 */

const KEY = 'test-key-0000:admission';
const ENDPOINT = 'fal-ai/flux/schnell';
let dataDir: string;
let server: RunningServer;
let api: ApiClient;
const upstream: string[] = [];

/** fal's queue as far as a submit goes: a request id per POST, recorded. */
const falQueue: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  upstream.push(`${init?.method ?? 'GET'} ${url.host}${url.pathname}`);
  const id = `req-${upstream.length}`;
  return Response.json(
    { request_id: id, status: 'IN_QUEUE', queue_position: 0, response_url: `${url.href}/requests/${id}` },
    { status: 200 },
  );
};

beforeAll(async () => {
  dataDir = await tempDir();
  server = await startTestServer(dataDir, { env: { FAL_KEY: KEY }, fetch: falQueue });
  api = new ApiClient(server);
});

afterAll(async () => {
  await server?.close();
  await removeDirs([dataDir]);
});

const gateway = (): FalGateway =>
  createFalGateway({
    proxyUrl: new URL('/api/fal/proxy', server.url).href,
    headers: { 'x-modelbridge-token': server.token },
    retry: { maxRetries: 0 },
  });

/** A submit straight to the proxy (what a script on this machine could send), with an optional intent. */
async function rawSubmit(
  body: unknown,
  intentId: string | null,
  target = `https://queue.fal.run/${ENDPOINT}`,
) {
  const headers: Record<string, string> = {
    'x-modelbridge-token': server.token,
    'x-fal-target-url': target,
    'content-type': 'application/json',
  };
  if (intentId) headers['x-modelbridge-intent'] = intentId;
  const response = await fetch(new URL('/api/fal/proxy', server.url), {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    json: (await response.json()) as { error?: { code: string; message: string } },
  };
}

const sent = () => upstream.filter((line) => line.startsWith('POST')).length;

describe('a run goes to fal only after its intent is on disk', () => {
  test('a submit with no recorded intent is refused and never reaches fal', async () => {
    const before = sent();
    const answer = await rawSubmit({ prompt: 'unrecorded' }, null);
    expect(answer.status).toBe(409);
    expect(answer.json.error?.code).toBe('RUN_NOT_RECORDED');
    const named = await rawSubmit({ prompt: 'unrecorded' }, 'never-recorded');
    expect(named.json.error?.code).toBe('RUN_NOT_RECORDED');
    expect(sent()).toBe(before);
  });

  test('the recorded run goes through the real fal client once; a second submit of it is refused', async () => {
    await recordIntent(api, {
      genId: 'g-once',
      endpointId: ENDPOINT,
      prompt: 'a lighthouse',
      params: { num_images: 1 },
    });
    const before = sent();
    const { requestId } = await gateway().submit(
      ENDPOINT,
      { prompt: 'a lighthouse', num_images: 1 },
      'g-once',
    );
    expect(requestId).toMatch(/^req-/);
    expect(sent()).toBe(before + 1);
    const again = await rawSubmit({ prompt: 'a lighthouse', num_images: 1 }, 'g-once');
    expect(again.status).toBe(409);
    expect(again.json.error?.code).toBe('RUN_ALREADY_SENT');
    expect(sent()).toBe(before + 1);
  });

  test('a submit whose prompt, parameters or endpoint differ from the recorded intent is refused', async () => {
    await recordIntent(api, {
      genId: 'g-diff',
      endpointId: ENDPOINT,
      prompt: 'cheap',
      params: { num_images: 1 },
    });
    const before = sent();
    expect((await rawSubmit({ prompt: 'other', num_images: 1 }, 'g-diff')).status).toBe(409);
    expect((await rawSubmit({ prompt: 'cheap', num_images: 4 }, 'g-diff')).status).toBe(409);
    const otherModel = await rawSubmit(
      { prompt: 'cheap', num_images: 1 },
      'g-diff',
      'https://queue.fal.run/fal-ai/veo3',
    );
    expect(otherModel.status).toBe(409);
    expect(sent()).toBe(before);
    // The matching one still goes.
    expect((await rawSubmit({ prompt: 'cheap', num_images: 1 }, 'g-diff')).status).toBe(200);
  });

  test('a synchronous fal.run call is gated the same way', async () => {
    const before = sent();
    expect((await rawSubmit({ prompt: 'sync' }, null, `https://fal.run/${ENDPOINT}`)).status).toBe(409);
    expect(sent()).toBe(before);
  });
});

describe('a run the ledger could not record is never sent', () => {
  test('a 25,000-character prompt: the ledger refuses the intent and the proxy refuses the submit', async () => {
    const prompt = 'p'.repeat(25_000);
    await expect(recordIntent(api, { genId: 'g-long', endpointId: ENDPOINT, prompt })).rejects.toThrow(
      /HTTP 400/,
    );
    const before = sent();
    const answer = await rawSubmit({ prompt }, 'g-long');
    expect(answer.status).toBe(400);
    expect(answer.json.error?.code).toBe('RUN_INVALID');
    expect(answer.json.error?.message).toContain(`at most ${MAX_PROMPT_CHARS.toLocaleString('en-US')}`);
    expect(sent()).toBe(before);
  });

  test('status, result and storage calls are not runs: they pass without an intent', async () => {
    const answer = await rawSubmit({}, null, `https://queue.fal.run/${ENDPOINT}/requests/req-1/cancel`);
    expect(answer.status).toBe(200);
  });
});
