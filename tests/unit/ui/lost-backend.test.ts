import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { returnToLoader, watchForLostBackend } from '../../../src/ui/lost-backend.ts';
import { backendAnswers } from '../../../src/ui/wiring.ts';

let server: Server | undefined;
afterEach(() => server?.close());

/** A real HTTP server on 127.0.0.1 standing in for the backend's health route (token checked). */
async function healthServer(): Promise<string> {
  server = createServer((req, res) => {
    const ok = req.url === '/api/health' && req.headers['x-modelbridge-token'] === 'tok';
    // Any other path answers 200 with no body, as a program that took the port might.
    if (req.url !== '/api/health') res.writeHead(200).end();
    else res.writeHead(ok ? 200 : 401).end(ok ? '{"ok":true}' : '');
  });
  await new Promise<void>((ok) => server?.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const closeServer = () => new Promise<void>((ok) => server?.close(() => ok()));

describe('a lost backend, inside Premiere', () => {
  test('answers keep the panel where it is; after three misses in a row it goes back to the loader', async () => {
    const origin = await healthServer();
    const check = backendAnswers(origin, 'tok');
    expect(await check()).toBe(true);
    expect(await backendAnswers(origin, 'wrong')()).toBe(false);
    expect(await backendAnswers(`${origin}/elsewhere`, 'tok')()).toBe(false);
    let lost = 0;
    let checks = 0;
    const stop = watchForLostBackend({
      check: () => {
        checks += 1;
        return check();
      },
      onLost: () => lost++,
      intervalMs: 20,
    });
    await expect.poll(() => checks).toBeGreaterThanOrEqual(3);
    expect(lost).toBe(0);
    await closeServer();
    await expect.poll(() => lost).toBe(1);
    const after = checks;
    await new Promise((ok) => setTimeout(ok, 100));
    expect(checks).toBe(after); // it stops once it has handed over
    stop();
  });

  test('stopped, it never calls onLost', async () => {
    let lost = 0;
    const stop = watchForLostBackend({ check: async () => false, onLost: () => lost++, intervalMs: 10 });
    stop();
    await new Promise((ok) => setTimeout(ok, 80));
    expect(lost).toBe(0);
  });

  test("with CEP's Node, the launcher is asked for the backend and the panel opens where it answers", () => {
    const required: string[] = [];
    const opened: string[] = [];
    let options:
      { extensionDir: string; show(t: string, e: boolean): void; navigate(u: string): void } | undefined;
    const cepNode = {
      require: (path: string) => {
        required.push(path);
        return {
          openPanel: async (o: typeof options) => {
            options = o;
          },
        };
      },
    };
    returnToLoader('file:///C:/Users/ed/CEP/extensions/com.modelbridge.panel/loader/index.html', {
      cepNode,
      replace: (url) => opened.push(url),
    });
    expect(required).toEqual(['C:/Users/ed/CEP/extensions/com.modelbridge.panel/loader/launcher.cjs']);
    expect(options?.extensionDir).toBe('C:/Users/ed/CEP/extensions/com.modelbridge.panel');
    options?.show('Starting the modelBridge backend…', false);
    expect(opened).toEqual([]);
    options?.navigate('http://127.0.0.1:5000/?loader=x');
    expect(opened).toEqual(['http://127.0.0.1:5000/?loader=x']);
    // A backend that cannot come back: the loader page explains it, with Retry.
    options?.show('The modelBridge backend keeps stopping', true);
    expect(opened.at(-1)).toBe('file:///C:/Users/ed/CEP/extensions/com.modelbridge.panel/loader/index.html');
  });

  test("without CEP's Node, the loader page itself is opened", () => {
    const opened: string[] = [];
    const page = 'file:///Users/ed/My%20Extensions/com.modelbridge.panel/loader/index.html';
    returnToLoader(page, { replace: (url) => opened.push(url) });
    expect(opened).toEqual([page]);
  });
});
