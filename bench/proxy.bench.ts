/**
 * fal proxy overhead (issue 4): the median added latency of a queue status call made through
 * `/api/fal/proxy` (sandbox mode: the proxy forwards to the Sandbox fal over loopback HTTP) compared
 * with calling the Sandbox fal directly must be at most 2 ms. Both paths run in this process, on
 * 127.0.0.1 with keep-alive, interleaved so machine noise hits both equally.
 */
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createFalProxy } from '../src/server/fal-proxy.ts';
import { createSandboxFal } from '../src/server/sandbox/index.ts';
import { formatMs, median } from './report.ts';

const ITERATIONS = 2000;
const WARMUP = 300;
const LIMIT_MS = 2;

async function startServer(): Promise<{ origin: string; close: () => Promise<void> }> {
  let origin = '';
  const app = new Hono();
  app.route('/sandbox', createSandboxFal({ speed: 1, publicBaseUrl: () => `${origin}/sandbox` }));
  app.route(
    '/api/fal/proxy',
    createFalProxy({ getKey: () => null, sandboxBaseUrl: () => `${origin}/sandbox` }),
  );
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      origin = `http://127.0.0.1:${info.port}`;
      resolve(s);
    });
  });
  return { origin, close: () => new Promise((done) => server.close(() => done())) };
}

async function timed(url: string, init: RequestInit): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, init);
  await response.text();
  if (response.status !== 202) throw new Error(`status call answered ${response.status}, expected 202`);
  return performance.now() - started;
}

/** Runs the benchmark, prints the medians and PASS/FAIL, and resolves to whether it passed. */
export default async function run(): Promise<boolean> {
  const { origin, close } = await startServer();
  try {
    // A slow request stays queued or running for minutes at speed 1, so every status answer is a 202.
    const submitted = await fetch(`${origin}/sandbox/queue/fal-ai/veo3.1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'benchmark [slow]' }),
    });
    const { request_id: id } = (await submitted.json()) as { request_id: string };
    const path = `/fal-ai/veo3.1/requests/${id}/status?logs=0`;
    const direct = () => timed(`${origin}/sandbox/queue${path}`, {});
    const proxied = () =>
      timed(`${origin}/api/fal/proxy`, { headers: { 'x-fal-target-url': `https://queue.fal.run${path}` } });
    const times = { direct: [] as number[], proxied: [] as number[], added: [] as number[] };
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const first = i % 2 === 0 ? direct : proxied;
      const a = await first();
      const b = await (first === direct ? proxied : direct)();
      const [d, p] = first === direct ? [a, b] : [b, a];
      if (i < WARMUP) continue;
      times.direct.push(d);
      times.proxied.push(p);
      times.added.push(p - d);
    }
    const added = median(times.proxied) - median(times.direct);
    const pass = added <= LIMIT_MS;
    console.log(
      `  ${pass ? 'PASS' : 'FAIL'}  fal proxy added latency (status call, loopback): ${formatMs(added)} (limit ${LIMIT_MS} ms)`,
    );
    console.log(
      `        median of ${ITERATIONS} interleaved calls: through the proxy ${formatMs(median(times.proxied))}, ` +
        `direct to the sandbox ${formatMs(median(times.direct))}; median paired difference ${formatMs(median(times.added))}`,
    );
    return pass;
  } finally {
    await close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await run()) ? 0 : 1;
}
