import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { externalRow, imported, poolDefined, tags } from '../fixtures/ledger-builders.ts';
import { callApi, readLedger } from '../fixtures/e2e/backend.ts';
import { panelReady, setupE2E } from '../fixtures/e2e/panel.ts';
import { seededRuns, seedThroughApi } from '../fixtures/e2e/seed.ts';
import {
  billingRegion,
  billingRows,
  generateAndWait,
  openTab,
  pageToken,
  typeTag,
} from '../fixtures/e2e/ui.ts';

const session = setupE2E({ speed: 40 });

/** Generations in two projects, a large one, an external cost and a pool: every kind of amount. */
function mixedLedger() {
  const runs = seededRuns([
    { project: 'Alpha', actualUsdMicros: 25_000 },
    { project: 'Beta', actualUsdMicros: 1_234_567 },
    { project: 'Alpha', client: 'Acme', actualUsdMicros: 6_300_000 },
  ]);
  const external = imported([externalRow({ tags: tags('Acme', 'Alpha', '') })]);
  return [...runs, external, poolDefined()];
}

/** Every amount in kronor in a text: `12.3 kr`, `1,234.5 kr`, `<0.1 kr`. */
function kronorAmounts(text: string): string[] {
  return [...text.matchAll(/<?-?[\d,]*\d(?:\.\d+)? kr/g)].map((m) => m[0]);
}

async function chooseCurrency(page: Page, currency: 'USD' | 'EUR' | 'SEK') {
  await billingRegion(page).getByRole('combobox', { name: 'Currency' }).selectOption(currency);
}

/** The path a finished reset shows under "Cost history deleted: A backup was saved to …". */
async function shownBackupPath(dialog: Locator): Promise<string> {
  const done = dialog.getByRole('status').filter({ hasText: 'Cost history deleted' });
  await done.waitFor();
  const saved = /A backup was saved to\s*(\S.*)$/s.exec((await done.textContent()) ?? '');
  return saved?.[1]?.trim() ?? '';
}

describe('Billing currency, reload and reset against the real backend', () => {
  test('SEK shows kr with one decimal wherever Billing shows an amount', async () => {
    const { page, backend } = session();
    await seedThroughApi(page, backend, mixedLedger());
    await openTab(page, 'Billing');
    await expect.poll(() => billingRows(page).count()).toBe(4);

    await chooseCurrency(page, 'SEK');

    const region = billingRegion(page);
    await expect.poll(() => region.getByRole('group', { name: 'Running total' }).textContent()).toMatch(/kr/);
    // The chips and charts follow each answer in a deferred render and say aria-busy until then.
    await expect.poll(() => region.locator('[aria-busy="true"]').count()).toBe(0);
    const text = (await region.allInnerTexts()).join('\n');
    const charts = (await region.getByRole('figure').allTextContents()).join('\n');
    expect(`${text}\n${charts}`).not.toMatch(/[$€]|USD \d|EUR \d/);
    const amounts = [...kronorAmounts(text), ...kronorAmounts(charts)];
    // Running total, 4 KPIs, every shown row's estimate / Actual / amount, chart axes.
    expect(amounts.length).toBeGreaterThanOrEqual(12);
    for (const amount of amounts) expect(amount).toMatch(/^<?-?[\d,]*\d\.\d kr$/);
    for (const name of ['Internal', 'External', 'Pool', 'Combined']) {
      expect(await region.getByRole('group', { name, exact: true }).textContent()).toMatch(/\d\.\d kr/);
    }
    // 1,234,567 micro-USD at the stored 9.4 SEK/USD = 11.6 kr, shown on its row's Actual badge.
    expect(text).toMatch(/Actual 11\.6 kr/);

    await openTab(page, 'Generate');
    await expect
      .poll(() => page.getByRole('status', { name: 'Estimated cost' }).textContent())
      .toMatch(/Estimated\s+0\.2 kr/);
  });

  test('a reload keeps the rows and the currency choice', async () => {
    const { page, backend } = session();
    const token = await pageToken(page);
    await seedThroughApi(page, backend, mixedLedger());
    await page.getByRole('textbox', { name: 'Prompt' }).fill('a snail on a leaf, macro');
    await typeTag(page, 'Project', 'Gamma');
    await generateAndWait(page);
    await openTab(page, 'Billing');
    await chooseCurrency(page, 'SEK');
    await expect
      .poll(async () => (await callApi<{ currency: string }>(backend, token, '/api/settings')).currency)
      .toBe('SEK');
    await billingRegion(page).getByRole('button', { name: 'View more' }).click();
    const rowsBefore = await billingRows(page).evaluateAll((rows) => rows.map((r) => r.textContent));
    const totalBefore = await billingRegion(page).getByRole('group', { name: 'Running total' }).textContent();
    // 3 seeded runs, the external cost, the pool's shares and the UI run: more than the first 4.
    expect(rowsBefore.length).toBeGreaterThan(4);

    await page.reload();
    await panelReady(page);
    await openTab(page, 'Billing');

    const region = billingRegion(page);
    expect(await region.getByRole('combobox', { name: 'Currency' }).inputValue()).toBe('SEK');
    await expect
      .poll(() => region.getByRole('group', { name: 'Running total' }).textContent())
      .toBe(totalBefore);
    await region.getByRole('button', { name: 'View more' }).click();
    await expect
      .poll(() => billingRows(page).evaluateAll((rows) => rows.map((r) => r.textContent)))
      .toEqual(rowsBefore);
    expect(await region.getByRole('group', { name: 'Projects' }).textContent()).toMatch(/Gamma/);
  });

  test('reset: typing DELETE arms it, the backup path is shown, Billing stays empty after a reload', async () => {
    const { page, backend } = session();
    await seedThroughApi(page, backend, mixedLedger());
    await openTab(page, 'Billing');
    await expect.poll(() => billingRows(page).count()).toBe(4);

    await billingRegion(page).getByRole('button', { name: 'Reset cost history' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset cost history' });
    const remove = dialog.getByRole('button', { name: 'Delete cost history' });
    const confirmBox = dialog.getByRole('textbox', { name: 'Type DELETE to confirm' });
    await confirmBox.fill('delete');
    expect(await remove.isDisabled()).toBe(true);
    await confirmBox.fill('DELETE');
    await expect.poll(() => remove.isEnabled()).toBe(true);
    await remove.click();

    const backupPath = await shownBackupPath(dialog);
    expect(backupPath.startsWith(join(backend.dataDir, 'backups'))).toBe(true);
    expect(existsSync(backupPath)).toBe(true);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const region = billingRegion(page);
    await region.getByText('No costs recorded yet').waitFor();
    expect(await region.getByRole('group', { name: 'Running total' }).textContent()).toMatch(/\$0\.00/);
    const events = await readLedger(backend, await pageToken(page));
    expect(events.some((e) => e.type === 'ledger.reset')).toBe(true);

    await page.reload();
    await panelReady(page);
    await openTab(page, 'Billing');
    await region.getByText('No costs recorded yet').waitFor();
    expect(await billingRows(page).count()).toBe(0);
    expect(await region.getByRole('group', { name: 'Running total' }).textContent()).toMatch(
      /0 generations\$0\.00/,
    );
  });
});
