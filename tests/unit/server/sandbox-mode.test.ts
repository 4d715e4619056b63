import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../../src/server/start.ts';
import { type FakeFalPlatform, startFakeFalPlatform } from '../../fixtures/server/fake-fal-platform.ts';
import { ApiClient, removeDirs, startTestServer, tempDir } from '../../fixtures/server/harness.ts';

// The Sandbox fal has no token (the fal client and <img> tags call it), so it may only answer while the
// backend is in Sandbox mode: with a real key its token-free storage would be a way in for nothing.
const KEY = 'f4c3b00c-1d2e-4f5a:9d8c7b6a5f4e3d2c1b0a-SECRET';
const dirs: string[] = [];
const servers: RunningServer[] = [];
let fal: FakeFalPlatform;

beforeAll(async () => {
  fal = await startFakeFalPlatform(KEY, {});
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await fal?.close();
  await removeDirs(dirs);
});

async function start(options: Parameters<typeof startTestServer>[1]): Promise<RunningServer> {
  const dataDir = await tempDir('mb-sandbox-mode-');
  dirs.push(dataDir);
  const server = await startTestServer(dataDir, { falApiBaseUrl: fal.baseUrl, ...options });
  servers.push(server);
  return server;
}

/** The status of each Sandbox entry point: uploads, queue, files, platform API. */
async function sandboxStatuses(server: RunningServer): Promise<number[]> {
  const calls: Array<[string, string, string?]> = [
    ['POST', 'sandbox/rest/storage/upload/initiate', '{"content_type":"text/html","file_name":"a.html"}'],
    ['PUT', 'sandbox/storage/upload/anything', 'x'],
    ['POST', 'sandbox/queue/fal-ai/flux/schnell', '{"prompt":"p"}'],
    ['GET', 'sandbox/files/up/a/b.png'],
    ['GET', 'sandbox/api/v1/models/pricing?endpoint_id=fal-ai/flux/schnell'],
  ];
  const statuses: number[] = [];
  for (const [method, path, body] of calls) {
    const response = await fetch(new URL(path, server.url), {
      method,
      body,
      headers: body ? { 'content-type': 'application/json' } : {},
    });
    await response.body?.cancel();
    statuses.push(response.status);
  }
  return statuses;
}

/** Statuses that show the Sandbox itself answered (an upload initiated, a run queued). */
async function sandboxAnswers(server: RunningServer): Promise<boolean> {
  const [initiate, , submit] = await sandboxStatuses(server);
  return initiate === 200 && submit === 200;
}

describe('the Sandbox fal answers only in Sandbox mode', () => {
  test('with FAL_KEY in the environment every /sandbox path is 404 JSON', async () => {
    const server = await start({ env: { FAL_KEY: KEY } });
    expect(server.sandbox()).toBe(false);
    expect(await sandboxStatuses(server)).toEqual([404, 404, 404, 404, 404]);
    for (const path of ['sandbox/rest/storage/upload/initiate', 'sandbox', 'sandbox/']) {
      const response = await fetch(new URL(path, server.url), { method: 'POST', body: '{}' });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      // The backend's own 404, not the Sandbox's: the request never reached it.
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
  });

  test('without a key it answers; --sandbox forces it even with a key', async () => {
    expect(await sandboxAnswers(await start({}))).toBe(true);
    const forced = await start({ env: { FAL_KEY: KEY }, sandbox: true });
    expect(forced.sandbox()).toBe(true);
    expect(await sandboxAnswers(forced)).toBe(true);
  });

  test('saving a key in Settings closes it at once; removing the key opens it again', async () => {
    const server = await start({});
    const api = new ApiClient(server);
    expect(await sandboxAnswers(server)).toBe(true);
    expect((await api.put('/api/settings', { falKey: KEY })).status).toBe(200);
    expect(server.sandbox()).toBe(false);
    expect(await sandboxStatuses(server)).toEqual([404, 404, 404, 404, 404]);
    expect((await api.put('/api/settings', { falKey: null })).status).toBe(200);
    expect(server.sandbox()).toBe(true);
    expect(await sandboxAnswers(server)).toBe(true);
  });
});
