import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Context, Hono } from 'hono';
import { type SavedReport, type SummaryQuery, summaryQuerySchema } from '../../contract/index.ts';
import { REPORT_CSP } from '../../reports/html/index.ts';
import { costCsvFile, htmlReportFile, type ReportFile } from '../../reports/report-files.ts';
import { writeFileAtomic } from '../atomic-file.ts';
import type { ServerContext } from '../context.ts';
import { readJsonBody, validOr400 } from './json-body.ts';

/** Folder of the data dir that saved reports go to. */
export const REPORTS_DIR = 'reports';

const parsed = (value: unknown, what: 'export' | 'report'): SummaryQuery =>
  validOr400(value, summaryQuerySchema, 'INVALID_QUERY', what);

/**
 * `<kind>-2026-12-07-123005Z[-hero-film].<extension>`: sortable, and says which client, project and
 * deliverable when one is chosen.
 */
export function reportFileName(kind: string, extension: string, query: SummaryQuery, now: Date): string {
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
  return `${kind}-${stamp}${slug ? `-${slug}` : ''}.${extension}`;
}

/** `costs-2026-12-07-123005Z[-hero-film].csv` (reportFileName of the cost CSV). */
export function costCsvFileName(query: SummaryQuery, now: Date): string {
  return reportFileName('costs', 'csv', query, now);
}

function csvOf(ctx: ServerContext, query: SummaryQuery): ReportFile {
  return costCsvFile(ctx.readModel.view(), query);
}

function htmlOf(ctx: ServerContext, query: SummaryQuery, now: Date): ReportFile {
  return htmlReportFile(ctx.readModel.view(), query, now);
}

/** Writes a report under the data dir's `reports/` (atomically) and says where and what it holds. */
async function saveReport(ctx: ServerContext, name: string, file: ReportFile): Promise<SavedReport> {
  const dir = join(ctx.dataDir, REPORTS_DIR);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, name);
  await writeFileAtomic(path, file.text);
  return { path, rows: file.rows, bytes: Buffer.byteLength(file.text, 'utf8') };
}

/**
 * The cost CSV and the HTML report of a filter in a currency (src/reports over the read model):
 * answered as a download, or saved under the data dir's `reports/` for a panel that cannot download.
 */
export function createReportRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get('/costs.csv', (c: Context) => {
    const query = parsed(c.req.query(), 'export');
    const { text } = csvOf(ctx, query);
    return c.body(text, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${costCsvFileName(query, new Date())}"`,
      'Cache-Control': 'no-store',
    });
  });
  app.post('/costs.csv', async (c) => {
    const query = parsed(await readJsonBody(c), 'export');
    return c.json<SavedReport>(await saveReport(ctx, costCsvFileName(query, new Date()), csvOf(ctx, query)));
  });
  app.get('/report.html', (c: Context) => {
    const query = parsed(c.req.query(), 'report');
    const now = new Date();
    return c.body(htmlOf(ctx, query, now).text, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      // The same policy as the page's own meta: opened from the backend's origin it still runs nothing.
      'Content-Security-Policy': REPORT_CSP,
      'Content-Disposition': `attachment; filename="${reportFileName('report', 'html', query, now)}"`,
      'Cache-Control': 'no-store',
    });
  });
  app.post('/report.html', async (c) => {
    const query = parsed(await readJsonBody(c), 'report');
    const now = new Date();
    const name = reportFileName('report', 'html', query, now);
    return c.json<SavedReport>(await saveReport(ctx, name, htmlOf(ctx, query, now)));
  });
  return app;
}
