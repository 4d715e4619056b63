import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { parseCostCsv } from '../../src/reports/csv/index.ts';
import { readLedger } from '../fixtures/e2e/backend.ts';
import { setupE2E } from '../fixtures/e2e/panel.ts';
import { seededRuns, seedThroughApi } from '../fixtures/e2e/seed.ts';
import { billingRegion, billingRows, openTab, pageToken } from '../fixtures/e2e/ui.ts';

const session = setupE2E({ speed: 40 });

const MIDJOURNEY = [
  'Date;Service;Cost;Description;Project',
  '03.11.2026;Midjourney;30,00;Standard plan;Alpha',
  '04.11.2026;Runway;12,50;Credits;Beta',
].join('\r\n');

/**
 * Issue 13 from the Billing view against the real backend in Chromium: an external-cost file imported
 * with its preview, a pool defined and split, and the CSV export written under the data dir holding
 * all three cost types, and the HTML report of one project made from the panel.
 */
describe('Billing reports and cost sources against the real backend', () => {
  test('import external costs, define a pool, export the CSV: each lands in the ledger and the file', async () => {
    const { page, backend } = session();
    await seedThroughApi(
      page,
      backend,
      seededRuns([
        { project: 'Alpha', actualUsdMicros: 1_000_000 },
        { project: 'Beta', actualUsdMicros: 3_000_000 },
      ]),
    );
    await openTab(page, 'Billing');
    const billing = billingRegion(page);
    await expect.poll(() => billingRows(page).count()).toBe(2);

    await page.locator('input[type="file"]').setInputFiles({
      name: 'midjourney.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(MIDJOURNEY),
    });
    const importDialog = page.getByRole('dialog', { name: 'Import external costs' });
    await expect
      .poll(() => importDialog.getByRole('status', { name: 'Import preview' }).textContent())
      .toBe('2 costs to import from midjourney.csv, in all $42.50');
    await importDialog.getByRole('button', { name: 'Import 2 costs' }).click();
    await importDialog.getByRole('status', { name: 'Import done' }).waitFor();
    await importDialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => billingRows(page).count()).toBe(4);

    await billing.getByRole('button', { name: 'Pool costs' }).click();
    const pools = page.getByRole('dialog', { name: 'Pool costs' });
    await pools.getByRole('button', { name: 'Add pool' }).click();
    const form = pools.getByRole('form', { name: 'New pool' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Team seats');
    await form.getByRole('textbox', { name: 'Amount' }).fill('10');
    await form.getByRole('radio', { name: /By usage/ }).check();
    await form.getByRole('button', { name: 'Add pool' }).click();
    const shares = pools.getByRole('table', { name: 'Shares of Team seats' });
    // Alpha spent $1 and Beta $3 on generations: the $10 pool is split 1:3.
    await expect.poll(() => shares.textContent()).toBe('Alpha$2.50Beta$7.50');
    await pools.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => billingRows(page).count()).toBe(4);
    await expect.poll(() => billing.getByText(/^Showing \d+ of \d+$/).textContent()).toBe('Showing 4 of 6');

    const ledger = await readLedger(backend, await pageToken(page));
    expect(ledger.filter((e) => e.type === 'external.imported')).toHaveLength(1);
    const defined = ledger.filter((e) => e.type === 'pool.defined');
    expect(defined).toHaveLength(1);
    expect(defined[0]).toMatchObject({
      name: 'Team seats',
      amountMicros: 10_000_000,
      rule: { kind: 'usage' },
    });

    await billing.getByRole('button', { name: 'Export CSV' }).click();
    const saved = (await billing.getByRole('status', { name: 'CSV export' }).textContent()) ?? '';
    const path = /to (\/\S+\.csv)/.exec(saved)?.[1];
    expect(path?.startsWith(backend.dataDir)).toBe(true);
    const records = parseCostCsv(await readFile(path as string, 'utf8'));
    expect(records.map((r) => r.type).sort()).toEqual([
      'external',
      'external',
      'internal',
      'internal',
      'pool',
      'pool',
    ]);
    const poolRows = records.filter((r) => r.type === 'pool');
    expect(poolRows.map((r) => [r.project, r.cost_usd, r.pool_method])).toEqual([
      ['Alpha', '2.500000', 'usage'],
      ['Beta', '7.500000', 'usage'],
    ]);

    await billing.getByRole('button', { name: 'HTML report' }).click();
    const reportDialog = page.getByRole('dialog', { name: 'HTML report' });
    await reportDialog.getByRole('combobox', { name: 'Project' }).click();
    await page.getByRole('option', { name: 'Alpha' }).click();
    await reportDialog.getByRole('button', { name: 'Create report' }).click();
    const report = (await reportDialog.getByRole('status', { name: 'Report saved' }).textContent()) ?? '';
    const reportPath = /to (\/\S+\.html)/.exec(report)?.[1];
    expect(reportPath?.startsWith(backend.dataDir)).toBe(true);
    const html = await readFile(reportPath as string, 'utf8');
    expect(html).not.toMatch(/<script/i);
    // Alpha's generation, its external cost and its share of the pool; nothing of Beta's.
    expect(html).toContain('Standard plan');
    expect(html).toContain('Team seats');
    expect(html).not.toContain('Credits');
  });
});
