import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExternalPreviewResponse, SettingsView } from '../../../src/contract/index.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import { ApiClient, removeDirs, startTestServer, tempDir } from '../../fixtures/server/harness.ts';

/** The external-cost import preview against a real backend on 127.0.0.1 (issue 13). */

let dataDir: string;
let server: RunningServer;
let api: ApiClient;

const CSV =
  'Date;Service;Cost;Description;Project\r\n03.11.2026;Midjourney;30,00;Standard plan;Hero Film\r\n';

beforeAll(async () => {
  dataDir = await tempDir();
  server = await startTestServer(dataDir, { sandbox: true });
  api = new ApiClient(server);
});

afterAll(async () => {
  await server?.close();
  await removeDirs([dataDir]);
});

const preview = async (text: string, currency = 'USD') => {
  const response = await api.post('/api/imports/external/preview', {
    fileName: 'midjourney.csv',
    text,
    currency,
  });
  return { status: response.status, body: response.json as ExternalPreviewResponse, raw: response.body };
};

describe('POST /api/imports/external/preview', () => {
  test('answers the rows with today’s rates; records nothing; once recorded, the same file is all duplicates', async () => {
    const first = await preview(CSV);
    expect(first.status).toBe(200);
    expect(first.body.rows).toHaveLength(1);
    const settings = (await api.get('/api/settings')).json as SettingsView;
    expect(first.body.fx).toEqual(settings.fx);
    expect(((await api.get('/api/ledger')).json as { events: unknown[] }).events).toHaveLength(0);
    const event = {
      id: 'import-1',
      at: '2026-12-07T10:00:00.000+01:00',
      epoch: 0,
      v: 1,
      type: 'external.imported',
      batchId: 'import-1',
      fileName: first.body.fileName,
      rows: first.body.rows.map((r) => r.row),
      fx: first.body.fx,
    };
    expect((await api.post('/api/ledger/events', { events: [event] })).status).toBe(200);
    const again = await preview(CSV);
    expect(again.body.rows).toEqual([]);
    expect(again.body.duplicates).toEqual([{ line: 2, of: 'earlier import' }]);
  });

  test('a refused file says why; a bad request is a 400; more than the limit is a 413', async () => {
    expect((await preview('when,what\n1,2\n')).body.refused).toMatch(/Required columns missing/);
    expect((await preview(CSV, 'GBP')).status).toBe(400);
    const huge = await preview('x'.repeat(13 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(huge.raw).toContain('10 MB');
  });
});
