import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createActor, toPromise } from 'xstate';
import { defineRecordIntentActor } from '../../../src/machines/generation/record-intent.actor.ts';
import { stampEpoch } from '../../../src/machines/persistence/synced-ledger.ts';
import { createBackendApi } from '../../../src/persistence/backend-api.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import { facts } from '../../fixtures/machines/generation.ts';
import { fakeClock } from '../../fixtures/machines/ports.ts';
import { ApiClient, removeDirs, startTestServer, tempDir } from '../../fixtures/server/harness.ts';

/**
 * A reload in the middle of the write-ahead step restarts `recordIntent` with a new time: the backend
 * already holds the intent, so the second start must count it as recorded (not fail the run, and not
 * leave the row "not confirmed" forever). Real backend; the proxy still checks the submit's content.
 */

let dir: string;
let server: RunningServer;
beforeAll(async () => {
  dir = await tempDir('mb-intent-');
  server = await startTestServer(dir, { sandbox: true });
});
afterAll(async () => {
  await server.close();
  await removeDirs([dir]);
});

function intentActor(at: string) {
  const api = createBackendApi({ baseUrl: server.url, token: server.token });
  const ledger = {
    record: async () => {
      throw new Error('the write-ahead step writes only durably');
    },
    recordDurably: async (drafts: Parameters<typeof stampEpoch>[0]) => {
      await api.appendEvents(stampEpoch(drafts, 0));
    },
  };
  return defineRecordIntentActor({ ledger, clock: fakeClock(at) });
}

describe('recordIntent after a reload', () => {
  test('a second start of the same run (another time) counts the stored intent as recorded', async () => {
    const run = facts({ genId: 'gen-reload' });
    const first = createActor(intentActor('2026-01-01T10:00:00.000Z'), { input: { facts: run } }).start();
    await toPromise(first);
    const again = createActor(intentActor('2026-01-01T10:00:03.000Z'), { input: { facts: run } }).start();
    await expect(toPromise(again)).resolves.toBeUndefined();
    const ledger = (await new ApiClient(server).get('/api/ledger')).json as {
      events: Array<{ id: string; at: string }>;
    };
    const intents = ledger.events.filter((e) => e.id === 'gen-reload:requested');
    expect(intents).toEqual([expect.objectContaining({ at: '2026-01-01T10:00:00.000Z' })]);
  });

  test('any other refusal still fails the run as not sent and not charged', async () => {
    const tooLong = facts({ genId: 'gen-long', prompt: 'x'.repeat(25_000) });
    const actor = createActor(intentActor('2026-01-01T10:00:00.000Z'), { input: { facts: tooLong } }).start();
    await expect(toPromise(actor)).rejects.toMatchObject({ charged: 'no', message: /Not sent to fal/ });
  });
});
