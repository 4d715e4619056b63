import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PoolsResponse } from '../../../src/contract/index.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import { generation, poolDefined, poolRemoved, resetBuilders, tags } from '../../fixtures/ledger-builders.ts';
import { ApiClient, removeDirs, startTestServer, tempDir } from '../../fixtures/server/harness.ts';

/** `GET /api/ledger/pools` against a real backend on 127.0.0.1: pools recorded as events, shares from the read model. */

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

const pools = async () => (await api.get('/api/ledger/pools')).json as PoolsResponse;

describe('GET /api/ledger/pools', () => {
  test('lists a recorded pool with shares that add up to it; a removal takes it out', async () => {
    expect((await pools()).pools).toEqual([]);
    resetBuilders();
    const events = [
      ...generation({ tags: tags('Acme', 'Hero Film', '') }, 1_000_000),
      ...generation({ tags: tags('Globex', 'Social Cut', '') }, 3_000_000),
      poolDefined({ name: 'Seats', period: { from: '', to: '' }, amountMicros: 20_000_001 }),
    ];
    expect((await api.post('/api/ledger/events', { events })).status).toBe(200);
    const [seats] = (await pools()).pools;
    expect(seats?.pool.name).toBe('Seats');
    expect(seats?.shares.map((s) => [s.project, s.usdMicros])).toEqual([
      ['Hero Film', 10_000_001],
      ['Social Cut', 10_000_000],
    ]);
    expect((await api.post('/api/ledger/events', { events: [poolRemoved('pool-1')] })).status).toBe(200);
    expect((await pools()).pools).toEqual([]);
  });

  test('needs the token like every API route', async () => {
    const response = await fetch(new URL('/api/ledger/pools', server.url));
    expect(response.status).toBe(401);
  });
});
