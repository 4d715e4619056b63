import { afterEach, describe, expect, test } from 'vitest';
import { createFalGateway, FalError } from '../../../src/fal/index.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import {
  ApiClient,
  recordIntent,
  removeDirs,
  startTestServer,
  tempDir,
} from '../../fixtures/server/harness.ts';

/**
 * A bogus fal key (issue 10): the backend runs Live with it, and fal's first 401 marks the key refused, so
 * the panel says so (and offers Sandbox) instead of failing run after run. fal.ai is played by a fetch
 * that refuses every key, as fal does for a wrong one; the key check at save cannot reach it.
 */

const BOGUS = 'bogus0000-1111:not-a-real-secret';
const dirs: string[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await removeDirs(dirs.splice(0));
});

/** fal.ai refusing the key: 401 on the queue; the key-check endpoint is unreachable. */
const refusingFal: typeof fetch = async (input) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname === 'queue.fal.run') {
    return Response.json({ detail: 'Invalid API key' }, { status: 401 });
  }
  throw new TypeError('fetch failed');
};

async function start(options: Parameters<typeof startTestServer>[1]) {
  const dir = await tempDir();
  dirs.push(dir);
  const server = await startTestServer(dir, { fetch: refusingFal, ...options });
  servers.push(server);
  return { server, api: new ApiClient(server) };
}

async function runOnce(server: RunningServer, api: ApiClient) {
  await recordIntent(api, { genId: 'g1', endpointId: 'fal-ai/flux/schnell', prompt: 'a fox' });
  const gateway = createFalGateway({
    proxyUrl: new URL('/api/fal/proxy', server.url).href,
    headers: { 'x-modelbridge-token': server.token },
    retry: { maxRetries: 0 },
  });
  return gateway.submit('fal-ai/flux/schnell', { prompt: 'a fox' }, 'g1').catch((error: unknown) => error);
}

describe('a key fal refuses', () => {
  test('a saved key that could not be checked is Live, and the first 401 marks it invalid (saved)', async () => {
    const { server, api } = await start({});
    expect(((await api.put('/api/settings', { falKey: BOGUS })).json as { falKey: string }).falKey).toBe(
      'unchecked',
    );
    expect(((await api.get('/api/health')).json as { sandbox: boolean }).sandbox).toBe(false);
    const error = await runOnce(server, api);
    expect(error).toBeInstanceOf(FalError);
    expect((error as FalError).kind).toBe('AUTH_INVALID');
    await expect
      .poll(async () => ((await api.get('/api/settings')).json as { falKey: string }).falKey)
      .toBe('invalid');
    // Removing the refused key (the panel's "Use Sandbox") switches to Sandbox.
    await api.put('/api/settings', { falKey: null });
    expect(((await api.get('/api/health')).json as { sandbox: boolean }).sandbox).toBe(true);
  });

  test('a refused FAL_KEY is reported invalid too, in memory only', async () => {
    const { server, api } = await start({ env: { FAL_KEY: BOGUS } });
    await runOnce(server, api);
    await expect
      .poll(async () => (await api.get('/api/settings')).json as { falKey: string; falKeySource: string })
      .toMatchObject({ falKey: 'invalid', falKeySource: 'env' });
  });
});
