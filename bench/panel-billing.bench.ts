/**
 * The Billing tab in Chromium over the backend's read model (issue 12): a real backend on a fixture
 * data dir (bench/ledger-fixture.ts), the built panel, Debian's Chromium. Figures, medians of 5:
 * first Billing rows cold (empty browser cache) and warm (the cached first screen), bytes of the
 * ledger API before the first rows, a chip click until its rows show, View more until 14 rows, the
 * largest bundle chunk gzipped; and that the panel never asks for the whole journal.
 * `--smoke` (or MODELBRIDGE_BENCH_SMOKE=1): 1k generations, 2 runs, no targets (CI).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../src/server/start.ts';
import { chromiumArgs, chromiumPath } from '../tests/setup/chromium.ts';
import { ensurePanelBuilt, PANEL_DIR } from '../tests/fixtures/e2e/build.ts';
import { cachedLedgerFixture, copyLedgerFixture } from './ledger-fixture.ts';
import { formatMs, median } from './report.ts';

const smoke = process.argv.includes('--smoke') || process.env.MODELBRIDGE_BENCH_SMOKE === '1';
const SIZES = smoke ? [1_000] : [1_000, 10_000, 100_000];
const RUNS = smoke ? 2 : 5;
const TARGETS = { coldMs: 1_000, warmMs: 300, bytes: 100_000, chipMs: 50, moreMs: 50, chunkGzip: 500_000 };

let failed = false;
function check(name: string, value: number, limit: number, format: (v: number) => string): void {
  const pass = smoke || value <= limit;
  if (!pass) failed = true;
  console.log(
    `  ${smoke ? 'INFO' : pass ? 'PASS' : 'FAIL'}  ${name}: ${format(value)} (target ≤ ${format(limit)})`,
  );
}

const rows = (page: Page) => page.getByRole('list', { name: 'Cost history' }).getByRole('listitem');

/** Opens the panel, then Billing, and times until the first rows are on screen (ms since the click). */
async function firstRows(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const tab = page.getByRole('tab', { name: 'Billing' });
  await tab.waitFor();
  const started = performance.now();
  await tab.click();
  await rows(page).first().waitFor({ state: 'visible', timeout: 60_000 });
  return performance.now() - started;
}

async function largestChunkGzip(): Promise<number> {
  const dir = join(PANEL_DIR, 'assets');
  const sizes = await Promise.all(
    (await readdir(dir))
      .filter((f) => f.endsWith('.js'))
      .map(async (f) => gzipSync(await readFile(join(dir, f))).length),
  );
  return Math.max(...sizes);
}

ensurePanelBuilt();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
try {
  for (const generations of SIZES) {
    const fixture = await cachedLedgerFixture(generations);
    const dataDir = await copyLedgerFixture(fixture, await mkdtemp(join(tmpdir(), 'mb-bench-panel-')));
    const server = await startServer({ dataDir, port: 0, sandbox: true, env: {}, panelDir: PANEL_DIR });
    try {
      const cold: number[] = [];
      const warm: number[] = [];
      const chip: number[] = [];
      const more: number[] = [];
      let bytes = 0;
      let wholeJournal = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const context = await browser.newContext();
        const page = await context.newPage();
        let counted = true;
        let sent = 0;
        page.on('response', async (response) => {
          const path = new URL(response.url()).pathname;
          if (path === '/api/ledger') wholeJournal += 1;
          if (!counted || !path.startsWith('/api/ledger')) return;
          sent += (await response.body().catch(() => Buffer.alloc(0))).length;
        });
        cold.push(await firstRows(page, server.url));
        counted = false;
        bytes = Math.max(bytes, sent);
        // A chip click: until the list shows only that project's rows.
        const chips = page.getByRole('group', { name: 'Projects' }).getByRole('button');
        const project = (await chips.nth(1).textContent()) ?? '';
        const started = performance.now();
        await chips.nth(1).click();
        await page.waitForFunction(
          (name) => {
            const items = document.querySelectorAll('[aria-label="Cost history"] li');
            return items.length > 0 && [...items].every((li) => li.textContent?.includes(name));
          },
          project,
          { timeout: 30_000 },
        );
        chip.push(performance.now() - started);
        await chips.nth(0).click();
        await rows(page).nth(3).waitFor();
        const viewMore = performance.now();
        await page.getByRole('button', { name: 'View more' }).click();
        await rows(page).nth(13).waitFor({ timeout: 30_000 });
        more.push(performance.now() - viewMore);
        // Warm: the same browser profile again, the first screen drawn from the cache.
        warm.push(await firstRows(page, server.url));
        await context.close();
      }
      console.log(`\n  ${generations} generations (${fixture.events} events), ${RUNS} runs`);
      check('first Billing rows, cold', median(cold), TARGETS.coldMs, formatMs);
      check('first Billing rows, warm', median(warm), TARGETS.warmMs, formatMs);
      check(
        'ledger API bytes before the first rows',
        bytes,
        TARGETS.bytes,
        (v) => `${(v / 1000).toFixed(1)} kB`,
      );
      check('chip click → rows updated', median(chip), TARGETS.chipMs, formatMs);
      check('View more → 14 rows', median(more), TARGETS.moreMs, formatMs);
      check('requests for the whole journal (GET /api/ledger)', wholeJournal, 0, String);
      if (wholeJournal > 0) failed = true;
    } finally {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  check(
    'largest panel chunk, gzip',
    await largestChunkGzip(),
    TARGETS.chunkGzip,
    (v) => `${(v / 1000).toFixed(0)} kB`,
  );
} finally {
  await browser.close();
}
if (failed) process.exitCode = 1;
