import { readFile } from 'node:fs/promises';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SavedReport } from '../../src/contract/index.ts';
import { type Currency, formatMoney, type LedgerEvent } from '../../src/domain/index.ts';
import { createLedgerView } from '../../src/ledger-view/index.ts';
import type { RunningServer } from '../../src/server/start.ts';
import { resetBuilders } from '../fixtures/ledger-builders.ts';
import { HOSTILE, reportLedger } from '../fixtures/reports/report-ledger.ts';
import { ApiClient, removeDirs, startTestServer, tempDir } from '../fixtures/server/harness.ts';
import { chromiumArgs, chromiumPath } from '../setup/chromium.ts';

/**
 * A saved HTML report opened in Chromium (issue 13), every request intercepted: the page asks for
 * nothing but itself, holds no script, logs no error, shows the domain's totals, and hostile tags
 * arrive as text.
 */

/** Where the page is served from: a made-up origin, so any other request is visibly the page's own. */
const REPORT_URL = 'http://report.invalid/report.html';

let dataDir: string;
let server: RunningServer;
let browser: Browser;
const journal: LedgerEvent[] = [];

beforeAll(async () => {
  resetBuilders();
  dataDir = await tempDir('mb-e2e-report-');
  server = await startTestServer(dataDir, { sandbox: true });
  const events = reportLedger();
  expect((await new ApiClient(server).post('/api/ledger/events', { events })).status).toBe(200);
  journal.push(...events);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeDirs([dataDir]);
});

interface Opened {
  page: Page;
  requests: string[];
  problems: string[];
}

/** Saves the report through the backend, then opens the file with every request intercepted. */
async function openSaved(currency: Currency): Promise<Opened> {
  const saved = (await new ApiClient(server).post('/api/reports/report.html', { currency }))
    .json as SavedReport;
  const html = await readFile(saved.path, 'utf8');
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return url === REPORT_URL
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.abort();
  });
  await page.goto(REPORT_URL, { waitUntil: 'load' });
  return { page, requests, problems };
}

describe('the saved HTML report in Chromium', () => {
  test.each(['USD', 'EUR', 'SEK'] as const)(
    'asks for nothing but itself, runs nothing, and shows the domain totals (%s)',
    async (currency) => {
      const { page, requests, problems } = await openSaved(currency);
      expect(requests).toEqual([REPORT_URL]);
      expect(await page.locator('script').count()).toBe(0);
      expect(problems).toEqual([]);
      const { totals } = createLedgerView(journal).summary({ currency });
      const kpi = (id: string) => page.locator(`[data-kpi="${id}"]`).textContent();
      expect(await kpi('internal')).toBe(formatMoney(totals.internalUsdMicros, currency));
      expect(await kpi('external')).toBe(formatMoney(totals.externalUsdMicros, currency));
      expect(await kpi('combined')).toBe(formatMoney(totals.combinedUsdMicros, currency));
      expect(await kpi('generations')).toBe(String(totals.generationCount));
      await page.context().close();
    },
  );

  test('hostile tags are text in the page: no img, no extra svg, no script', async () => {
    const { page, problems } = await openSaved('USD');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(0);
    // Only the three charts are SVG (visx nests a small svg per axis tick label inside them).
    expect(await page.locator('body > section svg[role="img"]').count()).toBe(3);
    const log = page.locator('#log + table');
    await expect.poll(() => log.getByRole('cell', { name: HOSTILE.client, exact: true }).count()).toBe(1);
    expect(await log.getByRole('cell', { name: HOSTILE.project, exact: true }).count()).toBe(1);
    expect(await log.getByRole('cell', { name: HOSTILE.deliverable, exact: true }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('prints on A4', async () => {
    const { page } = await openSaved('SEK');
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[([^\]]*)\]/g)].map((m) => m[1]);
    // 210 × 297 mm is 595.28 × 841.89 pt; Chromium writes whole CSS pixels (794 × 1123 px).
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) {
      const [, , width = 0, height = 0] = (box ?? '').trim().split(/\s+/).map(Number);
      expect(Math.abs(width - 595.28)).toBeLessThan(1);
      expect(Math.abs(height - 841.89)).toBeLessThan(1);
    }
    await page.context().close();
  });
});
