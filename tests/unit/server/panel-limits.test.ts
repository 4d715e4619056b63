import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_FX } from '../../../src/domain/fx.ts';
import { API_BODY_LIMIT_BYTES, LEDGER_BODY_LIMIT_BYTES } from '../../../src/contract/index.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import { ApiClient, removeDirs, startTestServer, tempDir } from '../../fixtures/server/harness.ts';
import { type RecordedResponse, ResponseLog, rawHttp } from '../../fixtures/server/http.ts';

let dataDir: string;
let server: RunningServer;
let api: ApiClient;
const log = new ResponseLog();

beforeAll(async () => {
  dataDir = await tempDir();
  server = await startTestServer(dataDir, { sandbox: true });
  api = new ApiClient(server, log);
});

afterAll(async () => {
  await server?.close();
  await removeDirs([dataDir]);
});

const host = () => `127.0.0.1:${server.port}`;

function expectErrorBody(response: RecordedResponse, code: string): void {
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(JSON.parse(response.body)).toEqual({ error: { code, message: expect.any(String) } });
}

describe('body size', () => {
  test('a settings body over 1 MiB is refused with 413 JSON and changes nothing', async () => {
    const before = (await api.get('/api/settings')).body;
    const big = JSON.stringify({ currency: 'EUR', padding: 'x'.repeat(API_BODY_LIMIT_BYTES) });
    const response = await api.call('PUT', '/api/settings', big);
    expect(response.status).toBe(413);
    expectErrorBody(response, 'PAYLOAD_TOO_LARGE');
    expect((await api.get('/api/settings')).body).toBe(before);
  });

  test('a ledger batch may be larger (a CSV import is one event) but not over 4 MiB', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => ({
      key: `row-${i}`,
      date: '2026-01-02',
      description: `Stock footage licence ${i}`,
      amountMicros: 1_250_000,
      currency: 'EUR',
      category: 'stock',
      tags: { client: 'Acme', project: 'Spring', deliverable: 'Spot 30s' },
    }));
    const event = {
      ...{ id: 'import-1', type: 'external.imported', at: '2026-01-02T10:00:00.000Z', epoch: 0, v: 1 },
      ...{ batchId: 'b1', fileName: 'costs.csv', rows, fx: DEFAULT_FX },
    };
    const body = JSON.stringify({ events: [event] });
    expect(body.length).toBeGreaterThan(API_BODY_LIMIT_BYTES);
    const accepted = await api.call('POST', '/api/ledger/events', body);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ appended: 1 });
    const huge = JSON.stringify({ events: [], padding: 'x'.repeat(LEDGER_BODY_LIMIT_BYTES) });
    const refused = await api.call('POST', '/api/ledger/events', huge);
    expect(refused.status).toBe(413);
    expectErrorBody(refused, 'PAYLOAD_TOO_LARGE');
    expect(((await api.get('/api/ledger')).json as { events: unknown[] }).events).toHaveLength(1);
  });

  test('a chunked body (no Content-Length) over the limit is refused too', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/settings',
          method: 'PUT',
          headers: { 'x-modelbridge-token': server.token, 'content-type': 'application/json' },
          timeout: 5_000,
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      // The server may hang up while we are still sending: only the answer matters here.
      req.on('error', () => undefined);
      req.on('timeout', () => reject(new Error('no answer to the chunked upload')));
      const piece = Buffer.alloc(64 * 1024, 'x');
      for (let i = 0; i < 17; i += 1) req.write(piece);
      req.end();
    });
    expect(status).toBe(413);
  });
});

describe('panel page', () => {
  test('the served index.html carries the token and sandbox meta tags, a self-only CSP and no caching', async () => {
    const page = await rawHttp({ port: server.port, path: '/', headers: { host: host() } }, log);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="modelbridge-token" content="${server.token}" />`);
    expect(page.body).toContain('<meta name="modelbridge-sandbox" content="true" />');
    expect(page.body.indexOf('modelbridge-token')).toBeLessThan(page.body.indexOf('<script'));
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cache-control']).toBe('no-store');
    // Never framed: a framed panel carries its token (clickjacking).
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  test('static assets are served with their type; paths outside the panel are not', async () => {
    const asset = await rawHttp(
      { port: server.port, path: '/assets/app.js', headers: { host: host() } },
      log,
    );
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/../../harness.ts']) {
      const response = await rawHttp({ port: server.port, path, headers: { host: host() } }, log);
      expect(response.status, path).toBe(404);
    }
  });
});
