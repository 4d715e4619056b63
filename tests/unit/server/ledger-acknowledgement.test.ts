import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LedgerEvent } from '../../../src/domain/ledger/events.ts';
import { MAX_PROMPT_CHARS } from '../../../src/domain/ledger/run-limits.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import { openJournal } from '../../../src/persistence/journal.ts';
import { submitted } from '../../fixtures/ledger-builders.ts';
import {
  ApiClient,
  completedEvent,
  removeDirs,
  startTestServer,
  tempDir,
} from '../../fixtures/server/harness.ts';

/**
 * An acknowledgement means "on disk, with this content" (issue 10): a known id reused for other content is
 * a 409 naming the id, and nothing of that batch is acknowledged; money and size bounds are enforced by the
 * one run schema. Every check reads the journal back from disk after the server closed.
 */

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

type ErrorBody = { error: { code: string; message: string; details?: unknown } };
const ids = async () =>
  ((await api.get('/api/ledger')).json as { events: LedgerEvent[] }).events.map((e) => e.id);

describe('a known id with other content', () => {
  test('[a reset reusing an existing id, new event B] is a 409 naming the id; B is not acknowledged', async () => {
    const existing = completedEvent();
    expect((await api.post('/api/ledger/events', { events: [existing] })).status).toBe(200);
    const forgedReset = {
      id: existing.id,
      type: 'ledger.reset',
      at: existing.at,
      epoch: 1,
      v: 1,
      newEpoch: 1,
    };
    const b = completedEvent();
    const response = await api.post('/api/ledger/events', { events: [forgedReset, b] });
    expect(response.status).toBe(409);
    const { error } = response.json as ErrorBody;
    expect(error.code).toBe('ID_CONFLICT');
    expect(error.message).toContain(existing.id);
    expect(error.details).toEqual({ ids: [existing.id] });
    expect(JSON.stringify(response.json)).not.toContain('acknowledged');
    expect(await ids()).not.toContain(b.id);
  });

  test('the same id with a changed amount is refused; the first content stays', async () => {
    const first = completedEvent({ durationMs: 1_000 } as Partial<LedgerEvent>);
    await api.post('/api/ledger/events', { events: [first] });
    const changed = { ...first, durationMs: 9_000 };
    const response = await api.post('/api/ledger/events', { events: [changed] });
    expect(response.status).toBe(409);
    const stored = ((await api.get('/api/ledger')).json as { events: LedgerEvent[] }).events.find(
      (e) => e.id === first.id,
    );
    expect(stored).toMatchObject({ durationMs: 1_000 });
  });

  test('one id twice in a batch with different content is refused whole', async () => {
    const a = completedEvent();
    const response = await api.post('/api/ledger/events', {
      events: [a, { ...a, durationMs: 77 }, completedEvent()],
    });
    expect(response.status).toBe(409);
    expect(await ids()).not.toContain(a.id);
  });

  test('the same content sent again, in any key order, is acknowledged without a second copy', async () => {
    const a = completedEvent();
    await api.post('/api/ledger/events', { events: [a] });
    const reordered = Object.fromEntries(Object.entries(a).reverse());
    const response = await api.post('/api/ledger/events', { events: [reordered] });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ acknowledged: [a.id], appended: 0 });
    expect((await ids()).filter((id) => id === a.id)).toHaveLength(1);
  });
});

describe('money and size bounds', () => {
  const refused = async (event: unknown, reason: RegExp) => {
    const response = await api.post('/api/ledger/events', { events: [event] });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.json)).toMatch(reason);
    expect(await ids()).not.toContain((event as { id: string }).id);
  };

  test('a negative estimate is refused', async () => {
    const run = submitted({ id: 'neg-estimate', genId: 'neg' });
    await refused({ ...run, estimate: { ...run.estimate, usdMicros: -5_000_000 } }, /less than nothing/);
  });

  test('absurd billable units, negative unit prices and actuals are refused', async () => {
    const settled = {
      id: 'huge-units',
      type: 'generation.settled',
      at: '2026-01-01T12:00:00.000Z',
      epoch: 0,
      v: 1,
      genId: 'g',
      billableUnits: 1e308,
      billAs: null,
      unitPriceUsdMicros: 1,
      actualUsdMicros: 1,
      basis: 'metered',
    };
    await refused(settled, /Billable units cannot exceed/);
    await refused({ ...settled, id: 'neg-price', billableUnits: 1, unitPriceUsdMicros: -1 }, /unit price/i);
    await refused(
      { ...settled, id: 'neg-actual', billableUnits: 1, actualUsdMicros: -1 },
      /less than nothing/,
    );
  });

  test('a prompt over the limit and oversized params are refused with the limit named', async () => {
    await refused(
      submitted({ id: 'long-prompt', prompt: 'x'.repeat(MAX_PROMPT_CHARS + 1) }),
      /at most 20,000/,
    );
    await refused(
      submitted({ id: 'big-params', params: { blob: 'y'.repeat(40_000) } }),
      /parameters are too large/,
    );
  });

  test('a prompt at the limit is recorded', async () => {
    const atLimit = submitted({ id: 'limit-prompt', prompt: 'z'.repeat(MAX_PROMPT_CHARS) });
    expect((await api.post('/api/ledger/events', { events: [atLimit] })).status).toBe(200);
    expect(await ids()).toContain('limit-prompt');
  });
});

describe('acknowledged means on disk', () => {
  test('every acknowledged id is in the journal read back from the files', async () => {
    const batch = [completedEvent(), completedEvent()];
    const response = await api.post('/api/ledger/events', { events: batch });
    const { acknowledged } = response.json as { acknowledged: string[] };
    await server.close();
    const journal = await openJournal(dataDir);
    const { events } = await journal.load();
    await journal.close();
    const onDisk = new Set(events.map((e) => e.id));
    expect(acknowledged.length).toBe(2);
    for (const id of acknowledged) expect(onDisk.has(id)).toBe(true);
    server = await startTestServer(dataDir, { sandbox: true });
    api = new ApiClient(server);
  });
});
