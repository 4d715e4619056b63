import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Context, Hono } from 'hono';
import { type SavedReport, type SummaryQuery, summaryQuerySchema } from '../../contract/index.ts';
import { everyRow } from '../../ledger-view/index.ts';
import { costCsv } from '../../reports/csv/index.ts';
import { writeFileAtomic } from '../atomic-file.ts';
import type { ServerContext } from '../context.ts';
import { readJsonBody, validOr400 } from './json-body.ts';

/** Folder of the data dir that saved reports go to. */
export const REPORTS_DIR = 'reports';

const parsed = (value: unknown): SummaryQuery =>
  validOr400(value, summaryQuerySchema, 'INVALID_QUERY', 'export');

/** `costs-2026-12-07-123005Z[-hero-film].csv`: sortable, and says which project when one is chosen. */
export function costCsvFileName(query: SummaryQuery, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '')
    .replace('T', '-');
  const slug = [query.client, query.project, query.deliverable]
    .filter((tag): tag is string => Boolean(tag))
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `costs-${stamp}${slug ? `-${slug}` : ''}.csv`;
}

function csvOf(ctx: ServerContext, query: SummaryQuery): { text: string; rows: number } {
  const rows = [...everyRow(ctx.readModel.view(), query)];
  return { text: costCsv(rows, query.currency), rows: rows.length };
}

/**
 * The cost CSV of a filter in a currency (src/reports/csv over the read model's rows): answered as a
 * download, or saved under the data dir's `reports/` for a panel that cannot download.
 */
export function createReportRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get('/costs.csv', (c: Context) => {
    const query = parsed(c.req.query());
    const { text } = csvOf(ctx, query);
    return c.body(text, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${costCsvFileName(query, new Date())}"`,
      'Cache-Control': 'no-store',
    });
  });
  app.post('/costs.csv', async (c) => {
    const query = parsed(await readJsonBody(c));
    const { text, rows } = csvOf(ctx, query);
    const dir = join(ctx.dataDir, REPORTS_DIR);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, costCsvFileName(query, new Date()));
    await writeFileAtomic(path, text);
    return c.json<SavedReport>({ path, rows, bytes: Buffer.byteLength(text, 'utf8') });
  });
  return app;
}
