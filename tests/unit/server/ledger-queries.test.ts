import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { RowsResponse, SummaryResponse, WorkingSetResponse } from '../../../src/contract/index.ts';
import {
  amountIn,
  foldLedger,
  knownTags,
  type LedgerEvent,
  listRows,
  totals,
} from '../../../src/domain/index.ts';
import { createLedgerBus } from '../../../src/server/ledger-bus.ts';
import { startLedgerReadModel } from '../../../src/server/ledger-read-model.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import {
  generation,
  requested,
  resetBuilders,
  settled,
  submitted,
  tags,
} from '../../fixtures/ledger-builders.ts';
import { ApiClient, removeDirs, startTestServer, tempDir } from '../../fixtures/server/harness.ts';

/**
 * The ledger's read model over HTTP (issue 12) against a real backend on 127.0.0.1: what the rows,
 * summary and working-set routes answer is what the domain's own fold of the journal says.
 */

let dataDir: string;
let server: RunningServer;
let api: ApiClient;
const journal: LedgerEvent[] = [];

async function append(events: LedgerEvent[]): Promise<void> {
  const response = await api.post('/api/ledger/events', { events });
  expect(response.status).toBe(200);
  journal.push(...events);
}

async function allRows(query: string, limit: number): Promise<RowsResponse['rows']> {
  const out: RowsResponse['rows'] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = (await api.get(`/api/ledger/rows?limit=${limit}${query}${suffix}`)).json as RowsResponse;
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    out.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return out;
}

beforeAll(async () => {
  resetBuilders();
  dataDir = await tempDir();
  server = await startTestServer(dataDir, { sandbox: true });
  api = new ApiClient(server);
  const projects = ['Hero Film', 'BTS Reel', 'Social Cut'];
  const events: LedgerEvent[] = [];
  for (let i = 0; i < 23; i += 1) {
    const at = new Date(Date.UTC(2026, 10, 1 + (i % 20), 9, i)).toISOString();
    events.push(
      ...generation(
        { tags: tags(i % 2 ? 'Acme' : 'Globex', projects[i % 3]!, 'Teaser'), at },
        i % 4 === 0 ? undefined : 50_000 + i,
      ),
    );
  }
  await append(events);
});

afterAll(async () => {
  await server?.close();
  await removeDirs([dataDir]);
});

describe('rows and summary', () => {
  test('pages followed by cursor are the domain’s list, for no filter and for a project', async () => {
    const state = foldLedger(journal);
    for (const [query, filter] of [
      ['', {}],
      ['&project=hero%20film', { project: 'hero film' }],
      ['&client=Acme&project=BTS%20Reel', { client: 'Acme', project: 'BTS Reel' }],
    ] as const) {
      const expected = listRows(state, filter);
      const rows = await allRows(query, 4);
      expect(rows.map((r) => r.item.id)).toEqual(expected.map((r) => r.item.id));
      expect(rows.map(({ dualPartner: _, ...row }) => row)).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  test('the summary is the domain’s totals in the display currency, with every tag in use', async () => {
    const state = foldLedger(journal);
    for (const currency of ['USD', 'EUR', 'SEK'] as const) {
      const body = (await api.get(`/api/ledger/summary?currency=${currency}&project=Social%20Cut`))
        .json as SummaryResponse;
      expect(body.currency).toBe(currency);
      expect(body.totals).toEqual(totals(state, { project: 'Social Cut' }, amountIn(currency)));
      expect(body.tags).toEqual(knownTags(state));
    }
  });

  test('an append is in the next answer, and the version moves', async () => {
    const before = (await api.get('/api/ledger/summary')).json as SummaryResponse;
    const fresh = generation(
      { tags: tags('Initech', 'New Spot', ''), at: '2026-12-01T10:00:00.000Z' },
      10_000,
    );
    await append(fresh);
    const after = (await api.get('/api/ledger/summary')).json as SummaryResponse;
    expect(after.version).not.toBe(before.version);
    expect(after.totals.generationCount).toBe(before.totals.generationCount + 1);
    expect(after.tags.clients).toContain('Initech');
    const first = (await api.get('/api/ledger/rows?limit=1')).json as RowsResponse;
    expect(first.rows[0]!.item.sourceId).toBe((fresh[0] as { genId: string }).genId);
  });

  test('a cursor keeps its place when newer rows arrive between pages', async () => {
    const page = (await api.get('/api/ledger/rows?limit=5')).json as RowsResponse;
    await append(generation({ at: '2026-12-02T10:00:00.000Z' }, 1));
    const next = (await api.get(`/api/ledger/rows?limit=5&cursor=${encodeURIComponent(page.nextCursor!)}`))
      .json as RowsResponse;
    const expected = listRows(foldLedger(journal), {}).map((r) => r.item.id);
    const at = expected.indexOf(page.rows.at(-1)!.item.id);
    expect(next.rows.map((r) => r.item.id)).toEqual(expected.slice(at + 1, at + 6));
  });

  test('bad queries are refused with the reason, never answered with everything', async () => {
    for (const [path, code] of [
      ['/api/ledger/rows?limit=201', 'INVALID_QUERY'],
      ['/api/ledger/rows?limit=0', 'INVALID_QUERY'],
      ['/api/ledger/rows?currency=GBP', 'INVALID_QUERY'],
      ['/api/ledger/rows?from=yesterday', 'INVALID_QUERY'],
      ['/api/ledger/rows?colour=red', 'INVALID_QUERY'],
      ['/api/ledger/rows?cursor=not-a-cursor', 'INVALID_CURSOR'],
      ['/api/ledger/summary?currency=usd', 'INVALID_QUERY'],
    ] as const) {
      const response = await api.get(path);
      expect(response.status, path).toBe(400);
      expect((response.json as { error: { code: string } }).error.code, path).toBe(code);
    }
  });

  test('every query needs the token', async () => {
    for (const path of ['/api/ledger/rows', '/api/ledger/summary', '/api/ledger/working-set']) {
      expect((await api.call('GET', path, undefined, null)).status).toBe(401);
    }
  });
});

describe('working set', () => {
  test('holds the events of open generations only, and the learned runs', async () => {
    const open = submitted({ at: '2026-12-03T10:00:00.000Z' });
    await append([open]);
    const body = (await api.get('/api/ledger/working-set')).json as WorkingSetResponse;
    const genIds = new Set(body.events.map((e) => (e as { genId?: string }).genId));
    expect(genIds.has(open.genId)).toBe(true);
    // Settled generations stay in the history: the panel does not need them to settle anything.
    const settledIds = journal
      .filter((e) => e.type === 'generation.settled')
      .map((e) => (e as { genId: string }).genId);
    expect(settledIds.some((id) => genIds.has(id))).toBe(false);
    expect(body.events.length).toBeLessThan(journal.length / 4);
    await append([settled(open.genId, 20_000, { at: '2026-12-03T10:05:00.000Z' })]);
    const later = (await api.get('/api/ledger/working-set')).json as WorkingSetResponse;
    expect(later.events.some((e) => (e as { genId?: string }).genId === open.genId)).toBe(false);
  });
});

describe('GET /api/ledger for tools', () => {
  test('pages by cursor, and streams NDJSON, each the whole journal in order', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const query: string = after ? `&after=${encodeURIComponent(after)}` : '';
      const page = (await api.get(`/api/ledger?limit=7${query}`)).json as {
        events: LedgerEvent[];
        next: string | null;
      };
      expect(page.events.length).toBeLessThanOrEqual(7);
      ids.push(...page.events.map((e) => e.id));
      after = page.next;
    } while (after !== null);
    expect(ids).toEqual(journal.map((e) => e.id));
    const response = await fetch(new URL('/api/ledger', server.url), {
      headers: { 'x-modelbridge-token': server.token, accept: 'application/x-ndjson' },
    });
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await response.text()).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as LedgerEvent).id)).toEqual(journal.map((e) => e.id));
  });
});

describe('compression', () => {
  /** The raw response, as a client that asks for gzip receives it (fetch would decode it unseen). */
  function raw(path: string, accept: string): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const request = httpGet(
        new URL(path, server.url),
        { headers: { 'x-modelbridge-token': server.token, 'accept-encoding': 'gzip', accept } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        },
      );
      request.on('error', reject);
    });
  }

  test('the read model’s JSON answers are gzipped and decode to the same answer', async () => {
    const plain = (await api.get('/api/ledger/summary?currency=USD')).json as SummaryResponse;
    const { headers, body } = await raw('/api/ledger/summary?currency=USD', 'application/json');
    expect(headers['content-encoding']).toBe('gzip');
    expect(body.length).toBeLessThan(JSON.stringify(plain).length);
    expect(JSON.parse(gunzipSync(body).toString('utf8'))).toEqual(plain);
  });

  test('the NDJSON stream is sent as it is, never buffered for compression', async () => {
    const { headers, body } = await raw('/api/ledger', 'application/x-ndjson');
    expect(headers['content-encoding']).toBeUndefined();
    expect(body.toString('utf8').trim().split('\n')).toHaveLength(journal.length);
  });
});

describe('start-up', () => {
  let big: LedgerEvent[];
  beforeEach(() => {
    resetBuilders();
    big = Array.from({ length: 30_000 }, (_, i) =>
      requested({ at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() }),
    );
  });

  test('the journal folds in chunks: progress is told and queries wait with 503 until ready', async () => {
    const model = startLedgerReadModel({ all: () => big });
    const bus = createLedgerBus(model.follow);
    expect(model.progress()).toMatchObject({ phase: 'folding', total: big.length });
    expect(model.progress().done).toBeLessThan(big.length);
    expect(() => model.view()).toThrow(expect.objectContaining({ status: 503, code: 'LEDGER_LOADING' }));
    // An append published while loading is folded once, after the journal.
    const late = requested({ at: '2026-12-01T00:00:00.000Z' });
    bus.publish([big.at(-1)!, late]);
    await model.ready;
    expect(model.progress()).toEqual({ phase: 'ready', done: big.length, total: big.length });
    expect(model.view().summary({ currency: 'USD' }).totals.generationCount).toBe(big.length + 1);
    expect(bus.size()).toBe(0);
  });

  test('health tells the load’s progress', async () => {
    const health = (await api.get('/api/health')).json as { ledger: { phase: string } };
    expect(health.ledger.phase).toBe('ready');
  });
});
