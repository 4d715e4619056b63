import { describe, expect, test } from 'vitest';
import { type Backend, readLedger } from '../fixtures/e2e/backend.ts';
import { setupE2E } from '../fixtures/e2e/panel.ts';
import {
  activeRows,
  billingRegion,
  billingRows,
  generateAndWait,
  openTab,
  pageToken,
  chooseExpensiveRun,
  EXPENSIVE,
  finishedRows,
} from '../fixtures/e2e/ui.ts';

const session = setupE2E({ speed: 40 });

const STEPS = ['Sent', 'Queued', 'Generating', 'Downloading', 'Importing'];

/** True when a CSS colour is clearly green (green channel well above red and blue). */
function isGreen(css: string): boolean {
  const [r = 0, g = 0, b = 0] = (css.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return g > r + 30 && g > b + 30;
}

/** The first non-transparent background behind an element (Mantine's light badge tints it green). */
function backgroundOf(el: Element): string {
  for (let node: Element | null = el; node !== null; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
  }
  return 'none';
}

async function submittedIn(backend: Backend, token: string) {
  return (await readLedger(backend, token)).filter((e) => e.type === 'generation.submitted');
}

describe('Generate → Billing against the real backend and Sandbox fal', () => {
  test('a cheap run sends without a dialog, shows its progress, and Billing shows the green Actual badge', async () => {
    const { page, backend } = session();
    await page.getByRole('textbox', { name: 'Prompt' }).fill('a red fox in fresh snow, golden hour');
    await expect
      .poll(() => page.getByRole('status', { name: 'Estimated cost' }).textContent())
      .toMatch(/Estimated \$0\.03/);

    const run = await generateAndWait(page);

    expect(run.dialogSeen).toBe(false);
    expect(run.steps.some((s) => /Sending|Queued|Generating|Downloading|Importing/.test(s))).toBe(true);
    const row = activeRows(page).first();
    await row.getByRole('button', { name: 'Details' }).click();
    const tracker = row.getByRole('region', { name: 'Generation details' }).getByRole('list', {
      name: 'Generation progress',
    });
    const items = await tracker.getByRole('listitem').allTextContents();
    expect(items.map((t) => t.split(',')[0])).toEqual(STEPS);
    for (const item of items) expect(item).toMatch(/, done/);

    await openTab(page, 'Billing');
    await expect.poll(() => billingRows(page).count()).toBe(1);
    const actual = billingRows(page)
      .first()
      .getByText(/^Actual \$\d+\.\d{2}$/);
    await actual.waitFor();
    const colour = await actual.evaluate(backgroundOf);
    expect(isGreen(colour), colour).toBe(true);
    expect(await billingRegion(page).getByRole('group', { name: 'Running total' }).textContent()).toMatch(
      /1 generation\$\d+\.\d{2}/,
    );
    const ledger = await readLedger(backend, await pageToken(page));
    const settled = ledger.filter((e) => e.type === 'generation.settled');
    expect(settled).toHaveLength(1);
    expect(settled[0]).toMatchObject({ basis: expect.any(String) });
  });

  test('an expensive run asks first: Cancel records nothing, Continue records one row', async () => {
    const { page, backend } = session();
    const token = await pageToken(page);
    await chooseExpensiveRun(page);
    await page.getByRole('textbox', { name: 'Prompt' }).fill('a drone shot over a fjord at dawn');
    await expect
      .poll(() => page.getByRole('status', { name: 'Estimated cost' }).textContent())
      .toMatch(EXPENSIVE.estimate);
    const dialog = page.getByRole('dialog', { name: 'Confirm generation cost' });

    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/Kling O3 4K Text to Video.*\$6\.30/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    expect(await submittedIn(backend, token)).toEqual([]);
    await openTab(page, 'Billing');
    await billingRegion(page).getByText('No costs recorded yet').waitFor();
    expect(await billingRows(page).count()).toBe(0);

    await openTab(page, 'Generate');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => finishedRows(page).count(), { timeout: 20_000 }).toBe(1);

    await openTab(page, 'Billing');
    await expect.poll(() => billingRows(page).count()).toBe(1);
    expect(await billingRows(page).first().getAttribute('aria-label')).toMatch(
      /^Kling O3 4K Text to Video, /,
    );
    const submitted = await submittedIn(backend, token);
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ endpointId: 'fal-ai/kling-video/o3/4k/text-to-video' });
  });
});
