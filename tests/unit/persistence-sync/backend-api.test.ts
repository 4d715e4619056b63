import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { LedgerEvent } from '../../../src/domain/index.ts';
import type { DiskPort, RemoteLedgerPort } from '../../../src/machines/persistence/persistence-ports.ts';
import {
  BackendOfflineError,
  BackendRejectedError,
  createBackendApi,
} from '../../../src/persistence/backend-api.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import { generation, resetBuilders, submitted } from '../../fixtures/ledger-builders.ts';
import { removeDirs, startTestServer, tempDir, waitUntil } from '../../fixtures/server/harness.ts';

const dirs: string[] = [];
const servers: RunningServer[] = [];
const stops: Array<() => void> = [];

async function server(dataDir?: string, port = 0): Promise<RunningServer> {
  const dir = dataDir ?? (await tempDir('mb-api-'));
  if (!dataDir) dirs.push(dir);
  const running = await startTestServer(dir, { port, sandbox: true });
  servers.push(running);
  return running;
}

const apiFor = (s: RunningServer, token = s.token) =>
  createBackendApi({ baseUrl: s.url, token, timeoutMs: 5_000 });

beforeEach(() => resetBuilders());
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await removeDirs(dirs.splice(0));
});

describe('ledger calls', () => {
  test('appends idempotently, reads back in journal order, and reads after a cursor', async () => {
    const api = apiFor(await server());
    const events = generation();

    const first = await api.appendEvents(events);
    const again = await api.appendEvents(events);

    expect(first.acknowledged).toEqual(events.map((e) => e.id));
    expect(again.acknowledged).toEqual(events.map((e) => e.id));
    expect((await api.loadLedger()).events).toEqual(events);
    expect(await api.loadLedger(events[0]!.id)).toEqual({
      events: [events[1]],
      afterNotFound: false,
      next: null,
    });
  });

  test('reset answers with the backup path and the ledger.reset event; the ledger holds only it', async () => {
    const api = apiFor(await server());
    await api.appendEvents(generation());

    const { backupPath, event } = await api.resetLedger();

    expect(backupPath).toMatch(/backups/);
    expect(event).toMatchObject({ type: 'ledger.reset', newEpoch: 1 });
    expect((await api.loadLedger()).events).toEqual([event]);
  });

  test('the client satisfies the persistence ports structurally', async () => {
    const disk: DiskPort & RemoteLedgerPort = apiFor(await server());
    expect(typeof disk.loadWorkingSet).toBe('function');
  });

  test('settings and health round-trip', async () => {
    const api = apiFor(await server());

    const updated = await api.putSettings({ currency: 'SEK' });

    expect(updated.currency).toBe('SEK');
    expect((await api.getSettings()).currency).toBe('SEK');
    expect(await api.health()).toMatchObject({ ok: true, sandbox: true, readOnly: false });
  });
});

describe('typed failures', () => {
  test('a wrong token is a Rejected error with the server code and message, not retryable', async () => {
    const api = apiFor(await server(), 'not-the-token-at-all-0000000000000000');

    const error = await api.loadLedger().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BackendRejectedError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED', retryable: false });
    expect((error as Error).message).toMatch(/x-modelbridge-token/);
  });

  test('an invalid event is Rejected with the per-event reasons as details', async () => {
    const api = apiFor(await server());
    const bad = { ...submitted(), at: 'yesterday' } as unknown as LedgerEvent;

    const error = await api.appendEvents([bad]).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 400, code: 'INVALID_EVENTS', retryable: false });
    expect((error as BackendRejectedError).details).toEqual([expect.objectContaining({ id: bad.id })]);
  });

  test('a stopped backend is an Offline error that says what to do, retryable', async () => {
    const running = await server();
    const api = apiFor(running);
    await running.close();

    const error = await api.appendEvents(generation()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BackendOfflineError);
    expect(error).toMatchObject({ retryable: true });
    expect((error as Error).message).toMatch(/modelbridge serve/);
  });
});

describe('event stream', () => {
  test('delivers batches appended by another client; unsubscribe closes the stream', async () => {
    const running = await server();
    const received: LedgerEvent[][] = [];
    const statuses: string[] = [];
    const unsubscribe = apiFor(running).subscribe((events) => received.push(events), {
      onStatus: (status) => statuses.push(status),
    });
    await waitUntil(() => statuses.includes('live'), 'the stream to be live');
    const events = generation();

    await apiFor(running).appendEvents(events);
    await waitUntil(() => received.length === 1, 'one batch');
    unsubscribe();

    expect(received).toEqual([events]);
    await waitUntil(() => running.eventStreams() === 0, 'the stream to close');
  });

  test('after the backend restarts, it reconnects and delivers what it missed', async () => {
    const dir = await tempDir('mb-api-');
    dirs.push(dir);
    const first = await server(dir);
    const received: LedgerEvent[] = [];
    stops.push(apiFor(first).subscribe((events) => received.push(...events)));
    await waitUntil(() => first.eventStreams() === 1, 'the stream');

    await first.close();
    const second = await server(dir, first.port);
    const missed = generation();
    await apiFor(second).appendEvents(missed);
    await waitUntil(
      () => missed.every((m) => received.some((e) => e.id === m.id)),
      'the missed events',
      8_000,
    );

    expect(second.eventStreams()).toBe(1);
  });
});
