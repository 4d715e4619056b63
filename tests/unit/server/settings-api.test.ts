import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_FX } from '../../../src/domain/fx.ts';
import { PRICING_CACHE_FILE } from '../../../src/server/pricing-cache.ts';
import { SETTINGS_FILE } from '../../../src/server/settings-store.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import { type FakeFalPlatform, startFakeFalPlatform } from '../../fixtures/server/fake-fal-platform.ts';
import { ApiClient, removeDirs, startTestServer, tempDir } from '../../fixtures/server/harness.ts';
import { ResponseLog, rawHttp } from '../../fixtures/server/http.ts';

const KEY = 'f4c3b00c-1d2e-4f5a:9d8c7b6a5f4e3d2c1b0a-SECRET';
const ENV_KEY = 'env00000-aaaa-bbbb:ENVSECRET-0123456789abcdef';
const log = new ResponseLog();
const dirs: string[] = [];
let fal: FakeFalPlatform;
let dataDir: string;
let server: RunningServer;
let api: ApiClient;

beforeAll(async () => {
  fal = await startFakeFalPlatform(KEY, { 'acme/unlisted-model': 0.031 });
  dataDir = await tempDir();
  dirs.push(dataDir);
  server = await startTestServer(dataDir, { falApiBaseUrl: fal.baseUrl });
  api = new ApiClient(server, log);
});

afterAll(async () => {
  await server?.close();
  await fal?.close();
  await removeDirs(dirs);
});

async function settings() {
  return (await api.get('/api/settings')).json as Record<string, unknown>;
}

describe('settings', () => {
  test('a new data dir starts from the defaults, with no key (Sandbox)', async () => {
    expect(await settings()).toEqual({
      currency: 'USD',
      fx: DEFAULT_FX,
      thresholds: { singleUsdMicros: 5_000_000, dualUsdMicros: 8_000_000 },
      confirmUnpriced: true,
      foregroundWindowsSec: { image: 20, video: 90, audio: 30 },
      falKey: 'none',
      falKeySource: 'none',
    });
    expect(((await api.get('/api/health')).json as { sandbox: boolean }).sandbox).toBe(true);
  });

  test('a partial PUT round-trips; edited rates become manual, dated today', async () => {
    const response = await api.put('/api/settings', {
      currency: 'SEK',
      fx: { rates: { SEK: 10.25 } },
      thresholds: { singleUsdMicros: 2_500_000 },
      confirmUnpriced: false,
      foregroundWindowsSec: { video: 120 },
    });
    expect(response.status).toBe(200);
    const expected = {
      currency: 'SEK',
      fx: {
        base: 'USD',
        rates: { USD: 1, EUR: DEFAULT_FX.rates.EUR, SEK: 10.25 },
        asOf: dayjs().format('YYYY-MM-DD'),
        source: 'manual',
      },
      thresholds: { singleUsdMicros: 2_500_000, dualUsdMicros: 8_000_000 },
      confirmUnpriced: false,
      foregroundWindowsSec: { image: 20, video: 120, audio: 30 },
    };
    expect(response.json).toMatchObject(expected);
    expect(await settings()).toMatchObject(expected);
    const file = await stat(join(dataDir, SETTINGS_FILE));
    expect(file.mode & 0o777).toBe(0o600);
  });

  test.each([
    [{ currency: 'GBP' }],
    [{ fx: { rates: { EUR: 40 } } }],
    [{ fx: { asOf: '2025-02-30' } }],
    [{ thresholds: { singleUsdMicros: 1.5 } }],
    [{ foregroundWindowsSec: { image: 0 } }],
    [{ falKey: 'has spaces in it' }],
    [{ theme: 'dark' }],
  ])('%j is refused with a reason and changes nothing', async (patch) => {
    const before = await settings();
    const response = await api.put('/api/settings', patch);
    expect(response.status).toBe(400);
    const error = (response.json as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('INVALID_SETTINGS');
    expect(error.message.length).toBeGreaterThan(20);
    expect(await settings()).toEqual(before);
  });
});

describe('fal key (write-only)', () => {
  test('a saved key is checked against fal, stored with mode 0600 and ends Sandbox mode', async () => {
    const response = await api.put('/api/settings', { falKey: ` ${KEY} ` });
    expect(response.json).toMatchObject({ falKey: 'valid', falKeySource: 'saved' });
    expect(fal.authorizations.at(-1)).toBe(`Key ${KEY}`);
    const path = join(dataDir, SETTINGS_FILE);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ falKey: KEY, falKeyStatus: 'valid' });
    expect(((await api.get('/api/health')).json as { sandbox: boolean }).sandbox).toBe(false);
    const page = await rawHttp(
      { port: server.port, path: '/', headers: { host: `127.0.0.1:${server.port}` } },
      log,
    );
    expect(page.body).toContain('<meta name="modelbridge-sandbox" content="false" />');
  });

  test('a refused key is reported invalid; an unreachable fal leaves it unchecked', async () => {
    expect((await api.put('/api/settings', { falKey: 'wrong-id:wrong-secret' })).json).toMatchObject({
      falKey: 'invalid',
    });
    fal.down = true;
    expect((await api.put('/api/settings', { falKey: KEY })).json).toMatchObject({ falKey: 'unchecked' });
    fal.down = false;
    expect((await api.put('/api/settings', { falKey: KEY })).json).toMatchObject({ falKey: 'valid' });
  });

  test('the key survives a restart and is still never returned', async () => {
    await server.close();
    server = await startTestServer(dataDir, { falApiBaseUrl: fal.baseUrl });
    api = new ApiClient(server, log);
    expect(await settings()).toMatchObject({ falKey: 'valid', falKeySource: 'saved', currency: 'SEK' });
  });

  test('pricing: catalog models come from the catalog; others from fal with the key, cached with their date', async () => {
    const catalog = await api.get('/api/pricing?endpoint_id=fal-ai/flux/schnell');
    expect(catalog.json).toMatchObject({ source: 'catalog', model: { endpoint_id: 'fal-ai/flux/schnell' } });
    const asked = fal.paths.length;
    const live = await api.get('/api/pricing?endpoint_id=acme/unlisted-model');
    expect(live.json).toMatchObject({
      source: 'fal',
      stale: false,
      price: { unitPrice: 0.031, unit: 'image', currency: 'USD' },
    });
    expect(fal.paths.length).toBe(asked + 1);
    const cacheFile = JSON.parse(await readFile(join(dataDir, PRICING_CACHE_FILE), 'utf8'));
    expect(cacheFile.entries['acme/unlisted-model']).toMatchObject({ price: { unitPrice: 0.031 } });
    expect(Date.parse(cacheFile.entries['acme/unlisted-model'].fetchedAt)).toBeGreaterThan(
      Date.now() - 60_000,
    );
    fal.down = true;
    const cached = await api.get('/api/pricing?endpoint_id=acme/unlisted-model');
    fal.down = false;
    expect(cached.json).toMatchObject({ source: 'fal', price: { unitPrice: 0.031 } });
    expect(fal.paths.length).toBe(asked + 1);
    const unknown = await api.get('/api/pricing?endpoint_id=acme/no-price');
    expect(unknown.json).toMatchObject({ source: 'fal', price: null });
  });

  test('models: the catalog with licence, display name, category and params', async () => {
    const { models } = (await api.get('/api/models')).json as { models: Array<Record<string, unknown>> };
    expect(models.length).toBeGreaterThan(10);
    for (const model of models) {
      expect(model).toMatchObject({
        endpoint_id: expect.any(String),
        display_name: expect.any(String),
        category: expect.any(String),
        licence: expect.stringMatching(/^(commercial|research|private|unknown)$/),
        params: expect.any(Array),
      });
    }
  });

  test('removing the key deletes it from disk and returns to Sandbox mode', async () => {
    expect((await api.put('/api/settings', { falKey: null })).json).toMatchObject({
      falKey: 'none',
      falKeySource: 'none',
    });
    expect(await readFile(join(dataDir, SETTINGS_FILE), 'utf8')).not.toContain(KEY);
    expect(((await api.get('/api/health')).json as { sandbox: boolean }).sandbox).toBe(true);
  });

  test('FAL_KEY from the environment wins over a saved key and is reported as such', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const envServer = await startTestServer(dir, { env: { FAL_KEY: ENV_KEY }, falApiBaseUrl: fal.baseUrl });
    const envApi = new ApiClient(envServer, log);
    try {
      await envApi.put('/api/settings', { falKey: KEY });
      expect((await envApi.get('/api/settings')).json).toMatchObject({
        falKey: 'unchecked',
        falKeySource: 'env',
      });
      expect(((await envApi.get('/api/health')).json as { sandbox: boolean }).sandbox).toBe(false);
    } finally {
      await envServer.close();
    }
  });

  test('neither key ever appeared in any response body or header of this file', () => {
    expect(log.responses.length).toBeGreaterThan(25);
    expect(log.containing(KEY)).toEqual([]);
    expect(log.containing(ENV_KEY)).toEqual([]);
    for (const part of [KEY.split(':')[1]!, ENV_KEY.split(':')[1]!]) expect(log.containing(part)).toEqual([]);
  });
});
