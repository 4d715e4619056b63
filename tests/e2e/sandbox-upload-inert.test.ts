import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../src/server/start.ts';
import { removeDirs, startTestServer, tempDir } from '../fixtures/server/harness.ts';
import { chromiumArgs, chromiumPath } from '../setup/chromium.ts';

// An attacker's page in real Chromium: uploaded through the Sandbox's token-free storage, then opened
// from the panel's own origin, its script would read the token from the panel page and call the API.
const STEAL = `<!doctype html><title>evil</title><script>
  fetch('/').then((r) => r.text()).then((html) => {
    const token = /name="modelbridge-token" content="([^"]+)"/.exec(html)[1];
    return fetch('/api/health', { headers: { 'x-modelbridge-token': token } });
  }).then((r) => r.json()).then((health) => {
    new Image().src = '/stolen?dataDir=' + encodeURIComponent(health.dataDir);
  });
  document.title = 'script ran';
</script>`;

let dataDir: string;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let seen: string[];

beforeAll(async () => {
  dataDir = await tempDir('mb-e2e-inert-');
  server = await startTestServer(dataDir, { sandbox: true });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeDirs([dataDir]);
});

beforeEach(async () => {
  context = await browser.newContext();
  seen = [];
  context.on('request', (request) => seen.push(new URL(request.url()).pathname));
});

afterEach(() => context.close());

/** Uploads through fal's storage protocol, with no token, as any local page or process could. */
async function upload(contentType: string, fileName: string): Promise<string> {
  const initiate = await fetch(new URL('sandbox/rest/storage/upload/initiate', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ content_type: contentType, file_name: fileName }),
  });
  const { upload_url, file_url } = (await initiate.json()) as { upload_url: string; file_url: string };
  expect((await fetch(upload_url, { method: 'PUT', body: STEAL })).status).toBe(200);
  return file_url;
}

describe('an uploaded page opened on the panel’s origin in Chromium', () => {
  test('text/html: the browser downloads it instead of running it, and the token stays unread', async () => {
    const url = await upload('text/html', 'steal.html');
    const page = await context.newPage();
    const download = page.waitForEvent('download', { timeout: 5_000 }).catch(() => null);
    await page.goto(url).catch(() => undefined); // a download aborts the navigation
    const downloaded = await download;
    // Give a script that did run the time to finish its calls.
    await page.waitForTimeout(500);
    expect(seen.filter((path) => path === '/' || path.startsWith('/api/') || path === '/stolen')).toEqual([]);
    expect(downloaded, 'the page was rendered instead of downloaded').not.toBeNull();
  });

  test('the same page declared image/png is shown as a (broken) image: nothing is sniffed into HTML', async () => {
    const url = await upload('image/png', 'steal.png');
    const page = await context.newPage();
    const response = await page.goto(url);
    expect(response?.headers()['content-security-policy']).toBe('sandbox');
    await page.waitForTimeout(500);
    expect(await page.title()).not.toBe('script ran');
    expect(seen.filter((path) => path === '/' || path.startsWith('/api/') || path === '/stolen')).toEqual([]);
  });
});
