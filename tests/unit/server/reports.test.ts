import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SavedReport } from '../../../src/contract/index.ts';
import { foldLedger, type LedgerEvent, listRows } from '../../../src/domain/index.ts';
import { costCsvRecord, parseCostCsv } from '../../../src/reports/csv/index.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import {
  externalRow,
  generation,
  imported,
  poolDefined,
  resetBuilders,
  tags,
} from '../../fixtures/ledger-builders.ts';
import { ApiClient, removeDirs, startTestServer, tempDir } from '../../fixtures/server/harness.ts';

/**
 * The cost CSV over HTTP (issue 13) against a real backend on 127.0.0.1: what it answers and saves
 * is the domain's own list of the journal, as src/reports/csv writes it.
 */

let dataDir: string;
let server: RunningServer;
let api: ApiClient;
const journal: LedgerEvent[] = [];

beforeAll(async () => {
  resetBuilders();
  dataDir = await tempDir();
  server = await startTestServer(dataDir, { sandbox: true });
  api = new ApiClient(server);
  const events: LedgerEvent[] = [
    ...generation({ tags: tags('Acme', 'Hero Film', 'Teaser'), prompt: '=cmd|"/c calc"!A1' }, 1_234_567),
    ...generation({ tags: tags('Globex', 'BTS Reel', 'Cut'), at: '2025-11-03T10:00:00.000Z' }, 50_000),
    imported([
      externalRow({ description: '@SUM(1)', amountMicros: 2_500_000, tags: tags('Acme', 'Hero Film', '') }),
    ]),
    poolDefined({ name: 'Team seats' }),
  ];
  const response = await api.post('/api/ledger/events', { events });
  expect(response.status).toBe(200);
  journal.push(...events);
});

afterAll(async () => {
  await server?.close();
  await removeDirs([dataDir]);
});

/** The CSV as the backend sends it, bytes and all (fetch's text() would drop the BOM unseen). */
async function download(query: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(new URL(`/api/reports/costs.csv${query}`, server.url), {
    headers: { 'x-modelbridge-token': server.token },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, text: bytes.toString('utf8') };
}

describe('cost CSV export', () => {
  test('answers the whole ledger as the domain lists it, with a BOM, as an attachment', async () => {
    const { status, headers, text } = await download('?currency=EUR');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toMatch(
      /^attachment; filename="costs-\d{4}-\d{2}-\d{2}-\d{6}Z\.csv"$/,
    );
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = listRows(foldLedger(journal));
    expect(parseCostCsv(text)).toEqual(rows.map((row) => costCsvRecord(row, 'EUR')));
    expect(text).toContain("'=cmd|");
  });

  test('exports only the filter asked for, and names it in the file', async () => {
    const { headers, text } = await download('?project=hero%20film&currency=USD');
    expect(headers.get('content-disposition')).toMatch(/-hero-film\.csv"$/);
    const records = parseCostCsv(text);
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.project === 'Hero Film')).toBe(true);
    const expected = listRows(foldLedger(journal), { project: 'hero film' });
    expect(records).toEqual(expected.map((row) => costCsvRecord(row, 'USD')));
  });

  test('POST saves the same file under the data dir’s reports/ and says where', async () => {
    const response = await api.post('/api/reports/costs.csv', { currency: 'SEK', client: 'Acme' });
    expect(response.status).toBe(200);
    const saved = response.json as SavedReport;
    expect(dirname(saved.path)).toBe(join(dataDir, 'reports'));
    const text = await readFile(saved.path, 'utf8');
    expect(Buffer.byteLength(text)).toBe(saved.bytes);
    const records = parseCostCsv(text);
    expect(records).toHaveLength(saved.rows);
    expect(records.every((r) => r.client === 'Acme' && r.currency === 'SEK')).toBe(true);
    expect(text).toBe((await download('?currency=SEK&client=Acme')).text);
  });

  test('refuses a bad query with what was wrong, and any call without the token', async () => {
    const bad = await api.get('/api/reports/costs.csv?currency=GBP');
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('INVALID_QUERY');
    const unknown = await api.post('/api/reports/costs.csv', { currency: 'USD', colour: 'red' });
    expect(unknown.status).toBe(400);
    const anonymous = await api.call('GET', '/api/reports/costs.csv', undefined, null);
    expect(anonymous.status).toBe(401);
  });
});
