import { Hono } from 'hono';
import { afterAll, describe, expect, onTestFinished, test } from 'vitest';
import { createFalGateway, type FalGateway, FalError } from '../../../src/fal/index.ts';
import { createSandboxFal } from '../../../src/server/sandbox/index.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import { listen } from '../../fixtures/fal/fal-stack.ts';
import {
  ApiClient,
  recordIntent,
  removeDirs,
  startTestServer,
  tempDir,
} from '../../fixtures/server/harness.ts';
import { ResponseLog, rawHttp, record } from '../../fixtures/server/http.ts';

const KEY = 'live0000-1111-2222:LIVE-SECRET-do-not-leak-7f3a';
const dirs: string[] = [];
const servers: RunningServer[] = [];
const log = new ResponseLog();

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await removeDirs(dirs);
});

/** fetch that records a copy of every response (body included) in the log. */
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  await record(response.clone(), log);
  return response;
};

async function start(options: Parameters<typeof startTestServer>[1]) {
  const dir = await tempDir();
  dirs.push(dir);
  const server = await startTestServer(dir, { speed: 400, ...options });
  servers.push(server);
  return server;
}

function gatewayFor(server: RunningServer, token: string | null = server.token): FalGateway {
  return createFalGateway({
    proxyUrl: new URL('/api/fal/proxy', server.url).href,
    headers: token === null ? {} : { 'x-modelbridge-token': token },
    fetch: recordingFetch,
    retry: { maxRetries: 0 },
  });
}

let runs = 0;

/** Records the intent (as the panel does), submits it, polls to COMPLETED and reads the result. */
async function runToCompletion(
  server: RunningServer,
  gateway: FalGateway,
  endpointId: string,
  prompt: string,
) {
  runs += 1;
  const genId = `run-${runs}`;
  await recordIntent(new ApiClient(server, log), { genId, endpointId, prompt });
  const { requestId } = await gateway.submit(endpointId, { prompt }, genId);
  for (let i = 0; i < 200; i += 1) {
    const status = await gateway.status(endpointId, requestId);
    if (status.status === 'COMPLETED') return gateway.result(endpointId, requestId);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the sandbox run did not complete in time');
}

describe('fal through the backend', () => {
  test('Sandbox mode: the real fal client runs a job through the proxy and the in-process sandbox', async () => {
    const server = await start({ sandbox: true });
    const result = await runToCompletion(
      server,
      gatewayFor(server),
      'fal-ai/flux/schnell',
      'a lighthouse at dusk',
    );
    expect(result.billableUnits).toBeGreaterThan(0);
    const url = (result.data as { images: Array<{ url: string }> }).images[0]!.url;
    expect(url.startsWith(`http://127.0.0.1:${server.port}/sandbox/`)).toBe(true);
    // The media file is served without the token (an <img> cannot send headers) but behind the Host check.
    const media = await rawHttp(
      { port: server.port, path: new URL(url).pathname, headers: { host: `127.0.0.1:${server.port}` } },
      log,
    );
    expect(media.status).toBe(200);
    expect(media.headers['content-type']).toMatch(/^image\//);
  });

  test('the proxy refuses a caller without the token', async () => {
    const server = await start({ sandbox: true });
    const error = await gatewayFor(server, null)
      .submit('fal-ai/flux/schnell', { prompt: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FalError);
    const direct = await new ApiClient(server, log).call('POST', '/api/fal/proxy', {}, null);
    expect(direct.status).toBe(401);
  });

  test('Sandbox pricing: unknown models are priced by the sandbox, never made up', async () => {
    const api = new ApiClient(await start({ sandbox: true }), log);
    expect((await api.get('/api/pricing?endpoint_id=acme/some-image-model')).json).toMatchObject({
      source: 'sandbox',
      price: { unitPrice: 0.03, unit: 'image', currency: 'USD' },
    });
    expect((await api.get('/api/pricing?endpoint_id=acme/unpriced-image')).json).toMatchObject({
      source: 'sandbox',
      price: null,
    });
  });

  test('live mode: the key is added upstream and never comes back in any response of the run', async () => {
    let port = 0;
    const upstream: string[] = [];
    // fal.ai itself is replaced by a Sandbox fal on its own port (the backend's own one is hidden while
    // a key is set): every fal host maps onto it.
    let falOrigin = '';
    const fal = await listen(
      new Hono().route(
        '/sandbox',
        createSandboxFal({ speed: 400, publicBaseUrl: () => `${falOrigin}/sandbox` }),
      ),
    );
    falOrigin = fal.origin;
    onTestFinished(() => fal.close());
    const toSandbox: typeof fetch = (input, init) => {
      const target = new URL(input instanceof Request ? input.url : String(input));
      upstream.push(new Headers(init?.headers).get('authorization') ?? '');
      const prefix = { 'queue.fal.run': '/queue', 'rest.fal.ai': '/rest', 'api.fal.ai': '/api' }[
        target.hostname
      ];
      const local = prefix ? `${falOrigin}/sandbox${prefix}${target.pathname}${target.search}` : target.href;
      return fetch(local, init);
    };
    const server = await start({ env: { FAL_KEY: KEY }, fetch: toSandbox });
    port = server.port;
    const api = new ApiClient(server, log);
    expect(((await api.get('/api/health')).json as { sandbox: boolean }).sandbox).toBe(false);
    const result = await runToCompletion(server, gatewayFor(server), 'fal-ai/flux/schnell', 'a red door');
    expect(result.billableUnits).toBeGreaterThan(0);
    expect(upstream.length).toBeGreaterThan(2);
    expect(upstream.every((h) => h === `Key ${KEY}`)).toBe(true);
    await api.get('/api/settings');
    await api.get('/api/pricing?endpoint_id=acme/other-model');
    await rawHttp({ port, path: '/', headers: { host: `127.0.0.1:${port}` } }, log);
    expect(log.responses.length).toBeGreaterThan(8);
    expect(log.containing(KEY)).toEqual([]);
    expect(log.containing(KEY.split(':')[1]!)).toEqual([]);
  });
});
