import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LedgerEvent } from '../../../src/domain/ledger/events.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import {
  ApiClient,
  completedEvent,
  removeDirs,
  startTestServer,
  tempDir,
} from '../../fixtures/server/harness.ts';

interface LedgerBody {
  events: LedgerEvent[];
  afterNotFound: boolean;
}

let dataDir: string;
let server: RunningServer;
let api: ApiClient;

beforeAll(async () => {
  dataDir = await tempDir();
  server = await startTestServer(dataDir, { sandbox: true });
  api = new ApiClient(server);
});

afterAll(async () => {
  await server?.close();
  await removeDirs([dataDir]);
});

const ids = (body: unknown) => (body as LedgerBody).events.map((e) => e.id);

describe('ledger API', () => {
  const batch = [completedEvent(), completedEvent(), completedEvent()];

  test('an appended batch is acknowledged and read back in order', async () => {
    const response = await api.post('/api/ledger/events', { events: batch });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ acknowledged: batch.map((e) => e.id), superseded: [], appended: 3 });
    const ledger = await api.get('/api/ledger');
    expect(ledger.json).toEqual({ events: batch, afterNotFound: false, next: null });
  });

  test('appending the same batch again adds nothing but still acknowledges every id', async () => {
    const extra = completedEvent();
    const response = await api.post('/api/ledger/events', { events: [...batch, extra, extra] });
    expect(response.json).toEqual({
      acknowledged: [...batch.map((e) => e.id), extra.id],
      superseded: [],
      appended: 1,
    });
    expect(ids((await api.get('/api/ledger')).json)).toEqual([...batch.map((e) => e.id), extra.id]);
  });

  test('after=ID returns only later events; an unknown id returns all, flagged', async () => {
    const after = await api.get(`/api/ledger?after=${encodeURIComponent(batch[1]!.id)}`);
    expect(ids(after.json)).toEqual([batch[2]!.id, expect.any(String)]);
    expect((after.json as LedgerBody).afterNotFound).toBe(false);
    const last = ids(after.json).at(-1)!;
    expect(ids((await api.get(`/api/ledger?after=${encodeURIComponent(last)}`)).json)).toEqual([]);
    const unknown = await api.get('/api/ledger?after=no-such-event');
    expect((unknown.json as LedgerBody).afterNotFound).toBe(true);
    expect(ids(unknown.json)).toHaveLength(4);
  });

  test('a batch with an invalid event is refused whole, with a reason per bad event', async () => {
    const good = completedEvent();
    const bad = { ...completedEvent(), durationMs: -5 };
    const worse = { id: 'x', type: 'generation.exploded' };
    const response = await api.post('/api/ledger/events', { events: [good, bad, worse] });
    expect(response.status).toBe(400);
    const error = (response.json as { error: { code: string; message: string; details: unknown[] } }).error;
    expect(error.code).toBe('INVALID_EVENTS');
    expect(error.message).toContain('2 of 3 events are invalid');
    expect(error.details).toEqual([
      { index: 1, id: bad.id, reasons: [expect.stringContaining('durationMs')] },
      { index: 2, id: 'x', reasons: expect.arrayContaining([expect.any(String)]) },
    ]);
    expect(ids((await api.get('/api/ledger')).json)).not.toContain(good.id);
  });

  test('a body without an events array is refused', async () => {
    for (const body of [[], {}, { events: 'nope' }, null]) {
      const response = await api.post('/api/ledger/events', body);
      expect(response.status).toBe(400);
      expect((response.json as { error: { code: string } }).error.code).toBe('INVALID_EVENTS');
    }
  });
});

describe('reset', () => {
  test.each([
    [{}],
    [{ confirm: 'delete' }],
    [{ confirm: ' DELETE' }],
    [{ confirm: 'DELETE', extra: true }],
    [{ confirm: true }],
    [JSON.stringify('DELETE')],
  ])('%j is refused with 400 and deletes nothing', async (body) => {
    const before = ids((await api.get('/api/ledger')).json);
    const response = await api.post('/api/ledger/reset', body);
    expect(response.status).toBe(400);
    expect((response.json as { error: { code: string } }).error.code).toBe('CONFIRMATION_REQUIRED');
    expect(ids((await api.get('/api/ledger')).json)).toEqual(before);
  });

  test('{ "confirm": "DELETE" } resets: the backup exists and only the reset event is left', async () => {
    const response = await api.post('/api/ledger/reset', { confirm: 'DELETE' });
    expect(response.status).toBe(200);
    const { backupPath, event } = response.json as { backupPath: string; event: LedgerEvent };
    expect(existsSync(backupPath)).toBe(true);
    expect(backupPath.startsWith(dataDir)).toBe(true);
    expect(event).toMatchObject({ type: 'ledger.reset', newEpoch: 1 });
    const ledger = (await api.get('/api/ledger')).json as LedgerBody;
    expect(ledger.events).toEqual([event]);
  });

  // Was "acknowledged": an acknowledgement now means "on disk", so a stale event is reported as superseded.
  test('a stale event from before the reset is superseded, not acknowledged, and not brought back', async () => {
    const stale = completedEvent({ epoch: 0 });
    const response = await api.post('/api/ledger/events', { events: [stale] });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ acknowledged: [], superseded: [stale.id], appended: 0 });
    expect(ids((await api.get('/api/ledger')).json)).not.toContain(stale.id);
  });
});

describe('what only the backend decides', () => {
  test('a reset sent as an event is refused: it would skip the typed DELETE and the backup', async () => {
    const before = ids((await api.get('/api/ledger')).json);
    const { id, at } = completedEvent();
    const forged = { id, at, v: 1, epoch: 1, type: 'ledger.reset', newEpoch: Number.MAX_SAFE_INTEGER };
    const response = await api.post('/api/ledger/events', { events: [forged] });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.json)).toContain('type DELETE');
    expect(ids((await api.get('/api/ledger')).json)).toEqual(before);
    // The real reset still works afterwards.
    expect((await api.post('/api/ledger/reset', { confirm: 'DELETE' })).status).toBe(200);
  });

  test('an event from an epoch this ledger never reached is refused, so no later reset misses it', async () => {
    const future = completedEvent({ epoch: 99 });
    const response = await api.post('/api/ledger/events', { events: [future] });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.json)).toContain('epoch 99');
    expect(ids((await api.get('/api/ledger')).json)).not.toContain(future.id);
  });

  test('the ledger’s own reset event can be sent again (a panel re-pushing what it learned)', async () => {
    const ledger = (await api.get('/api/ledger')).json as LedgerBody;
    const reset = ledger.events.find((e) => e.type === 'ledger.reset')!;
    const response = await api.post('/api/ledger/events', { events: [reset] });
    expect(response.status).toBe(200);
    expect((response.json as { appended: number }).appended).toBe(0);
  });
});
