import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../../src/server/start.ts';
import { TOKEN_FILE } from '../../../src/server/token.ts';
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
  const body = JSON.parse(response.body) as { error: { code: unknown; message: unknown } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect((body.error.message as string).length).toBeGreaterThan(10);
}

describe('token', () => {
  test('an API call without the token is refused with 401 JSON', async () => {
    const response = await api.call('GET', '/api/health', undefined, null);
    expect(response.status).toBe(401);
    expectErrorBody(response, 'UNAUTHORIZED');
  });

  test('a wrong token (same length, one char off, or empty) is refused', async () => {
    const last = server.token.at(-1) === 'A' ? 'B' : 'A';
    for (const token of [`${server.token.slice(0, -1)}${last}`, `${server.token}x`, '']) {
      const response = await api.call('GET', '/api/ledger', undefined, token);
      expect(response.status).toBe(401);
      expectErrorBody(response, 'UNAUTHORIZED');
    }
  });

  test('every API route needs it, writes included', async () => {
    for (const [method, path] of [
      ['POST', '/api/ledger/events'],
      ['POST', '/api/ledger/reset'],
      ['PUT', '/api/settings'],
      ['GET', '/api/events'],
      ['GET', '/api/models'],
      ['POST', '/api/fal/proxy'],
    ] as const) {
      const response = await api.call(method, path, method === 'GET' ? undefined : {}, null);
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });

  test('the right token is accepted', async () => {
    const response = await api.get('/api/health');
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ok: true, sandbox: true, dataDir, readOnly: false });
  });

  test('the token file is created once with mode 0600 and survives a restart', async () => {
    const info = await stat(join(dataDir, TOKEN_FILE));
    expect(info.mode & 0o777).toBe(0o600);
    const other = await tempDir();
    const first = await startTestServer(other);
    const token = first.token;
    await first.close();
    const second = await startTestServer(other);
    expect(second.token).toBe(token);
    expect(second.token).not.toBe(server.token);
    await second.close();
    await removeDirs([other]);
  });
});

describe('Host (DNS rebinding)', () => {
  test.each(['evil.com', '127.0.0.1.evil.com', 'localhost.evil.com:PORT', '127.0.0.1:1', 'evil.com:PORT'])(
    'Host %s is refused with 403, for the API and the panel',
    async (hostHeader) => {
      for (const path of ['/api/health', '/', '/assets/app.js']) {
        const response = await rawHttp(
          {
            port: server.port,
            path,
            headers: {
              host: hostHeader.replace('PORT', String(server.port)),
              'x-modelbridge-token': server.token,
            },
          },
          log,
        );
        expect(response.status, path).toBe(403);
        expectErrorBody(response, 'FORBIDDEN_HOST');
      }
    },
  );

  test('127.0.0.1:PORT and localhost:PORT are accepted', async () => {
    for (const hostHeader of [host(), `localhost:${server.port}`, `LOCALHOST:${server.port}`]) {
      const response = await rawHttp(
        {
          port: server.port,
          path: '/api/health',
          headers: { host: hostHeader, 'x-modelbridge-token': server.token },
        },
        log,
      );
      expect(response.status, hostHeader).toBe(200);
    }
  });
});

describe('Origin', () => {
  test.each([
    'https://evil.com',
    `http://127.0.0.1.evil.com:PORT`,
    'http://127.0.0.1:1',
    `https://127.0.0.1:PORT`,
  ])('a foreign Origin %s gets 403 even with the token', async (origin) => {
    const response = await rawHttp(
      {
        port: server.port,
        path: '/api/ledger',
        headers: {
          host: host(),
          origin: origin.replace('PORT', String(server.port)),
          'x-modelbridge-token': server.token,
        },
      },
      log,
    );
    expect(response.status).toBe(403);
    expectErrorBody(response, 'FORBIDDEN_ORIGIN');
  });

  test('own origins and the Premiere CEP origins (file://, null) are allowed', async () => {
    for (const origin of [`http://${host()}`, `http://localhost:${server.port}`, 'file://', 'null']) {
      const response = await rawHttp(
        {
          port: server.port,
          path: '/api/health',
          headers: { host: host(), origin, 'x-modelbridge-token': server.token },
        },
        log,
      );
      expect(response.status, origin).toBe(200);
    }
  });

  test('a CEP page gets CORS answers on the API (preflight without token), never on panel files', async () => {
    const preflight = await rawHttp(
      {
        port: server.port,
        path: '/api/ledger/events',
        method: 'OPTIONS',
        headers: {
          host: host(),
          origin: 'file://',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'x-modelbridge-token, content-type',
        },
      },
      log,
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('file://');
    expect(preflight.headers['access-control-allow-headers']).toContain('x-modelbridge-token');
    const asset = await rawHttp(
      { port: server.port, path: '/assets/app.js', headers: { host: host(), origin: 'null' } },
      log,
    );
    expect(asset.status).toBe(200);
    expect(asset.headers['access-control-allow-origin']).toBeUndefined();
  });

  test("the CEP loader's cross-origin probe of the panel gets a readable answer without the token", async () => {
    for (const origin of ['null', 'file://']) {
      const probe = await rawHttp({ port: server.port, path: '/', headers: { host: host(), origin } }, log);
      expect(probe.status).toBe(200);
      expect(probe.headers['access-control-allow-origin']).toBe(origin);
      expect(JSON.parse(probe.body)).toEqual({ ok: true, app: 'modelbridge' });
      expect(probe.body).not.toContain(server.token);
    }
    // A navigation (no Origin) gets the page with the token.
    const page = await rawHttp({ port: server.port, path: '/', headers: { host: host() } }, log);
    expect(page.body).toContain(server.token);
  });
});

describe('errors', () => {
  test('unknown routes and bad JSON answer with the JSON error body', async () => {
    expectErrorBody(await api.get('/api/nope'), 'NOT_FOUND');
    expectErrorBody(await api.call('POST', '/api/ledger/events', '{not json'), 'INVALID_JSON');
    expectErrorBody(await api.put('/api/settings', { bogus: 1 }), 'INVALID_SETTINGS');
    expectErrorBody(await api.get('/api/pricing'), 'MISSING_ENDPOINT_ID');
  });

  test('every error response of this file had the { error: { code, message } } shape', () => {
    const errors = log.responses.filter((r) => r.status >= 400);
    expect(errors.length).toBeGreaterThan(20);
    for (const response of errors) {
      const body = JSON.parse(response.body) as { error?: { code?: unknown; message?: unknown } };
      expect(typeof body.error?.code, response.body).toBe('string');
      expect(typeof body.error?.message, response.body).toBe('string');
    }
  });
});
