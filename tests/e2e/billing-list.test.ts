import { describe, expect, test } from 'vitest';
import { readLedger } from '../fixtures/e2e/backend.ts';
import { setupE2E } from '../fixtures/e2e/panel.ts';
import { seededRuns, seedThroughApi } from '../fixtures/e2e/seed.ts';
import {
  billingRegion,
  billingRows,
  dismissFinished,
  generateAndWait,
  openTab,
  pageToken,
  typeTag,
} from '../fixtures/e2e/ui.ts';

const session = setupE2E({ speed: 40 });

async function showing(page: ReturnType<typeof session>['page']): Promise<string | null> {
  return billingRegion(page)
    .getByText(/^Showing \d+ of \d+$/)
    .textContent();
}

describe('Billing list against the real backend', () => {
  test('15 runs: 4 rows, View more shows 14, Hide goes back to 4', async () => {
    const { page, backend } = session();
    // 14 settled runs through the API keep the test fast; the 15th is a real run through the UI.
    await seedThroughApi(page, backend, seededRuns(Array.from({ length: 14 }, () => ({}))));
    await page.getByRole('textbox', { name: 'Prompt' }).fill('a lighthouse in a storm');
    await generateAndWait(page);

    await openTab(page, 'Billing');
    await expect.poll(() => showing(page)).toBe('Showing 4 of 15');
    expect(await billingRows(page).count()).toBe(4);
    // Newest first: the UI run (today) is above the seeded November 2025 runs.
    expect(await billingRows(page).first().textContent()).toMatch(/Actual \$0\.\d\d/);
    expect(await billingRegion(page).getByRole('button', { name: 'Hide' }).count()).toBe(0);

    await billingRegion(page).getByRole('button', { name: 'View more' }).click();
    await expect.poll(() => billingRows(page).count()).toBe(14);
    expect(await showing(page)).toBe('Showing 14 of 15');

    await billingRegion(page).getByRole('button', { name: 'Hide' }).click();
    await expect.poll(() => billingRows(page).count()).toBe(4);
    expect(await showing(page)).toBe('Showing 4 of 15');
  });

  test('project chips: one project shows only its rows, a second click shows all again', async () => {
    const { page, backend } = session();
    await seedThroughApi(page, backend, seededRuns([{ project: 'Alpha' }, { project: 'Beta' }, {}]));
    await page.getByRole('textbox', { name: 'Prompt' }).fill('a paper boat on a puddle');
    await typeTag(page, 'Project', 'Alpha');
    await generateAndWait(page);
    await dismissFinished(page);
    await typeTag(page, 'Project', 'Beta');
    await generateAndWait(page);
    const submitted = (await readLedger(backend, await pageToken(page))).filter(
      (e) => e.type === 'generation.submitted',
    );
    expect(submitted.map((e) => e.type === 'generation.submitted' && e.tags.project)).toEqual(
      expect.arrayContaining(['Alpha', 'Beta']),
    );

    await openTab(page, 'Billing');
    await expect.poll(() => showing(page)).toBe('Showing 4 of 5');
    const chips = billingRegion(page).getByRole('group', { name: 'Projects' });
    const alpha = chips.getByRole('button', { name: 'Alpha', exact: true });
    expect(await chips.getByRole('button', { name: 'All' }).getAttribute('aria-pressed')).toBe('true');

    await alpha.click();
    await expect.poll(() => showing(page)).toBe('Showing 2 of 2');
    expect(await alpha.getAttribute('aria-pressed')).toBe('true');
    for (const row of await billingRows(page).allTextContents()) expect(row).toMatch(/Alpha/);

    await alpha.click();
    await expect.poll(() => showing(page)).toBe('Showing 4 of 5');
    expect(await alpha.getAttribute('aria-pressed')).toBe('false');

    await chips.getByRole('button', { name: 'Beta', exact: true }).click();
    await expect.poll(() => showing(page)).toBe('Showing 2 of 2');
    for (const row of await billingRows(page).allTextContents()) expect(row).toMatch(/Beta/);
    await chips.getByRole('button', { name: 'All' }).click();
    await expect.poll(() => showing(page)).toBe('Showing 4 of 5');
  });
});
