import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { writeJournalFile } from '../../../bench/fixture-files.ts';
import { makeEvent, makeEvents } from '../../../bench/fixtures.ts';
import type { LedgerEvent } from '../../../src/domain/ledger/events.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import { ApiClient, startTestServer } from '../../fixtures/server/harness.ts';
import { tempDirs } from '../../fixtures/persistence/temp-dir.ts';

const dirs = tempDirs('mb-writable-');
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await dirs.cleanup();
});

async function serve(dir: string): Promise<ApiClient> {
  const server = await startTestServer(dir);
  servers.push(server);
  return new ApiClient(server);
}

type ErrorJson = { error: { code: string; message: string } };
type Health = { writable: boolean; notWritableReason: string | null; readOnly: boolean };

describe('a removed lock folder', () => {
  test('shows in /api/health at once, and writes answer 503 naming the lock', async () => {
    const dir = await dirs.make();
    const api = await serve(dir);
    expect((await api.post('/api/ledger/events', { events: makeEvents(2) })).status).toBe(200);
    expect((await api.get('/api/health')).json).toMatchObject({ writable: true, notWritableReason: null });
    await rm(join(dir, 'journal.lock'), { recursive: true });
    const health = (await api.get('/api/health')).json as Health;
    expect(health).toMatchObject({ ok: true, writable: false, readOnly: false });
    expect(health.notWritableReason).toMatch(/lock on .* was lost .*journal\.lock was removed/);
    const refused = await api.post('/api/ledger/events', { events: [makeEvent(2)] });
    expect(refused.status).toBe(503);
    expect((refused.json as ErrorJson).error).toMatchObject({ code: 'DISK_WRITE_FAILED' });
    expect((refused.json as ErrorJson).error.message).toContain(health.notWritableReason);
    const ledger = (await api.get('/api/ledger')).json as { events: LedgerEvent[] };
    expect(ledger.events).toEqual(makeEvents(2));
  });

  test('a lock taken over by another process is reported the same way', async () => {
    const dir = await dirs.make();
    const api = await serve(dir);
    const since = '2025-03-02T12:00:00.000Z';
    await writeFile(
      join(dir, 'journal.lock', 'holder.json'),
      JSON.stringify({ pid: 1, hostname: 'edit-bay-2', since }),
    );
    const health = (await api.get('/api/health')).json as Health;
    expect(health.writable).toBe(false);
    expect(health.notWritableReason).toContain(`now held by process 1 on edit-bay-2 since ${since}`);
    expect((await api.post('/api/ledger/events', { events: [makeEvent(0)] })).status).toBe(503);
  });
});

describe('a reset the disk refuses', () => {
  test('answers 503 with the reason and resets nothing', async () => {
    const dir = await dirs.make();
    const api = await serve(dir);
    await api.post('/api/ledger/events', { events: makeEvents(3) });
    // The backups folder cannot be created: a file holds its name (works as root too, unlike chmod).
    await writeFile(join(dir, 'backups'), 'not a folder');
    const refused = await api.post('/api/ledger/reset', { confirm: 'DELETE' });
    expect(refused.status).toBe(503);
    const { error } = refused.json as ErrorJson;
    expect(error.code).toBe('DISK_WRITE_FAILED');
    expect(error.message).toMatch(
      new RegExp(`^Could not reset the ledger in ${dir}: .*EEXIST.*\\. Nothing was reset`),
    );
    expect(error.message).not.toMatch(/retries/);
    expect(((await api.get('/api/ledger')).json as { events: LedgerEvent[] }).events).toEqual(makeEvents(3));
  });
});

describe('a read-only data folder', () => {
  test('answers 409 naming the actual reason, for events and for a reset', async () => {
    const dir = await dirs.make();
    await writeJournalFile(dir, [makeEvent(0), { ...makeEvent(1), v: 2 } as unknown as LedgerEvent]);
    const before = await readFile(join(dir, 'ledger.jsonl'), 'utf8');
    const api = await serve(dir);
    expect((await api.get('/api/health')).json).toMatchObject({ readOnly: true, writable: false });
    for (const [path, body] of [
      ['/api/ledger/events', { events: [makeEvent(2)] }],
      ['/api/ledger/reset', { confirm: 'DELETE' }],
    ] as const) {
      const refused = await api.post(path, body);
      expect(refused.status).toBe(409);
      const { error } = refused.json as ErrorJson;
      expect(error.code).toBe('READ_ONLY');
      expect(error.message).toMatch(
        /read-only, so nothing was saved: the ledger files were written by schema version 2, and this build understands up to version 1/,
      );
    }
    expect(await readFile(join(dir, 'ledger.jsonl'), 'utf8')).toBe(before);
  });
});
