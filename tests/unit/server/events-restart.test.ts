import { afterAll, describe, expect, test } from 'vitest';
import type { LedgerEvent } from '../../../src/domain/ledger/events.ts';
import { JournalLockedError } from '../../../src/persistence/index.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import {
  ApiClient,
  completedEvent,
  removeDirs,
  startTestServer,
  tempDir,
  waitUntil,
} from '../../fixtures/server/harness.ts';
import { subscribe } from '../../fixtures/server/sse.ts';

const dirs: string[] = [];
const servers: RunningServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await removeDirs(dirs);
});

async function fresh(options: Parameters<typeof startTestServer>[1] = {}) {
  const dir = await tempDir();
  dirs.push(dir);
  const server = await startTestServer(dir, { sandbox: true, ...options });
  servers.push(server);
  return { dir, server, api: new ApiClient(server) };
}

const ledgerIds = (data: string) => (JSON.parse(data) as { events: LedgerEvent[] }).events.map((e) => e.id);

describe('server-sent events', () => {
  test("two panels: one panel's append and a reset reach the other panel's stream", async () => {
    const { server, api } = await fresh();
    const panelA = await subscribe(server.url, server.token);
    const panelB = await subscribe(server.url, server.token);
    try {
      expect(panelB.status).toBe(200);
      await panelA.next((e) => e.event === 'ready');
      await panelB.next((e) => e.event === 'ready');
      const batch = [completedEvent(), completedEvent()];
      await api.post('/api/ledger/events', { events: batch });
      const seenByB = await panelB.next((e) => e.event === 'ledger');
      expect(ledgerIds(seenByB.data)).toEqual(batch.map((e) => e.id));
      await panelA.next((e) => e.event === 'ledger');
      // A repeated batch writes nothing, so it is not broadcast again.
      await api.post('/api/ledger/events', { events: batch });
      await api.post('/api/ledger/reset', { confirm: 'DELETE' });
      const reset = await panelB.next((e) => e.event === 'ledger' && e.data.includes('ledger.reset'));
      expect((JSON.parse(reset.data) as { events: LedgerEvent[] }).events).toMatchObject([
        { type: 'ledger.reset' },
      ]);
      expect(panelB.events.filter((e) => e.event === 'ledger')).toHaveLength(2);
    } finally {
      panelA.close();
      panelB.close();
    }
  });

  test('a stream without the token is refused; heartbeats arrive as comments', async () => {
    const { server } = await fresh({ heartbeatMs: 50 });
    const refused = await subscribe(server.url, 'wrong');
    expect(refused.status).toBe(401);
    const stream = await subscribe(server.url, server.token);
    try {
      await waitUntil(() => stream.raw().includes(': heartbeat'), 'a heartbeat comment', 2_000);
    } finally {
      stream.close();
    }
  });

  test('a disconnected client is unsubscribed', async () => {
    const { server } = await fresh();
    const streams = await Promise.all([1, 2, 3].map(() => subscribe(server.url, server.token)));
    await Promise.all(streams.map((s) => s.next((e) => e.event === 'ready')));
    expect(server.eventStreams()).toBe(3);
    for (const s of streams) s.close();
    await waitUntil(() => server.eventStreams() === 0, 'streams to be cleaned up', 3_000);
  });

  test('close() ends open streams and returns promptly', async () => {
    const { server } = await fresh();
    const stream = await subscribe(server.url, server.token);
    await stream.next((e) => e.event === 'ready');
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1_500);
    stream.close();
  });
});

describe('restart and lock', () => {
  test('events survive a restart on the same data dir', async () => {
    const { dir, server, api } = await fresh();
    const batch = [completedEvent(), completedEvent(), completedEvent()];
    await api.post('/api/ledger/events', { events: batch });
    await server.close();
    const again = await startTestServer(dir, { sandbox: true });
    servers.push(again);
    const ledger = await new ApiClient(again).get('/api/ledger');
    expect((ledger.json as { events: LedgerEvent[] }).events).toEqual(batch);
  });

  test('a second server on a held data dir fails naming the holder, and frees nothing', async () => {
    const { dir, api } = await fresh();
    const error = await startTestServer(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalLockedError);
    expect((error as JournalLockedError).holder).toContain(String(process.pid));
    expect((await api.get('/api/health')).status).toBe(200);
  });
});
