import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFalGateway } from '../../../src/fal/index.ts';
import { createFalProxy } from '../../../src/server/fal-proxy.ts';
import { allowedFalTarget, sandboxTarget } from '../../../src/server/fal-proxy-hosts.ts';
import { createSandboxFal } from '../../../src/server/sandbox/index.ts';
import { listen, pollUntil, startSandboxStack } from '../../fixtures/fal/fal-stack.ts';

const KEY = 'key-id-4f2a:very-secret-9c1e';
const SECRET = 'very-secret-9c1e';

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

// A fake fal (the sandbox, plus an echo endpoint) on one loopback server, reached in NON-sandbox mode
// through the proxy's transport: the proxy believes it talks to https://*.fal.ai / *.fal.run.
const seen: Seen[] = [];
let upstreamOrigin = '';
let closeUpstream: () => Promise<void>;
let proxyOrigin = '';
let closeProxy: () => Promise<void>;
let key: string | null = KEY;

beforeAll(async () => {
  const upstream = new Hono();
  upstream.use('*', async (c, next) => {
    const headers = Object.fromEntries(c.req.raw.headers);
    const body = c.req.method === 'GET' ? '' : await c.req.raw.clone().text();
    seen.push({ method: c.req.method, path: c.req.path, headers, body });
    await next();
  });
  // Binary / oddly typed echoes: non-ASCII bytes around the key must pass through unchanged.
  upstream.all('/echo-bytes/*', (c) => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0x00, 0xe9]),
      Buffer.from(c.req.header('authorization') ?? ''),
    ]);
    return c.body(bytes, 200, { 'content-type': c.req.query('type') ?? 'application/octet-stream' });
  });
  upstream.all('/echo/*', (c) =>
    c.json({ received: c.req.header('authorization') ?? null }, 200, {
      'x-fal-request-id': c.req.header('authorization') ?? '',
      'x-fal-billable-units': '2.5',
      'set-cookie': 'session=abc',
    }),
  );
  upstream.route(
    '/sandbox',
    createSandboxFal({ speed: 200, publicBaseUrl: () => `${upstreamOrigin}/sandbox` }),
  );
  const up = await listen(upstream);
  upstreamOrigin = up.origin;
  closeUpstream = up.close;

  const transport: typeof fetch = (input, init) => {
    const url = new URL(String(input));
    const local =
      url.hostname === 'echo.fal.ai'
        ? `${upstreamOrigin}/echo${url.pathname}`
        : url.hostname === 'bytes.fal.ai'
          ? `${upstreamOrigin}/echo-bytes${url.pathname}${url.search}`
          : sandboxTarget(url, `${upstreamOrigin}/sandbox`);
    return fetch(local, init);
  };
  const front = new Hono();
  front.route(
    '/api/fal/proxy',
    createFalProxy({ getKey: () => key, sandboxBaseUrl: null, fetch: transport }),
  );
  const proxy = await listen(front);
  proxyOrigin = proxy.origin;
  closeProxy = proxy.close;
});
afterAll(async () => {
  await closeProxy();
  await closeUpstream();
});

function viaProxy(target: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('x-fal-target-url', target);
  return fetch(`${proxyOrigin}/api/fal/proxy`, { ...init, headers });
}

describe('fal proxy: never an open proxy', () => {
  test.each([
    'https://example.com/queue',
    'http://queue.fal.run/fal-ai/flux/dev',
    'https://evil.fal.ai.attacker.com/x',
    'https://fal.ai.evil.com/x',
    'https://notfal.ai/x',
    'https://queue.fal.run:8443/fal-ai/flux/dev',
    'https://user:pw@queue.fal.run/fal-ai/flux/dev',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s with 403 JSON and sends nothing upstream', async (target) => {
    const before = seen.length;
    const response = await viaProxy(target);
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('FAL_TARGET_NOT_ALLOWED');
    expect(body.error.message).toMatch(/only forwards to fal\.ai/);
    expect(seen.length).toBe(before);
  });

  test('accepts fal hosts and their subdomains only', () => {
    for (const ok of [
      'https://fal.ai/x',
      'https://fal.run/x',
      'https://queue.fal.run/a/b',
      'https://rest.fal.ai/s',
      'https://api.fal.ai/v1',
    ]) {
      expect(allowedFalTarget(ok)?.href).toBe(new URL(ok).href);
    }
    expect(allowedFalTarget('https://xfal.ai/x')).toBeNull();
  });

  test('a request without a destination is refused with 400', async () => {
    const response = await fetch(`${proxyOrigin}/api/fal/proxy`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('FAL_TARGET_MISSING');
  });
});

describe('fal proxy: key injection and secrecy', () => {
  test('adds the backend key, drops the caller’s authorization and our token, keeps method, body and fal headers', async () => {
    const response = await viaProxy('https://echo.fal.ai/put-here?x=1', {
      method: 'PUT',
      body: '{"a":1}',
      headers: {
        authorization: 'Key attacker:stolen',
        'x-modelbridge-token': 'panel-token',
        'content-type': 'application/json',
        'x-fal-queue-priority': 'low',
        cookie: 'c=1',
      },
    });
    const arrived = seen.at(-1);
    expect(arrived).toMatchObject({ method: 'PUT', path: '/echo/put-here', body: '{"a":1}' });
    expect(arrived?.headers.authorization).toBe(`Key ${KEY}`);
    expect(arrived?.headers['x-fal-queue-priority']).toBe('low');
    expect(arrived?.headers['x-modelbridge-token']).toBeUndefined();
    expect(arrived?.headers.cookie).toBeUndefined();
    // The echo sends the key back in its body and a header: the proxy redacts both.
    const text = await response.text();
    expect(text).not.toContain(SECRET);
    expect(text).toContain('[redacted]');
    expect(response.headers.get('x-fal-request-id')).toBe('Key [redacted]');
    expect(response.headers.get('x-fal-billable-units')).toBe('2.5');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  test.each(['application/octet-stream', 'TEXT/HTML', 'image/png'])(
    'a key echoed in a %s body is redacted too, other bytes intact',
    async (type) => {
      const response = await viaProxy(`https://bytes.fal.ai/x?type=${encodeURIComponent(type)}`, {
        method: 'GET',
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.includes(SECRET)).toBe(false);
      expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0x00, 0xe9]);
      expect(bytes.subarray(3).toString('latin1')).toBe('Key [redacted]');
    },
  );

  test('an end-to-end run with a key: fal sees the key on every proxied call, the panel never sees it', async () => {
    const responses: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const body = await response.clone().text();
      responses.push(`${[...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${body}`);
      return response;
    };
    const fal = createFalGateway({
      proxyUrl: `${proxyOrigin}/api/fal/proxy`,
      fetch: recording,
      retry: { baseDelayMs: 5 },
    });
    const before = seen.length;
    const url = await fal.upload(new Blob(['x'], { type: 'image/png' }));
    const { requestId } = await fal.submit('fal-ai/flux/dev', { prompt: 'a key test', image_url: url });
    await pollUntil(
      async () =>
        (await fal.status('fal-ai/flux/dev', requestId)).status === 'COMPLETED' ? true : undefined,
      10_000,
    );
    const result = await fal.result('fal-ai/flux/dev', requestId);
    expect(result.billableUnits).toBe(1);
    await fal.cancel('fal-ai/flux/dev', requestId);

    const run = seen.slice(before);
    const proxied = run.filter((s) => !s.path.startsWith('/sandbox/storage/upload/'));
    expect(proxied.length).toBeGreaterThanOrEqual(5);
    expect(proxied.every((s) => s.headers.authorization === `Key ${KEY}`)).toBe(true);
    // The raw upload PUT goes straight to the upload URL (as with real fal) and carries no key.
    expect(
      run.filter((s) => s.path.startsWith('/sandbox/storage/upload/')).every((s) => !s.headers.authorization),
    ).toBe(true);
    expect(responses.length).toBeGreaterThanOrEqual(run.length);
    for (const text of responses) expect(text).not.toContain(SECRET);
  });

  test('with no key and no sandbox the proxy answers 401 with a clear message, and the gateway says what to do', async () => {
    key = null;
    try {
      const response = await viaProxy('https://queue.fal.run/fal-ai/flux/dev', {
        method: 'POST',
        body: '{}',
      });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error).toMatchObject({ code: 'FAL_KEY_MISSING' });
      const fal = createFalGateway({ proxyUrl: `${proxyOrigin}/api/fal/proxy` });
      await expect(fal.submit('fal-ai/flux/dev', { prompt: 'x' })).rejects.toMatchObject({
        kind: 'AUTH_INVALID',
        charged: 'no',
        message: expect.stringContaining('Add your key in Settings'),
      });
    } finally {
      key = KEY;
    }
  });
});

describe('fal proxy: sandbox mode and upstream failures', () => {
  test('rewrites fal hosts onto the sandbox and sends no key there', async () => {
    const stack = await startSandboxStack({ speed: 200 });
    try {
      const response = await fetch(stack.proxyUrl, {
        headers: {
          'x-fal-target-url': 'https://api.fal.ai/v1/models?endpoint_id=fal-ai/flux-1/dev',
          authorization: 'Key a:b',
        },
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { models: Array<{ metadata: { license_type?: string } }> };
      expect(body.models[0]?.metadata.license_type).toBe('commercial');
      expect(stack.sandboxHits.at(-1)).toEqual({ method: 'GET', path: '/api/v1/models' });
    } finally {
      await stack.close();
    }
    expect(sandboxTarget(new URL('https://queue.fal.run/a/b?logs=1'), 'http://h/sandbox/')).toBe(
      'http://h/sandbox/queue/a/b?logs=1',
    );
    expect(sandboxTarget(new URL('https://rest.fal.ai/storage/upload/initiate'), 'http://h/sandbox')).toBe(
      'http://h/sandbox/rest/storage/upload/initiate',
    );
  });

  test('an unreachable upstream is a 502 JSON error', async () => {
    const front = new Hono();
    const refusing: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    front.route('/p', createFalProxy({ getKey: () => KEY, sandboxBaseUrl: null, fetch: refusing }));
    const server = await listen(front);
    try {
      const response = await fetch(`${server.origin}/p`, {
        headers: { 'x-fal-target-url': 'https://queue.fal.run/a/b' },
      });
      expect(response.status).toBe(502);
      const text = await response.text();
      expect(JSON.parse(text).error.code).toBe('FAL_UNREACHABLE');
      expect(text).not.toContain(SECRET);
    } finally {
      await server.close();
    }
  });
});
