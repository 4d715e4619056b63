import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../../src/server/start.ts';
import { removeDirs, startTestServer, tempDir } from '../../fixtures/server/harness.ts';

// The attacker's view: the Sandbox's storage needs no token, so any local page or process can upload
// a file there. Served from the panel's own origin, such a file must never act as a page of that origin.
let dataDir: string;
let server: RunningServer;

beforeAll(async () => {
  dataDir = await tempDir('mb-sandbox-files-');
  server = await startTestServer(dataDir, { sandbox: true, speed: 50 });
});

afterAll(async () => {
  await server?.close();
  await removeDirs([dataDir]);
});

const EVIL_PAGE = '<!doctype html><script>fetch("/").then((r) => r.text()).then(alert)</script>';

/** Uploads through fal's token-free storage protocol, as any local page could; the served file's URL. */
async function upload(contentType: string, fileName: string, body: string): Promise<string> {
  const initiate = await fetch(new URL('sandbox/rest/storage/upload/initiate', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ content_type: contentType, file_name: fileName }),
  });
  expect(initiate.status).toBe(200);
  const { upload_url, file_url } = (await initiate.json()) as { upload_url: string; file_url: string };
  const put = await fetch(upload_url, { method: 'PUT', body });
  expect(put.status).toBe(200);
  return file_url;
}

function expectInert(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe('sandbox');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('files in the Sandbox storage are inert on the panel’s origin', () => {
  test.each([
    ['text/html', 'evil.html'],
    ['text/html; charset=utf-8', 'evil.html'],
    ['TEXT/HTML', 'evil.htm'],
    ['application/xhtml+xml', 'evil.xhtml'],
    ['image/svg+xml', 'evil.svg'],
    ['text/xml', 'evil.xml'],
    ['application/pdf', 'evil.pdf'],
    ['application/octet-stream', 'evil.html'],
  ])('an upload declared %s is served sandboxed, unsniffed and as a download', async (type, name) => {
    const url = await upload(type, name, EVIL_PAGE);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expectInert(response);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(await response.text()).toBe(EVIL_PAGE);
  });

  test('a content type that is not a MIME type is stored as application/octet-stream (and downloaded)', async () => {
    const url = await upload('text/html\u0000', 'a.html', EVIL_PAGE);
    const response = await fetch(url);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment/);
    expectInert(response);
  });

  test.each([['image/png'], ['image/jpeg'], ['image/webp'], ['video/mp4'], ['audio/wav'], ['audio/mpeg']])(
    'a %s upload stays inline (an <img>/<video> may show it), still sandboxed and unsniffed',
    async (type) => {
      const url = await upload(type, 'input.bin', EVIL_PAGE);
      const response = await fetch(url);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-disposition')).toBeNull();
      expectInert(response);
    },
  );

  test('a generated output is served inline as media, sandboxed and unsniffed', async () => {
    const submit = await fetch(new URL('sandbox/queue/fal-ai/flux/schnell', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: '<script>alert(1)</script>' }),
    });
    const { request_id } = (await submit.json()) as { request_id: string };
    const response = await fetch(new URL(`sandbox/files/out/${request_id}/image-1.png`, server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBeNull();
    expectInert(response);
  });

  test('every Sandbox answer (JSON included) carries the sandbox policy', async () => {
    for (const path of ['sandbox/queue/fal-ai/flux/requests/nope/status', 'sandbox/nowhere']) {
      expectInert(await fetch(new URL(path, server.url)));
    }
  });
});
