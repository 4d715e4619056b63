import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { externalRow, imported, poolDefined, tags } from '../fixtures/ledger-builders.ts';
import { SCREENSHOT_DIR, setupE2E } from '../fixtures/e2e/panel.ts';
import { seededRuns, seedThroughApi } from '../fixtures/e2e/seed.ts';
import {
  activeRows,
  billingRows,
  chooseExpensiveRun,
  generateAndWait,
  openTab,
  type TabName,
  typeTag,
} from '../fixtures/e2e/ui.ts';

const session = setupE2E({ speed: 40 });

// A narrow Premiere dock is tall: the heights show most of each tab without scrolling.
const WIDTHS = [
  { width: 320, height: 1400 },
  { width: 800, height: 1100 },
] as const;
const TABS: readonly TabName[] = ['Generate', 'Billing', 'Settings'];

/** How far the page or the tab's scroll area is wider than the viewport (0 = nothing cut off). */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const widest = [root, ...document.querySelectorAll('[data-scroll-area]')].map(
      (el) => el.scrollWidth - el.clientWidth,
    );
    return Math.max(0, ...widest);
  });
}

/** The cost dialog in a 320 px dock, then Escape, which cancels it like the Cancel button. */
async function confirmDialogAt320(page: Page): Promise<void> {
  await page.setViewportSize({ width: 320, height: 800 });
  await openTab(page, 'Generate');
  await chooseExpensiveRun(page);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('a drone shot over a fjord at dawn');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm generation cost' });
  await dialog.waitFor();
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'confirm-dialog-320.png'), animations: 'disabled' });
  expect(await horizontalOverflow(page), 'the dialog overflows a 320 px dock').toBe(0);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await activeRows(page).count()).toBe(1);
}

describe('Screenshots of every tab at 320 px and 800 px', () => {
  test('Generate, Billing and Settings render without horizontal overflow; PNGs saved for review', async () => {
    const { page, backend } = session();
    const runs = seededRuns([
      { project: 'Alpha', client: 'Acme' },
      { project: 'Beta', actualUsdMicros: 1_234_567 },
      { project: 'Alpha', actualUsdMicros: 6_300_000 },
    ]);
    await seedThroughApi(page, backend, [
      ...runs,
      imported([externalRow({ tags: tags('Acme', 'Alpha', '') })]),
      poolDefined(),
    ]);
    await page.getByRole('textbox', { name: 'Prompt' }).fill('a red fox in fresh snow, golden hour');
    await typeTag(page, 'Project', 'Alpha');
    await generateAndWait(page);
    // The finished run's five-step tracker is part of what designers review.
    await activeRows(page).first().getByRole('button', { name: 'Details' }).click();

    const saved: string[] = [];
    for (const viewport of WIDTHS) {
      await page.setViewportSize(viewport);
      for (const tab of TABS) {
        await openTab(page, tab);
        if (tab === 'Billing') await expect.poll(() => billingRows(page).count()).toBe(4);
        await page.mouse.move(0, 0);
        const file = join(SCREENSHOT_DIR, `${tab.toLowerCase()}-${viewport.width}.png`);
        await page.screenshot({ path: file, animations: 'disabled' });
        saved.push(file);
        expect(await horizontalOverflow(page), `${tab} at ${viewport.width} px overflows sideways`).toBe(0);
      }
    }
    expect(saved).toHaveLength(6);
    await confirmDialogAt320(page);
  });
});

describe('The page watch itself', () => {
  test('records a refused API call and a console error, and allow() accepts an expected one', async () => {
    const { page, problems, allow } = session();
    expect(problems()).toEqual([]);
    // Without the token header the backend answers 401: the watch must see it (else the check is empty).
    await page.evaluate(() => fetch('/api/ledger').then((r) => r.status));
    await page.evaluate(() => console.error('e2e watch self-check'));
    // Sorted, since Chromium may report its own log of the refused load before or after the response.
    await expect
      .poll(() =>
        problems()
          .map((p) => `${p.kind}: ${p.text}`)
          .sort(),
      )
      .toEqual([
        expect.stringMatching(/^console: Failed to load resource.*401/),
        expect.stringMatching(/^console: e2e watch self-check/),
        expect.stringMatching(/^response: 401 .*\/api\/ledger$/),
      ]);
    allow(/\/api\/ledger\)?$|e2e watch self-check/);
    expect(problems()).toEqual([]);
  });
});
