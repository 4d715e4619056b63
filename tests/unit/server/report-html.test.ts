import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SavedReport } from '../../../src/contract/index.ts';
import { formatMoney, type LedgerEvent } from '../../../src/domain/index.ts';
import { createLedgerView } from '../../../src/ledger-view/index.ts';
import { REPORT_CSP, reportData } from '../../../src/reports/html/index.ts';
import { reportFileName } from '../../../src/server/routes/reports.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import { resetBuilders } from '../../fixtures/ledger-builders.ts';
import { reportLedger } from '../../fixtures/reports/report-ledger.ts';
import { ApiClient, removeDirs, startTestServer, tempDir } from '../../fixtures/server/harness.ts';

/**
 * The HTML report over HTTP (issue 13) against a real backend on 127.0.0.1: the page it answers and
 * saves shows the read model's figures of the journal, with the report's hash of that data.
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
  const events = reportLedger();
  const response = await api.post('/api/ledger/events', { events });
  expect(response.status).toBe(200);
  journal.push(...events);
});

afterAll(async () => {
  await server?.close();
  await removeDirs([dataDir]);
});

async function download(query: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(new URL(`/api/reports/report.html${query}`, server.url), {
    headers: { 'x-modelbridge-token': server.token },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The hash and KPIs a page shows. */
function figures(html: string) {
  const text = (attribute: string) => new RegExp(`${attribute}[^>]*>([^<]*)<`).exec(html)?.[1];
  return {
    hash: text('data-hash'),
    combined: text('data-kpi="combined"'),
    generations: text('data-kpi="generations"'),
  };
}

/** What the domain says the page must show for a query. */
function expected(query: Parameters<typeof reportData>[1]) {
  const view = createLedgerView(journal);
  const { totals } = view.summary(query);
  return {
    hash: reportData(view, query, new Date()).hash,
    combined: formatMoney(totals.combinedUsdMicros, query.currency),
    generations: String(totals.generationCount),
  };
}

describe('HTML report', () => {
  test('GET answers the page as an attachment, with the CSP header and the domain’s figures', async () => {
    const { status, headers, text } = await download('?currency=SEK');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('content-security-policy')).toBe(REPORT_CSP);
    expect(headers.get('content-disposition')).toMatch(
      /^attachment; filename="report-\d{4}-\d{2}-\d{2}-\d{6}Z\.html"$/,
    );
    expect(text.startsWith('<!doctype html>')).toBe(true);
    expect(text).not.toMatch(/<script|<img/i);
    expect(figures(text)).toEqual(expected({ currency: 'SEK' }));
  });

  test('a filter narrows the report and names the file', async () => {
    const { headers, text } = await download('?client=acme&project=Hero%20Film&currency=EUR');
    expect(headers.get('content-disposition')).toMatch(/-acme-hero-film\.html"$/);
    expect(figures(text)).toEqual(expected({ currency: 'EUR', client: 'acme', project: 'Hero Film' }));
  });

  test('POST saves the same report under the data dir’s reports/ and says where', async () => {
    const response = await api.post('/api/reports/report.html', { currency: 'USD', from: '2025-11-04' });
    expect(response.status).toBe(200);
    const saved = response.json as SavedReport;
    expect(dirname(saved.path)).toBe(join(dataDir, 'reports'));
    expect(saved.path).toMatch(/report-\d{4}-\d{2}-\d{2}-\d{6}Z\.html$/);
    const text = await readFile(saved.path, 'utf8');
    expect(Buffer.byteLength(text)).toBe(saved.bytes);
    const data = reportData(createLedgerView(journal), { currency: 'USD', from: '2025-11-04' }, new Date());
    expect(saved.rows).toBe(data.generations.length + data.externals.length + data.pools.length);
    expect(figures(text)).toEqual(expected({ currency: 'USD', from: '2025-11-04' }));
  });

  test('refuses a bad query with what was wrong, and any call without the token', async () => {
    const bad = await api.get('/api/reports/report.html?currency=GBP');
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('INVALID_QUERY');
    expect(bad.body).toContain('report was refused');
    const unknown = await api.post('/api/reports/report.html', { currency: 'USD', colour: 'red' });
    expect(unknown.status).toBe(400);
    const anonymous = await api.call('GET', '/api/reports/report.html', undefined, null);
    expect(anonymous.status).toBe(401);
  });

  test('file names: kind, a sortable UTC stamp, and a slug of the tags chosen', () => {
    const now = new Date('2026-12-07T12:30:05.123Z');
    expect(reportFileName('report', 'html', { currency: 'USD' }, now)).toBe('report-2026-12-07-123005Z.html');
    expect(reportFileName('costs', 'csv', { currency: 'USD', deliverable: 'Cut 6s / v2' }, now)).toBe(
      'costs-2026-12-07-123005Z-cut-6s-v2.csv',
    );
  });
});
